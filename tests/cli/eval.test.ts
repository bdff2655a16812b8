import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';
import { SHARED_DIR } from '../helpers/seeds.js';

const TB = join(SHARED_DIR, 'bench/alignment/textberg-dev');

describe('allinea eval', () => {
  it('scores a gold bead file against itself as perfect', async () => {
    const r = await cli(['eval', '--gold', join(TB, 'dev.defr'), '--pred', join(TB, 'dev.defr')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^strict {2}P 1\.000 {2}R 1\.000 {2}F1 1\.000$/m);
    expect(r.stdout).toMatch(/^lax {5}P 1\.000/m);
  });

  it('prints hand-checkable figures for bead files, also as JSON', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'allinea-eval-'));
    writeFileSync(join(dir, 'gold'), '[0]:[0]\n[1, 2]:[1]\n[3]:[2]\n[]:[3]\n[4]:[4]\n');
    writeFileSync(join(dir, 'pred'), '[0]:[0]\n[1]:[1]\n[2]:[]\n[3]:[2, 3]\n[4]:[4]\n');
    const r = await cli(['eval', '-g', 'gold', '-p', 'pred', '--json'], { cwd: dir });
    expect(r.code).toBe(0);
    const s = JSON.parse(r.stdout);
    expect(s.strict.precision).toBeCloseTo(0.4);
    expect(s.strict.recall).toBeCloseTo(0.5);
    expect(s.lax.precision).toBeCloseTo(0.8);
    expect(s.lax.recall).toBeCloseTo(1);
  });

  it('scores an alignment file written by allinea align against the bead gold', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'allinea-eval-'));
    expect((await cli(['align', '--presplit', join(TB, 'dev.de'), join(TB, 'dev.fr'), '-o', 'p.align.json'], { cwd: dir })).code).toBe(0);
    const r = await cli(['eval', '--gold', join(TB, 'dev.defr'), '--pred', 'p.align.json', '--json'], { cwd: dir });
    expect(r.code).toBe(0);
    const s = JSON.parse(r.stdout);
    expect(s.strict.f1).toBeGreaterThan(0.7);
  });

  it('fails clearly on a malformed bead file or unpaired inputs', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'allinea-eval-'));
    writeFileSync(join(dir, 'bad'), '[0]:[0]\nnot a bead\n');
    const bad = await cli(['eval', '-g', join(TB, 'dev.defr'), '-p', 'bad'], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/Line 2/);
    const unpaired = await cli(['eval', '-g', join(TB, 'dev.defr'), join(TB, 'dev.defr'), '-p', join(TB, 'dev.defr')], { cwd: dir });
    expect(unpaired.code).toBe(2);
  });
});
