/**
 * No silent loss (issue 10 §3): edits that take sentences out of a confirmed group, dissolve
 * one or drop a note ask first (y / n, Esc = no) and undo restores them; marks follow splits
 * and joins; keys typed right after a failed command are text; a no-op records no undo step.
 */
import { describe, expect, it } from 'vitest';
import { link, setNote } from '../../../src/core/model/operations.js';
import { lossesOf } from '../../../src/core/session/losses.js';
import { reduce } from '../../../src/core/session/reducer.js';
import { markKey } from '../../../src/core/session/selectors.js';
import type { EditorState } from '../../../src/core/session/types.js';
import { createI18n, translateMessage } from '../../../src/i18n/index.js';
import { seedsAlignment } from '../../helpers/seeds.js';
import { docIndex, press, seedsState, type } from './helpers.js';

/** The seeds with a confirmed group g1 = it-000 #0 + fr-003 #0 carrying a note. */
function withConfirmedGroup(): EditorState {
  const { alignment } = seedsAlignment();
  const linked = link(alignment, [{ doc: 'it-000', sentence: 0 }, { doc: 'fr-003', sentence: 0 }], 'g1').alignment;
  return seedsState(undefined, setNote(linked, 'g1', 'checked by Anna'));
}

const group = (s: EditorState, id: string) => s.history.present.groups.find((g) => g.id === id);

describe('edits that lose reviewed work ask first', () => {
  it('linking a sentence of a confirmed group asks; Esc and n answer no; the group and its note survive', () => {
    let s = withConfirmedGroup();
    const before = s.history;
    // Mark it-000 #0 (in g1), go to en-002 #0 and link.
    s = press(s, 'space');
    s = press(s, 'tab', 'tab');
    expect(s.focus).toBe(docIndex(s, 'en-002'));
    s = press(s, 'enter');
    expect(s.mode).toBe('confirm-loss');
    expect(s.history).toBe(before);
    const t = createI18n('en').t;
    expect(translateMessage(t, s.message!)).toBe('This dissolves confirmed group g1 and its note (“checked by Anna”). Go ahead? (undo brings it back)');
    // Other keys do nothing while the question is open.
    s = press(s, 'x', 'd', 'j');
    expect(s.mode).toBe('confirm-loss');
    s = press(s, 'escape');
    expect(s.mode).toBe('normal');
    expect(s.history).toBe(before);
    expect(group(s, 'g1')).toMatchObject({ status: 'confirmed', note: 'checked by Anna' });
    s = press(s, 'enter', 'n');
    expect(s.history).toBe(before);
    expect(s.message?.key).toBe('msg.lossDeclined');
  });

  it('y applies it, and undo restores the group with its note', () => {
    let s = press(withConfirmedGroup(), 'space', 'tab', 'tab', 'enter', 'y');
    expect(s.mode).toBe('normal');
    expect(group(s, 'g1')).toBeUndefined(); // left with one document: dissolved
    expect(s.history.present.groups.at(-1)!.members.map((m) => m.doc)).toEqual(['en-002', 'it-000'].sort((a, b) => docIndex(s, a) - docIndex(s, b)));
    expect(s.marks.size).toBe(0);
    expect(s.message?.key).toBe('msg.linked');
    s = press(s, 'u');
    expect(group(s, 'g1')).toMatchObject({ status: 'confirmed', note: 'checked by Anna' });
  });

  it('adding a sentence of a confirmed group to another group asks', () => {
    const { alignment } = seedsAlignment();
    let a = link(alignment, [{ doc: 'it-000', sentence: 0 }, { doc: 'fr-003', sentence: 0 }, { doc: 'en-004', sentence: 0 }], 'g1').alignment;
    a = link(a, [{ doc: 'it-000', sentence: 1 }, { doc: 'en-002', sentence: 1 }], 'g2').alignment;
    // Mark it-000 #0 (g1, which keeps two documents), cursor on it-000 #1 (g2), add.
    let s = press(seedsState(undefined, a), 'space', 'j', '+');
    expect(s.mode).toBe('confirm-loss');
    expect(s.message?.params).toMatchObject({ whatKey: 'loss.take-out', group: 'g1' });
    s = press(s, 'y');
    expect(group(s, 'g2')!.members.find((m) => m.doc === 'it-000')!.sentences).toEqual([0, 1]);
  });

  it('dissolving a confirmed group and taking a sentence out of one ask; a suggestion without a note does not', () => {
    let s = press(withConfirmedGroup(), 'd');
    expect(s.mode).toBe('confirm-loss');
    expect(s.message?.params).toMatchObject({ whatKey: 'loss.dissolve-note', group: 'g1' });
    s = press(s, 'escape', 'x');
    expect(s.mode).toBe('confirm-loss');
    s = press(s, 'escape');
    expect(group(s, 'g1')).toBeDefined();
    // A suggested group with no note goes without a question.
    const { alignment } = seedsAlignment();
    const suggested = { ...alignment, groups: [{ id: 'g5', status: 'suggested' as const, origin: 'auto' as const, score: 0.4, members: [{ doc: 'it-000', sentences: [0] }, { doc: 'fr-003', sentences: [0] }] }] };
    const t = press(seedsState(undefined, suggested), 'd');
    expect(t.mode).toBe('normal');
    expect(t.history.present.groups).toEqual([]);
  });

  it('merging two groups loses nothing: members and notes move together', () => {
    const { alignment } = seedsAlignment();
    let a = link(alignment, [{ doc: 'it-000', sentence: 0 }, { doc: 'fr-003', sentence: 0 }], 'g1').alignment;
    a = setNote(link(a, [{ doc: 'it-000', sentence: 1 }, { doc: 'en-002', sentence: 1 }], 'g2').alignment, 'g2', 'n2');
    const merged = press(seedsState(undefined, a), 'j', 'space', 'k', 'm');
    expect(merged.mode).toBe('normal');
    expect(group(merged, 'g1')!.note).toBe('n2');
    expect(lossesOf(a, merged.history.present)).toEqual([]);
  });

  it('a split or join inside a confirmed group is not a loss (later sentences are renumbered)', () => {
    const s = withConfirmedGroup();
    const joined = press(s, 'J');
    expect(joined.mode).toBe('normal');
    expect(joined.history.present.documents).not.toBe(s.history.present.documents);
  });
});

