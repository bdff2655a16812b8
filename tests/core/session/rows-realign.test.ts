/** Re-align from the cursor onward: the scope, the anchors kept, the suggestions mapped back. */
import { describe, expect, it } from 'vitest';
import { createEditorState, reduce } from '../../../src/core/session/reducer.js';
import { applyRealign, scopeForRealign } from '../../../src/core/session/rows-realign.js';
import { projectRows } from '../../../src/core/session/rows.js';
import { findViolations } from '../../../src/core/model/invariants.js';
import { align } from '../../../src/core/align/index.js';
import { press } from './helpers.js';
import { synthetic } from './rows-fixtures.js';

describe('re-align from the cursor onward', () => {
  const { alignment, texts } = synthetic([5, 5], [
    { members: { 0: [0], 1: [0] } },
    { status: 'confirmed', members: { 0: [1], 1: [1] } },
    { members: { 0: [2], 1: [3] } },
    { status: 'confirmed', members: { 0: [4], 1: [4] } },
    { status: 'rejected', members: { 0: [3], 1: [2] } },
  ]);
  const projection = projectRows(alignment, { docs: [0, 1], lead: 0, order: 'all' });

  it('scopes the rows at and below the cursor, with their confirmed groups as anchors and rejected links kept', () => {
    const scope = scopeForRealign(alignment, projection, 1);
    // Rows: g1, g2, g3 (d0:2|d1:3), then d1:2, d0:3, g4 -- the scope starts at g2.
    expect([...scope.original.get('d0')!]).toEqual([1, 2, 3, 4]);
    expect([...scope.original.get('d1')!]).toEqual([1, 2, 3, 4]);
    expect(scope.input.documents.map((d) => d.sentences.length)).toEqual([4, 4]);
    expect(scope.input.groups.map((g) => `${g.id}:${g.status}:${g.members.map((m) => m.sentences.join(',')).join('|')}`)).toEqual([
      'g2:confirmed:0|0',
      'g4:confirmed:3|3',
      'g5:rejected:2|1',
    ]);
    expect(scope.sentences).toBe(8);
  });

  it('replaces only the scope suggestions; rows above the cursor and confirmed groups are kept', () => {
    const scope = scopeForRealign(alignment, projection, 1);
    // Scoped numbering: d0:2 is scoped 1, d1:2 is scoped 1.
    const next = applyRealign(alignment, scope, [
      { members: [{ doc: 'd0', sentences: [1] }, { doc: 'd1', sentences: [1] }], score: 0.7 },
      // Touches confirmed g4's sentences: trimmed away, then dropped.
      { members: [{ doc: 'd0', sentences: [3] }, { doc: 'd1', sentences: [3] }], score: 0.9 },
    ]);
    expect(next.groups.map((g) => `${g.id}:${g.status}:${g.members.map((m) => `${m.doc}=${m.sentences.join(',')}`).join('|')}`)).toEqual([
      'g1:suggested:d0=0|d1=0',
      'g2:confirmed:d0=1|d1=1',
      'g4:confirmed:d0=4|d1=4',
      'g5:rejected:d0=3|d1=2',
      'g6:suggested:d0=2|d1=2',
    ]);
    expect(findViolations(next)).toEqual([]);
  });

  it('runs through the re-align effect with the real aligner and applies the result with undo', () => {
    let s = createEditorState({ alignment, texts, fileName: 'x.align.json', size: { columns: 120, rows: 30 }, colors: false });
    s = press(s, 'R', 'j', 'F');
    expect(s.message?.key).toBe('msg.rowRealignStarted');
    const effect = s.effects.find((e) => e.type === 'run-aligner');
    expect(effect?.type).toBe('run-aligner');
    if (effect?.type !== 'run-aligner') return;
    const input = effect.alignment;
    const result = align(
      input.documents.map((d) => ({ id: d.id, lang: d.lang, text: texts.get(d.id)!, sentences: d.sentences })),
      { anchors: { confirmed: input.groups.filter((g) => g.status === 'confirmed').map((g) => g.members.map((m) => ({ doc: m.doc, sentences: [...m.sentences] }))), rejected: [] }, mode: 'parallel' },
    );
    s = reduce(s, { type: 'aligner-done', suggestions: result.suggestions, mode: result.mode });
    expect(s.rowRealign).toBeUndefined();
    expect(s.history.present.groups.find((g) => g.id === 'g1')).toEqual(alignment.groups[0]);
    expect(s.history.present.groups.filter((g) => g.status === 'confirmed')).toEqual(alignment.groups.filter((g) => g.status === 'confirmed'));
    expect(findViolations(s.history.present)).toEqual([]);
    expect(press(s, 'u').history.present).toBe(alignment);
  });
});

describe('re-align from the cursor: failures', () => {
  it('a cancelled or failed run forgets the scope; the next A applies to everything again', () => {
    const { alignment, texts } = synthetic([3, 3], [{ members: { 0: [0], 1: [0] } }]);
    let s = press(createEditorState({ alignment, texts, fileName: 'x', size: { columns: 120, rows: 30 }, colors: false }), 'R', 'j', 'F');
    expect(s.rowRealign).toBeDefined();
    s = reduce(s, { type: 'aligner-failed', message: 'cancelled', cancelled: true });
    expect(s.rowRealign).toBeUndefined();
    expect(s.aligner.running).toBe(false);
    expect(s.message?.key).toBe('msg.alignerCancelled');
  });
});
