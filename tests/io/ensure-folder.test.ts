/** ensureFolder: never hangs (Node's recursive mkdir loops on /proc/sys/x), and names a file in the way. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ensureFolder } from '../../src/io/fs-errors.js';
import { cli } from '../helpers/cli.js';
import { REPO_ROOT, SEEDS_DIR } from '../helpers/seeds.js';

describe('ensureFolder', () => {
  it('creates the missing folders one by one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'allinea-folder-'));
    ensureFolder(join(dir, 'a', 'b', 'c'));
    expect(statSync(join(dir, 'a', 'b', 'c')).isDirectory()).toBe(true);
    ensureFolder(join(dir, 'a', 'b', 'c')); // already there: nothing to do
  });

  it('says a path that is a file, or runs through one, is not a folder', () => {
    const dir = mkdtempSync(join(tmpdir(), 'allinea-folder-'));
    writeFileSync(join(dir, 'ok.fr'), 'Bonjour.\n');
    expect(() => ensureFolder(join(dir, 'ok.fr'))).toThrow(/^Cannot write .*ok\.fr: it is a file, not a folder\.$/);
    expect(() => ensureFolder(join(dir, 'ok.fr', 'x'))).toThrow(/ok\.fr is a file, not a folder\.$/);
  });

  it.runIf(existsSync('/proc/sys'))('fails at once under /proc/sys, where a recursive mkdir never returns', () => {
    // In a child with a timeout: before the fix this call looped forever.
    const script = `import { ensureFolder } from ${JSON.stringify(pathToFileURL(join(REPO_ROOT, 'src/io/fs-errors.ts')).href)};
try { ensureFolder('/proc/sys/allinea-x/y'); } catch (e) { process.stdout.write(e.message); }`;
    const child = spawnSync(process.execPath, ['--import', pathToFileURL(join(REPO_ROOT, 'node_modules/tsx/dist/loader.mjs')).href, '--input-type=module', '-e', script], { encoding: 'utf8', timeout: 20_000 });
    expect(child.signal, 'ensureFolder hung').toBeNull();
    expect(child.stdout).toMatch(/^Cannot write \/proc\/sys\/allinea-x: /);
  });
});

describe('align --manifest --out-dir', () => {
  it('naming an existing file says it is a file, not a folder', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'allinea-outdir-'));
    mkdirSync(join(dir, 'docs'));
    writeFileSync(join(dir, 'ok.fr'), 'Bonjour.\n');
    writeFileSync(join(dir, 'm.tsv'), `${join(SEEDS_DIR, '000_8f095107cca91a8d.txt')}\t${join(SEEDS_DIR, '000_8f095107cca91a8d.txt')}\n`);
    const result = await cli(['align', '--manifest', 'm.tsv', '--out-dir', 'ok.fr'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^allinea: Cannot write .*ok\.fr: it is a file, not a folder\.\n$/);
  });
});
