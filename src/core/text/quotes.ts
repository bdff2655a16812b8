/**
 * Pairing of quotation marks and brackets within one line.
 *
 * Sentence-final punctuation inside a parenthesis, or inside a quotation embedded in a larger
 * sentence, does not end that sentence. To know where such regions are, openers and closers
 * are paired with a stack. Straight quotes (" and ') are symmetric, so their role is inferred
 * from the neighbouring characters (a mark after a space and before a word opens; a mark after
 * a word closes); apostrophes inside words are never quotes. Marks that find no partner are
 * simply ignored: an unpaired quote never turns splitting off for the rest of the text.
 */
import { isLetter, isOpener, isTerminal, isUpper, isWhitespace } from './chars.js';
import { charTable, findIn } from './scan.js';

export type RegionKind = 'bracket' | 'quote';

export interface PairRegion {
  /** Offset of the opening mark. */
  readonly open: number;
  /** Offset of the closing mark. */
  readonly close: number;
  readonly kind: RegionKind;
  /**
   * For quotations: true when the quotation ends its sentence (what follows the closing mark is
   * final punctuation, the end of the line or a new capitalised sentence). Such a quoted passage
   * is split into its own sentences; a quotation followed by the rest of the sentence ("...",
   * she said / « ... », a-t-il ajouté / "..." (Manzoni)) is embedded and kept whole.
   */
  readonly passage: boolean;
}

/** Opening mark -> the marks that close it. */
const CLOSING_MARKS: Readonly<Record<string, string>> = {
  '(': ')',
  '[': ']',
  '{': '}',
  '«': '»',
  '‹': '›',
  // German and Danish quote the other way round: »so«.
  '»': '«',
  '›': '‹',
  '“': '”',
  '„': '“”',
  '‘': '’',
  '‚': '‘’',
  '"': '"',
  "'": "'",
};
const REVERSED: Readonly<Record<string, string>> = { '«': '»', '‹': '›' };
const BRACKET_OPENERS = '([{';
const QUOTE_OPENERS = '«‹“„‘‚"\'»›';
const PAIR_CHARS = charTable('()[]{}«»‹›“”„‘’‚"\'');

interface OpenMark {
  readonly mark: string;
  readonly at: number;
}

export function pairRegions(text: string, start: number, end: number): PairRegion[] {
  const regions: PairRegion[] = [];
  const stack: OpenMark[] = [];
  // Bounded to the line: a search through the whole text would read on to the next mark anywhere.
  for (let i = findIn(text, start, end, PAIR_CHARS); i < end; i = findIn(text, i + 1, end, PAIR_CHARS)) {
    const ch = text[i]!;
    const prev = i > start ? text[i - 1] : undefined;
    const next = i + 1 < end ? text[i + 1] : undefined;
    switch (ch) {
      case '«':
      case '‹':
        // »Nein.«: closes a reversed quotation when it follows its text.
        if (prev !== undefined && !isWhitespace(prev) && findLastIndex(stack, (m) => m.mark === REVERSED[ch]) !== -1) {
          closeMatching(stack, ch, i, text, end, regions);
        } else {
          stack.push({ mark: ch, at: i });
        }
        break;
      case '»':
      case '›':
        // Closes « ... »; with nothing to close, before a word, it opens a reversed one (»Nein.«).
        if (!closeMatching(stack, ch, i, text, end, regions) && (prev === undefined || isWhitespace(prev) || isOpener(prev)) && next !== undefined && !isWhitespace(next)) {
          stack.push({ mark: ch, at: i });
        }
        break;
      case '(':
      case '[':
      case '{':
      case '„':
      case '‚':
        stack.push({ mark: ch, at: i });
        break;
      case '“':
        // German quotations close with “: „so“.
        if (!closeMatching(stack, ch, i, text, end, regions)) stack.push({ mark: ch, at: i });
        break;
      case '‘':
        if (!closeMatching(stack, ch, i, text, end, regions)) stack.push({ mark: ch, at: i });
        break;
      case '’':
        // l’Isis, world’s: an apostrophe, not a closing quote.
        if (isLetter(prev) && isLetter(next)) break;
        closeMatching(stack, ch, i, text, end, regions);
        break;
      case '"':
      case "'":
        pairStraightQuote(ch, i, prev, next, stack, text, end, regions);
        break;
      default:
        closeMatching(stack, ch, i, text, end, regions);
    }
  }
  return regions;
}

