import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fold, normalizeNumber } from '../../../src/core/align/text-signals.js';
import { canonicalNumber, foldTag, NO_MATCH, numberEndAt, tagEndAt, UNSURE, wordAfter, wordBefore } from '../../../src/core/check/signal-fast-paths.js';
import { QuoteCount, unbalancedKinds } from '../../../src/core/check/quote-balance.js';
import { extractSignals, monthNumber, SIGNAL_PATTERN, spellingOf, WORD_AFTER, WORD_BEFORE, type TextSignals } from '../../../src/core/check/signals.js';

/**
 * Characters that decide the patterns' edge cases: digits and every separator, time and date
 * marks, tag marks and what may not precede them, ordinal suffixes, ASCII and Unicode spaces,
 * accented and non-Latin letters and numbers, an astral letter and lone surrogates.
 */
const TRICKY = [
  ...'0123456789012.,:h/-#@&_ \t\nabcdehmnrstwyADMNJ',
  '\u00a0', '\u202f', '\u2009', '\u2008', 'º', '°', 'é', 'è', 'à', 'ä', 'ç', 'û',
  '٣', '½', 'Ⅻ', '²', 'İ', 'Σ', 'K', '«', '»', '“', '”', '"', '(', ')', ']', '\ud835\udc00', '\ud835', '\udc00',
];
/** Words next to numbers: month names in several languages and near misses. */
const WORDS = ['novembre', 'November', 'NOVEMBER', 'mai', 'mayor', 'juillet', 'août', 'février', 'märz', 'dicembre', 'Dec', 'www.', '://', 'http://a.b/', '#Op', '@x'];
/** What may follow a run of digits: separators, the rest of times and dates, ordinal suffixes, spaces. */
const AFTER_DIGITS = [...'.,:h/-', ' ', '\u00a0', '\u202f', '\u2009', '\u2008', 'º', '°', 'er', 'st', 'nd', 'rd', 'th', '. ', ', ', 'º ', '° ', 'er ', 'th\u00a0', '  ', ':30', 'h30', ':7', '-11-13', '-1-1', '/11/2015', '.11.2015', '/1/15', '.1.1'];
const digitRun = fc.array(fc.constantFrom(...'0123456789'), { minLength: 1, maxLength: 5 }).map((d) => d.join(''));
/** Texts mixing the pieces above, `weights` giving how often digits, what follows them, tricky characters and words occur. */
function textOf(weights: readonly [number, number, number, number]) {
  return fc
    .array(
      fc.oneof(
        { weight: weights[0], arbitrary: digitRun },
        { weight: weights[1], arbitrary: fc.constantFrom(...AFTER_DIGITS) },
        { weight: weights[2], arbitrary: fc.constantFrom(...TRICKY) },
        { weight: weights[3], arbitrary: fc.constantFrom(...WORDS) },
      ),
      { maxLength: 30 },
    )
    .map((parts) => parts.join(''));
}
const tricky = textOf([3, 3, 3, 2]);
/** Digits grouped in threes by any separator the pattern knows, or one it does not: "9 200", "1.234.567". */
const digits = (n: number) => fc.array(fc.constantFrom(...'0123456789'), { minLength: n, maxLength: n }).map((d) => d.join(''));
const grouped = fc
  .tuple(digitRun, fc.array(fc.tuple(fc.constantFrom('.', ',', ' ', '\u00a0', '\u202f', '\u2009', '\u2008', "'"), digits(3)), { minLength: 1, maxLength: 3 }))
  .map(([first, rest]) => first + rest.flat().join(''));
/** Numbers, each after some context and before what may continue it. */
const numberish = fc
  .array(fc.tuple(fc.constantFrom('', '', ' ', 'a', '_', 'é', '٣', '#', '@', '.', '&', '\ud835\udc00'), fc.oneof(digitRun, grouped), fc.constantFrom(...AFTER_DIGITS)), { maxLength: 8 })
  .map((pieces) => pieces.flat().join(''));
const anyText = fc.oneof(tricky, fc.string({ unit: 'binary', maxLength: 30 }));
const RUNS = { numRuns: 5000 };

/** The signal pattern tried at one position, as the global search tries each position. */
const AT = new RegExp(SIGNAL_PATTERN, 'uy');
function regexAt(text: string, p: number): RegExpExecArray | null {
  AT.lastIndex = p;
  return AT.exec(text);
}

