/**
 * The package as users get it: `npm pack`, `npm install -g` into a temporary prefix, and the
 * installed `allinea` run from another folder, with the repository hidden (a private mount
 * namespace lays an empty tmpfs over it, where the machine allows) so nothing can reach back
 * into it. Once as the current user and once as an ordinary user (`nobody`), who cannot
 * write into the installation: any write there fails the run.
 */
import { spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanEnv, packAndInstall, type PackedInstall } from '../helpers/packed-install.js';
import { REPO_ROOT } from '../helpers/seeds.js';
import { TmuxSession, hasTmux } from '../e2e/tmux.js';

const VERSION = (JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
const isRoot = process.getuid?.() === 0;
const probe = (cmd: string, args: string[]) => spawnSync(cmd, args, { stdio: 'ignore', timeout: 20_000 }).status === 0;
/** A private mount namespace where the repository can be covered (root on Linux, unshare present). */
const canHideRepository = isRoot && probe('unshare', ['--mount', 'sh', '-c', 'mount -t tmpfs none "$0"', REPO_ROOT]);
const NOBODY_UID = 65534;
const canRunAsNobody = isRoot && probe('runuser', ['-u', 'nobody', '--', process.execPath, '-e', '0']);

let install: PackedInstall;

/** path -> size and mtime of every file of the installed package (node_modules aside). */
function snapshot(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) {
        if (e.name !== 'node_modules') walk(p);
      } else {
        const s = statSync(p);
        files.set(p, `${s.size}:${s.mtimeMs}`);
      }
    }
  };
  walk(dir);
  return files;
}

/** The argv that runs the installed allinea in `work`: clean environment, repository hidden where possible. */
function argv(args: string[], work: string, asNobody: boolean, extraEnv: Record<string, string> = {}): string[] {
  const env = Object.entries({ ...cleanEnv(install.binDir, work), ...extraEnv }).map(([k, v]) => `${k}=${v}`);
  const command = [...(asNobody ? ['runuser', '-u', 'nobody', '--'] : []), 'env', '-i', ...env, 'allinea', ...args];
  return canHideRepository ? ['unshare', '--mount', 'sh', '-c', 'mount -t tmpfs none "$0" && cd "$1" && shift && exec "$@"', REPO_ROOT, work, ...command] : command;
}

function run(args: string[], work: string, asNobody: boolean): { status: number | null; stdout: string; stderr: string } {
  const [cmd, ...rest] = argv(args, work, asNobody);
  const child = spawnSync(cmd!, rest, { cwd: work, encoding: 'utf8', timeout: 60_000 });
  return { status: child.status, stdout: child.stdout, stderr: child.stderr };
}

const shellQuote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

beforeAll(() => {
  install = packAndInstall();
}, 300_000);

afterAll(() => {
  if (install) rmSync(install.root, { recursive: true, force: true });
});

function commandsWork(asNobody: boolean): void {
  const work = mkdtempSync(join(install.root, asNobody ? 'work-nobody-' : 'work-'));
  if (asNobody) chownSync(work, NOBODY_UID, NOBODY_UID);
  const before = snapshot(install.packageDir);
  const ok = (args: string[]) => {
    const result = run(args, work, asNobody);
    expect(result.stderr, `allinea ${args.join(' ')}`).not.toMatch(/Cannot resolve|unexpected error|EACCES|at .*\.js:\d+/);
    expect(result.status, `allinea ${args.join(' ')}: ${result.stderr}`).toBe(0);
    return result;
  };

  expect(ok(['--version']).stdout.trim()).toBe(VERSION);
  expect(ok(['--help']).stdout).toContain(join(install.packageDir, 'docs'));
  const split = ok(['split', join(install.packageDir, 'seeds', readdirSync(join(install.packageDir, 'seeds')).find((f) => f.endsWith('.txt'))!), '--format', 'lines']);
  expect(split.stdout.split('\n').filter(Boolean).length).toBeGreaterThan(3);
  // No arguments: the bundled seeds, aligned into the working folder, not into the installation.
  const align = ok(['align']);
  expect(align.stderr).toContain(join(work, 'seeds.align.json'));
  expect(existsSync(join(work, 'seeds.align.json'))).toBe(true);
  ok(['check', 'seeds.align.json']);
  expect(ok(['check', '--format', 'json']).stdout).toContain('seeds.align.json'); // no paths: what align wrote here
  ok(['export', 'seeds.align.json', '--to', 'tmx', '--status', 'all', '-o', 'seeds.tmx']);
  expect(readFileSync(join(work, 'seeds.tmx'), 'utf8')).toContain('<tu');
  // The installed package's own files are untouched.
  expect(snapshot(install.packageDir)).toEqual(before);
}

