/** The row projection: units, order, and the partition property on random alignments. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cellOf, projectRows, rowCells, type RowOrder, type RowProjection } from '../../../src/core/session/rows.js';
import type { Alignment } from '../../../src/core/model/types.js';
import { beadAlignment, synthetic, type GroupSpec } from './rows-fixtures.js';
import { seedsAlignment } from '../../helpers/seeds.js';

const all = (a: Alignment, lead = 0, order: RowOrder = 'all') => projectRows(a, { docs: a.documents.map((_, d) => d), lead, order });

/** Rows as "d0:1,2|d1:3" strings (group rows) or "d0:4" (1:0 rows). */
function describeRows(p: RowProjection): string[] {
  return Array.from({ length: p.length }, (_, r) =>
    rowCells(p, r)
      .map((c) => `d${c.doc}:${c.sentences.join(',')}`)
      .join('|'),
  );
}

describe('row projection', () => {
  it('puts each group and each unaligned sentence on its own row, in document order', () => {
    const { alignment } = synthetic([4, 3], [
      { members: { 0: [0], 1: [0] } },
      { members: { 0: [2, 3], 1: [2] } },
    ]);
    expect(describeRows(all(alignment))).toEqual(['d0:0|d1:0', 'd0:1', 'd1:1', 'd0:2,3|d1:2']);
    // Following the first document only: d1's unaligned sentence has no row.
    expect(describeRows(all(alignment, 0, 'lead'))).toEqual(['d0:0|d1:0', 'd0:1', 'd0:2,3|d1:2']);
    expect(describeRows(all(alignment, 1, 'lead'))).toEqual(['d0:0|d1:0', 'd1:1', 'd0:2,3|d1:2']);
  });

  it('places a gap after the row of its previous sentence, every document in its own order', () => {
    // d2's group with d1 only comes after d2's sentence 0, which is unaligned.
    const { alignment } = synthetic([2, 3, 2], [
      { members: { 0: [0], 1: [0] } },
      { members: { 1: [1], 2: [1] } },
      { members: { 0: [1], 1: [2] } },
    ]);
    expect(describeRows(all(alignment))).toEqual(['d0:0|d1:0', 'd2:0', 'd1:1|d2:1', 'd0:1|d1:2']);
  });

  it('keeps the leading document in order when groups cross, and counts the crossing', () => {
    const { alignment } = synthetic([2, 2], [
      { members: { 0: [0], 1: [1] } },
      { members: { 0: [1], 1: [0] } },
    ]);
    const byFirst = all(alignment, 0);
    expect(describeRows(byFirst)).toEqual(['d0:0|d1:1', 'd0:1|d1:0']);
    expect(byFirst.crossings).toBe(1);
    expect(describeRows(all(alignment, 1))).toEqual(['d0:1|d1:0', 'd0:0|d1:1']);
  });

  it('ignores rejected groups and hidden documents', () => {
    const { alignment } = synthetic([2, 2, 1], [
      { status: 'rejected', members: { 0: [0], 1: [0] } },
      { status: 'confirmed', members: { 0: [1], 2: [0] } },
    ]);
    const p = projectRows(alignment, { docs: [0, 1], lead: 0, order: 'all' });
    expect(describeRows(p)).toEqual(['d0:0', 'd1:0', 'd0:1', 'd1:1']);
    expect(cellOf(p, 2, 2)).toEqual([0]);
  });

  it('covers the seeds alignment (five comparable articles) in both orders', () => {
    const { alignment } = seedsAlignment();
    const p = all(alignment);
    expect(p.length).toBe(alignment.documents.reduce((n, d) => n + d.sentences.length, 0));
  });
});

// ---- Properties ----

const randomAlignment = fc
  .record({
    counts: fc.array(fc.integer({ min: 0, max: 12 }), { minLength: 1, maxLength: 5 }),
    groups: fc.array(
      fc.record({
        picks: fc.array(fc.tuple(fc.nat(4), fc.nat(11)), { minLength: 1, maxLength: 6 }),
        status: fc.constantFrom('confirmed' as const, 'suggested' as const, 'rejected' as const),
      }),
      { maxLength: 12 },
    ),
  })
  .map(({ counts, groups }) => {
    // Live groups may not share sentences: later groups skip taken ones.
    const taken = new Set<string>();
    const specs: GroupSpec[] = [];
    for (const g of groups) {
      const members: Record<number, number[]> = {};
      for (const [d0, s0] of g.picks) {
        const d = d0 % counts.length;
        if (counts[d]! === 0) continue;
        const s = s0 % counts[d]!;
        if (g.status !== 'rejected' && taken.has(`${d}:${s}`)) continue;
        (members[d] ??= []).includes(s) || members[d]!.push(s);
      }
      if (Object.keys(members).length < 2) continue;
      if (g.status !== 'rejected') for (const [d, ss] of Object.entries(members)) for (const s of ss) taken.add(`${d}:${s}`);
      specs.push({ status: g.status, members });
    }
    return synthetic(counts, specs).alignment;
  });

const shownDocs = (a: Alignment) => fc.subarray(a.documents.map((_, d) => d), { minLength: 1 });

function occurrences(p: RowProjection): Map<string, number[]> {
  const seen = new Map<string, number[]>();
  for (let r = 0; r < p.length; r++) {
    for (const cell of rowCells(p, r)) for (const s of cell.sentences) {
      const key = `${cell.doc}:${s}`;
      seen.set(key, [...(seen.get(key) ?? []), r]);
    }
  }
  return seen;
}

