/** The base layer really is sentence-splitter, fed with our language data. */
import { describe, expect, it } from 'vitest';
import { baseSplitsAt } from '../../../src/core/text/base-splitter.js';
import { rulesFor } from '../../../src/core/text/language-rules.js';

function splitsAfter(text: string, marker: string, lang: string): boolean {
  const cut = text.indexOf(marker) + marker.length;
  return baseSplitsAt(text, 0, text.length, cut, rulesFor(lang));
}

describe('baseSplitsAt (sentence-splitter on a window)', () => {
  it('splits after an ordinary sentence end', () => {
    expect(splitsAfter('Hello World. My name', 'World.', 'en')).toBe(true);
    expect(splitsAfter('Really? Yes', 'Really?', 'en')).toBe(true);
  });

  it('uses the language layer for titles and exclamation words', () => {
    expect(splitsAfter('il Dott. Mesini ha', 'Dott.', 'it')).toBe(false);
    expect(splitsAfter('il Dott. Mesini ha', 'Dott.', 'de')).toBe(true);
    expect(splitsAfter("sono l'Ing. Mengozzi.", 'Ing.', 'it')).toBe(false);
    expect(splitsAfter('at Yahoo! in the', 'Yahoo!', 'en')).toBe(false);
  });

  it('keeps its own rules: multi-period abbreviations and initials between names', () => {
    expect(splitsAfter('the U.S.A. last year', 'U.S.A.', 'en')).toBe(false);
    expect(splitsAfter('see Albert I. Jones yesterday', 'I.', 'en')).toBe(false);
  });
});

describe('plain windows answered without sentence-splitter', () => {
  const WORDS = [
    'data', 'The', 'maison', 'città', 'Öl', 'Dott', 'Mr', 'Yahoo', 'I', 'A', 'co', 'etc', 'p', 'Sig', 'M', 'USA', 'U.S', 'no',
    'Москва', 'σχέδιο', '委员会', 'が', '한국', '2015', 'a1', 'l\u2019Ing', 'vol', 'Fig', 'Inc', 'z', 'B', 'ok', 'Ça',
  ];
  const MARKS = ['.', '?', '!', '.', '.'];
  const NEXT = ['The', 'the', 'Ecco', 'è', '55', '«', 'Mesini', '"Yes', '', 'Jones', '(see', '委员会', 'U.S.', 'Dr.', 'x'];
  const SPACES = [' ', '  ', '\u00a0', '\t', ' '];

  it('gives sentence-splitter\'s own answer on every window it answers (a property test)', async () => {
    const { mulberry32 } = await import('../../helpers/prng.js');
    const { baseBoundaries, plainWindowAnswer } = await import('../../../src/core/text/base-splitter.js');
    const next = mulberry32(2026);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!;
    let answered = 0;
    let compared = 0;
    for (const lang of ['en', 'it', 'fr', 'de', 'und']) {
      const rules = rulesFor(lang);
      for (let k = 0; k < 400; k++) {
        // Mostly windows as windowAround cuts them (word, mark, space, next word), some with a
        // word before, a blanked quote or more words.
        const before = next() < 0.2 ? `${pick(WORDS)} ` : '';
        const word = next() < 0.15 ? `${pick(WORDS)}${pick(WORDS)}` : pick(WORDS);
        const text = `${before}${word}${pick(MARKS)}${pick(SPACES)}${pick(NEXT)}${next() < 0.1 ? ` ${pick(NEXT)}` : ''}`;
        const cut = before.length + word.length + 1;
        const query = [{ from: 0, to: text.length, cut }];
        const reference = baseBoundaries(text, query, rules, { plainWindows: false })[0];
        compared++;
        if (plainWindowAnswer(text, cut, rules) !== undefined) {
          answered++;
          expect(baseBoundaries(text, query, rules)[0], `${lang}: ${JSON.stringify(text)}`).toBe(reference);
          expect(plainWindowAnswer(text, cut, rules)).toBe(reference);
        }
      }
    }
    // The shortcut must cover a good share (or it saves nothing) and leave the rest to the base.
    expect(answered).toBeGreaterThan(compared / 5);
    expect(answered).toBeLessThan(compared);
  });

  it('leaves abbreviations, titles, initials, numbers and exclamation words to sentence-splitter', async () => {
    const { plainWindowAnswer } = await import('../../../src/core/text/base-splitter.js');
    const cutAfter = (w: string, m: string) => w.indexOf(m) + m.length;
    for (const [lang, w, m] of [
      ['it', 'Dott. Mesini', 'Dott.'],
      ['en', 'Yahoo! in', 'Yahoo!'],
      ['en', 'I. Jones', 'I.'],
      ['en', 'etc. and', 'etc.'],
      ['en', '2015. The', '2015.'],
      ['en', 'Albert I. Jones', 'I.'],
      ['ja', '委员会。 The', '委员会。'],
    ] as const) {
      expect(plainWindowAnswer(w, cutAfter(w, m), rulesFor(lang)), w).toBeUndefined();
    }
    expect(plainWindowAnswer('data. The', 5, rulesFor('en'))).toBe(true);
    expect(plainWindowAnswer('città? Ecco', 6, rulesFor('it'))).toBe(true);
  });
});

describe('work per document', () => {
  it('segments many tiny plain documents without a sentence-splitter call per document (a count, not a time)', async () => {
    const { baseWork } = await import('../../../src/core/text/base-splitter.js');
    const { segment } = await import('../../../src/core/text/segment.js');
    const { mulberry32 } = await import('../../helpers/prng.js');
    const next = mulberry32(13);
    const vocab = 'committee met region council report market city people water school river village'.split(' ');
    const sentence = () => {
      const words = Array.from({ length: 4 + Math.floor(next() * 8) }, () => vocab[Math.floor(next() * vocab.length)]!);
      return `${words[0]!.charAt(0).toUpperCase()}${words.join(' ').slice(1)}${next() < 0.8 ? '.' : '?'}`;
    };
    const docs = Array.from({ length: 2000 }, () => `${sentence()} ${sentence()} ${sentence()}\n`);
    baseWork.splitCalls = 0;
    const sentences = docs.reduce((n, d) => n + segment(d, 'en').length, 0);
    expect(sentences).toBe(6000);
    expect(baseWork.splitCalls).toBe(0);
  });
});
