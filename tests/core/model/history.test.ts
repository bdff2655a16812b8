import { describe, expect, it } from 'vitest';
import { canRedo, canUndo, createHistory, HISTORY_LIMIT, record, redo, undo } from '../../../src/core/model/history.js';

describe('history', () => {
  it('undoes and redoes with labels, and a new change clears the redo list', () => {
    let h = createHistory({ n: 0 });
    const one = { n: 1 };
    const two = { n: 2 };
    h = record(h, one, 'first');
    h = record(h, two, 'second');
    expect(h.label).toBe('second');
    h = undo(h);
    expect(h.present).toBe(one);
    expect(h.label).toBe('first');
    expect(canRedo(h)).toBe(true);
    h = redo(h);
    expect(h.present).toBe(two);
    h = undo(undo(h));
    expect(h.present).toEqual({ n: 0 });
    expect(canUndo(h)).toBe(false);
    expect(undo(h)).toBe(h);
    h = record(h, { n: 3 }, 'third');
    expect(canRedo(h)).toBe(false);
  });

  it('does not record a no-op and keeps at most HISTORY_LIMIT steps', () => {
    let h = createHistory(0);
    expect(record(h, 0, 'nothing')).toBe(h);
    for (let i = 1; i <= HISTORY_LIMIT + 10; i++) h = record(h, i, `step ${i}`);
    expect(h.past).toHaveLength(HISTORY_LIMIT);
    expect(h.past[0]!.state).toBe(10);
  });
});
