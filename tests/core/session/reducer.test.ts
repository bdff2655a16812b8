import { describe, expect, it } from 'vitest';
import { applySuggestions } from '../../../src/core/model/operations.js';
import { findViolations } from '../../../src/core/model/invariants.js';
import { reduce } from '../../../src/core/session/reducer.js';
import { isDirty, layoutOf, paneViews, targetGroup } from '../../../src/core/session/selectors.js';
import type { EditorState } from '../../../src/core/session/types.js';
import { cursorOf, docIndex, press, search, seedsState, sentenceOf, type } from './helpers.js';

const SLOGAN_IT = 'Non perdoniamo.';
const SLOGAN_FR = 'On ne pardonne pas';

/** The slogan group built the way the end-to-end test does it: search, mark, search, link. */
function linkSlogan(state: EditorState = seedsState()): EditorState {
  let s = search(state, 'Non perdoniamo');
  s = press(s, 'space');
  s = search(s, 'ne pardonne');
  return press(s, 'enter');
}

describe('session reducer: moving', () => {
  it('starts clean with one pane per document, cursors on the first sentence', () => {
    const s = seedsState();
    expect(s.panes).toHaveLength(5);
    expect(s.panes.every((p) => p.cursor === 0 && p.top === 0)).toBe(true);
    expect(isDirty(s)).toBe(false);
  });

  it('moves with j/k and arrows, clamped to the document, and g/G jump to the ends', () => {
    const s = seedsState();
    const n = s.history.present.documents[0]!.sentences.length;
    expect(press(s, 'j', 'down', 'j').panes[0]!.cursor).toBe(3);
    expect(press(s, 'k').panes[0]!.cursor).toBe(0);
    expect(press(s, 'G').panes[0]!.cursor).toBe(n - 1);
    expect(press(s, 'G', 'j').panes[0]!.cursor).toBe(n - 1);
    expect(press(s, 'G', 'g').panes[0]!.cursor).toBe(0);
  });

  it('Tab and Shift-Tab cycle the focused pane', () => {
    const s = seedsState();
    expect(press(s, 'tab', 'tab').focus).toBe(2);
    expect(press(s, 'shift+tab').focus).toBe(4);
  });

  it('keeps the cursor on screen in a small terminal and draws only rows that fit', () => {
    const s = press(seedsState({ columns: 80, rows: 14 }), 'G');
    const layout = layoutOf(s);
    const views = paneViews(s, layout);
    const first = views[0]!;
    expect(first.lines.length).toBeLessThanOrEqual(layout.bodyHeight);
    expect(first.lines.some((l) => l.cursor)).toBe(true);
    expect(s.panes[0]!.top).toBeGreaterThan(0);
  });

  it('shows fewer panes when the terminal narrows and says when it is too small', () => {
    const s = seedsState({ columns: 160, rows: 40 });
    expect(layoutOf(s).paneCount).toBe(5);
    const narrow = reduce(s, { type: 'resize', size: { columns: 60, rows: 20 } });
    expect(layoutOf(narrow).paneCount).toBe(2);
    expect(layoutOf(narrow).tooSmall).toBe(false);
    // Focusing the fourth document scrolls the pane window to show it.
    const scrolled = press(narrow, 'tab', 'tab', 'tab');
    expect(scrolled.firstPane).toBe(2);
    expect(paneViews(scrolled).map((p) => p.id)).toEqual(['en-002', 'fr-003']);
    expect(layoutOf(reduce(s, { type: 'resize', size: { columns: 30, rows: 8 } })).tooSmall).toBe(true);
  });
});

describe('session reducer: finding', () => {
  it('searches across panes with a regex, case-insensitively, and n finds the next match', () => {
    const s = search(seedsState(), 'non perdoniamo');
    expect(s.focus).toBe(docIndex(s, 'it-000'));
    expect(cursorOf(s, 'it-000')).toBe(sentenceOf(s, 'it-000', SLOGAN_IT));
    // Ctrl-R in the prompt: a regular expression (plain text is the default).
    const fr = press(type(press(s, '/', 'ctrl+u', 'ctrl+r'), 'pardonne|oublie'), 'enter');
    expect(fr.focus).toBe(docIndex(s, 'fr-003'));
    expect(fr.mode).toBe('normal');
    expect(fr.message?.key).toBe('msg.foundOf');
  });

  it('keeps the prompt open and says so for an invalid regex', () => {
    const s = press(type(press(seedsState(), '/', 'ctrl+u', 'ctrl+r'), '(['), 'enter');
    expect(s.mode).toBe('search');
    expect(s.message).toMatchObject({ key: 'msg.badRegex', tone: 'error' });
    expect(press(s, 'escape').mode).toBe('normal');
  });

  it('jumps to the next unaligned sentence, skipping grouped ones', () => {
    const linked = linkSlogan();
    const it0 = docIndex(linked, 'it-000');
    const slogan = sentenceOf(linked, 'it-000', SLOGAN_IT);
    let s: EditorState = { ...linked, focus: it0 };
    s = { ...s, panes: s.panes.map((p, d) => (d === it0 ? { ...p, cursor: slogan - 1 } : p)) };
    expect(press(s, ']').panes[it0]!.cursor).toBe(slogan + 1);
  });

  it('bookmarks a sentence and jumps back to it', () => {
    const s = press(seedsState(), 'j', 'j', 'b');
    expect(s.history.present.bookmarks).toEqual([{ doc: 'it-000', sentence: 2 }]);
    const away = press(s, 'tab', 'j', "'");
    expect(away.focus).toBe(0);
    expect(away.panes[0]!.cursor).toBe(2);
    expect(press(s, 'b').history.present.bookmarks).toEqual([]);
  });
});

