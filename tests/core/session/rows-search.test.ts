/** Search in the row view: `/`, n and N move the row cursor to the row holding the match. */
import { describe, expect, it } from 'vitest';
import { createEditorState } from '../../../src/core/session/reducer.js';
import { rowProjection } from '../../../src/core/session/rows-state.js';
import { rowCells } from '../../../src/core/session/rows.js';
import type { EditorState } from '../../../src/core/session/types.js';
import { press, search, type } from './helpers.js';
import { synthetic, type GroupSpec } from './rows-fixtures.js';

function state(counts: number[], groups: GroupSpec[], own: Record<string, string> = {}): EditorState {
  const { alignment, texts } = synthetic(counts, groups, own);
  return press(createEditorState({ alignment, texts, fileName: 'x.align.json', size: { columns: 120, rows: 30 }, colors: false }), 'R');
}

/** The row under the cursor as "d0:1|d1:1", and the focused column's document. */
function at(s: EditorState): string {
  const p = rowProjection(s);
  return rowCells(p, s.rowView.cursor).map((c) => `d${c.doc}:${c.sentences.join(',')}`).join('|');
}

const focused = (s: EditorState) => s.rowView.columns[s.rowView.focus];

// Three rows of 1:1 groups, a 1:0 row of d1, and a 2:1 group: "needle" in d1:1, d0:3 and d1:4.
const groups: GroupSpec[] = [
  { status: 'confirmed', members: { 0: [0], 1: [0] } },
  { members: { 0: [1], 1: [1] } },
  { members: { 0: [2], 1: [3] } },
  { members: { 0: [3, 4], 1: [4] } },
];
const own = { '1:1': 'Une aiguille (needle) ici.', '0:3': 'Primo needle.', '1:4': 'Encore needle, la fin.' };

describe('row view search', () => {
  it('/ opens the prompt in the row view; what is typed is the pattern, not commands; Enter goes to the row of the match', () => {
    let s = press(state([5, 5], groups, own), 'enter');
    const history = s.history;
    s = press(s, '/');
    expect(s.mode).toBe('search');
    // u (undo), b, o, r: typed, not run.
    s = press(type(press(s, 'ctrl+u'), 'unbor'), 'escape');
    expect(s.history).toBe(history);
    expect(s.view).toBe('rows');
    s = search(s, 'needle');
    expect(s.mode).toBe('normal');
    expect(s.view).toBe('rows');
    expect(s.history).toBe(history);
    expect(s.message?.key).toMatch(/^msg\.found/);
    // The first match after the cursor's sentence (d0:1, in row 2) going through d0 first.
    expect(at(s)).toBe('d0:3,4|d1:4');
    expect(focused(s)).toBe('d0');
    expect(s.rowView.sub).toBe(0);
  });

  it('n and N walk the matches, each time onto the row and cell holding it', () => {
    let s = search(state([5, 5], groups, own), 'needle');
    expect(at(s)).toBe('d0:3,4|d1:4');
    s = press(s, 'n');
    expect(focused(s)).toBe('d1');
    expect(at(s)).toBe('d0:1|d1:1');
    s = press(s, 'n');
    expect(focused(s)).toBe('d1');
    expect(at(s)).toBe('d0:3,4|d1:4');
    s = press(s, 'N');
    expect(at(s)).toBe('d0:1|d1:1');
    // Nothing found: the cursor stays where it was.
    const before = s.rowView;
    s = search(s, 'absent-word');
    expect(s.message?.key).toBe('msg.notFound');
    expect(s.rowView.cursor).toBe(before.cursor);
    expect(s.view).toBe('rows');
  });

  it('a match in a hidden column shows it again; one with no row makes its document lead', () => {
    let s = state([5, 5], groups, own);
    s = press(s, 'tab', '-');
    expect(s.rowView.columns).toEqual(['d0']);
    s = search(s, 'aiguille');
    expect(s.rowView.columns).toEqual(['d0', 'd1']);
    expect(at(s)).toBe('d0:1|d1:1');
    // Rows following d0 only: d1's unaligned sentence 2 has no row until d1 leads.
    s = press(s, 'tab', 'O');
    expect(rowProjection(s).order).toBe('lead');
    expect(s.rowView.lead).toBe('d0');
    s = search(s, 'D1S2');
    expect(s.message).toMatchObject({ key: 'msg.rowSearchLead', params: { doc: 'd1', sentence: 3 } });
    expect(s.rowView.lead).toBe('d1');
    expect(at(s)).toBe('d1:2');
    expect(focused(s)).toBe('d1');
  });
});
