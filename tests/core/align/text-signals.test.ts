import { describe, expect, it } from 'vitest';
import { cognateSimilarity, fold, normalizeNumber, tokenize } from '../../../src/core/align/text-signals.js';

describe('numbers', () => {
  it('reads 9,200 = 9.200 = 9 200 (also with no-break spaces) as one number', () => {
    const forms = ['9,200', '9.200', '9 200', '9\u00a0200', '9\u202f200', '9200'];
    expect(new Set(forms.map(normalizeNumber))).toEqual(new Set(['9200']));
  });

  it('keeps decimal marks apart from thousands separators', () => {
    expect(normalizeNumber('3,5')).toBe('3.5');
    expect(normalizeNumber('3.50')).toBe('3.5');
    expect(normalizeNumber('1.234,5')).toBe('1234.5');
    expect(normalizeNumber('1,234.5')).toBe('1234.5');
    expect(normalizeNumber('5 500')).toBe('5500');
    expect(normalizeNumber('129')).toBe('129');
  });

  it('finds locale-formatted numbers in running text (seed 002 and 003)', () => {
    const en = tokenize('Anonymous released a list of roughly 9,200 accounts.').filter((t) => t.kind === 'number');
    const fr = tokenize('une liste de 5 500 comptes liés').filter((t) => t.kind === 'number');
    expect(en.map((t) => t.norm)).toEqual(['9200']);
    expect(fr.map((t) => t.norm)).toEqual(['5500']);
  });
});

describe('tokens', () => {
  it('recognises hashtags, handles, URLs, names and quotes', () => {
    const tokens = tokenize('Follow Allum Bokhari @LibertarianBlue on Twitter, see #OpParis and https://example.org/a?b «Non»');
    const kinds = (k: string) => tokens.filter((t) => t.kind === k).map((t) => t.norm);
    expect(kinds('handle')).toEqual(['libertarianblue']);
    expect(kinds('hashtag')).toEqual(['opparis']);
    expect(kinds('url')).toEqual(['example.org/a?b']);
    expect(kinds('name')).toEqual(expect.arrayContaining(['allum', 'bokhari', 'twitter']));
    expect(kinds('punct')).toEqual(['"', '"']);
  });

  it('drops elided articles and splits hyphenated words', () => {
    const norms = tokenize("l’attentato dell'Isis, ISIS-linked").map((t) => t.norm);
    expect(norms).toEqual(['attentato', 'isis', 'isis', 'linked']);
  });

  it('folds accents and case', () => {
    expect(fold('Liberté ÉTÉ Città')).toBe('liberte ete citta');
  });
});

describe('cognate similarity', () => {
  it('sees "Habdo" and "Hebdo" as near-identical, unrelated words as different', () => {
    const typo = cognateSimilarity('Habdo', 'Hebdo');
    expect(typo).toBeGreaterThanOrEqual(0.8);
    expect(cognateSimilarity('Habdo', 'Twitter')).toBeLessThan(0.4);
  });

  it('matches Romance cognates across it/fr/en after folding', () => {
    expect(cognateSimilarity('libertà', 'liberté')).toBeGreaterThan(0.8);
    expect(cognateSimilarity('terrorismo', 'terrorisme')).toBeGreaterThan(0.8);
    expect(cognateSimilarity('organizzazione', 'organisation')).toBeGreaterThan(0.7);
    expect(cognateSimilarity('perdoniamo', 'pardonnons')).toBeGreaterThan(0.55);
    expect(cognateSimilarity('dichiarazione', 'account')).toBeLessThan(0.4);
  });
});