describe('session reducer: aligning', () => {
  it('links a marked Italian sentence with the French slogan under the cursor', () => {
    const s = linkSlogan();
    const groups = s.history.present.groups;
    expect(groups).toHaveLength(1);
    expect(groups[0]).toMatchObject({
      id: 'g1',
      status: 'confirmed',
      origin: 'manual',
      members: [
        { doc: 'it-000', sentences: [sentenceOf(s, 'it-000', SLOGAN_IT)] },
        { doc: 'fr-003', sentences: [sentenceOf(s, 'fr-003', SLOGAN_FR)] },
      ],
    });
    expect(s.marks.size).toBe(0);
    expect(isDirty(s)).toBe(true);
    expect(findViolations(s.history.present)).toEqual([]);
  });

  it('refuses a link within one document and changes nothing', () => {
    const s = press(seedsState(), 'space', 'j', 'enter');
    expect(s.history.present.groups).toHaveLength(0);
    expect(s.message).toMatchObject({ key: 'msg.needTwoDocuments', tone: 'error' });
  });

  it('undo and redo every change; undoing back to the saved state is clean again', () => {
    const linked = linkSlogan();
    const undone = press(linked, 'u');
    expect(undone.history.present.groups).toHaveLength(0);
    expect(isDirty(undone)).toBe(false);
    const redone = press(undone, 'ctrl+r');
    expect(redone.history.present.groups).toHaveLength(1);
    expect(press(seedsState(), 'u').message?.key).toBe('msg.nothingToUndo');
  });

  it('brings the partners of a grouped sentence into view in the other panes', () => {
    const linked = linkSlogan();
    const fr = docIndex(linked, 'fr-003');
    const it0 = docIndex(linked, 'it-000');
    // Move the French pane away from the slogan, then land on the Italian one again.
    let s = press({ ...linked, focus: fr }, 'G');
    expect(s.panes[fr]!.cursor).not.toBe(sentenceOf(s, 'fr-003', SLOGAN_FR));
    s = press({ ...s, focus: it0 }, 'k', 'j');
    expect(s.panes[fr]!.cursor).toBe(sentenceOf(s, 'fr-003', SLOGAN_FR));
    const frPane = paneViews(s).find((p) => p.id === 'fr-003')!;
    expect(frPane.lines.some((l) => l.cursor && l.tag.includes('g1'))).toBe(true);
    // In the focused pane the cursor line is the group's, drawn with its id.
    expect(paneViews(s).find((p) => p.id === 'it-000')!.lines.some((l) => l.cursor && l.tag.includes('g1'))).toBe(true);
  });

  it('adds marked sentences to the group under the cursor, removes one, and dissolves', () => {
    let s = linkSlogan();
    const en = docIndex(s, 'en-002');
    s = press({ ...s, focus: en }, 'space');
    s = search(s, 'Non perdoniamo');
    s = press(s, '+');
    const group = s.history.present.groups[0]!;
    expect(group.members.map((m) => m.doc)).toEqual(['it-000', 'en-002', 'fr-003']);
    s = press(s, 'x');
    expect(s.mode).toBe('confirm-loss'); // x takes a sentence out of a confirmed group: asked first
    s = press(s, 'y');
    expect(s.history.present.groups[0]!.members.map((m) => m.doc)).toEqual(['en-002', 'fr-003']);
    s = search(s, 'ne pardonne');
    s = press(s, 'd', 'y'); // dissolving a confirmed group asks first
    expect(s.history.present.groups).toHaveLength(0);
  });

  it('merges the group of a marked sentence into the group under the cursor', () => {
    let s = linkSlogan();
    // A second group: it-000 sentence 1 with en-002 sentence 1.
    s = press({ ...s, focus: 0 }, 'g', 'space', 'tab', 'tab', 'g', 'enter');
    expect(s.history.present.groups).toHaveLength(2);
    s = press(s, 'space'); // mark a sentence of g2
    s = search(s, 'Non perdoniamo');
    s = press(s, 'm');
    const groups = s.history.present.groups;
    expect(groups).toHaveLength(1);
    expect(groups[0]!.id).toBe('g1');
    expect(groups[0]!.members.find((m) => m.doc === 'it-000')!.sentences).toEqual([0, sentenceOf(s, 'it-000', SLOGAN_IT)]);
    expect(findViolations(s.history.present)).toEqual([]);
  });
});

