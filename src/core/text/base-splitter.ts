/**
 * The base: sentence-splitter decides ordinary boundaries ("word. Next", "Hello! Who",
 * "Mr. Smith", "U.S.A. last", "Albert I. Jones", "Yahoo! in").
 *
 * Running sentence-splitter over whole documents costs about 0.5 MiB/s, so it is only asked
 * about candidates, each on a window of the words around it (the words its rules look at). The window is normalised for it, keeping every offset:
 * quotation marks and brackets become spaces (their pairing is done by quotes.ts over the
 * whole line) and elided articles are blanked (l'Ing. -> Ing.). Its abbreviation marker is
 * given the entries of our language layer that occur in the window.
 */
import { split } from 'sentence-splitter';
import type { Language } from 'sentence-splitter/lang';
import { isApostrophe, isCloser, isLetter, isOpener, isUpper, isWhitespace } from './chars.js';
import type { Candidate } from './candidates.js';
import { abbreviationKind, type LanguageRules } from './language-rules.js';

/** One question to sentence-splitter: does a sentence end right after `cut` in text[from, to)? */
export interface BaseQuery {
  readonly from: number;
  readonly to: number;
  readonly cut: number;
}

/**
 * Answers several queries about `text` with a single split() call: the normalised windows are
 * joined by line breaks (whitespace to sentence-splitter) and each answer is read back at its
 * window's offset. One call per line rather than per candidate saves sentence-splitter's fixed
 * cost per call (it builds its parsers each time). `plainWindows: false` asks sentence-splitter
 * about every window (the reference the shortcut is tested against).
 */
export function baseBoundaries(text: string, queries: readonly BaseQuery[], rules: LanguageRules, options: { plainWindows?: boolean } = {}): boolean[] {
  const plain = options.plainWindows !== false;
  let joined = '';
  const cuts = new Map<number, number>();
  const answers = queries.map(() => false);
  queries.forEach((q, i) => {
    const window = normaliseWindow(text.slice(q.from, q.to));
    // The commonest window is answered without sentence-splitter, whose fixed cost per call
    // (tens of microseconds) dominated many short lines and many tiny documents.
    const known = plain ? plainWindowAnswer(window, q.cut - q.from, rules) : undefined;
    if (known !== undefined) {
      answers[i] = known;
      baseWork.answeredPlain++;
      return;
    }
    if (joined.length > 0) joined += '\n';
    cuts.set(joined.length + (q.cut - q.from), i);
    joined += window;
  });
  if (cuts.size === 0) return answers;
  baseWork.splitCalls++;
  const language = languageFor(joined, rules);
  for (const node of split(joined, { AbbrMarker: { language } })) {
    if (node.type !== 'Sentence') continue;
    const i = cuts.get(node.range[1]);
    if (i !== undefined) answers[i] = true;
  }
  return answers;
}

/** Work counters (for tests): split() calls made, and windows answered without one. */
export const baseWork = { splitCalls: 0, answeredPlain: 0 };

/** A plain word (two or more letters, none of them CJK, which sentence-splitter takes as word boundaries), its mark, whitespace, the next word. */
const PLAIN_WINDOW = /^(\p{L}{2,})([.?!])\s+\S*\s*$/u;
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

/**
 * sentence-splitter's answer for a normalised window asked alone, when it is certain without
 * running it: "word. Next", "word? next", "word! Next" where the word is no abbreviation, title,
 * numeral or exclamation word of the language layer (so its AbbrMarker has nothing to mark: no
 * multi-period abbreviation, line index, or capital initial fits a plain word of two letters or
 * more), and no pair mark is open (the window holds none before the mark). Its separator then
 * ends the sentence right after the mark. Undefined for every other window (asked for real).
 * Property-tested against sentence-splitter (tests/core/text/base-splitter.test.ts).
 */
export function plainWindowAnswer(window: string, cut: number, rules: LanguageRules): boolean | undefined {
  const m = PLAIN_WINDOW.exec(window);
  if (!m) return undefined;
  const word = m[1]!;
  const mark = m[2]!;
  if (cut !== word.length + 1 || CJK.test(word)) return undefined;
  if (mark === '!' && rules.abbreviations.isExclamationWord(`${word}!`)) return undefined;
  if (mark === '.' && abbreviationKind(rules, word) !== undefined) return undefined;
  return true;
}

/** Whether sentence-splitter ends a sentence right after `cut` in text[from, to). */
export function baseSplitsAt(text: string, from: number, to: number, cut: number, rules: LanguageRules): boolean {
  return baseBoundaries(text, [{ from, to, cut }], rules)[0] === true;
}

