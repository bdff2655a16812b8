/**
 * The surface signals the quality rules compare between group members: numbers (locale-aware,
 * with numeric dates and month names made comparable), hashtags, @handles and URLs.
 *
 * Number canonicalisation and accent folding come from the aligner's text-signals module, so
 * the aligner and the checker agree on what "the same number" is. The aligner's full tokenizer
 * is not used here: it folds every word and costs ~35 µs a sentence, which is too slow for
 * checking 100k groups a second; this extractor only looks for the four kinds of signal, and
 * only in texts that can hold them. Its patterns mirror text-signals' TOKEN_RE (url, hashtag,
 * handle, number); the two should share one exported pattern (see docs/check.md).
 */
import { fold, normalizeNumber } from '../align/text-signals.js';

export interface TextSignals {
  readonly numbers: ReadonlySet<string>;
  readonly hashtags: ReadonlySet<string>;
  readonly handles: ReadonlySet<string>;
  readonly urls: ReadonlySet<string>;
  /** How each hashtag and handle was written (folded form → first spelling), for messages. */
  readonly spelling: ReadonlyMap<string, string>;
}

// Month names (en, it, fr, de, es, pt) → month number, so "13 novembre 2015", "November 13, 2015"
// and "13/11/2015" all give the numbers 13, 11 and 2015.
const MONTH_NAMES = [
  'january gennaio janvier januar jänner enero janeiro',
  'february febbraio février fevrier februar febrero fevereiro',
  'march marzo mars märz marz março marco',
  'april aprile avril abril',
  'may maggio mai mayo maio',
  'june giugno juin juni junio junho',
  'july luglio juillet juli julio julho',
  'august agosto août aout',
  'september settembre septembre septiembre setembro',
  'october ottobre octobre oktober octubre outubro',
  'november novembre noviembre novembro',
  'december dicembre décembre decembre dezember diciembre dezembro',
];
const MONTHS = new Map<string, number>();
MONTH_NAMES.forEach((names, i) => {
  for (const name of names.split(' ')) MONTHS.set(name, i + 1);
});
// A month name counts only right after a day ("13 novembre", "1er mai", "11th December") or right
// before a number ("November 13", "novembre 2015"): the words next to each number are looked up.
const WORD_AFTER = /^(?:\.|º|°|er|st|nd|rd|th)?\s+(\p{L}+)/u;
const WORD_BEFORE = /(\p{L}+)\.?,?\s+$/u;

function monthNear(text: string, start: number, end: number, into: Set<string>): void {
  const after = WORD_AFTER.exec(text.slice(end, end + 16));
  const before = WORD_BEFORE.exec(text.slice(Math.max(0, start - 16), start));
  for (const word of [after?.[1], before?.[1]]) {
    const month = word === undefined ? undefined : MONTHS.get(word.toLowerCase());
    if (month !== undefined) into.add(String(month));
  }
}

const SIGNAL_RE = new RegExp(
  [
    String.raw`((?:https?://|www\.)[^\s<>"«»“”]+[^\s<>"«»“”.,;:!?)\]])`,
    String.raw`(?<![\p{L}\p{N}_&])(#[\p{L}\p{N}_]*\p{L}[\p{L}\p{N}_]*)`,
    String.raw`(?<![\p{L}\p{N}_.])(@[\p{L}\p{N}_]+)`,
    // 21:30, 21h30 (a time is one value, not two numbers)
    String.raw`(?<![\p{L}\p{N}_])([0-2]?\d[:h][0-5]\d)(?![\p{N}])`,
    // 13/11/2015, 13.11.2015, 2015-11-13 (numeric dates give their parts)
    String.raw`(?<![\p{L}\p{N}_])(\d{1,2}[/.]\d{1,2}[/.]\d{2,4}|\d{4}-\d{1,2}-\d{1,2})(?![\p{N}])`,
    // 9,200 · 9.200 · 9 200 (regular, no-break or narrow no-break space) · 3,5 · 1956
    String.raw`(?<![\p{L}\p{N}_])(\d{1,3}(?:[.,\u00a0\u202f\u2009 ]\d{3})+(?:[.,]\d+)?(?!\d)|\d+(?:[.,]\d+)?)`,
  ].join('|'),
  'gu',
);

// Cheap test first: most sentences hold no digit, '#', '@' or URL.
const MAY_HAVE_SIGNALS = /[\d#@]|www\.|:\/\//;

const NO_SIGNALS: TextSignals = { numbers: new Set(), hashtags: new Set(), handles: new Set(), urls: new Set(), spelling: new Map() };

export function extractSignals(text: string): TextSignals {
  if (!MAY_HAVE_SIGNALS.test(text)) return NO_SIGNALS;
  const numbers = new Set<string>();
  const hashtags = new Set<string>();
  const handles = new Set<string>();
  const urls = new Set<string>();
  const spelling = new Map<string, string>();
  SIGNAL_RE.lastIndex = 0;
  for (let m = SIGNAL_RE.exec(text); m !== null; m = SIGNAL_RE.exec(text)) {
    const [, url, hashtag, handle, time, date, number] = m;
    if (url !== undefined) urls.add(url.toLowerCase().replace(/^https?:\/\//, '').replace(/^www\./, '').replace(/\/+$/, ''));
    else if (hashtag !== undefined || handle !== undefined) {
      const tag = (hashtag ?? handle)!.slice(1);
      const folded = fold(tag);
      (hashtag !== undefined ? hashtags : handles).add(folded);
      if (!spelling.has(folded)) spelling.set(folded, tag);
    }
    else if (time !== undefined) {
      const [h, min] = time.split(/[:h]/);
      numbers.add(`${Number(h)}:${min}`);
    } else if (date !== undefined) {
      for (const part of date.split(/[/.-]/)) numbers.add(String(Number(part)));
    } else if (number !== undefined) {
      numbers.add(normalizeNumber(number));
      if (number.length <= 4) monthNear(text, m.index, m.index + number.length, numbers);
    }
  }
  return { numbers, hashtags, handles, urls, spelling };
}
