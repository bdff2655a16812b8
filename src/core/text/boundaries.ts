/**
 * The boundary rules: given a candidate (final punctuation followed by whitespace), decide
 * whether the sentence really ends there. Ordinary cases go to the base splitter
 * (sentence-splitter); this layer adds what it lacks or gets wrong for Italian, French and
 * English: paired quotations and parentheses, ellipses, "<number>." at a sentence end,
 * abbreviations that may end a sentence, initials, elided articles, list markers.
 */
import { elisionLength, type BaseAnswers } from './base-splitter.js';
import type { Candidate } from './candidates.js';
import { isCloser, isDigit, isLower, isOpener, isTerminal, isUpper, isWhitespace } from './chars.js';
import { abbreviationKind, type LanguageRules } from './language-rules.js';
import type { ListLayout } from './lists.js';
import type { EnclosingRegions } from './quotes.js';
import { scanWork } from './scan.js';

export interface LineContext {
  readonly text: string;
  readonly start: number;
  readonly end: number;
  readonly rules: LanguageRules;
  /** Quotations and brackets of the line, queried at increasing positions. */
  readonly regions: EnclosingRegions;
  readonly list: ListLayout | undefined;
  /** The base splitter's answers for this line's candidates. */
  readonly base: BaseAnswers;
}

/** A boundary: the sentence ends at `end`, the next one starts at `next`. */
export interface Cut {
  readonly end: number;
  readonly next: number;
}

/** Decides one candidate; `sentenceStart` is where the current sentence began. */
export function decide(line: LineContext, c: Candidate, sentenceStart: number): Cut | undefined {
  const { text } = line;
  if (line.list && insideMarker(line.list, c.start)) return undefined;
  if (c.start === sentenceStart) return undefined; // "... Un peu plus haut": nothing to end yet

  let lastTerminal = c.end - 1;
  while (!isTerminal(text[lastTerminal])) lastTerminal--;
  const cut: Cut = { end: c.end, next: c.next };

  // Inside a parenthesis, or a quotation embedded in its sentence, nothing ends the sentence.
  let closesBracket = false;
  for (const region of line.regions.at(lastTerminal)) {
    if (region.close >= c.end) {
      if (region.kind === 'bracket' || !region.passage) return undefined;
    } else if (region.kind === 'bracket') {
      // "(He worked as an engineer.) at": only a sentence wholly in brackets ends here.
      if (region.open !== sentenceStart) return undefined;
      closesBracket = true;
    }
  }

  // Punctuation then a closing mark (great." / pas.» / Aspettateci." / nous.»,): the sentence
  // goes on unless what follows starts a new one.
  if (closesBracket || lastTerminal < c.end - 1) {
    return startsSentence(text, c.next) ? cut : undefined;
  }

  // The final group of punctuation, after any closing mark inside the run ("(...)." -> ".").
  let tailStart = lastTerminal;
  while (tailStart > c.start && (isTerminal(text[tailStart - 1]) || text[tailStart - 1] === ' ')) tailStart--;
  const tail = text.slice(tailStart, lastTerminal + 1);
  const dots = countDots(tail);

  if (tail.includes('…') || dots >= 3) return decideEllipsis(line, c, tail, tailStart, dots);
  if (tail.endsWith('?') || tail.endsWith('!')) {
    if (tail.length === 1 && tailStart === c.start && !askBase(line, c)) return undefined; // Yahoo! Mail
    // "Milo Alert! for Android", « Qui ? demanda-t-il »: the sentence goes on.
    return isLower(text[c.next]) ? undefined : cut;
  }
  // "Nov.." (an abbreviation, then the full stop) or "?)." : a real sentence end.
  if (tail.length > 1 || tailStart > c.start) return isLower(text[c.next]) && dots === 2 ? undefined : cut;
  return decidePeriod(line, c, sentenceStart) ? cut : undefined;
}

function decideEllipsis(line: LineContext, c: Candidate, tail: string, tailStart: number, dots: number): Cut | undefined {
  const { text } = line;
  if (tail.endsWith('?') || tail.endsWith('!')) return { end: c.end, next: c.next };
  if (!startsSentence(text, c.next)) return undefined; // "really ... well", "weakened . . . was"
  const spaced = tail.includes('. .');
  if (!spaced) return { end: c.end, next: c.next }; // "Chris... Comment", "that.... She"
  const attached = tailStart > line.start && !isWhitespace(text[tailStart - 1]);
  if (attached && dots >= 4) {
    // "compounds. . . . The practice": a full stop, then an ellipsis opening the next sentence.
    let next = tailStart + 1;
    while (isWhitespace(text[next])) next++;
    return { end: tailStart + 1, next };
  }
  // "with a period . . . . Next" ends; "the thing is . . . I didn’t" is an omission.
  return dots >= 4 || attached ? { end: c.end, next: c.next } : undefined;
}

