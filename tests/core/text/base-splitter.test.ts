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