describe('row projection properties', () => {
  it('every sentence of every shown document is in exactly one row (order "all"), and rowOf agrees', () => {
    fc.assert(
      fc.property(randomAlignment.chain((a) => fc.tuple(fc.constant(a), shownDocs(a), fc.nat(5))), ([a, docs, lead0]) => {
        const p = projectRows(a, { docs, lead: docs[lead0 % docs.length]!, order: 'all' });
        const seen = occurrences(p);
        for (const d of docs) {
          for (let s = 0; s < a.documents[d]!.sentences.length; s++) {
            expect(seen.get(`${d}:${s}`)?.length, `d${d}:${s}`).toBe(1);
            expect(p.rowOf.get(d)![s]).toBe(seen.get(`${d}:${s}`)![0]);
          }
        }
        for (const key of seen.keys()) expect(docs).toContain(Number(key.split(':')[0]));
        // Every row has at least one cell: no empty rows.
        for (let r = 0; r < p.length; r++) expect(rowCells(p, r).length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });

  it('the leading document reads top to bottom in both orders; "lead" gives each of its sentences one row', () => {
    fc.assert(
      fc.property(randomAlignment.chain((a) => fc.tuple(fc.constant(a), shownDocs(a), fc.nat(5), fc.constantFrom('all' as const, 'lead' as const))), ([a, docs, lead0, order]) => {
        const lead = docs[lead0 % docs.length]!;
        const p = projectRows(a, { docs, lead, order });
        const seen = occurrences(p);
        for (const rows of seen.values()) expect(rows).toHaveLength(1);
        let previous = -1;
        for (let r = 0; r < p.length; r++) {
          const first = cellOf(p, r, lead)[0];
          if (first === undefined) continue;
          expect(first).toBeGreaterThan(previous);
          previous = first;
        }
        for (let s = 0; s < a.documents[lead]!.sentences.length; s++) expect(seen.get(`${lead}:${s}`)).toHaveLength(1);
        if (order === 'lead') for (let r = 0; r < p.length; r++) expect(cellOf(p, r, lead).length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });

  it('for a translation-like (monotone) alignment, every document reads top to bottom, whichever leads', () => {
    const beads = fc.integer({ min: 2, max: 4 }).chain((docs) => fc.array(fc.array(fc.integer({ min: 0, max: 2 }), { minLength: docs, maxLength: docs }), { maxLength: 25 }));
    fc.assert(
      fc.property(beads, fc.nat(3), (bs, lead0) => {
        const { alignment } = beadAlignment(bs);
        const docs = alignment.documents.map((_, d) => d);
        const p = projectRows(alignment, { docs, lead: lead0 % docs.length, order: 'all' });
        expect(p.crossings).toBe(0);
        for (const d of docs) {
          const rows = p.rowOf.get(d)!;
          for (let s = 1; s < rows.length; s++) expect(rows[s]!).toBeGreaterThanOrEqual(rows[s - 1]!);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('row projection reuse', () => {
  it('a confirm carries the rows over to the new alignment, equal to a fresh projection', async () => {
    const { setStatus } = await import('../../../src/core/model/operations.js');
    const { carryProjections } = await import('../../../src/core/session/rows.js');
    const { alignment } = beadAlignment([[1, 1], [2, 1], [0, 1], [1, 1]]);
    const before = all(alignment);
    const next = setStatus(alignment, alignment.groups[1]!.id, 'confirmed');
    carryProjections(alignment, next);
    const carried = all(next);
    expect(carried.alignment).toBe(next);
    // Carried, not recomputed: the same row arrays.
    expect(carried.rowGroup).toBe(before.rowGroup);
    expect(describeRows(carried)).toEqual(describeRows(projectRows({ ...next }, { docs: [0, 1], lead: 0, order: 'all' })));
    expect(describeRows(carried)).toEqual(describeRows(before));
  });
});

describe('row projection cache', () => {
  it('keeps rows for the last few alignments only, not for every state of the undo history', () => {
    const { alignment } = beadAlignment([[1, 1], [1, 1]]);
    const first = all(alignment);
    expect(all(alignment)).toBe(first);
    for (let k = 0; k < 10; k++) all({ ...alignment });
    expect(all(alignment)).not.toBe(first);
  });
});

describe('row projection complexity', () => {
  it('the merge does work linear in sentences, translation-like or crossing (counted, not timed)', async () => {
    const { lastMergeSteps } = await import('../../../src/core/session/rows.js');
    const steps = (n: number, crossing: boolean) => {
      const beads = Array.from({ length: n }, (_, i) => (i % 7 === 0 ? [1, 0, 1] : i % 11 === 0 ? [2, 1, 1] : [1, 1, 1]));
      let { alignment } = beadAlignment(beads);
      if (crossing) {
        // Reverse the second document's sentence numbers: every group crosses every other.
        const count = alignment.documents[1]!.sentences.length;
        alignment = { ...alignment, groups: alignment.groups.map((g) => ({ ...g, members: g.members.map((m) => (m.doc === 'd1' ? { ...m, sentences: m.sentences.map((x) => count - 1 - x).sort((a, b) => a - b) } : m)) })) };
      }
      all(alignment);
      return lastMergeSteps();
    };
    for (const crossing of [false, true]) {
      const small = steps(2000, crossing);
      const large = steps(4000, crossing);
      expect(large / small, `crossing ${crossing}`).toBeLessThan(2.2);
      expect(small).toBeLessThan(2000 * 3 * 8);
    }
  });
});