/**
 * [from, to) of the window sentence-splitter needs around a candidate at [start, next): the
 * word before the punctuation and the next word; also the word before that when the first
 * looks like an initial (its "Albert I. Jones" rule looks at it).
 */
export function windowAround(text: string, lineStart: number, lineEnd: number, start: number, next: number): [number, number] {
  let from = start;
  while (from > lineStart && !isWhitespace(text[from - 1])) from--;
  // French spacing ("Chris ?", "impact »."), leaves no word before the mark once quotes are
  // blanked; an initial needs the word before it.
  if (onlyQuotesOrBrackets(text, from, start) || (isUpper(text[from]) && text[from + 1] === '.')) {
    while (from > lineStart && isWhitespace(text[from - 1])) from--;
    while (from > lineStart && !isWhitespace(text[from - 1])) from--;
  }
  let to = next;
  while (to < lineEnd && !isWhitespace(text[to])) to++;
  return [from, to];
}

function onlyQuotesOrBrackets(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!isOpener(text[i]) && !isCloser(text[i])) return false;
  return true;
}

function normaliseWindow(window: string): string {
  let out = '';
  let wordStart = true;
  for (let i = 0; i < window.length; i++) {
    const ch = window[i]!;
    if (isWhitespace(ch)) {
      out += ch;
      wordStart = true;
      continue;
    }
    if (wordStart) {
      const elided = elisionLength(window, i);
      if (elided > 0) {
        out += ' '.repeat(elided);
        i += elided - 1;
        continue;
      }
    }
    wordStart = false;
    const quoteOrBracket = (isOpener(ch) || isCloser(ch)) && !(isApostrophe(ch) && isLetter(window[i - 1]) && isLetter(window[i + 1]));
    out += quoteOrBracket ? ' ' : ch;
    if (quoteOrBracket) wordStart = true;
  }
  return out;
}

/** Length of an elided article or pronoun at `i` (l', dell’, qu'), or 0. */
export function elisionLength(text: string, i: number): number {
  let j = i;
  while (j < text.length && j - i < 7 && isLetter(text[j])) j++;
  if (j > i && isApostrophe(text[j]) && isLetter(text[j + 1])) return j + 1 - i;
  return 0;
}

function languageFor(window: string, rules: LanguageRules): Language {
  const language: Language = { ABBREVIATIONS: [], PREPOSITIVE_ABBREVIATIONS: [], EXCLAMATION_WORDS: [] };
  const words = window.split(/\s+/);
  for (let w = 0; w < words.length; w++) {
    const word = words[w]!;
    if (word.endsWith('!') && rules.abbreviations.isExclamationWord(word)) language.EXCLAMATION_WORDS.push(word);
    if (!word.endsWith('.')) continue;
    const kind = abbreviationKind(rules, word.slice(0, -1));
    if (kind === 'title') language.PREPOSITIVE_ABBREVIATIONS.push(word);
    else if (kind === 'abbreviation') language.ABBREVIATIONS.push(word);
    else if (kind === 'numeral' && /^\d/.test(words[w + 1] ?? '')) language.ABBREVIATIONS.push(word);
  }
  return language;
}

/** Candidates per split() call: sentence-splitter slows down on long inputs. */
const BATCH = 32;

/**
 * sentence-splitter's answers for one line, asked for all its single-mark candidates (the only
 * ones the boundary rules ask about) the first time one is needed.
 */
export class BaseAnswers {
  private answers: Map<number, boolean> | undefined;

  constructor(
    private readonly text: string,
    private readonly lineStart: number,
    private readonly lineEnd: number,
    private readonly candidates: readonly Candidate[],
    private readonly rules: LanguageRules,
  ) {}

  splitsAfter(c: Candidate): boolean {
    this.answers ??= this.askAll();
    const known = this.answers.get(c.start);
    if (known !== undefined) return known;
    return baseBoundaries(this.text, [this.queryFor(c)], this.rules)[0] === true;
  }

  private askAll(): Map<number, boolean> {
    const asked = this.candidates.filter((c) => c.end - c.start === 1);
    const answers = new Map<number, boolean>();
    // In batches: sentence-splitter rescans all its marks at every character.
    for (let i = 0; i < asked.length; i += BATCH) {
      const batch = asked.slice(i, i + BATCH);
      const splits = baseBoundaries(this.text, batch.map((c) => this.queryFor(c)), this.rules);
      batch.forEach((c, j) => answers.set(c.start, splits[j] === true));
    }
    return answers;
  }

  private queryFor(c: Candidate): BaseQuery {
    const [from, to] = windowAround(this.text, this.lineStart, this.lineEnd, c.start, c.next);
    return { from, to, cut: c.end };
  }
}
