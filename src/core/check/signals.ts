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
 *
 * Speed (the check benchmark reads 200,000 texts): a regular expression jumps to where a match
 * can start (a digit, '#' or '@'; optionally also to quotes and brackets, counted for the
 * unbalanced-quotes rule in the same pass), plain numbers, hashtags and handles are read by the
 * ASCII fast paths of signal-fast-paths.ts, which give the pattern's answers, and the pattern
 * itself runs only where they are unsure. A text without signals costs one regular-expression
 * test and shares one empty result.
 */
import { isQuoteChar, QUOTE_CHAR_CLASS, type QuoteCount } from './quote-balance.js';
import { canonicalNumber, foldTag, NO_MATCH, numberEndAt, tagEndAt, UNSURE, wordAfter, wordBefore } from './signal-fast-paths.js';

/** The values of each kind, distinct, in the order they appear in the text. */
export interface TextSignals {
  readonly numbers: readonly string[];
  readonly hashtags: readonly string[];
  readonly handles: readonly string[];
  readonly urls: readonly string[];
  /** The hashtags and handles as written (without # or @), in order, for messages: see spellingOf. */
  readonly tags: readonly string[];
}

/** How a text first wrote a hashtag or handle, given its folded form ("opparis" → "OpParis"). */
export function spellingOf(signals: TextSignals, folded: string): string | undefined {
  return signals.tags.find((tag) => foldTag(tag) === folded);
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
const MONTH_INITIALS = new Uint8Array(128);
for (const name of MONTHS.keys()) MONTH_INITIALS[name.charCodeAt(0)] = 1;
// A month name counts only right after a day ("13 novembre", "1er mai", "11th December") or right
// before a number ("November 13", "novembre 2015"): the words next to each number are looked up.
export const WORD_AFTER = /^(?:\.|º|°|er|st|nd|rd|th)?\s+(\p{L}+)/u;
export const WORD_BEFORE = /(\p{L}+)\.?,?\s+$/u;

/** Adds the month named right after or right before the number at [start, end), if any. */
function monthNear(text: string, start: number, end: number, into: string[]): void {
  let after = wordAfter(text, end);
  if (after === null) after = WORD_AFTER.exec(text.slice(end, end + 16))?.[1];
  let before = wordBefore(text, start);
  if (before === null) before = WORD_BEFORE.exec(text.slice(Math.max(0, start - 16), start))?.[1];
  addMonth(after, into);
  addMonth(before, into);
}

function addMonth(word: string | undefined, into: string[]): void {
  const month = word === undefined ? undefined : monthNumber(word);
  if (month === undefined) return;
  const value = String(month);
  if (!into.includes(value)) into.push(value);
}

/** The month a word names (any case), 1 to 12, or undefined. */
export function monthNumber(word: string): number | undefined {
  // Most words next to numbers ("persone", "people") start with a letter no month name starts
  // with; an ASCII letter lower-cases on its own, other characters are looked up in full.
  const first = word.charCodeAt(0);
  if (first < 0x80 && MONTH_INITIALS[first | 0x20] === 0) return undefined;
  return MONTHS.get(word.toLowerCase());
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
/** The signal pattern's source, for tests that check the fast paths against it. */
export const SIGNAL_PATTERN = SIGNAL_RE.source;
// Where a match may start: a digit, '#' or '@'; "www." and "://" mark a text with a URL, which the
// whole pattern reads (rare enough not to need a fast path). The second form also stops at quotes
// and brackets, to count them in the same pass.
const MATCH_START = /[\d#@]|www\.|:\/\//g;
const MATCH_START_OR_QUOTE = new RegExp(`[\\d#@${QUOTE_CHAR_CLASS}]|www\\.|:\\/\\/`, 'g');
const SIGNAL_AT = new RegExp(SIGNAL_RE.source, 'uy');

const NONE: readonly string[] = Object.freeze([]);
/** "am", "a.m.", "PM", "p. m." right after a time. */
const TWELVE_HOUR = /^\s?([ap])\.?\s?m\b\.?/i;
const NO_SIGNALS: TextSignals = { numbers: NONE, hashtags: NONE, handles: NONE, urls: NONE, tags: NONE };

/**
 * The signals of a text. Kinds a text lacks share one empty list. With `quotes`, the text's
 * quotes and brackets are added to it in the same pass.
 */
export function extractSignals(text: string, quotes?: QuoteCount): TextSignals {
  const starts = quotes === undefined ? MATCH_START : MATCH_START_OR_QUOTE;
  starts.lastIndex = 0;
  if (!starts.test(text)) return NO_SIGNALS;
  let found: Found | undefined;
  // Match starts in order, as the global search finds them; the fast paths read plain numbers,
  // hashtags and handles, the sticky pattern everything else. No match holds a quote or bracket.
  do {
    const at = starts.lastIndex - 1;
    const c = text.charCodeAt(at);
    if (c === 0x2e || c === 0x2f) {
      // A URL may hold brackets: count the whole text apart.
      if (quotes !== undefined) {
        quotes.reset();
        quotes.addText(text);
      }
      return withUrls(text);
    }
    if (quotes !== undefined && isQuoteChar(c)) {
      quotes.add(c);
      continue;
    }
    let end = c === 0x23 || c === 0x40 ? tagEndAt(text, at, c === 0x40) : numberEndAt(text, at);
    if (end === UNSURE) {
      SIGNAL_AT.lastIndex = at;
      const m = SIGNAL_AT.exec(text);
      if (m !== null) {
        (found ??= new Found(text)).add(m);
        end = SIGNAL_AT.lastIndex;
      } else end = NO_MATCH;
    } else if (end !== NO_MATCH) {
      found ??= new Found(text);
      if (c === 0x23) found.addTag(text.slice(at + 1, end), false);
      else if (c === 0x40) found.addTag(text.slice(at + 1, end), true);
      else found.addNumber(text.slice(at, end), at);
    }
    if (end !== NO_MATCH) starts.lastIndex = end;
  } while (starts.test(text));
  return found ?? NO_SIGNALS;
}

/** A text with "www." or "://": the whole pattern reads it. */
function withUrls(text: string): TextSignals {
  const found = new Found(text);
  SIGNAL_RE.lastIndex = 0;
  for (let m = SIGNAL_RE.exec(text); m !== null; m = SIGNAL_RE.exec(text)) found.add(m);
  return found;
}

/**
 * `list` with `value` added unless it is there already: lists of distinct values, a handful per
 * text (cheaper than a Set). The shared empty list is never changed: a list made for the value
 * (of its exact size) takes its place.
 */
function withValue(list: readonly string[], value: string): readonly string[] {
  if (list === NONE) return [value];
  if (!list.includes(value)) (list as string[]).push(value);
  return list;
}

/** The signals of one text, filled in as they are found; kinds the text lacks keep the shared empty list. */
class Found implements TextSignals {
  numbers = NONE;
  hashtags = NONE;
  handles = NONE;
  urls = NONE;
  tags = NONE;
  constructor(private readonly text: string) {}

  add(m: RegExpExecArray): void {
    const [, url, hashtag, handle, time, date, number] = m;
    if (url !== undefined) this.urls = withValue(this.urls, url.toLowerCase().replace(/^https?:\/\//, '').replace(/^www\./, '').replace(/\/+$/, ''));
    else if (hashtag !== undefined) this.addTag(hashtag.slice(1), false);
    else if (handle !== undefined) this.addTag(handle.slice(1), true);
    else if (time !== undefined) {
      // [0-2]?\d[:h][0-5]\d: the separator is the third character from the end. A 12-hour
      // time ("9:30 p.m.") is the 24-hour one its translation writes ("21:30", "21h30").
      let hour = Number(time.slice(0, -3));
      const half = TWELVE_HOUR.exec(this.text.slice(m.index + time.length, m.index + time.length + 8));
      if (half && hour >= 1 && hour <= 12) hour = half[1]!.toLowerCase() === 'p' ? (hour % 12) + 12 : hour % 12;
      this.numbers = withValue(this.numbers, `${hour}:${time.slice(-2)}`);
    } else if (date !== undefined) {
      for (const part of date.split(/[/.-]/)) this.numbers = withValue(this.numbers, String(Number(part)));
    } else if (number !== undefined) this.addNumber(number, m.index);
  }

  addTag(tag: string, handle: boolean): void {
    if (handle) this.handles = withValue(this.handles, foldTag(tag));
    else this.hashtags = withValue(this.hashtags, foldTag(tag));
    if (this.tags === NONE) this.tags = [tag];
    else (this.tags as string[]).push(tag);
  }

  addNumber(number: string, at: number): void {
    this.numbers = withValue(this.numbers, canonicalNumber(number));
    if (number.length <= 4) monthNear(this.text, at, at + number.length, this.numbers as string[]);
  }
}
