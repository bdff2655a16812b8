import { existsSync, mkdtempSync, readFileSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';
import { SHARED_DIR, tempWorkspace } from '../helpers/seeds.js';
import { lineSpans, parseManifest, progressReporter, shardOf } from '../../src/cli/commands/align.js';

const TB = join(SHARED_DIR, 'bench/alignment/textberg-dev');

function readAlignment(path: string): { documents: { id: string; sentences: unknown[] }[]; groups: { id: string; status: string; score?: number; members: { doc: string; sentences: number[] }[] }[] } {
  return JSON.parse(readFileSync(path, 'utf8'));
}

describe('allinea align', () => {
  it('aligns the seeds corpus in comparable mode and writes suggested groups', async () => {
    const dir = tempWorkspace();
    const out = join(dir, 'alignments', 'seeds.align.json');
    const r = await cli(['align', 'seeds', '-o', 'alignments/seeds.align.json'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^mode: comparable \(.+\)$/m);
    expect(r.stdout).toBe('');
    const file = readAlignment(out);
    expect(file.documents).toHaveLength(5);
    expect(file.groups.length).toBeGreaterThan(3);
    for (const g of file.groups) {
      expect(g.status).toBe('suggested');
      expect(g.score).toBeGreaterThanOrEqual(0);
      expect(g.score).toBeLessThanOrEqual(1);
    }
  });

  it('keeps confirmed groups on re-alignment and does not suggest their sentences again', async () => {
    const dir = tempWorkspace();
    const out = join(dir, 'seeds.align.json');
    expect((await cli(['align', 'seeds', '-o', out], { cwd: dir })).code).toBe(0);
    const first = readAlignment(out);
    const chosen = first.groups[0]!;
    const edited = { ...first, groups: first.groups.map((g) => (g.id === chosen.id ? { ...g, status: 'confirmed' } : g)) };
    writeFileSync(out, JSON.stringify(edited, null, 2));
    const r = await cli(['align', '-o', out], { cwd: dir });
    expect(r.code).toBe(0);
    const second = readAlignment(out);
    const kept = second.groups.find((g) => g.status === 'confirmed')!;
    expect(kept.members.map((m) => [m.doc, m.sentences])).toEqual(chosen.members.map((m) => [m.doc, m.sentences]));
    const taken = new Set(kept.members.flatMap((m) => m.sentences.map((s) => `${m.doc}:${s}`)));
    for (const g of second.groups.filter((x) => x.status === 'suggested')) {
      for (const m of g.members) for (const s of m.sentences) expect(taken.has(`${m.doc}:${s}`)).toBe(false);
    }
  });

  it('aligns pre-split parallel files with --presplit in parallel mode', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'allinea-align-'));
    const r = await cli(['align', '--presplit', join(TB, 'dev.de'), join(TB, 'dev.fr'), '-o', 'tb.align.json'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/mode: parallel/);
    const file = readAlignment(join(dir, 'tb.align.json'));
    expect(file.documents.map((d) => d.sentences.length)).toEqual([468, 554]);
    expect(file.groups.length).toBeGreaterThan(300);
  });

  it('runs a batch manifest in deterministic shards', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'allinea-batch-'));
    for (const f of ['dev.de', 'dev.fr']) cpSync(join(TB, f), join(dir, f));
    writeFileSync(join(dir, 'pairs.tsv'), '# name, then files\nfirst\tdev.de\tdev.fr\nsecond\tdev.de\tdev.fr\n');
    const r = await cli(['align', '--presplit', '--mode', 'parallel', '--manifest', 'pairs.tsv', '--out-dir', 'out', '--shard', '2/2'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(existsSync(join(dir, 'out', 'second.align.json'))).toBe(true);
    expect(existsSync(join(dir, 'out', 'first.align.json'))).toBe(false);
    expect(r.stderr).toMatch(/Done: 1 aligned, 0 failed/);
  });

  it('fails with one sentence on bad input', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'allinea-bad-'));
    const missing = await cli(['align', 'nowhere.txt', 'nothere.txt', '-o', 'x.align.json'], { cwd: dir });
    expect(missing.code).toBe(2);
    expect(missing.stderr.trim().split('\n')).toHaveLength(1);
    const shard = await cli(['align', '--manifest', 'pairs.tsv', '--out-dir', 'o', '--shard', '3/2'], { cwd: dir });
    expect(shard.code).toBe(2);
    const lexicon = await cli(['align', '--lexicon', 'missing.tsv', join(TB, 'dev.de'), join(TB, 'dev.fr')], { cwd: dir });
    expect(lexicon.code).toBe(2);
    expect(lexicon.stderr).toMatch(/Lexicon missing\.tsv does not exist/);
  });
});

describe('align helpers', () => {
  it('splits pre-segmented text into one span per non-empty line', () => {
    const text = 'One.\r\n\nTwo two.\n  \nThree';
    expect(lineSpans(text).map(([s, e]) => text.slice(s, e))).toEqual(['One.', 'Two two.', 'Three']);
  });

  it('reads manifests with and without set names, and shards them deterministically', () => {
    const exists = (p: string) => p.endsWith('.txt');
    const sets = parseManifest('a.en.txt\ta.fr.txt\nnovel\tb.en.txt\tb.fr.txt\n# comment\na.en.txt\tc.fr.txt\n', exists);
    expect(sets.map((s) => s.name)).toEqual(['a.en', 'novel', 'a.en-2']);
    expect(sets[1]!.files).toEqual(['b.en.txt', 'b.fr.txt']);
    // A set named like the suffix another would get: no two sets write the same file.
    const clash = parseManifest('pair\ta.en.txt\ta.fr.txt\npair\tb.en.txt\tb.fr.txt\npair-2\tc.en.txt\tc.fr.txt\n', exists);
    expect(clash.map((s) => s.name)).toEqual(['pair', 'pair-3', 'pair-2']);
    const items = [0, 1, 2, 3, 4, 5, 6];
    expect(shardOf(items, '1/3')).toEqual([0, 3, 6]);
    expect(shardOf(items, '3/3')).toEqual([2, 5]);
    expect([...shardOf(items, '1/2'), ...shardOf(items, '2/2')].sort()).toEqual(items);
    expect(() => shardOf(items, '0/2')).toThrow(/--shard/);
  });

  it('shows progress with percentage, rate and ETA only on a terminal', () => {
    let written = '';
    let t = 0;
    const tty = progressReporter({ write: (s: string) => (written += s), isTTY: true }, 'aligning', 1000, () => t);
    t = 1000;
    tty.update(50, 100);
    expect(written).toMatch(/aligning 50% · 500 sentences\/s · ETA 1 s/);
    let quiet = '';
    const pipe = progressReporter({ write: (s: string) => (quiet += s), isTTY: false }, 'aligning', 1000, () => t);
    t = 2000;
    pipe.update(50, 100);
    pipe.done();
    expect(quiet).toBe('');
  });
});
