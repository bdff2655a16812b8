/**
 * Property tests: long random sequences of operations on the seeds alignment keep every
 * invariant, and undo walks back through exactly the states that were recorded.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as ops from '../../../src/core/model/operations.js';
import { findViolations } from '../../../src/core/model/invariants.js';
import { buildSentenceGroupIndex, sentenceGroupIndex } from '../../../src/core/model/index-cache.js';
import { createHistory, record, undo } from '../../../src/core/model/history.js';
import { ModelError, type Alignment } from '../../../src/core/model/types.js';
import { seedsAlignment } from '../../helpers/seeds.js';

const { alignment: base, texts } = seedsAlignment();
const docs = base.documents.map((d) => d.id);

const ref = fc.record({ doc: fc.integer({ min: 0, max: docs.length - 1 }), sentence: fc.nat(60) });
const op = fc.oneof(
  fc.record({ kind: fc.constant('link' as const), refs: fc.array(ref, { minLength: 2, maxLength: 5 }) }),
  fc.record({ kind: fc.constant('add' as const), group: fc.nat(20), refs: fc.array(ref, { minLength: 1, maxLength: 3 }) }),
  fc.record({ kind: fc.constant('remove' as const), ref }),
  fc.record({ kind: fc.constant('merge' as const), a: fc.nat(20), b: fc.nat(20) }),
  fc.record({ kind: fc.constant('dissolve' as const), group: fc.nat(20) }),
  fc.record({ kind: fc.constant('status' as const), group: fc.nat(20), status: fc.constantFrom('confirmed' as const, 'suggested' as const, 'rejected' as const) }),
  fc.record({ kind: fc.constant('split' as const), ref, fraction: fc.double({ min: 0, max: 1, noNaN: true }) }),
  fc.record({ kind: fc.constant('join' as const), ref }),
  fc.record({ kind: fc.constant('bookmark' as const), ref }),
  fc.record({ kind: fc.constant('suggest' as const), groups: fc.array(fc.array(ref, { minLength: 2, maxLength: 4 }), { maxLength: 4 }), score: fc.double({ min: 0, max: 1, noNaN: true }) }),
);
type Op = typeof op extends fc.Arbitrary<infer T> ? T : never;

function clampRef(a: Alignment, r: { doc: number; sentence: number }) {
  const doc = a.documents[r.doc]!;
  return { doc: doc.id, sentence: r.sentence % doc.sentences.length };
}
const groupId = (a: Alignment, n: number) => a.groups[n % Math.max(1, a.groups.length)]?.id ?? 'none';

function apply(a: Alignment, o: Op): Alignment {
  switch (o.kind) {
    case 'link':
      return ops.link(a, o.refs.map((r) => clampRef(a, r))).alignment;
    case 'add':
      return ops.addMembers(a, groupId(a, o.group), o.refs.map((r) => clampRef(a, r)));
    case 'remove':
      return ops.removeSentence(a, clampRef(a, o.ref));
    case 'merge':
      return ops.mergeGroups(a, groupId(a, o.a), groupId(a, o.b));
    case 'dissolve':
      return ops.dissolveGroup(a, groupId(a, o.group));
    case 'status':
      return ops.setStatus(a, groupId(a, o.group), o.status);
    case 'split': {
      const r = clampRef(a, o.ref);
      const [s, e] = a.documents.find((d) => d.id === r.doc)!.sentences[r.sentence]!;
      return ops.splitSentence(a, r, Math.round(s + (e - s) * o.fraction), texts.get(r.doc)!);
    }
    case 'join':
      return ops.joinSentences(a, clampRef(a, o.ref));
    case 'bookmark':
      return ops.toggleBookmark(a, clampRef(a, o.ref));
    case 'suggest':
      return ops.applySuggestions(
        a,
        o.groups.map((refs) => ({ members: ops.membersOf(a, refs.map((r) => clampRef(a, r))), score: o.score })),
      );
  }
}

describe('model invariants under random operations', () => {
  it('hold after every operation, and spans always stay inside the text', () => {
    fc.assert(
      fc.property(fc.array(op, { minLength: 1, maxLength: 60 }), (sequence) => {
        let a = base;
        for (const o of sequence) {
          try {
            a = apply(a, o);
          } catch (error) {
            // Refusing an operation is fine; any other error is a bug.
            if (!(error instanceof ModelError)) throw error;
          }
          expect(findViolations(a)).toEqual([]);
          // Indexes derived by operations equal a fresh build.
          expect(sentenceGroupIndex(a)).toEqual(buildSentenceGroupIndex(a));
          for (const doc of a.documents) {
            const text = texts.get(doc.id)!;
            for (const [s, e] of doc.sentences) {
              expect(e).toBeLessThanOrEqual(text.length);
              expect(text.slice(s, e)).toBe(text.slice(s, e).trim());
            }
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it('undo returns to each earlier state in reverse order', () => {
    fc.assert(
      fc.property(fc.array(op, { minLength: 1, maxLength: 40 }), (sequence) => {
        let h = createHistory(base);
        const states = [base];
        for (const o of sequence) {
          try {
            const next = apply(h.present, o);
            const before = h;
            h = record(h, next, o.kind);
            if (h !== before) states.push(next);
          } catch (error) {
            if (!(error instanceof ModelError)) throw error;
          }
        }
        for (let i = states.length - 1; i >= 0; i--) {
          expect(h.present).toBe(states[i]);
          h = undo(h);
        }
      }),
      { numRuns: 100 },
    );
  });
});
