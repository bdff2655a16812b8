import { describe, expect, it } from 'vitest';
import { align } from '../../../src/core/align/index.js';
import { scoreAlignments } from '../../../src/core/align/bead-scoring.js';
import { alignParallelBeads } from '../../../src/core/align/parallel-pair.js';
import { presplitDocument } from '../../../src/core/align/presplit.js';
import { refineForPair, splitProjection, type PairBead } from '../../../src/core/align/refine.js';
import type { Alignment } from '../../../src/core/model/types.js';
import { TRILINGUAL, TRILINGUAL_LANGS, sentencesOf, trueGroups, truePairBeads, type TrilingualArticle } from '../../fixtures/trilingual.js';

const groupKey = (g: readonly { doc: string; sentences: readonly number[] }[]): string =>
  g
    .filter((m) => m.sentences.length)
    .map((m) => `${m.doc}:${[...m.sentences].sort((a, b) => a - b).join(',')}`)
    .sort()
    .join(' ');

function aligned(article: TrilingualArticle): { alignment: Alignment; texts: Map<string, string>; docs: ReturnType<typeof presplitDocument>[] } {
  const docs = TRILINGUAL_LANGS.map((l) => presplitDocument(l, l, sentencesOf(article, l)));
  const result = align(docs, { mode: 'parallel' });
  const alignment: Alignment = {
    format: 'allinea-alignment',
    version: 1,
    documents: docs.map((d) => ({ id: d.id, path: `${d.id}.txt`, lang: d.lang, sha256: '', sentences: d.sentences })),
    groups: result.suggestions.map((s, k) => ({ id: `g${k + 1}`, status: 'suggested', origin: 'auto', members: s.members, score: s.score })),
    overrides: [],
    bookmarks: [],
  };
  return { alignment, texts: new Map(docs.map((d) => [d.id, d.text])), docs };
}

describe('n-way alignment of three translations (our trilingual set: 1-2, 2-1 and 1-0 units)', () => {
  // Before: best-first merging refused to join two groups through a third document (group F1 0.87).
  it('finds the true n-way groups (connected components of the true pairwise alignments): group F1 ≥ 0.90', () => {
    let hits = 0;
    let predicted = 0;
    let truth = 0;
    for (const article of TRILINGUAL) {
      const { alignment } = aligned(article);
      const want = new Set(trueGroups(article).map(groupKey));
      const got = alignment.groups.map((g) => groupKey(g.members));
      predicted += got.length;
      truth += want.size;
      hits += got.filter((k) => want.has(k)).length;
    }
    const p = hits / predicted;
    const r = hits / truth;
    expect((2 * p * r) / (p + r)).toBeGreaterThanOrEqual(0.9);
  });

  for (const [x, y] of [
    ['en', 'it'],
    ['en', 'fr'],
    ['it', 'fr'],
  ] as const) {
    it(`the ${x}-${y} view of the n-way groups is within 0.02 strict F1 of aligning ${x}-${y} alone`, () => {
      const refined: { gold: ReturnType<typeof truePairBeads>; pred: { source: readonly number[]; target: readonly number[] }[] }[] = [];
      const alone: typeof refined = [];
      for (const article of TRILINGUAL) {
        const { alignment, texts, docs } = aligned(article);
        const gold = truePairBeads(article, x, y);
        const view = refineForPair(alignment, texts, [x, y]).groups.map((g) => ({
          source: g.members.find((m) => m.doc === x)?.sentences ?? [],
          target: g.members.find((m) => m.doc === y)?.sentences ?? [],
        }));
        refined.push({ gold, pred: view.filter((b) => b.source.length && b.target.length) });
        alone.push({ gold, pred: alignParallelBeads(docs[TRILINGUAL_LANGS.indexOf(x)]!, docs[TRILINGUAL_LANGS.indexOf(y)]!).filter((b) => b.source.length && b.target.length) });
      }
      expect(scoreAlignments(refined).strict.f1).toBeGreaterThan(scoreAlignments(alone).strict.f1 - 0.02);
    });
  }

  it('refines a group only where the pair alignment agrees with it', () => {
    const a4: PairBead = { a: [4], b: [4] };
    const a5: PairBead = { a: [5], b: [5] };
    const byA = new Map([
      [4, a4],
      [5, a5],
    ]);
    const byB = new Map([
      [4, a4],
      [5, a5],
    ]);
    // en[4,5] it[5] fr[4,5]: en-fr [4]:[4] and [5]:[5].
    expect(splitProjection([4, 5], [4, 5], byA, byB)).toEqual([a4, a5]);
    // A pair bead reaching outside the group: the projection stays whole.
    const wide: PairBead = { a: [5, 6], b: [5] };
    expect(splitProjection([4, 5], [4, 5], new Map([[4, a4], [5, wide]]), new Map([[4, a4], [5, wide]]))).toBeUndefined();
  });
});
