/**
 * Property: any sequence of row-view keys (moves, questions answered yes or no, confirms,
 * rejects, column and order changes, undo) on random alignments keeps the model's invariants,
 * keeps every shown sentence in exactly one row, and undo walks back to the start.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createEditorState } from '../../../src/core/session/reducer.js';
import { rowProjection } from '../../../src/core/session/rows-state.js';
import { rowCells } from '../../../src/core/session/rows.js';
import { findViolations } from '../../../src/core/model/invariants.js';
import { buildSentenceGroupIndex, sentenceGroupIndex } from '../../../src/core/model/index-cache.js';
import type { Alignment } from '../../../src/core/model/types.js';
import { press } from './helpers.js';
import { synthetic, type GroupSpec } from './rows-fixtures.js';

const KEYS = ['j', 'k', 'tab', 'shift+tab', 'enter', 'y', 'r', 'K', 'J', 'm', 's', 'x', 'd', 'w', 'o', 'O', '<', '>', '-', '+', 'G', 'g', 'escape', 'n'];

const alignmentArb = fc
  .record({
    counts: fc.array(fc.integer({ min: 1, max: 8 }), { minLength: 2, maxLength: 4 }),
    groups: fc.array(
      fc.record({ picks: fc.array(fc.tuple(fc.nat(3), fc.nat(7)), { minLength: 2, maxLength: 5 }), status: fc.constantFrom('confirmed' as const, 'suggested' as const), note: fc.option(fc.constant('n'), { nil: undefined }) }),
      { maxLength: 8 },
    ),
  })
  .map(({ counts, groups }) => {
    const taken = new Set<string>();
    const specs: GroupSpec[] = [];
    for (const g of groups) {
      const members: Record<number, number[]> = {};
      for (const [d0, s0] of g.picks) {
        const d = d0 % counts.length;
        const s = s0 % counts[d]!;
        if (taken.has(`${d}:${s}`)) continue;
        taken.add(`${d}:${s}`);
        (members[d] ??= []).push(s);
      }
      if (Object.keys(members).length >= 2) specs.push({ status: g.status, members, ...(g.note ? { note: g.note } : {}) });
      else for (const [d, ss] of Object.entries(members)) for (const s of ss) taken.delete(`${d}:${s}`);
    }
    return synthetic(counts, specs);
  });

/** Sentences of confirmed groups no longer in a confirmed group, and notes no longer found. */
function losses(a: Alignment, b: Alignment): string[] {
  const confirmedAfter = new Set<string>();
  for (const g of b.groups) if (g.status === 'confirmed') for (const m of g.members) for (const x of m.sentences) confirmedAfter.add(`${m.doc}:${x}`);
  const out: string[] = [];
  for (const g of a.groups) {
    if (g.status === 'confirmed') for (const m of g.members) for (const x of m.sentences) if (!confirmedAfter.has(`${m.doc}:${x}`)) out.push(`${g.id} lost ${m.doc}:${x}`);
    if (g.note && !b.groups.some((h) => h.note?.includes(g.note!))) out.push(`${g.id} note lost`);
  }
  return out;
}

describe('row moves: properties', () => {
  it('random key sequences keep invariants and the row partition; undo goes back to the start', () => {
    fc.assert(
      fc.property(alignmentArb, fc.array(fc.constantFrom(...KEYS), { maxLength: 40 }), ({ alignment, texts }, keys) => {
        const start = press(createEditorState({ alignment, texts, fileName: 'x', size: { columns: 120, rows: 30 }, colors: false }), 'R');
        let s = start;
        for (const key of keys) {
          const before = s;
          s = press(s, key);
          expect(findViolations(s.history.present)).toEqual([]);
          // Moves that record the sentence index instead of rebuilding it record the right one.
          const index = sentenceGroupIndex(s.history.present);
          for (const [doc, slots] of buildSentenceGroupIndex(s.history.present)) expect([...index.get(doc)!]).toEqual([...slots]);
          // Without a yes to the question, no sentence leaves a confirmed group and no note is lost.
          const answeredYes = before.mode === 'confirm-move' && (key === 'y' || key === 'enter');
          if (!answeredYes && key !== 'u') expect(losses(before.history.present, s.history.present), key).toEqual([]);
        }
        if (s.mode === 'confirm-move') s = press(s, 'escape');
        const p = rowProjection(s);
        const seen = new Map<string, number>();
        for (let r = 0; r < p.length; r++) for (const c of rowCells(p, r)) for (const x of c.sentences) seen.set(`${c.doc}:${x}`, (seen.get(`${c.doc}:${x}`) ?? 0) + 1);
        for (const count of seen.values()) expect(count).toBe(1);
        if (p.order === 'all') for (const d of p.docs) expect([...Array(s.history.present.documents[d]!.sentences.length).keys()].every((x) => seen.get(`${d}:${x}`) === 1)).toBe(true);
        expect(s.rowView.cursor).toBeLessThan(Math.max(1, p.length));
        while (s.history.past.length > 0) s = press(s, 'u');
        expect(s.history.present).toBe(alignment);
      }),
      { numRuns: 200 },
    );
  });
});