function decidePeriod(line: LineContext, c: Candidate, sentenceStart: number): boolean {
  const { text, rules } = line;
  let tokenStart = c.start;
  while (tokenStart > line.start && !isWhitespace(text[tokenStart - 1])) tokenStart--;
  let wordStart = tokenStart;
  while (wordStart < c.start && isOpener(text[wordStart])) wordStart++;
  wordStart += elisionLength(text, wordStart);
  const word = text.slice(wordStart, c.start);
  const next = text[c.next];

  if (NUMBER.test(word)) {
    // "1. The first item" opens an enumeration; "in 2015. The" / "$100.00. It" end a sentence.
    if (tokenStart === sentenceStart || !startsSentence(text, c.next)) return false;
    const ordinalLike = rules.ordinalNumbersWithPeriod && /^\d{1,2}$/.test(word);
    return !ordinalLike;
  }

  // The base decides; the language layer then corrects it where it knows better.
  // sentence-splitter keeps titles (Sig. Rossi, M. Dupont), abbreviations before a lowercase
  // word or a number (co. at, p. 55, N°. 1026) and initials between names.
  const base = askBase(line, c);
  const kind = word === '' ? undefined : abbreviationKind(rules, word);
  if (SINGLE_LETTER.test(word) && INITIAL_AHEAD.test(text.slice(c.next, c.next + 3))) return false; // J. O. M. Roberts, z. B.
  const initial = isUpper(word) && word.length === 1;
  if (kind === 'abbreviation' && startsSentence(text, c.next)) {
    // Before a capitalised word. "& Co. It closed", "Washington, D.C. The city" end; "U.S.
    // Government", "lo psicol. Serenti", "E. Macron" do not; a sentence closed by an
    // abbreviation is rarely shorter than four words ("At 5 a.m. Mr. Smith"). Without a
    // layer, the base decides, and an initial is taken for a name.
    if (!rules.sentenceStarters) return base && !initial && !abbreviationAhead(line, c.next);
    return opensSentence(line, c.next) && hasWords(text, sentenceStart, c.end, 4);
  }
  if (!base) return false;
  if (rules.wordsEndInVowels && isLower(next) && TRUNCATED_WORD.test(word)) return false; // meteor. si
  // Without a language layer, a period before a lowercase word, or after a short word before a
  // number, is most likely an unknown abbreviation (Vgl. auch, usw. zu, oct. 1956).
  if (!rules.sentenceStarters && (isLower(next) || (isDigit(next) && word.length <= 4))) return false;
  return true;
}

function askBase(line: LineContext, c: Candidate): boolean {
  return line.base.splitsAfter(c);
}

/** Whether `at` falls in a list item marker (markers are sorted). */
function insideMarker(list: ListLayout, at: number): boolean {
  let lo = 0;
  let hi = list.markers.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [start, end] = list.markers[mid]!;
    if (at < start) hi = mid - 1;
    else if (at >= end) lo = mid + 1;
    else return true;
  }
  return false;
}

const NUMBER = /^\p{Sc}?\d(?:[\d.,:/-]*\d)?\p{Sc}?$/u;
const SINGLE_LETTER = /^\p{L}$/u;
const INITIAL_AHEAD = /^\p{L}\.(?:\s|$)/u;
const TRUNCATED_WORD = /^\p{Ll}*[bcdfghjklmnpqrstvwxz]$/u;

const QUOTE_OPENERS = '«‹“„‘‚"\'»›';

/** A capitalised word, possibly after an opening quotation mark, starts at `i`. */
function startsSentence(text: string, i: number): boolean {
  const ch = text[i];
  if (isUpper(ch)) return true;
  // A parenthesis after a quotation or an abbreviation explains it: « I. H. E. » (Internationale...
  if (ch === undefined || !QUOTE_OPENERS.includes(ch)) return false;
  let j = i + 1;
  if (text[j] === ' ' || text[j] === '\u00a0' || text[j] === '\u202f') j++;
  return isUpper(text[j]);
}

/** Whether the capitalised word at `i` is one that typically opens a sentence. */
function opensSentence(line: LineContext, i: number): boolean {
  const { text, rules } = line;
  let start = i;
  while (start < line.end && (isOpener(text[start]) || text[start] === ' ')) start++;
  let end = start;
  while (end < line.end && !isWhitespace(text[end])) end++;
  const elided = elisionLength(text, start);
  if (elided > 0 && rules.elisionStarters.has(text.slice(start, start + elided - 1))) return true;
  let word = text.slice(start, end);
  // "P.M. Mr. Smith": a title opens the next sentence (not a lone initial: "E. M. Abalakow").
  if (word.length > 2 && word.endsWith('.') && rules.abbreviations.lookup(word.slice(0, -1)) === 'title') return true;
  while (word.length > 0 && (isTerminal(word.at(-1)) || isCloser(word.at(-1)) || ',;:'.includes(word.at(-1)!))) {
    word = word.slice(0, -1);
  }
  return rules.sentenceStarters?.has(word) === true;
}

/** Whether the word at `i` is itself a known abbreviation (bzw. Kap. 3): no sentence starts so. */
function abbreviationAhead(line: LineContext, i: number): boolean {
  let end = i;
  while (end < line.end && !isWhitespace(line.text[end])) end++;
  const word = line.text.slice(i, end);
  return word.endsWith('.') && line.rules.abbreviations.lookup(word.slice(0, -1)) === 'abbreviation';
}

/**
 * Whether text[from, to) holds at least `wanted` words, not counting stand-alone punctuation.
 * Stops at the `wanted`-th word: a long sentence with many abbreviations is not re-read from its
 * start at each of them.
 */
function hasWords(text: string, from: number, to: number, wanted: number): boolean {
  let count = 0;
  let inWord = false;
  let i = from;
  for (; i < to && count < wanted; i++) {
    const space = isWhitespace(text[i]);
    if (!space && !inWord && !isTerminal(text[i])) count++;
    inWord = !space;
  }
  scanWork.chars += i - from;
  return count >= wanted;
}

function countDots(s: string): number {
  let n = 0;
  for (const ch of s) if (ch === '.') n++;
  return n;
}
