/** `allinea check --fix` saves like the workbench should: through links, never over another program's changes, no litter. */
import { spawnSync } from 'node:child_process';
import { appendFileSync, lstatSync, mkdirSync, readdirSync, readFileSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { cli } from '../helpers/cli.js';
import { buildFixture, readFile } from '../core/check/fixture.js';

/** Set by a test: runs right before check --fix writes the alignment (another program saving meanwhile). */
const hooks: { beforeWrite?: (path: string) => void } = {};
vi.mock('../../src/io/alignment-file.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/io/alignment-file.js')>();
  return {
    ...real,
    writeAlignmentFile: (path: string, ...rest: Parameters<typeof real.writeAlignmentFile> extends [string, ...infer R] ? R : never) => {
      hooks.beforeWrite?.(path);
      return real.writeAlignmentFile(path, ...rest);
    },
  };
});

function driftedFixture() {
  const f = buildFixture();
  const source = join(f.dir, 'seeds', '001_80762caa75312a24.txt');
  writeFileSync(source, `Una frase nuova all'inizio.\n\n${readFile(source)}`);
  return f;
}

describe('allinea check --fix saves', () => {
  it('works on an alignment opened through a symbolic link: documents beside the target, the link kept', async () => {
    const f = driftedFixture();
    const elsewhere = join(f.dir, 'elsewhere');
    mkdirSync(elsewhere);
    const link = join(elsewhere, 'seeds.align.json');
    symlinkSync(f.file, link);
    const result = await cli(['check', '--fix', 'seeds.align.json'], { cwd: elsewhere });
    expect(result.stdout).not.toContain('missing');
    expect(result.code, result.stdout).toBe(0);
    expect(result.stdout).toContain('fixed: re-anchored "it-001"');
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFile(f.file)).toContain('"sha256"');
    expect((await cli(['check', 'seeds.align.json'], { cwd: elsewhere })).code).toBe(0);
  });

  it('does not overwrite a file that changed on disk since check read it, and says so', async () => {
    const f = driftedFixture();
    hooks.beforeWrite = (path) => appendFileSync(path, '\n');
    try {
      const result = await cli(['check', '--fix'], { cwd: f.dir });
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/alignments\/seeds\.align\.json changed on disk while allinea check --fix was working on it; it was not overwritten/);
    } finally {
      hooks.beforeWrite = undefined;
    }
    // The other program's version is what is on disk, and no temporary file is left.
    expect(readFile(f.file).endsWith('\n\n')).toBe(true);
    expect(readdirSync(join(f.dir, 'alignments'))).toEqual(['seeds.align.json']);
  });

  it('removes temporary files left by interrupted saves whose process is gone', async () => {
    const f = buildFixture();
    const dead = Number(spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout);
    const stale = `.seeds.align.json.${dead}.00c0ffee.tmp`;
    writeFileSync(join(f.dir, 'alignments', stale), readFileSync(f.file));
    const hourAgo = new Date(Date.now() - 3_600_000);
    utimesSync(join(f.dir, 'alignments', stale), hourAgo, hourAgo);
    const result = await cli(['check'], { cwd: f.dir });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(`removed ${stale}, left over by an interrupted save`);
    expect(readdirSync(join(f.dir, 'alignments'))).toEqual(['seeds.align.json']);
  });
});
