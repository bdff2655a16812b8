/**
 * Fast paths for the signal extractor (signals.ts): hand-written matchers for the common,
 * all-ASCII cases of its regular expressions (a plain number, #hashtag or @handle, the word
 * next to a number, a number's canonical form). Each decides only what it can decide from
 * ASCII characters and otherwise answers UNSURE, and the caller runs the regular expression:
 * the answers are always the regular expressions' (property-tested in signal-fast-paths.test.ts).
 */
import { fold, normalizeNumber } from '../align/text-signals.js';

/** The fast path cannot decide; run the regular expression. */
export const UNSURE = -2;
/** No match starts here. */
export const NO_MATCH = -1;

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

function isAsciiLetter(c: number): boolean {
  const lower = c | 0x20;
  return lower >= 0x61 && lower <= 0x7a;
}

/** [A-Za-z0-9_] */
function isAsciiWordChar(c: number): boolean {
  return isDigit(c) || isAsciiLetter(c) || c === 0x5f;
}

/** The ASCII characters of \s. */
function isAsciiSpace(c: number): boolean {
  return c === 0x20 || (c >= 0x09 && c <= 0x0d);
}

/**
 * Where the signal pattern's match at the digit `p` ends (times, dates, numbers); NO_MATCH when
 * none starts there (a digit right after a letter, digit or '_': "G7"); UNSURE when the text
 * around it may hold a time, a date, grouped thousands or decimals, or a non-ASCII character
 * the look-behind must judge.
 */
export function numberEndAt(text: string, p: number): number {
  if (p > 0) {
    const before = text.charCodeAt(p - 1);
    if (before >= 0x80) return UNSURE;
    if (isAsciiWordChar(before)) return NO_MATCH;
  }
  const n = text.length;
  let q = p + 1;
  while (q < n && isDigit(text.charCodeAt(q))) q++;
  if (q === n) return q;
  switch (text.charCodeAt(q)) {
    case 0x3a: // ':' 'h' '/' '-': a time or a date may follow
    case 0x68:
    case 0x2f:
    case 0x2d:
      return UNSURE;
    case 0x2e: // '.' ',' and the spaces that group thousands: more of the number may follow a digit
    case 0x2c:
    case 0x20:
    case 0xa0:
    case 0x202f:
    case 0x2009:
      if (!(q + 1 < n && isDigit(text.charCodeAt(q + 1)))) return q;
      return q - p <= 3 ? groupedEnd(text, q) : UNSURE;
    default:
      // Only the plain "\d+" alternative can match, and it takes the whole run of digits.
      return q;
  }
}

/**
 * After one to three digits and a separator followed by a digit: where "9,200", "9 200" or
 * "1.234.567" ends, when it is digits grouped in threes and nothing else (no decimals, no
 * fourth digit); otherwise UNSURE. Times and dates cannot match there: their second part has
 * one or two digits.
 */
function groupedEnd(text: string, q: number): number {
  const n = text.length;
  let e = q;
  while (e + 3 < n && isNumberSeparator(text.charCodeAt(e)) && isDigit(text.charCodeAt(e + 1)) && isDigit(text.charCodeAt(e + 2)) && isDigit(text.charCodeAt(e + 3))) e += 4;
  if (e === q || e === n) return e === q ? UNSURE : e;
  const c = text.charCodeAt(e);
  if (isDigit(c)) return UNSURE;
  if ((c === 0x2c || c === 0x2e) && e + 1 < n && isDigit(text.charCodeAt(e + 1))) return UNSURE;
  return e;
}

/** Where a #hashtag (`handle` false) or @handle (`handle` true) at `p` ends; NO_MATCH or UNSURE as above. */
export function tagEndAt(text: string, p: number, handle: boolean): number {
  if (p > 0) {
    const before = text.charCodeAt(p - 1);
    if (before >= 0x80) return UNSURE;
    // Hashtags may not follow '&' ("&#38;"), handles may not follow '.' (e-mail addresses).
    if (isAsciiWordChar(before) || before === (handle ? 0x2e : 0x26)) return NO_MATCH;
  }
  const n = text.length;
  let q = p + 1;
  let letter = false;
  for (; q < n; q++) {
    const c = text.charCodeAt(q);
    if (c >= 0x80) return UNSURE;
    if (isAsciiLetter(c)) letter = true;
    else if (!isDigit(c) && c !== 0x5f) break;
  }
  if (q === p + 1) return NO_MATCH;
  // A hashtag needs a letter ("#1" is not one).
  return handle || letter ? q : NO_MATCH;
}

