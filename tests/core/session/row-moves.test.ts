/** Review moves in the row view, through the reducer as keys press them: effects, questions, undo. */
import { describe, expect, it } from 'vitest';
import { createEditorState, reduce } from '../../../src/core/session/reducer.js';
import { rowProjection } from '../../../src/core/session/rows-state.js';
import { rowCells } from '../../../src/core/session/rows.js';
import type { EditorState } from '../../../src/core/session/types.js';
import { applySuggestions } from '../../../src/core/model/operations.js';
import { findViolations } from '../../../src/core/model/invariants.js';
import { press, seedsState } from './helpers.js';
import { synthetic, type GroupSpec } from './rows-fixtures.js';

function state(counts: number[], groups: GroupSpec[], own: Record<string, string> = {}): EditorState {
  const { alignment, texts } = synthetic(counts, groups, own);
  return press(createEditorState({ alignment, texts, fileName: 'x.align.json', size: { columns: 120, rows: 30 }, colors: false }), 'R');
}

function rows(s: EditorState): string[] {
  const p = rowProjection(s);
  return Array.from({ length: p.length }, (_, r) => rowCells(p, r).map((c) => `d${c.doc}:${c.sentences.join(',')}`).join('|'));
}

const statuses = (s: EditorState) => s.history.present.groups.map((g) => `${g.id}:${g.status}`);

describe('row view: confirm and move on', () => {
  it('confirms the row and goes to the next unconfirmed row; r rejects likewise; undo restores', () => {
    let s = state([4, 4], [
      { members: { 0: [0], 1: [0] } },
      { status: 'confirmed', members: { 0: [1], 1: [1] } },
      { members: { 0: [2], 1: [2] } },
      { members: { 0: [3], 1: [3] } },
    ]);
    expect(s.rowView.cursor).toBe(0);
    s = press(s, 'enter');
    expect(statuses(s)).toEqual(['g1:confirmed', 'g2:confirmed', 'g3:suggested', 'g4:suggested']);
    expect(s.rowView.cursor).toBe(2);
    s = press(s, 'r');
    expect(statuses(s)).toEqual(['g1:confirmed', 'g2:confirmed', 'g3:rejected', 'g4:suggested']);
    // The rejected row fell apart into two 1:0 rows; the cursor is on the next suggestion.
    expect(rows(s)).toEqual(['d0:0|d1:0', 'd0:1|d1:1', 'd0:2', 'd1:2', 'd0:3|d1:3']);
    expect(s.rowView.cursor).toBe(4);
    s = press(s, 'y');
    expect(s.message?.key).toBe('msg.rowReviewDone');
    s = press(s, 'u', 'u', 'u');
    expect(statuses(s)).toEqual(['g1:suggested', 'g2:confirmed', 'g3:suggested', 'g4:suggested']);
  });

  it('refuses to reject a confirmed row; on a 1:0 row Enter goes to the next unconfirmed row', () => {
    let s = state([3, 2], [{ status: 'confirmed', members: { 0: [0], 1: [0] } }, { members: { 0: [2], 1: [1] } }]);
    expect(press(s, 'r').message?.key).toBe('msg.rejectConfirmed');
    s = press(s, 'j');
    expect(rows(s)[s.rowView.cursor]).toBe('d0:1');
    s = press(s, 'enter');
    expect(rows(s)[s.rowView.cursor]).toBe('d0:2|d1:1');
    expect(s.history.present.groups[1]!.status).toBe('suggested');
    s = press(s, 'enter', 'k');
    expect(press(s, 'enter').message?.key).toBe('msg.rowNotGroup');
  });

  it('with no suggestions at all, Enter says how to get some (A) or make a unit (m)', () => {
    const s = state([3, 3], []);
    expect(press(s, 'enter').message?.key).toBe('msg.rowNoSuggestions');
    const rejected = state([3, 3], [{ status: 'rejected', members: { 0: [0], 1: [0] } }]);
    expect(press(rejected, 'enter').message?.key).toBe('msg.rowNoSuggestions');
  });
});

