/**
 * Packs allinea as `npm publish` would and installs the tarball into a temporary prefix, as a
 * user's `npm install -g` does. The pack runs from a copy of the working tree (the repository's
 * own dist/ is neither used nor rebuilt under the feet of other tests), with the repository's
 * node_modules linked in for the build tools only.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readdirSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import { join, relative } from 'node:path';
import { REPO_ROOT } from './seeds.js';

const NOT_PACKED = new Set(['node_modules', '.git', 'dist', '.tmp', 'coverage']);

export interface PackedInstall {
  readonly root: string;
  readonly tarball: string;
  /** The installed package folder (<prefix>/lib/node_modules/allinea). */
  readonly packageDir: string;
  /** The `allinea` command npm linked into <prefix>/bin. */
  readonly bin: string;
  readonly binDir: string;
}

/** An environment without the developer's choices (ALLINEA_FROM_SOURCE, NODE_OPTIONS) and with the prefix's bin first. */
export function cleanEnv(binDir: string, home: string): NodeJS.ProcessEnv {
  return {
    PATH: [binDir, join(process.execPath, '..'), '/usr/local/bin', '/usr/bin', '/bin'].join(':'),
    HOME: home,
    LANG: 'C.UTF-8',
    NO_COLOR: '1',
  };
}

export function packAndInstall(): PackedInstall {
  const root = mkdtempSync(join(os.tmpdir(), 'allinea-pack-'));
  chmodSync(root, 0o755); // an ordinary user must reach the installed package
  const stage = join(root, 'stage');
  mkdirSync(stage);
  for (const entry of readdirSync(REPO_ROOT)) {
    if (!NOT_PACKED.has(entry)) cpSync(join(REPO_ROOT, entry), join(stage, entry), { recursive: true });
  }
  symlinkSync(join(REPO_ROOT, 'node_modules'), join(stage, 'node_modules'));
  const env = { ...process.env, ALLINEA_FROM_SOURCE: undefined, npm_config_loglevel: 'error', npm_config_fund: 'false', npm_config_audit: 'false' };
  const packed = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', root], { cwd: stage, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })) as { filename: string }[];
  const tarball = join(root, packed[0]!.filename);
  const prefix = join(root, 'prefix');
  // The dependencies come from npm's cache (filled by `npm ci`); the registry only when missing.
  execFileSync('npm', ['install', '--global', '--prefix', prefix, '--prefer-offline', tarball], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const packageDir = join(prefix, 'lib', 'node_modules', 'allinea');
  const binDir = join(prefix, 'bin');
  if (relative(REPO_ROOT, packageDir).startsWith('..') === false) throw new Error('the package was installed inside the repository');
  return { root, tarball, packageDir, bin: join(binDir, 'allinea'), binDir };
}