describe('marks survive splits and joins', () => {
  it('a join keeps marks on the sentences that hold the marked text', () => {
    // Mark it-000 #3 and #5, join #1 with #2: the marks move up by one.
    let s = press(seedsState(), 'j', 'j', 'j', 'space', 'j', 'j', 'space', 'g', 'j', 'J');
    expect(s.history.past.length).toBe(1);
    expect([...s.marks].sort()).toEqual([markKey('it-000', 2), markKey('it-000', 4)].sort());
    // Undo puts them back where they were.
    s = press(s, 'u');
    expect([...s.marks].sort()).toEqual([markKey('it-000', 3), markKey('it-000', 5)].sort());
  });

  it('a split moves later marks down by one and keeps the split sentence marked', () => {
    let s = press(seedsState(), 'space', 'j', 'j', 'space', 'g');
    s = press(s, 'S', 'enter');
    expect(s.history.past.length).toBe(1);
    expect([...s.marks].sort()).toEqual([markKey('it-000', 0), markKey('it-000', 3)].sort());
  });
});

describe('a no-op records no undo step', () => {
  it('writing the same note again changes nothing', () => {
    let s = press(withConfirmedGroup(), 'c');
    expect(s.input.text).toBe('checked by Anna');
    s = press(s, 'enter');
    expect(s.history.past.length).toBe(0);
    expect(s.message?.key).toBe('msg.nothingChanged');
  });
});

describe('keys typed right after a failed command are text', () => {
  const key = (s: EditorState, name: string, at: number) => reduce(s, { type: 'key', name, text: name === 'space' ? ' ' : name, at });

  it('a note typed where there is no group does not run its letters as commands', () => {
    let s = seedsState();
    const before = s.history;
    s = key(s, 'c', 1000); // no group here: fails
    expect(s.message?.key).toBe('msg.noGroupHere');
    let at = 1000;
    for (const ch of 'fix this') s = key(s, ch === ' ' ? 'space' : ch, (at += 120));
    s = key(s, 'enter', (at += 120));
    expect(s.history).toBe(before); // no x (remove), no mark, no link
    expect(s.marks.size).toBe(0);
    expect(s.focus).toBe(0);
    expect(s.message).toMatchObject({ key: 'msg.typedAfterFailure', tone: 'error' });
    expect(translateMessage(createI18n('en').t, s.message!)).toContain('“fix this”');
    // After a pause, keys are commands again.
    s = key(s, 'j', at + 2000);
    expect(s.panes[0]!.cursor).toBe(1);
  });

  it('keys after a successful command stay commands; without times (tests, pastes through type) nothing changes', () => {
    let s = seedsState();
    s = key(s, 'j', 0);
    s = key(s, 'j', 10);
    expect(s.panes[0]!.cursor).toBe(2);
    expect(press(seedsState(), 'c', 'j').panes[0]!.cursor).toBe(1);
    expect(type(seedsState(), 'j').panes[0]!.cursor).toBe(1);
  });
});
