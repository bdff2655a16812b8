import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBeads, type BeadPair } from '../../../src/core/align/beads.js';
import { scoreAlignments } from '../../../src/core/align/bead-scoring.js';
import { alignParallelBeads } from '../../../src/core/align/parallel-pair.js';
import { align } from '../../../src/core/align/index.js';
import type { AlignDocument } from '../../../src/core/align/types.js';
import { presplitDocument, presplitLines } from '../../../src/core/align/presplit.js';
import { SHARED_DIR } from '../../helpers/seeds.js';

const DATA = join(SHARED_DIR, 'bench/alignment');

const presplit = (id: string, lang: string, path: string): AlignDocument => presplitDocument(id, lang, presplitLines(readFileSync(path, 'utf8')));

const de = presplit('de', 'de', join(DATA, 'textberg-dev/dev.de'));
const fr = presplit('fr', 'fr', join(DATA, 'textberg-dev/dev.fr'));
const gold = parseBeads(readFileSync(join(DATA, 'textberg-dev/dev.defr'), 'utf8'));

describe('parallel mode on textberg-dev (de-fr, real gold)', () => {
  const pred = alignParallelBeads(de, fr);

  it('beats hunalign (strict F1 0.659, lax 0.877 on this set) and reaches the 0.80 aim', () => {
    const s = scoreAlignments([{ gold, pred }]);
    expect(s.strict.f1).toBeGreaterThanOrEqual(0.8);
    expect(s.lax.f1).toBeGreaterThan(0.877);
  });

  it('covers every sentence exactly once, monotonically, with beads of at most 3 per side by default', () => {
    const src = pred.flatMap((b) => b.source);
    const tgt = pred.flatMap((b) => b.target);
    expect(src).toEqual(de.sentences.map((_, i) => i));
    expect(tgt).toEqual(fr.sentences.map((_, j) => j));
    for (const b of pred) expect(b.source.length <= 3 && b.target.length <= 3).toBe(true);
    expect(pred.some((b) => b.source.length === 3 || b.target.length === 3)).toBe(true);
  });

  it('honours a smaller maximum bead size', () => {
    const narrow: BeadPair[] = alignParallelBeads(de, fr, { maxBead: 2 });
    for (const b of narrow) expect(b.source.length <= 2 && b.target.length <= 2).toBe(true);
    expect(scoreAlignments([{ gold, pred: narrow }]).strict.f1).toBeGreaterThan(0.659);
  });
});

describe('parallel mode through align()', () => {
  it('picks parallel mode automatically for translations and says why', () => {
    const result = align([de, fr]);
    expect(result.mode).toBe('parallel');
    expect(result.modeReason).toMatch(/same order/);
    for (const s of result.suggestions) {
      expect(s.score).toBeGreaterThanOrEqual(0);
      expect(s.score).toBeLessThanOrEqual(1);
      expect(s.members).toHaveLength(2);
    }
  });

  it('keeps confirmed groups as fixed points and never suggests their sentences or rejected links', () => {
    // A deliberately wrong confirmed link (de 40 with fr 60) must hold, and the path must bend through it.
    const confirmed = [[{ doc: 'de', sentences: [40] }, { doc: 'fr', sentences: [60] }]];
    const plain = align([de, fr], { mode: 'parallel' });
    const firstLink = plain.suggestions.find((s) => s.members.some((m) => m.doc === 'de' && m.sentences[0]! >= 100))!;
    const rejected = [firstLink.members.map((m) => ({ doc: m.doc, sentences: [...m.sentences] }))];
    const result = align([de, fr], { mode: 'parallel', anchors: { confirmed, rejected } });
    const deUsed = result.suggestions.flatMap((s) => s.members.filter((m) => m.doc === 'de').flatMap((m) => m.sentences));
    const frUsed = result.suggestions.flatMap((s) => s.members.filter((m) => m.doc === 'fr').flatMap((m) => m.sentences));
    expect(deUsed).not.toContain(40);
    expect(frUsed).not.toContain(60);
    // Monotonic around the anchor: everything before de 40 goes before fr 60 and after goes after.
    for (const s of result.suggestions) {
      const d = s.members.find((m) => m.doc === 'de')!.sentences[0]!;
      const f = s.members.find((m) => m.doc === 'fr')!.sentences[0]!;
      expect(d < 40).toBe(f < 60);
    }
    const same = result.suggestions.find(
      (s) => JSON.stringify(s.members) === JSON.stringify(firstLink.members),
    );
    expect(same).toBeUndefined();
  });
});