describe('signal fast paths agree with the signal pattern', () => {
  it('numberEndAt: where the match at a digit ends, or that none starts there', () => {
    fc.assert(
      fc.property(fc.oneof(numberish, tricky), (text) => {
        for (let p = 0; p < text.length; p++) {
          if (!/\d/.test(text[p]!)) continue;
          const end = numberEndAt(text, p);
          if (end === UNSURE) continue;
          const m = regexAt(text, p);
          if (end === NO_MATCH) expect(m).toBeNull();
          else {
            expect(m?.[6], `a plain number at ${p} in ${JSON.stringify(text)}`).toBe(text.slice(p, end));
          }
        }
      }),
      RUNS,
    );
  });

  it('tagEndAt: where a #hashtag or @handle ends, or that none starts there', () => {
    fc.assert(
      fc.property(tricky, (text) => {
        for (let p = 0; p < text.length; p++) {
          const c = text[p];
          if (c !== '#' && c !== '@') continue;
          const end = tagEndAt(text, p, c === '@');
          if (end === UNSURE) continue;
          const m = regexAt(text, p);
          if (end === NO_MATCH) expect(m).toBeNull();
          else expect(m?.[c === '#' ? 2 : 3], `a tag at ${p} in ${JSON.stringify(text)}`).toBe(text.slice(p, end));
        }
      }),
      RUNS,
    );
  });

  it('wordAfter and wordBefore: the word the month patterns read next to a number', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        for (let p = 0; p <= text.length; p++) {
          const after = wordAfter(text, p);
          if (after !== null) expect(after).toBe(WORD_AFTER.exec(text.slice(p, p + 16))?.[1]);
          const before = wordBefore(text, p);
          if (before !== null) expect(before).toBe(WORD_BEFORE.exec(text.slice(Math.max(0, p - 16), p))?.[1]);
        }
      }),
      RUNS,
    );
  });

  it('decide the usual cases themselves', () => {
    const text = 'il 13 novembre 2015, (1,234 people, #OpParis) @anon_1';
    expect(numberEndAt(text, text.indexOf('13'))).toBe(text.indexOf('13') + 2);
    expect(numberEndAt(text, text.indexOf('1,'))).toBe(text.indexOf('1,') + 5);
    expect(numberEndAt('3,5 %', 0)).toBe(UNSURE);
    expect(numberEndAt('13.11.2015', 0)).toBe(UNSURE);
    expect(numberEndAt('G7', 1)).toBe(NO_MATCH);
    expect(tagEndAt(text, text.indexOf('#'), false)).toBe(text.indexOf(')'));
    expect(tagEndAt(text, text.indexOf('@'), true)).toBe(text.length);
    expect(tagEndAt('#1 in the charts', 0, false)).toBe(NO_MATCH);
    expect(wordAfter(text, text.indexOf('13') + 2)).toBe('novembre');
    expect(wordBefore(text, text.indexOf('2015'))).toBe('novembre');
    expect(wordAfter('le 1er\u00a0mai', 6)).toBeNull();
  });

  it('canonicalNumber is normalizeNumber', () => {
    const numberish = fc.array(fc.constantFrom(...'0123456789012345.,  x', '\u00a0', '\u202f', '\u2009', "'", '’'), { maxLength: 14 }).map((c) => c.join(''));
    fc.assert(fc.property(fc.oneof(numberish, fc.string({ maxLength: 10 })), (raw) => {
      expect(canonicalNumber(raw)).toBe(normalizeNumber(raw));
    }), RUNS);
    expect(canonicalNumber('9 200')).toBe('9200');
    expect(canonicalNumber('007')).toBe('7');
  });

  it('monthNumber reads month names in any case, and nothing else', () => {
    for (const [word, month] of [['January', 1], ['GENNAIO', 1], ['jänner', 1], ['Février', 2], ['MÄRZ', 3], ['Mai', 5], ['août', 8], ['Décembre', 12], ['DEZEMBRO', 12]] as const) {
      expect(monthNumber(word)).toBe(month);
    }
    for (const word of ['persone', 'people', 'Mayor', 'été', '', '1er']) expect(monthNumber(word)).toBeUndefined();
    // Its quick rejection by first letter agrees with lower-casing the whole word first.
    const words = fc.oneof(fc.string({ unit: 'binary', maxLength: 10 }), fc.constantFrom(...WORDS, 'JUNE', 'Juni', 'İ', 'K'));
    fc.assert(
      fc.property(words, (w) => {
        expect(monthNumber(w)).toBe(monthNumber(w.toLowerCase()));
      }),
      RUNS,
    );
  });

  it('foldTag is fold, also when a tag repeats', () => {
    const tags = fc.oneof(fc.string({ unit: 'binary', maxLength: 12 }), fc.string({ maxLength: 12 }), fc.constantFrom('OpParis', 'opparis', 'Libertà', 'LIBERTÀ'));
    fc.assert(fc.property(tags, tags, (a, b) => {
      for (const tag of [a, a, b, a]) expect(foldTag(tag)).toBe(fold(tag));
    }), RUNS);
  });
});

