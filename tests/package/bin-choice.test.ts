/**
 * bin/allinea.js runs the bundle unless the developer asks for the sources: file times decide
 * nothing (npm unpacks a package's files in any order, so src/ may look newer than dist/).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/seeds.js';

function fakePackage(): string {
  const root = mkdtempSync(join(tmpdir(), 'allinea-bin-'));
  mkdirSync(join(root, 'bin'));
  cpSync(join(REPO_ROOT, 'bin', 'allinea.js'), join(root, 'bin', 'allinea.js'));
  writeFileSync(join(root, 'package.json'), '{"name":"allinea","type":"module"}');
  mkdirSync(join(root, 'dist'));
  writeFileSync(join(root, 'dist', 'main.js'), "process.stdout.write('bundle');\n");
  mkdirSync(join(root, 'src', 'cli'), { recursive: true });
  writeFileSync(join(root, 'src', 'cli', 'main.ts'), "const from: string = 'sources';\nprocess.stdout.write(from);\n");
  writeFileSync(join(root, 'tsconfig.json'), '{"compilerOptions":{"module":"NodeNext","moduleResolution":"NodeNext"}}');
  symlinkSync(join(REPO_ROOT, 'node_modules'), join(root, 'node_modules'));
  // As npm may unpack it: the sources newer than the bundle.
  const old = new Date(Date.now() - 86_400_000);
  utimesSync(join(root, 'dist', 'main.js'), old, old);
  return root;
}

const run = (root: string, env: Record<string, string | undefined>) =>
  spawnSync(process.execPath, [join(root, 'bin', 'allinea.js')], { cwd: tmpdir(), env: { ...process.env, ALLINEA_FROM_SOURCE: undefined, ...env }, encoding: 'utf8' });

describe('bin/allinea.js', () => {
  it('runs the bundle even when the sources look newer', () => {
    expect(run(fakePackage(), {}).stdout).toBe('bundle');
  });

  it('runs the sources when ALLINEA_FROM_SOURCE=1 asks for them', () => {
    expect(run(fakePackage(), { ALLINEA_FROM_SOURCE: '1' }).stdout).toBe('sources');
  });

  it('says in one line what is missing when it can run neither', () => {
    const root = mkdtempSync(join(tmpdir(), 'allinea-bin-'));
    mkdirSync(join(root, 'bin'));
    cpSync(join(REPO_ROOT, 'bin', 'allinea.js'), join(root, 'bin', 'allinea.js'));
    writeFileSync(join(root, 'package.json'), '{"name":"allinea","type":"module"}');
    const result = run(root, {});
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^allinea: cannot start: .*dist\/main\.js is missing; reinstall allinea/);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });
});
