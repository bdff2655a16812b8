import { describe, expect, it } from 'vitest';
import { normalizeLang } from '../../../src/core/text/lang.js';
import { SUPPORTED_LANGUAGES, segment } from '../../../src/core/text/segment.js';

describe('normalizeLang', () => {
  it('returns the lowercase primary subtag', () => {
    expect(normalizeLang('it-IT')).toBe('it');
    expect(normalizeLang('FR')).toBe('fr');
    expect(normalizeLang('en_GB')).toBe('en');
    expect(normalizeLang('zh-Hant-TW')).toBe('zh');
    expect(normalizeLang('')).toBe('und');
    expect(normalizeLang('  ')).toBe('und');
  });

  it('maps the three-letter codes of the supported languages (as franc returns them)', () => {
    expect(normalizeLang('ita')).toBe('it');
    expect(normalizeLang('fra')).toBe('fr');
    expect(normalizeLang('eng')).toBe('en');
    expect(normalizeLang('deu')).toBe('deu');
  });
});

describe('SUPPORTED_LANGUAGES', () => {
  it('lists the languages with a rule layer, and region tags select them', () => {
    expect(SUPPORTED_LANGUAGES).toEqual(['en', 'it', 'fr']);
    const text = 'Il Sig. Rossi è arrivato. Poi è andato via.';
    expect(segment(text, 'it-IT')).toEqual(segment(text, 'it'));
    // Without the Italian layer, "Sig." is an unknown abbreviation before a capital.
    expect(segment(text, 'it')).toHaveLength(2);
  });
});