describe('session reducer: suggestions', () => {
  function withSuggestions(): EditorState {
    const base = seedsState();
    const it0 = base.history.present.documents[0]!;
    const alignment = applySuggestions(base.history.present, [
      { members: [{ doc: it0.id, sentences: [0] }, { doc: 'it-001', sentences: [0] }], score: 0.9 },
      { members: [{ doc: it0.id, sentences: [1] }, { doc: 'en-002', sentences: [1] }], score: 0.4 },
    ]);
    return seedsState(undefined, alignment);
  }

  it('accepts and rejects the suggested group under the cursor', () => {
    const s = withSuggestions();
    expect(targetGroup(s)?.status).toBe('suggested');
    const accepted = press(s, 'y');
    expect(accepted.history.present.groups[0]!.status).toBe('confirmed');
    // Then on to the next suggested group of the pane, as confirm-and-next in the row view.
    expect(accepted.panes[0]!.cursor).toBe(1);
    expect(targetGroup(accepted)?.id).toBe(accepted.history.present.groups[1]!.id);
    const rejected = press(s, 'r');
    expect(rejected.history.present.groups[0]!.status).toBe('rejected');
    expect(press(accepted, 'k', 'r').message?.key).toBe('msg.rejectConfirmed');
    // In the groups table the cursor moves to the next suggested row.
    const table = press(press(s, 'v'), 'y');
    expect(table.groupCursor).toBe(1);
  });

  it('accepts every suggestion above a typed score', () => {
    let s = press(withSuggestions(), 'Y');
    expect(s.mode).toBe('threshold');
    s = press(type(press(s, 'ctrl+u'), '0.5'), 'enter');
    expect(s.history.present.groups.map((g) => g.status)).toEqual(['confirmed', 'suggested']);
    expect(s.message).toMatchObject({ key: 'msg.acceptedAbove', params: { count: 1 } });
    const bad = press(type(press(press(withSuggestions(), 'Y'), 'ctrl+u'), 'abc'), 'enter');
    expect(bad.mode).toBe('threshold');
    expect(bad.message?.key).toBe('msg.badThreshold');
  });

  it('jumps to the next suggested group', () => {
    const s = press(withSuggestions(), '}');
    expect(s.panes[0]!.cursor).toBe(1);
  });

  it('asks the shell to run the aligner and keeps confirmed groups when suggestions arrive', () => {
    let s = linkSlogan();
    s = press(s, 'A');
    expect(s.aligner.running).toBe(true);
    const effect = s.effects.find((e) => e.type === 'run-aligner');
    expect(effect).toBeDefined();
    s = reduce(s, { type: 'aligner-progress', done: 1, total: 4 });
    expect(s.aligner).toMatchObject({ running: true, done: 1, total: 4 });
    const itSlogan = sentenceOf(s, 'it-000', SLOGAN_IT);
    s = reduce(s, {
      type: 'aligner-done',
      mode: 'comparable',
      suggestions: [
        { members: [{ doc: 'it-000', sentences: [itSlogan] }, { doc: 'en-002', sentences: [0] }], score: 0.7 },
        { members: [{ doc: 'it-001', sentences: [0] }, { doc: 'en-002', sentences: [1] }], score: 0.6 },
      ],
    });
    const groups = s.history.present.groups;
    expect(s.aligner.running).toBe(false);
    expect(groups.find((g) => g.id === 'g1')!.status).toBe('confirmed');
    // The first suggestion touched the confirmed slogan and is trimmed away; the second stays.
    expect(groups.filter((g) => g.status === 'suggested')).toHaveLength(1);
    expect(press(s, 'u').history.present.groups).toHaveLength(1);
  });
});