describe('the packed, installed package', () => {
  it('ships the bundle, the docs and the licence, and no development-only files', () => {
    for (const file of ['dist/main.js', 'dist/THIRD-PARTY-NOTICES.md', 'docs/check.md', 'LICENSE', 'seeds/README.md', 'lexicons/README.md']) expect(existsSync(join(install.packageDir, file)), file).toBe(true);
    expect(existsSync(join(install.packageDir, 'tests'))).toBe(false);
    // The bundle runs without the sources, their tsconfig or source maps.
    for (const file of ['src', 'tsconfig.json', 'scripts']) expect(existsSync(join(install.packageDir, file)), file).toBe(false);
    expect(readdirSync(join(install.packageDir, 'dist')).filter((f) => f.endsWith('.map'))).toEqual([]);
  });

  it('installs nothing besides itself (the bundle inlines its dependencies) and runs no install script', () => {
    const shipped = JSON.parse(readFileSync(join(install.packageDir, 'package.json'), 'utf8')) as { dependencies?: object; scripts?: Record<string, string> };
    expect(shipped.dependencies ?? {}).toEqual({});
    for (const script of ['preinstall', 'install', 'postinstall', 'prepare']) expect(shipped.scripts?.[script], script).toBeUndefined();
    expect(existsSync(join(install.packageDir, 'node_modules'))).toBe(false);
    // The developer's package.json is put back after the pack.
    expect((JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts.prepare).toBeDefined();
  });

  it(`runs --version, split, align, check and export from another folder as ${isRoot ? 'root' : 'the current user'}${canHideRepository ? ', with the repository hidden' : ''}`, () => {
    commandsWork(false);
  });

  it('runs through npx --package=<tarball> from another folder', () => {
    const work = mkdtempSync(join(install.root, 'work-npx-'));
    const env = { ...process.env, ALLINEA_FROM_SOURCE: undefined, npm_config_yes: 'true' };
    const child = spawnSync('npx', ['--prefer-offline', `--package=${install.tarball}`, 'allinea', '--version'], { cwd: work, env, encoding: 'utf8', timeout: 120_000 });
    expect(child.stderr).not.toMatch(/Cannot resolve|unexpected error/);
    expect(child.stdout.trim()).toBe(VERSION);
  }, 150_000);

  it.skipIf(!hasTmux)(`opens the workbench on the bundled seeds, runs the aligner and saves into the working folder${hasTmux ? '' : ' — SKIPPED: tmux is not installed'}`, async () => {
    const work = mkdtempSync(join(install.root, 'work-view-'));
    const before = snapshot(install.packageDir);
    const command = argv(['--lang', 'en'], work, false, { TERM: 'xterm-256color', CI: 'false' }).map(shellQuote).join(' ');
    const tmux = new TmuxSession(`cd ${shellQuote(work)} && ${command}; echo "EXITED:$?"; sleep 600`);
    try {
      await tmux.waitForText('Sample seeds (read-only)', 90_000);
      tmux.type('A'); // the aligner runs in a worker thread: from the installed bundle too
      await tmux.waitForText('The aligner finished', 90_000);
      tmux.keys('C-s');
      await tmux.waitForText('Saved seeds.align.json');
      tmux.type('q');
      await tmux.waitForText('EXITED:0');
    } finally {
      tmux.kill();
    }
    expect(existsSync(join(work, 'seeds.align.json'))).toBe(true);
    expect(snapshot(install.packageDir)).toEqual(before);
  }, 240_000);

  it.skipIf(!canRunAsNobody)(
    `runs them as an ordinary user (nobody)${canRunAsNobody ? '' : ' — SKIPPED: this machine cannot run commands as nobody (needs root and runuser)'}`,
    () => {
      commandsWork(true);
    },
  );
});
