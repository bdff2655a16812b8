/** Undo and redo in the row view put the cursor back on the row the change touched. */
import { describe, expect, it } from 'vitest';
import { createEditorState } from '../../../src/core/session/reducer.js';
import { rowProjection } from '../../../src/core/session/rows-state.js';
import { rowCells } from '../../../src/core/session/rows.js';
import type { EditorState } from '../../../src/core/session/types.js';
import { press } from './helpers.js';
import { synthetic, type GroupSpec } from './rows-fixtures.js';

function state(counts: number[], groups: GroupSpec[]): EditorState {
  const { alignment, texts } = synthetic(counts, groups);
  return press(createEditorState({ alignment, texts, fileName: 'x.align.json', size: { columns: 120, rows: 30 }, colors: false }), 'R');
}

function rowAtCursor(s: EditorState): string {
  const p = rowProjection(s);
  return rowCells(p, s.rowView.cursor).map((c) => `d${c.doc}:${c.sentences.join(',')}`).join('|');
}

describe('row view: the cursor after undo and redo', () => {
  const groups: GroupSpec[] = [
    { members: { 0: [0], 1: [0] } },
    { members: { 0: [1, 2], 1: [1] } },
    { members: { 0: [3], 1: [2] } },
    { members: { 0: [4], 1: [3] } },
  ];

  it('x then u lands on the restored row, not the next one', () => {
    let s = state([5, 4], groups);
    s = press(s, 'j', 'j');
    expect(rowAtCursor(s)).toBe('d0:1,2|d1:1');
    expect(s.rowView.sub).toBe(1);
    s = press(s, 'x');
    expect(s.history.present.groups[1]!.members.find((m) => m.doc === 'd0')!.sentences).toEqual([1]);
    s = press(s, 'u');
    expect(s.message?.key).toBe('msg.undone');
    expect(rowAtCursor(s)).toBe('d0:1,2|d1:1');
    expect(s.rowView.sub).toBe(1);
    // Redo goes back to the detached sentence's own row.
    s = press(s, 'ctrl+r');
    expect(s.message?.key).toBe('msg.redone');
    expect(rowAtCursor(s)).toBe('d0:2');
  });

  it('undo of a detach from the first sentence of the cell and of the last row', () => {
    let s = state([5, 4], groups);
    s = press(s, 'G');
    expect(rowAtCursor(s)).toBe('d0:4|d1:3');
    s = press(s, 'x', 'u');
    expect(rowAtCursor(s)).toBe('d0:4|d1:3');
    s = press(state([5, 4], groups), 'j', 'x', 'u');
    expect(rowAtCursor(s)).toBe('d0:1,2|d1:1');
  });

  it('m then u lands on the first of the two rows again; the focused column stays', () => {
    let s = state([5, 4], groups);
    s = press(s, 'j', 'tab', 'm');
    expect(rowAtCursor(s)).toBe('d0:1,2,3|d1:1,2');
    const focus = s.rowView.focus;
    s = press(s, 'u');
    expect(rowAtCursor(s)).toBe('d0:1,2|d1:1');
    expect(s.rowView.focus).toBe(focus);
  });
});
