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

describe('allinea check with no paths', () => {
  it('outside the repository checks what `allinea align` wrote there (./*.align.json)', async () => {
    const work = mkdtempSync(join(tmpdir(), 'allinea-check-here-'));
    const aligned = await cli(['align'], { cwd: work });
    expect(aligned.code, aligned.stderr).toBe(0);
    // It started from the bundled curated alignment: its confirmed groups and notes are kept.
    type Saved = { groups: { id: string; status: string; note?: string; members: unknown[] }[] };
    const curated = (JSON.parse(readFileSync(DEFAULT_ALIGNMENT, 'utf8')) as Saved).groups.filter((g) => g.status === 'confirmed');
    const written = (JSON.parse(readFileSync(join(work, 'seeds.align.json'), 'utf8')) as Saved).groups.filter((g) => g.status === 'confirmed');
    expect(curated.length).toBeGreaterThan(0);
    expect(written.map((g) => [g.id, g.note, g.members])).toEqual(curated.map((g) => [g.id, g.note, g.members]));
    expect(aligned.stderr).toContain(`whose ${curated.length} confirmed groups are kept`);
    const checked = await cli(['check', '--format', 'json'], { cwd: work });
    expect(checked.stderr).not.toMatch(/does not exist/);
    expect(checked.code, checked.stderr).toBe(0);
    expect(checked.stdout).toContain('seeds.align.json');
  });

  it('in a folder with neither alignments/ nor *.align.json says where it looked and what to give', async () => {
    const work = mkdtempSync(join(tmpdir(), 'allinea-check-empty-'));
    const checked = await cli(['check'], { cwd: work });
    expect(checked.code).toBe(2);
    expect(checked.stderr).toBe(`allinea: Nothing to check in ${work}: there is no alignments/ folder and no *.align.json file here; name the files or folders to check, e.g. allinea check seeds.align.json.\n`);
  });
});