describe('session reducer: segmentation, notes, files', () => {
  it('splits the sentence under the cursor at a chosen word and joins it back', () => {
    const s0 = search(seedsState(), 'ne pardonne');
    const fr = docIndex(s0, 'fr-003');
    const count = s0.history.present.documents[fr]!.sentences.length;
    const i = s0.panes[fr]!.cursor;
    let s = press(s0, 'S');
    expect(s.mode).toBe('split');
    // Walk the caret to the start of "On n’oublie" (the second half of the slogan).
    const text = (() => {
      const [a, b] = s.history.present.documents[fr]!.sentences[i]!;
      return s.texts.get('fr-003')!.slice(a, b);
    })();
    const target = text.indexOf('On n’oublie');
    expect(target).toBeGreaterThan(0);
    for (let k = 0; k < 20 && s.splitCaret > target; k++) s = press(s, 'left');
    for (let k = 0; k < 20 && s.splitCaret < target; k++) s = press(s, 'right');
    expect(s.splitCaret).toBe(target);
    s = press(s, 'enter');
    const doc = s.history.present.documents[fr]!;
    expect(doc.sentences).toHaveLength(count + 1);
    expect(s.history.present.overrides).toEqual([{ doc: 'fr-003', op: 'split', at: doc.sentences[i + 1]![0] }]);
    expect(s.texts.get('fr-003')!.slice(...doc.sentences[i]!)).toBe('«On ne pardonne pas.');
    const joined = press(s, 'J');
    expect(joined.history.present.documents[fr]!.sentences).toHaveLength(count);
    expect(joined.history.present.overrides).toEqual([]);
  });

  it('writes a note on the group under the cursor', () => {
    let s = press(linkSlogan(), 'c');
    expect(s.mode).toBe('note');
    s = press(type(s, 'slogan'), 'enter');
    expect(s.history.present.groups[0]!.note).toBe('slogan');
  });

  it('asks the shell to save, and is clean once saved', () => {
    let s = press(linkSlogan(), 'ctrl+s');
    const effect = s.effects.find((e) => e.type === 'save');
    expect(effect).toMatchObject({ type: 'save', thenQuit: false });
    s = reduce(s, { type: 'effects-taken', upTo: effect!.id });
    expect(s.effects).toEqual([]);
    s = reduce(s, { type: 'saved', alignment: s.history.present, thenQuit: false });
    expect(isDirty(s)).toBe(false);
    expect(press(s, 'q').effects.map((e) => e.type)).toEqual(['quit']);
  });

  it('asks before quitting with unsaved changes', () => {
    const s = press(linkSlogan(), 'q');
    expect(s.mode).toBe('confirm-quit');
    expect(s.effects).toEqual([]);
    expect(press(s, 'escape').mode).toBe('normal');
    expect(press(s, 'd').effects.map((e) => e.type)).toEqual(['quit']);
    const saving = press(s, 's').effects[0];
    expect(saving).toMatchObject({ type: 'save', thenQuit: true });
    const saved = reduce(press(s, 's'), { type: 'saved', alignment: s.history.present, thenQuit: true });
    expect(saved.effects.map((e) => e.type)).toEqual(['save', 'quit']);
  });

  it('shows the groups table, filters it by status and opens a group in the panes', () => {
    let s = press(linkSlogan(), 'v');
    expect(s.view).toBe('groups');
    s = press(s, 'f');
    expect(s.groupFilter).toBe('confirmed');
    s = press(s, 'f');
    expect(s.groupFilter).toBe('suggested');
    s = press(s, 'f', 'f', 'enter');
    expect(s.view).toBe('panes');
    expect(s.focus).toBe(docIndex(s, 'it-000'));
    expect(cursorOf(s, 'it-000')).toBe(sentenceOf(s, 'it-000', SLOGAN_IT));
  });

  it('opens and closes the help overlay', () => {
    const s = press(seedsState(), '?');
    expect(s.mode).toBe('help');
    expect(press(s, 'j').helpTop).toBe(1);
    expect(press(s, 'escape').mode).toBe('normal');
  });
});

describe('session reducer: refusals in the interface language', () => {
  it('explains why two sentences of different groups cannot be joined, and changes nothing', () => {
    // g1 = it-000:0 + it-001:0, g2 = it-000:1 + it-001:1; then J on it-000:0.
    let s = press(seedsState(), 'space', 'tab', 'enter');
    s = press(s, 'shift+tab', 'j', 'space', 'tab', 'j', 'enter');
    expect(s.history.present.groups).toHaveLength(2);
    const joined = press(s, 'shift+tab', 'k', 'J');
    expect(joined.history.present).toBe(s.history.present);
    expect(joined.message).toMatchObject({ key: 'msg.joinDifferentGroups', params: { group: 'g1', other: 'g2' }, tone: 'error' });
    expect(press(s, 'G', 'J').message?.key).toBe('msg.noNextSentence');
  });
});
