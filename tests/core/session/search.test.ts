/** Search folds case, accents and quote styles by default, has a regex mode, searches notes, counts matches. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { link, setNote } from '../../../src/core/model/operations.js';
import { compilePattern } from '../../../src/core/session/search.js';
import { createI18n, translateMessage } from '../../../src/i18n/index.js';
import { seedsAlignment } from '../../helpers/seeds.js';
import { cursorOf, press, search, seedsState, sentenceOf, type } from './helpers.js';

describe('plain-text search pattern', () => {
  const finds = (pattern: string, text: string) => compilePattern(pattern)!.test(text);

  it('folds apostrophes, quotes, accents and case', () => {
    expect(finds("n'oublie", '«On ne pardonne pas. On n’oublie pas.»')).toBe(true);
    expect(finds('liberta', 'la libertà di stampa')).toBe(true);
    expect(finds('libertà', 'LIBERTA')).toBe(true);
    expect(finds('liberte', 'Liberté, égalité')).toBe(true);
    expect(finds('"on ne', '«On ne pardonne')).toBe(true);
    expect(finds('etat islamique', 'l’État  islamique')).toBe(true); // runs of spaces too
    expect(finds('a-b', 'a–b')).toBe(true);
    // Decomposed accents (NFD text) as well.
    expect(finds('liberta', 'liberta\u0300')).toBe(true);
    expect(finds('libertà', 'liberta\u0300')).toBe(true);
  });

  it('takes regex characters literally', () => {
    expect(finds('a.b', 'axb')).toBe(false);
    expect(finds('(1)', 'punto (1)')).toBe(true);
    expect(finds('[x', 'a [x b')).toBe(true);
  });

  it('finds any text in itself, whatever its accents, case and quotes (property)', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 20 }), fc.constantFrom('', 'NFD', 'upper'), (text, variant) => {
        const haystack = variant === 'NFD' ? text.normalize('NFD') : variant === 'upper' ? text.toUpperCase() : text;
        // toUpperCase can change length (ß -> SS): only the others are compared exactly.
        if (variant === 'upper' && haystack.length !== text.length) return;
        expect(compilePattern(text)!.test(haystack), JSON.stringify([text, haystack])).toBe(true);
      }),
    );
  });
});

describe('search in the workbench', () => {
  const t = createI18n('en').t;

  it("finds n'oublie as n’oublie, shows which match of how many, and n walks them", () => {
    let s = search(seedsState(), "n'oublie");
    expect(s.message?.key).toBe('msg.foundOf');
    expect(translateMessage(t, s.message!)).toMatch(/^Found in fr-003, sentence \d+ \(1 of \d+\)\.$/);
    const total = Number(s.message!.params!.total);
    s = press(s, 'n');
    expect(s.message?.params?.index).toBe(total === 1 ? 1 : 2);
    s = press(s, 'N');
    expect(s.message?.params?.index).toBe(1);
  });

  it('a regex mode beside plain text (Ctrl-R in the prompt)', () => {
    let s = press(seedsState(), '/', 'ctrl+u', 'ctrl+r');
    expect(s.search.mode).toBe('regex');
    s = press(type(s, 'perdon.amo'), 'enter');
    expect(s.message?.key).toBe('msg.foundOf');
    // The same in plain text is literal: no match.
    s = press(type(press(s, '/', 'ctrl+u', 'ctrl+r'), 'perdon.amo'), 'enter');
    expect(s.search.mode).toBe('text');
    expect(s.message?.key).toBe('msg.notFound');
  });

  it('searches notes: a match in a note goes to its group', () => {
    const { alignment } = seedsAlignment();
    const a = setNote(link(alignment, [{ doc: 'it-000', sentence: 3 }, { doc: 'fr-003', sentence: 2 }], 'g1').alignment, 'g1', 'Traduzione libera, verificare');
    const s = search(seedsState(undefined, a), 'verificare');
    expect(s.message).toMatchObject({ key: 'msg.foundInNote', params: { group: 'g1', index: 1, total: 2 } });
    expect(s.panes[0]!.cursor).toBe(3);
  });

  it('lands where the old regex search landed for a plain word', () => {
    const s = search(seedsState(), 'Non perdoniamo');
    expect(cursorOf(s, 'it-000')).toBe(sentenceOf(s, 'it-000', 'Non perdoniamo'));
  });
});

describe('prompts', () => {
  it('left, right, home and end move the caret; typing and backspace work at the caret', () => {
    let s = type(press(seedsState(), '/', 'ctrl+u'), 'pardone');
    s = press(s, 'left', 'left');
    s = type(s, 'n');
    expect(s.input.text).toBe('pardonne');
    s = press(s, 'home');
    s = type(s, 'ne ');
    expect(s.input.text).toBe('ne pardonne');
    s = press(s, 'end', 'backspace');
    expect(s.input.text).toBe('ne pardonn');
    s = press(s, 'home', 'backspace');
    expect(s.input.text).toBe('ne pardonn');
    s = press(s, 'right', 'backspace');
    expect(s.input.text).toBe('e pardonn');
    // Left/right in a prompt do not switch panes.
    expect(s.focus).toBe(0);
  });

  it('the score prompt is empty: typing gives the score, Enter alone takes 0.8', () => {
    const { alignment } = seedsAlignment();
    const suggested = {
      ...alignment,
      groups: [
        { id: 'g1', status: 'suggested' as const, origin: 'auto' as const, score: 0.9, members: [{ doc: 'it-000', sentences: [0] }, { doc: 'fr-003', sentences: [0] }] },
        { id: 'g2', status: 'suggested' as const, origin: 'auto' as const, score: 0.6, members: [{ doc: 'it-000', sentences: [1] }, { doc: 'fr-003', sentences: [1] }] },
      ],
    };
    let s = press(seedsState(undefined, suggested), 'Y');
    expect(s.mode).toBe('threshold');
    expect(s.input.text).toBe('');
    s = press(type(s, '0.5'), 'enter');
    expect(s.history.present.groups.map((g) => g.status)).toEqual(['confirmed', 'confirmed']);
    s = press(press(seedsState(undefined, suggested), 'Y'), 'enter');
    expect(s.history.present.groups.map((g) => g.status)).toEqual(['confirmed', 'suggested']);
  });
});