describe('row view: shift, merge, split, detach', () => {
  // Translations off by one: d1's sentence 1 belongs with d0's sentence 1, not in row 0.
  const offByOne = () => state([3, 3], [
    { members: { 0: [0], 1: [0, 1] } },
    { members: { 0: [1], 1: [2] } },
  ]);

  it('moves the last sentence of a cell down into the next row (J) and the first up (K); the cursor follows it', () => {
    let s = press(offByOne(), 'tab');
    expect(rows(s)).toEqual(['d0:0|d1:0,1', 'd0:1|d1:2', 'd0:2']);
    s = press(s, 'J');
    expect(rows(s)).toEqual(['d0:0|d1:0', 'd0:1|d1:1,2', 'd0:2']);
    expect(s.message?.key).toBe('msg.rowShiftedDown');
    expect(s.rowView.cursor).toBe(1);
    expect(findViolations(s.history.present)).toEqual([]);
    s = press(s, 'K');
    expect(rows(s)).toEqual(['d0:0|d1:0,1', 'd0:1|d1:2', 'd0:2']);
    s = press(s, 'u');
    expect(rows(s)).toEqual(['d0:0|d1:0', 'd0:1|d1:1,2', 'd0:2']);
  });

  it("an edited suggestion becomes the user's group: origin manual, the aligner's score (of the old members) dropped", () => {
    const base = state([3, 3], [
      { members: { 0: [0], 1: [0, 1] }, score: 0.58 },
      { members: { 0: [1], 1: [2] }, score: 0.91 },
    ]);
    const moved = press(base, 'tab', 'J').history.present.groups;
    for (const g of moved) {
      expect(g.origin, g.id).toBe('manual');
      expect(g.score, g.id).toBeUndefined();
      expect(g.status, g.id).toBe('suggested');
    }
    // Untouched groups keep theirs.
    const other = state([3, 3], [{ members: { 0: [0], 1: [0] }, score: 0.58 }, { members: { 0: [1], 1: [1, 2] }, score: 0.91 }]);
    const after = press(other, 'j', 'tab', 'J').history.present.groups;
    expect(after.find((g) => g.id === 'g1')).toMatchObject({ score: 0.58 });
  });

  it('shifting a sentence down into a 1:0 row of another document links them', () => {
    let s = state([2, 2], [{ members: { 0: [0], 1: [0, 1] } }]);
    s = press(s, 'tab');
    expect(rows(s)).toEqual(['d0:0|d1:0,1', 'd0:1']);
    s = press(s, 'J');
    expect(rows(s)).toEqual(['d0:0|d1:0', 'd0:1|d1:1']);
    // A move into a row holding only the same document cannot make a group.
    let t = state([1, 2], [{ members: { 0: [0], 1: [0] } }]);
    t = press(t, 'tab', 'J');
    expect(t.message).toMatchObject({ key: 'msg.rowSameDocument', tone: 'error' });
  });

  it('asks before a move takes a sentence out of a confirmed group; Esc keeps it, y does it', () => {
    const base = state([3, 3], [
      { status: 'confirmed', note: 'checked by Ada', members: { 0: [0], 1: [0, 1] } },
      { members: { 0: [1], 1: [2] } },
    ]);
    let s = press(base, 'tab', 'J');
    expect(s.mode).toBe('confirm-move');
    expect(s.message).toMatchObject({ key: 'msg.rowAskLeaveConfirmed', params: { group: 'g1' } });
    // Other keys do nothing while the question is open; the question stays on screen.
    s = press(s, 'j');
    expect(s.mode).toBe('confirm-move');
    expect(s.message?.key).toBe('msg.rowAskLeaveConfirmed');
    const no = press(s, 'escape');
    expect(no.mode).toBe('normal');
    expect(no.history).toBe(base.history);
    expect(no.message?.key).toBe('msg.rowKept');
    // A re-align finishing while the question is open: the yes no longer applies.
    const meanwhile = reduce(s, { type: 'aligner-done', suggestions: [{ members: [{ doc: 'd0', sentences: [2] }, { doc: 'd1', sentences: [2] }], score: 0.5 }], mode: 'parallel' });
    expect(press(meanwhile, 'y').message?.key).toBe('msg.rowChangedMeanwhile');
    const yes = press(s, 'y');
    expect(rows(yes)).toEqual(['d0:0|d1:0', 'd0:1|d1:1,2', 'd0:2']);
    expect(yes.history.present.groups.find((g) => g.id === 'g1')).toMatchObject({ status: 'confirmed', note: 'checked by Ada' });
    expect(press(yes, 'u').history.present).toBe(base.history.present);
  });

  it('asks before dissolving a group with a note, naming the note', () => {
    const base = state([1, 1], [{ note: 'same slogan', members: { 0: [0], 1: [0] } }]);
    const s = press(base, 'x');
    expect(s.mode).toBe('confirm-move');
    expect(s.message).toMatchObject({ key: 'msg.rowAskDissolveNote', params: { group: 'g1', note: 'same slogan' } });
    expect(press(s, 'n').history).toBe(base.history);
    const yes = press(s, 'enter');
    expect(yes.history.present.groups).toEqual([]);
    expect(rows(yes)).toEqual(['d0:0', 'd1:0']);
    // d on a confirmed row asks too.
    const confirmed = state([1, 1], [{ status: 'confirmed', members: { 0: [0], 1: [0] } }]);
    expect(press(confirmed, 'd').message?.key).toBe('msg.rowAskDissolve');
  });

  it('merges a row with the next: two groups, a group and a 1:0 row, two 1:0 rows', () => {
    let s = state([3, 3], [
      { members: { 0: [0], 1: [0] } },
      { note: 'b', members: { 0: [1], 1: [1] } },
    ]);
    s = press(s, 'm');
    expect(rows(s)).toEqual(['d0:0,1|d1:0,1', 'd0:2', 'd1:2']);
    expect(s.history.present.groups).toHaveLength(1);
    expect(s.history.present.groups[0]!.note).toBe('b');
    s = press(s, 'j', 'j', 'm');
    expect(rows(s)).toEqual(['d0:0,1|d1:0,1', 'd0:2|d1:2']);
    s = press(s, 'k', 'm');
    expect(rows(s)).toEqual(['d0:0,1,2|d1:0,1,2']);
    expect(press(s, 'm').message?.key).toBe('msg.rowNoBelow');
  });

  it('splits a row after the sentence under the cursor, cutting the other cells in proportion', () => {
    let s = state([2, 2, 1], [{ status: 'suggested', members: { 0: [0, 1], 1: [0, 1], 2: [0] } }]);
    expect(press(s, 's').message?.key).toBe('msg.rowSplit');
    s = press(s, 's');
    expect(rows(s)).toEqual(['d0:0|d1:0|d2:0', 'd0:1|d1:1']);
    expect(s.history.present.groups.map((g) => g.status)).toEqual(['suggested', 'suggested']);
    // The cursor on the last sentence of a cell: nothing to split after it.
    const last = press(state([2, 1], [{ members: { 0: [0, 1], 1: [0] } }]), 'j');
    expect(last.rowView.sub).toBe(1);
    expect(press(last, 's').message?.key).toBe('msg.rowCannotSplit');
    const twoToOne = press(press(state([2, 1], [{ members: { 0: [0, 1], 1: [0] } }]), 's'));
    expect(rows(twoToOne)).toEqual(['d0:0|d1:0', 'd0:1']);
  });

  it('makes the sentence under the cursor a row of its own (x) and walks the cell with j/k', () => {
    let s = state([1, 3], [{ members: { 0: [0], 1: [0, 1, 2] } }]);
    s = press(s, 'tab', 'j');
    expect(s.rowView.sub).toBe(1);
    s = press(s, 'x');
    expect(rows(s)).toEqual(['d0:0|d1:0,2', 'd1:1']);
    expect(s.rowView.cursor).toBe(1);
    expect(press(s, 'x').message?.key).toBe('msg.rowAlreadyAlone');
  });
});

