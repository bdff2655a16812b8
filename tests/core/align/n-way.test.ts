import { describe, expect, it } from 'vitest';
import { combineLinks, pairKey, type PairLink } from '../../../src/core/align/n-way.js';

const link = (a: string, as: number[], b: string, bs: number[], score: number): PairLink => ({
  a: { doc: a, sentences: as },
  b: { doc: b, sentences: bs },
  score,
});

describe('n-way groups from pairwise links', () => {
  it('joins a statement found in three documents into one group', () => {
    const groups = combineLinks([link('A', [1], 'B', [4], 0.9), link('B', [4], 'C', [7], 0.8), link('A', [1], 'C', [7], 0.7)], {
      maxPerDoc: 2,
      requireSupport: true,
    });
    expect(groups).toHaveLength(1);
    expect(groups[0]!.members).toEqual([
      { doc: 'A', sentences: [1] },
      { doc: 'B', sentences: [4] },
      { doc: 'C', sentences: [7] },
    ]);
    expect(groups[0]!.score).toBeCloseTo(0.8);
  });

  it('does not chain different statements of one document into a giant group', () => {
    // A1-B1 and B1-A5 would put A1 and A5 together through B: the weaker link is dropped.
    const links = [link('A', [1], 'B', [1], 0.9), link('B', [1], 'A', [5], 0.6), link('A', [5], 'C', [2], 0.5), link('C', [2], 'B', [1], 0.4)];
    const groups = combineLinks(links, { maxPerDoc: 2, requireSupport: true });
    const seen = new Set<string>();
    for (const g of groups) {
      for (const m of g.members) {
        for (const s of m.sentences) {
          expect(seen.has(`${m.doc}:${s}`)).toBe(false);
          seen.add(`${m.doc}:${s}`);
        }
      }
    }
    const withA1 = groups.find((g) => g.members.some((m) => m.doc === 'A' && m.sentences.includes(1)))!;
    expect(withA1.members.find((m) => m.doc === 'A')!.sentences).toEqual([1]);
  });

  it('requires a joining document to be linked to half of the group, not just one member', () => {
    const links = [link('A', [0], 'B', [0], 0.9), link('A', [0], 'C', [0], 0.85), link('C', [0], 'D', [3], 0.5)];
    const groups = combineLinks(links, { maxPerDoc: 2, requireSupport: true });
    const big = groups.find((g) => g.members.some((m) => m.doc === 'A'))!;
    expect(big.members.map((m) => m.doc)).toEqual(['A', 'B', 'C']);
  });

  it('never builds a group holding a rejected pair', () => {
    const rejected = new Set([pairKey('A', 1, 'C', 2), pairKey('C', 2, 'A', 1)]);
    const groups = combineLinks([link('A', [1], 'B', [1], 0.9), link('B', [1], 'C', [2], 0.8)], { maxPerDoc: 2, rejectedPairs: rejected });
    expect(groups).toHaveLength(1);
    expect(groups[0]!.members.map((m) => m.doc)).toEqual(['A', 'B']);
  });

  it('caps sentences per document and keeps parallel groups contiguous', () => {
    const links = [link('A', [1, 2], 'B', [1], 0.9), link('A', [3], 'B', [1], 0.8), link('A', [7], 'C', [1], 0.7), link('A', [1, 2], 'C', [1], 0.6)];
    const groups = combineLinks(links, { maxPerDoc: 2, contiguous: true });
    for (const g of groups) for (const m of g.members) expect(m.sentences.length).toBeLessThanOrEqual(2);
    expect(groups.some((g) => g.members.some((m) => m.doc === 'A' && m.sentences.includes(3)))).toBe(false);
  });
});
