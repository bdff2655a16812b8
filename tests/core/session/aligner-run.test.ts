/** Re-align from the workbench: Esc cancels, progress keeps its pace for the ETA, stale results are dropped. */
import { describe, expect, it } from 'vitest';
import { reduce } from '../../../src/core/session/reducer.js';
import { alignerProgressText } from '../../../src/tui/status-bar.js';
import { createI18n } from '../../../src/i18n/index.js';
import { press, seedsState } from './helpers.js';

describe('re-align from the workbench', () => {
  it('Esc stops a running aligner (marks stay), and clears marks when none runs', () => {
    let s = press(seedsState(), 'space', 'A');
    expect(s.aligner.running).toBe(true);
    const before = s.effects.length;
    s = press(s, 'escape');
    expect(s.effects.slice(before).map((e) => e.type)).toEqual(['cancel-aligner']);
    expect(s.marks.size).toBe(1);
    s = reduce(s, { type: 'aligner-failed', message: 'cancelled', cancelled: true });
    expect(s.message?.key).toBe('msg.alignerCancelled');
    s = press(s, 'escape');
    expect(s.marks.size).toBe(0);
  });

  it('the cursor moves while the aligner runs', () => {
    let s = press(seedsState(), 'A');
    const cursor = s.panes[0]!.cursor;
    s = press(s, 'j', 'j');
    s = reduce(s, { type: 'aligner-progress', done: 10, total: 100, elapsedMs: 1000 });
    s = press(s, 'j');
    expect(s.panes[0]!.cursor).toBe(cursor + 3);
    expect(s.aligner).toMatchObject({ running: true, done: 10, total: 100, elapsedMs: 1000 });
  });

  it('shows the percentage and an ETA from the pace so far', () => {
    const t = createI18n('en').t as unknown as (k: string, p?: Record<string, unknown>) => string;
    expect(alignerProgressText({ running: true, done: 0, total: 0 }, t)).toBe('Aligning…');
    expect(alignerProgressText({ running: true, done: 25, total: 100, elapsedMs: 3000 }, t)).toBe('Aligning… 25% · 9 s left');
    expect(alignerProgressText({ running: true, done: 10, total: 100, elapsedMs: 60_000 }, t)).toBe('Aligning… 10% · 9 min left');
  });

  it('says so when the worker cannot start, and changes nothing', () => {
    let s = press(seedsState(), 'A');
    const present = s.history.present;
    s = reduce(s, { type: 'aligner-failed', message: "the aligner's worker thread could not start: x is missing", unavailable: true });
    expect(s.aligner.running).toBe(false);
    expect(s.message).toMatchObject({ key: 'msg.alignerNoWorker', tone: 'error' });
    expect(s.history.present).toBe(present);
  });

  it('drops suggestions computed for a segmentation that changed meanwhile', () => {
    let s = press(seedsState(), 'A');
    s = press(s, 'J'); // join the first two sentences while the aligner runs
    expect(s.history.present.documents).not.toBe(s.aligner.documents);
    const present = s.history.present;
    s = reduce(s, { type: 'aligner-done', mode: 'comparable', suggestions: [{ members: [{ doc: 'it-000', sentences: [5] }, { doc: 'fr-003', sentences: [5] }], score: 0.9 }] });
    expect(s.message?.key).toBe('msg.alignerStale');
    expect(s.history.present).toBe(present);
    expect(s.aligner.running).toBe(false);
  });
});