// The extractor as it was before its fast paths: the global pattern over the whole text.
const GLOBAL = new RegExp(SIGNAL_PATTERN, 'gu');
function plainSignals(text: string) {
  const out = { numbers: new Set<string>(), hashtags: new Set<string>(), handles: new Set<string>(), urls: new Set<string>(), spelling: new Map<string, string>() };
  for (const m of text.matchAll(GLOBAL)) {
    const [, url, hashtag, handle, time, date, number] = m;
    if (url !== undefined) out.urls.add(url.toLowerCase().replace(/^https?:\/\//, '').replace(/^www\./, '').replace(/\/+$/, ''));
    else if (hashtag !== undefined || handle !== undefined) {
      const tag = (hashtag ?? handle)!.slice(1);
      (hashtag !== undefined ? out.hashtags : out.handles).add(fold(tag));
      if (!out.spelling.has(fold(tag))) out.spelling.set(fold(tag), tag);
    } else if (time !== undefined) {
      const [h, min] = time.split(/[:h]/);
      out.numbers.add(`${Number(h)}:${min}`);
    } else if (date !== undefined) for (const part of date.split(/[/.-]/)) out.numbers.add(String(Number(part)));
    else if (number !== undefined) {
      out.numbers.add(normalizeNumber(number));
      if (number.length <= 4) {
        const start = m.index;
        const end = start + number.length;
        for (const word of [WORD_AFTER.exec(text.slice(end, end + 16))?.[1], WORD_BEFORE.exec(text.slice(Math.max(0, start - 16), start))?.[1]]) {
          const n = word === undefined ? undefined : monthNumber(word);
          if (n !== undefined) out.numbers.add(String(n));
        }
      }
    }
  }
  return out;
}

const listedPlain = (s: ReturnType<typeof plainSignals>) => ({ numbers: [...s.numbers], hashtags: [...s.hashtags], handles: [...s.handles], urls: [...s.urls], spelling: [...s.spelling] });
/** The extractor's signals in the same shape: each folded tag with the spelling spellingOf gives, in order of appearance. */
function listed(s: TextSignals) {
  const folded = [...new Set(s.tags.map(fold))];
  return { numbers: [...s.numbers], hashtags: [...s.hashtags], handles: [...s.handles], urls: [...s.urls], spelling: folded.map((f) => [f, spellingOf(s, f)]) };
}

describe('extractSignals with its fast paths', () => {
  it('finds what the global pattern finds, in the same order', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        expect(listed(extractSignals(text))).toEqual(listedPlain(plainSignals(text)));
      }),
      RUNS,
    );
  });

  it('counts quotes and brackets in the same pass as unbalancedKinds does alone, URLs included', () => {
    const count = new QuoteCount();
    const withQuotes = fc.array(fc.oneof(tricky, fc.constantFrom('«', '»', '“', '”', '„', '"', '(', ')', '[', ']', '{', '}', 'http://a.b/(c)d', 'www.x.org/[a]')), { maxLength: 6 }).map((p) => p.join(''));
    fc.assert(
      fc.property(fc.oneof(withQuotes, anyText), (text) => {
        count.reset();
        const signals = extractSignals(text, count);
        expect(listed(signals)).toEqual(listed(extractSignals(text)));
        expect(count.kinds()).toEqual(unbalancedKinds(text));
      }),
      RUNS,
    );
  });
});
