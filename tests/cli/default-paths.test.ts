/**
 * The bundled seeds are read-only sample data: run on them from anywhere but the repository,
 * allinea writes their alignment into the working folder and never into its own folder.
 */
import { mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_ALIGNMENT, seedsAlignmentPath } from '../../src/cli/paths.js';
import { cli } from '../helpers/cli.js';
import { REPO_ROOT } from '../helpers/seeds.js';

describe('default alignment of the bundled seeds', () => {
  it('is the committed file inside the repository, the working folder anywhere else', () => {
    expect(seedsAlignmentPath(REPO_ROOT)).toEqual({ path: DEFAULT_ALIGNMENT, inWorkingFolder: false });
    expect(seedsAlignmentPath(join(REPO_ROOT, 'src'))).toEqual({ path: DEFAULT_ALIGNMENT, inWorkingFolder: false });
    expect(seedsAlignmentPath('/somewhere/else')).toEqual({ path: '/somewhere/else/seeds.align.json', inWorkingFolder: true });
  });

  it('refuses to default to a file inside an installed package (not a checkout)', () => {
    const installed = mkdtempSync(join(tmpdir(), 'allinea-installed-'));
    mkdirSync(join(installed, 'alignments'));
    writeFileSync(join(installed, 'package.json'), '{"name":"allinea"}');
    expect(() => seedsAlignmentPath(join(installed, 'alignments'), installed)).toThrow(/never writes to/);
    expect(seedsAlignmentPath(tmpdir(), installed).path).toBe(join(tmpdir(), 'seeds.align.json'));
  });

  it('`allinea align` with no arguments from another folder writes there and leaves the committed alignment alone', async () => {
    const before = readFileSync(DEFAULT_ALIGNMENT, 'utf8');
    const mtime = statSync(DEFAULT_ALIGNMENT).mtimeMs;
    const work = mkdtempSync(join(tmpdir(), 'allinea-elsewhere-'));
    const result = await cli(['align'], { cwd: work });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain(`written to ${join(work, 'seeds.align.json')}`);
    expect(result.stderr).toContain('read-only sample data');
    const written = JSON.parse(readFileSync(join(work, 'seeds.align.json'), 'utf8')) as { documents: { path: string }[] };
    expect(written.documents).toHaveLength(5);
    expect(readFileSync(DEFAULT_ALIGNMENT, 'utf8')).toBe(before);
    expect(statSync(DEFAULT_ALIGNMENT).mtimeMs).toBe(mtime);
    // Run again: it re-aligns the working folder's copy (its documents resolve to the bundled seeds).
    const again = await cli(['check', 'seeds.align.json'], { cwd: work });
    expect(again.code, again.stdout).toBe(0);
  });
});
