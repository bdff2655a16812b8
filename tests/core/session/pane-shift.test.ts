/** The row view's shift moves from the document panes (issue 10 §2: the review moves in both views). */
import { describe, expect, it } from 'vitest';
import { createEditorState } from '../../../src/core/session/reducer.js';
import type { EditorState } from '../../../src/core/session/types.js';
import type { GroupStatus } from '../../../src/core/model/types.js';
import { press } from './helpers.js';
import { beadAlignment } from './rows-fixtures.js';

/** Beads 1:1, 1:2, 1:1 in the panes, the cursor on the second document's sentence 2 (in the 1:2 group). */
function panes(status: GroupStatus): EditorState {
  const { alignment, texts } = beadAlignment([[1, 1], [1, 2], [1, 1]], status);
  const s = createEditorState({ alignment, texts, fileName: 'x.align.json', size: { columns: 120, rows: 30 }, colors: false });
  return press(s, 'tab', 'j', 'j');
}

const membersOf = (s: EditorState, doc: number) => s.history.present.groups.map((g) => g.members.find((m) => m.doc === s.history.present.documents[doc]!.id)?.sentences ?? []);

describe('shift moves in the document panes', () => {
  it('K (or Shift-↑) moves the first sentence of the cell up into the group above; the panes stay, undo restores', () => {
    for (const key of ['K', 'shift+up']) {
      const s = panes('suggested');
      expect(s.view).toBe('panes');
      expect(membersOf(s, 1)).toEqual([[0], [1, 2], [3]]);
      const moved = press(s, key);
      expect(moved.view).toBe('panes');
      expect(membersOf(moved, 1)).toEqual([[0, 1], [2], [3]]);
      expect(membersOf(press(moved, 'u'), 1)).toEqual([[0], [1, 2], [3]]);
    }
  });

  it('Shift-↓ moves the last sentence of the cell down into the group below', () => {
    const moved = press(panes('suggested'), 'shift+down');
    expect(membersOf(moved, 1)).toEqual([[0], [1], [2, 3]]);
  });

  it('asks before taking a sentence out of a confirmed group; Esc keeps it, y moves it', () => {
    const asked = press(panes('confirmed'), 'K');
    expect(asked.mode).toBe('confirm-move');
    expect(asked.view).toBe('panes');
    expect(membersOf(asked, 1)).toEqual([[0], [1, 2], [3]]);
    expect(membersOf(press(asked, 'escape'), 1)).toEqual([[0], [1, 2], [3]]);
    const yes = press(asked, 'y');
    expect(yes.mode).toBe('normal');
    expect(membersOf(yes, 1)).toEqual([[0, 1], [2], [3]]);
  });

  it('Shift-↑ where no shift applies (the groups table) still moves the cursor up', () => {
    const s = press(panes('suggested'), 'v', 'j', 'j');
    const up = press(s, 'shift+up');
    expect(up.history.present).toBe(s.history.present);
    expect(up).not.toBe(s);
  });
});