describe('row view: columns, leading document, warnings', () => {
  it('follows the leading document, switches order, moves and hides columns, saying what is hidden', () => {
    let s = state([2, 2], [{ members: { 0: [0], 1: [1] } }]);
    // d1's sentence 0 comes before its sentence 1, which is in the group.
    expect(rows(s)).toEqual(['d1:0', 'd0:0|d1:1', 'd0:1']);
    s = press(s, 'O');
    expect(s.message?.key).toBe('msg.rowOrderLead');
    expect(rows(s)).toEqual(['d0:0|d1:1', 'd0:1']);
    s = press(s, 'tab', 'o');
    expect(rows(s)).toEqual(['d1:0', 'd0:0|d1:1']);
    s = press(s, '<');
    expect(s.rowView.columns).toEqual(['d1', 'd0']);
    s = press(s, '-');
    expect(s.rowView.columns).toEqual(['d0']);
    expect(s.message).toMatchObject({ key: 'msg.rowColumnHidden', params: { doc: 'd1' } });
    expect(press(s, '-').message?.key).toBe('msg.rowLastColumn');
    s = press(s, '+');
    expect(s.rowView.columns).toEqual(['d0', 'd1']);
  });

  it('marks rows with check warnings and jumps to them with w', () => {
    let s = state([4, 4], [
      { members: { 0: [0], 1: [0] } },
      { members: { 0: [1], 1: [1] } },
      { members: { 0: [2], 1: [2] } },
      { members: { 0: [3], 1: [3] } },
    ], { '0:2': 'La strage è costata la vita a 129 persone.', '1:2': 'Le massacre a coûté la vie à 132 personnes.' });
    s = press(s, 'w');
    expect(s.message).toMatchObject({ key: 'msg.rowWarning', params: { group: 'g3', count: 1 } });
    expect(s.rowView.cursor).toBe(2);
    expect(press(s, 'w').message?.key).toBe('msg.rowNoWarning');
    expect(press(s, 'W').message?.key).toBe('msg.rowNoWarning');
  });

  it('works on the seeds with suggestions: confirm-and-next walks every suggested row', () => {
    const seeds = seedsState();
    const a = seeds.history.present;
    const withSuggestions = applySuggestions(a, [
      { members: [{ doc: 'it-000', sentences: [0] }, { doc: 'it-001', sentences: [0] }], score: 0.9 },
      { members: [{ doc: 'it-000', sentences: [3] }, { doc: 'fr-003', sentences: [2] }], score: 0.5 },
    ]);
    let s = press(seedsState(undefined, withSuggestions), 'R');
    s = press(s, 'enter');
    s = press(s, 'enter');
    expect(s.history.present.groups.map((g) => g.status)).toEqual(['confirmed', 'confirmed']);
  });
});