function pairStraightQuote(
  ch: string,
  i: number,
  prev: string | undefined,
  next: string | undefined,
  stack: OpenMark[],
  text: string,
  end: number,
  regions: PairRegion[],
): void {
  if (ch === "'" && isWordChar(prev) && isWordChar(next)) return; // l'Isis, don't
  if (ch === '"' && (prev === undefined || isWhitespace(prev)) && (next === undefined || isWhitespace(next))) {
    // French typing spaces straight quotes like guillemets: " Nous sommes là . " Pair by turns.
    if (findLastIndex(stack, (m) => m.mark === ch) !== -1) closeMatching(stack, ch, i, text, end, regions);
    else if (next !== undefined) stack.push({ mark: ch, at: i });
    return;
  }
  const canClose = prev !== undefined && !isWhitespace(prev) && !isOpener(prev);
  const canOpen =
    (prev === undefined || isWhitespace(prev) || isOpener(prev) || prev === '-' || prev === '/') &&
    next !== undefined &&
    !isWhitespace(next);
  if (canClose && findLastIndex(stack, (m) => m.mark === ch) !== -1) {
    closeMatching(stack, ch, i, text, end, regions);
  } else if (canOpen) {
    // A second opening of the same mark means the first one was never closed: drop it.
    const previous = findLastIndex(stack, (m) => m.mark === ch);
    if (previous !== -1) stack.length = previous;
    stack.push({ mark: ch, at: i });
  }
}

function isWordChar(ch: string | undefined): boolean {
  return isLetter(ch) || (ch !== undefined && ch >= '0' && ch <= '9');
}

/** Closes the nearest opener that `ch` can close; openers above it were unpaired and are dropped. */
function closeMatching(
  stack: OpenMark[],
  ch: string,
  i: number,
  text: string,
  end: number,
  regions: PairRegion[],
): boolean {
  const index = findLastIndex(stack, (m) => CLOSING_MARKS[m.mark]?.includes(ch) === true);
  if (index === -1) return false;
  const opener = stack[index]!;
  stack.length = index;
  const kind: RegionKind = BRACKET_OPENERS.includes(opener.mark) ? 'bracket' : 'quote';
  regions.push({ open: opener.at, close: i, kind, passage: kind === 'quote' && endsSentence(text, i + 1, end) });
  return true;
}

/** Whether the text after a closing quotation mark shows that the quotation ended its sentence. */
function endsSentence(text: string, from: number, end: number): boolean {
  let j = from;
  while (j < end && isWhitespace(text[j])) j++;
  if (j >= end) return true;
  const ch = text[j];
  if (isTerminal(ch) || isUpper(ch)) return true;
  // A new quotation may follow; a parenthesis after a quotation is its citation: "..." (Manzoni).
  return ch !== undefined && QUOTE_OPENERS.includes(ch) && isUpper(text[j + 1]);
}

/**
 * Searches the open marks from the innermost, at most MAX_DEPTH deep: a mark cannot close one
 * opened dozens of levels below, and the bound keeps malformed text linear.
 */
function findLastIndex<T>(items: readonly T[], predicate: (item: T) => boolean): number {
  const stop = Math.max(0, items.length - MAX_DEPTH);
  for (let i = items.length - 1; i >= stop; i--) if (predicate(items[i]!)) return i;
  return -1;
}

const MAX_DEPTH = 16;

/**
 * The regions enclosing increasing positions of a line, in one sweep. Regions from one
 * line are properly nested, so the enclosing ones are few.
 */
export class EnclosingRegions {
  private readonly byOpen: PairRegion[];
  private nextIndex = 0;
  private active: PairRegion[] = [];

  constructor(regions: readonly PairRegion[]) {
    this.byOpen = [...regions].sort((a, b) => a.open - b.open);
  }

  /** Regions with open < position < close; positions must not decrease between calls. */
  at(position: number): readonly PairRegion[] {
    while (this.nextIndex < this.byOpen.length && this.byOpen[this.nextIndex]!.open < position) {
      this.active.push(this.byOpen[this.nextIndex]!);
      this.nextIndex++;
    }
    this.active = this.active.filter((r) => r.close > position);
    return this.active;
  }
}
