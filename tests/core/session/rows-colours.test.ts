/** The row view colours groups like the panes and the groups table: neighbouring rows differ. */
import { describe, expect, it } from 'vitest';
import { createEditorState } from '../../../src/core/session/reducer.js';
import { rowsFrame } from '../../../src/core/session/rows-state.js';
import { layoutOf } from '../../../src/core/session/selectors.js';
import { press } from './helpers.js';
import { beadAlignment } from './rows-fixtures.js';

describe('row view colours', () => {
  it('gives neighbouring group rows different colour slots', () => {
    // 40 one-to-one beads: with ids hashed to 12 colours, some neighbours would share one.
    const { alignment, texts } = beadAlignment(Array.from({ length: 40 }, () => [1, 1]));
    const s = press(createEditorState({ alignment, texts, fileName: 'x.align.json', size: { columns: 120, rows: 60 }, colors: true }), 'R');
    const { frame } = rowsFrame(s, layoutOf(s));
    const firstLines = frame.lines.filter((l) => l.groupId !== undefined && l.key.endsWith(':0'));
    expect(firstLines.length).toBeGreaterThan(10);
    for (let i = 1; i < firstLines.length; i++) {
      const [a, b] = [firstLines[i - 1]!, firstLines[i]!];
      expect(b.groupSlot, `${a.groupId} then ${b.groupId}`).not.toBe(a.groupSlot);
    }
  });
});