describe('row view: "lead" order shows the groups of the other documents', () => {
  it('on the curated seeds plus suggestions without it-000, confirm-and-next reaches every suggestion', async () => {
    const { openAlignment } = await import('../../../src/io/alignment-file.js');
    const { segment } = await import('../../../src/core/text/segment.js');
    const { REPO_ROOT } = await import('../../helpers/seeds.js');
    const { join } = await import('node:path');
    const opened = openAlignment(join(REPO_ROOT, 'alignments', 'seeds.align.json'), segment);
    const taken = new Set<string>();
    for (const g of opened.alignment.groups) if (g.status !== 'rejected') for (const m of g.members) for (const x of m.sentences) taken.add(`${m.doc}:${x}`);
    const free = (doc: string) => opened.alignment.documents.find((d) => d.id === doc)!.sentences.map((_, x) => x).filter((x) => !taken.has(`${doc}:${x}`));
    // Suggestions like the aligner's: one with it-000, two between the other documents only.
    const withSuggestions = applySuggestions(opened.alignment, [
      { members: [{ doc: 'it-000', sentences: [free('it-000')[0]!] }, { doc: 'it-001', sentences: [free('it-001')[0]!] }], score: 0.6 },
      { members: [{ doc: 'en-002', sentences: [free('en-002')[0]!] }, { doc: 'en-004', sentences: [free('en-004')[0]!] }], score: 0.5 },
      { members: [{ doc: 'it-001', sentences: [free('it-001').at(-1)!] }, { doc: 'fr-003', sentences: [free('fr-003').at(-1)!] }], score: 0.4 },
    ]);
    let s = createEditorState({ alignment: withSuggestions, texts: opened.texts, fileName: 'seeds.align.json', size: { columns: 160, rows: 40 }, colors: false });
    s = press(s, 'R');
    if (rowProjection(s).order !== 'lead') s = press(s, 'O');
    expect(rowProjection(s).order).toBe('lead');
    // Every live group is a row, the confirmed ones between other documents too.
    const p = rowProjection(s);
    const shown = new Set(Array.from(p.rowGroup).filter((g) => g >= 0).map((g) => s.history.present.groups[g]!.id));
    expect([...shown].sort()).toEqual(s.history.present.groups.filter((g) => g.status !== 'rejected').map((g) => g.id).sort());
    for (let n = 0; n < 4; n++) s = press(s, 'enter');
    expect(s.history.present.groups.filter((g) => g.status === 'suggested')).toEqual([]);
    expect(s.message?.key).toBe('msg.rowReviewDone');
  });
});

describe('row moves keep the sentence index right', () => {
  it('a shift into a group records an index equal to a fresh build', async () => {
    const { buildSentenceGroupIndex, sentenceGroupIndex } = await import('../../../src/core/model/index-cache.js');
    let s = state([3, 3], [{ members: { 0: [0], 1: [0, 1] } }, { members: { 0: [1], 1: [2] } }, { members: { 0: [2], 1: [0] } }].slice(0, 2));
    s = press(s, 'tab', 'J');
    const a = s.history.present;
    expect(rows(s)).toEqual(['d0:0|d1:0', 'd0:1|d1:1,2', 'd0:2']);
    expect([...sentenceGroupIndex(a)].map(([k, v]) => [k, [...v]])).toEqual([...buildSentenceGroupIndex(a)].map(([k, v]) => [k, [...v]]));
  });
});
