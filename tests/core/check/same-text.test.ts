import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mayBeSameText } from '../../../src/core/check/same-text.js';

/** What the untranslated rule compares. */
const normalized = (text: string) => text.replace(/\s+/g, ' ').trim().toLowerCase();

/** Characters where case, spacing and lower-casing are tricky: Σ/ς (final sigma), İ (lower-cases to two), K (Kelvin sign), astral letters, every kind of space. */
const PIECES = [...'abcAB zZ.,«»“”\'’1[{_@`', '\r', '\v', '\f', 'Ciao', 'CIAO', 'ciao', 'é', 'É', 'Σ', 'σ', 'ς', 'İ', 'i̇', 'K', 'k', '𐐀', '𐐨', '\ud835', '\t', '\n', '\u00a0', '\u2009', '\u3000', '\ufeff', '\u0085', '\u0001', '  '];
const text = fc.array(fc.constantFrom(...PIECES), { maxLength: 12 }).map((p) => p.join(''));
/** A text and a variant of it: re-spaced, re-cased, or with one piece changed. */
const pair = fc.tuple(text, fc.constantFrom('same', 'upper', 'lower', 'spaces', 'edit'), fc.nat(), fc.constantFrom(...PIECES)).map(([x, how, at, piece]) => {
  const y =
    how === 'upper' ? x.toUpperCase() : how === 'lower' ? x.toLowerCase() : how === 'spaces' ? ` ${x.replace(/ /g, '  ')}\t` : how === 'edit' ? x.slice(0, at % (x.length + 1)) + piece + x.slice((at % (x.length + 1)) + 1) : x;
  return [x, y] as const;
});

describe('mayBeSameText', () => {
  it('never rules out texts that are the same once spaces are collapsed and case ignored', () => {
    fc.assert(
      fc.property(fc.oneof(pair, fc.tuple(text, text), fc.tuple(fc.string({ unit: 'binary', maxLength: 8 }), fc.string({ unit: 'binary', maxLength: 8 }))), ([x, y]) => {
        if (!mayBeSameText(x, y)) expect(normalized(x)).not.toBe(normalized(y));
      }),
      { numRuns: 20_000 },
    );
  });

  it('rules out the usual translations at their first differing letter', () => {
    expect(mayBeSameText('Anonymous declared war on the Islamic State.', 'Anonymous ha dichiarato guerra allo Stato islamico.')).toBe(false);
    expect(mayBeSameText('  Non dimentichiamo.', 'On ne pardonne pas.')).toBe(false);
    expect(mayBeSameText('Charlie Hebdo', '  charlie   HEBDO ')).toBe(true);
    expect(mayBeSameText('«Paris»', '“Paris”')).toBe(false);
    expect(mayBeSameText('ÉTAT', 'état')).toBe(true);
    // "İ" lower-cases to "i̇" (i and a combining dot): the same text as "i̇b".
    expect(mayBeSameText('İb', 'i\u0307b')).toBe(true);
    expect(mayBeSameText('ΣΑ Σ', 'σα ς')).toBe(true);
  });
});