/** A word next to a number, for month names: the word, undefined when there is none, null when unsure. */
export type NearWord = string | undefined | null;

/** The first match group of /^(?:\.|º|°|er|st|nd|rd|th)?\s+(\p{L}+)/u on text.slice(end, end + 16). */
export function wordAfter(text: string, end: number): NearWord {
  const stop = Math.min(text.length, end + 16);
  let i = end;
  if (i >= stop) return undefined;
  const c = text.charCodeAt(i);
  if (c >= 0x80) return null;
  if (c === 0x2e) i++;
  else if (i + 1 < stop && isOrdinalSuffix(c, text.charCodeAt(i + 1))) i += 2;
  const spaces = i;
  for (; i < stop; i++) {
    const s = text.charCodeAt(i);
    if (s >= 0x80) return null;
    if (!isAsciiSpace(s)) break;
  }
  if (i === spaces) return undefined;
  const start = i;
  for (; i < stop; i++) {
    const l = text.charCodeAt(i);
    if (l >= 0x80) return null;
    if (!isAsciiLetter(l)) break;
  }
  return i > start ? text.slice(start, i) : undefined;
}

/** er, st, nd, rd, th */
function isOrdinalSuffix(a: number, b: number): boolean {
  switch (a) {
    case 0x65: return b === 0x72;
    case 0x73: return b === 0x74;
    case 0x6e:
    case 0x72: return b === 0x64;
    case 0x74: return b === 0x68;
    default: return false;
  }
}

/** The first match group of /(\p{L}+)\.?,?\s+$/u on text.slice(Math.max(0, start - 16), start). */
export function wordBefore(text: string, start: number): NearWord {
  const stop = Math.max(0, start - 16);
  let i = start;
  for (; i > stop; i--) {
    const s = text.charCodeAt(i - 1);
    if (s >= 0x80) return null;
    if (!isAsciiSpace(s)) break;
  }
  if (i === start) return undefined;
  if (i > stop && text.charCodeAt(i - 1) === 0x2c) i--;
  if (i > stop && text.charCodeAt(i - 1) === 0x2e) i--;
  const end = i;
  for (; i > stop; i--) {
    const l = text.charCodeAt(i - 1);
    if (l >= 0x80) return null;
    if (!isAsciiLetter(l)) break;
  }
  return i < end ? text.slice(i, end) : undefined;
}

/**
 * normalizeNumber(raw) for a number matched by the signal pattern, without its general loop
 * when the number is plain digits or digits grouped in threes ("1956", "9,200", "9 200").
 */
export function canonicalNumber(raw: string): string {
  const n = raw.length;
  let digits = '';
  let from = 0;
  let group = -1;
  for (let i = 0; i < n; i++) {
    const c = raw.charCodeAt(i);
    if (isDigit(c)) continue;
    if (!isNumberSeparator(c)) return normalizeNumber(raw);
    // A separator: the previous group must have been three digits (after the first one).
    if ((group >= 0 && i - group !== 3) || i === 0) return normalizeNumber(raw);
    digits += raw.slice(from, i);
    from = i + 1;
    group = from;
  }
  if (group >= 0 && n - group !== 3) return normalizeNumber(raw);
  digits = from === 0 ? raw : digits + raw.slice(from);
  let zeros = 0;
  while (zeros < digits.length - 1 && digits.charCodeAt(zeros) === 0x30) zeros++;
  return zeros === 0 ? digits : digits.slice(zeros);
}

/** [.,\u00a0\u202f\u2009 ], the separators of the signal pattern's numbers. */
function isNumberSeparator(c: number): boolean {
  return c === 0x2c || c === 0x2e || c === 0x20 || c === 0xa0 || c === 0x202f || c === 0x2009;
}

// The last tag folded: a text's hashtags tend to repeat ("#OpParis" in every other sentence).
let lastTag = '';
let lastFolded = '';

/** fold(tag): for an ASCII tag, its lower case. */
export function foldTag(tag: string): string {
  if (tag === lastTag) return lastFolded;
  let folded: string | undefined;
  for (let i = 0; i < tag.length; i++) {
    if (tag.charCodeAt(i) >= 0x80) {
      folded = fold(tag);
      break;
    }
  }
  lastTag = tag;
  lastFolded = folded ?? tag.toLowerCase();
  return lastFolded;
}
