/**
 * Candidate boundaries: runs of sentence-final punctuation, with the closing quotes and
 * brackets that stick to them, followed by whitespace (or by anything, after the full-width
 * marks of Chinese and Japanese, which take no space). Whether a candidate really ends a
 * sentence is decided later (boundaries.ts); punctuation followed by anything else
 * (1.23, Jane.Doe@example.com, Sig.ra, Jr.'s, tel.:0123) never ends one.
 */
import { isCloser, isLetter, isTerminal, isWhitespace, TERMINALS } from './chars.js';
import { charTable, findIn, scanWork } from './scan.js';

export interface Candidate {
  /** Offset of the first punctuation mark of the run. */
  readonly start: number;
  /** Offset just after the run (the sentence would end here). */
  readonly end: number;
  /** Offset of the first non-space character after the run (start of the next sentence). */
  readonly next: number;
}

const TERMINAL_TABLE = charTable(TERMINALS);

/**
 * `closingMarks`: offsets of the line's paired closing marks, so that one detached by a space
 * ("guerre. \" Puis") joins the run like a French closing guillemet.
 */
export function findCandidates(text: string, start: number, end: number, closingMarks?: ReadonlySet<number>): Candidate[] {
  const candidates: Candidate[] = [];
  // Bounded to the line (a global search would read on to the next mark anywhere in the text).
  for (let runStart = findIn(text, start, end, TERMINAL_TABLE); runStart < end; ) {
    const runEnd = extendRun(text, runStart, end, closingMarks);
    if (runEnd < end && isWhitespace(text[runEnd])) {
      let next = runEnd;
      while (next < end && isWhitespace(text[next])) next++;
      candidates.push({ start: runStart, end: runEnd, next });
    } else if (runEnd < end && hasFullWidthTerminal(text, runStart, runEnd)) {
      // Chinese and Japanese put no space after 。！？: the next sentence starts right there.
      candidates.push({ start: runStart, end: runEnd, next: runEnd });
    }
    scanWork.chars += runEnd - runStart;
    runStart = findIn(text, runEnd, end, TERMINAL_TABLE);
  }
  return candidates;
}

const FULL_WIDTH_TERMINALS = '。．！？';

function hasFullWidthTerminal(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (FULL_WIDTH_TERMINALS.includes(text[k]!)) return true;
  return false;
}

/**
 * Extends a run over further final punctuation, closing marks, spaced ellipses (". . .")
 * and the space French puts before a closing guillemet ("pas. »") or another closing mark.
 */
function extendRun(text: string, from: number, end: number, closingMarks: ReadonlySet<number> | undefined): number {
  let j = from;
  while (j < end) {
    const ch = text[j];
    // A paired closing mark that can also open (German „Ja.“ and »Nein.«) closes here.
    if (isTerminal(ch) || isCloser(ch) || closingMarks?.has(j) === true) {
      j++;
    } else if (isWhitespace(ch) && ch !== '\n') {
      const after = text[j + 1];
      if (after === '.' && text[j - 1] === '.') j++;
      // A » before a word opens a German quotation (Gut. »Nein.«) unless it was paired as a closer.
      else if ((((after === '»' || after === '›') && !isLetter(text[j + 2])) || closingMarks?.has(j + 1) === true) && j + 1 < end) j++;
      else break;
    } else {
      break;
    }
  }
  return j;
}
