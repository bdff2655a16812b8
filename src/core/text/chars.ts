/** Character classes shared by the segmentation modules (one UTF-16 unit at a time). */

const UPPER = /^[\p{Lu}\p{Lt}]$/u;
const LOWER = /^\p{Ll}$/u;
const LETTER = /^\p{L}$/u;
const WHITESPACE = /^\s$/u;

/** Same notion of whitespace as String.prototype.trim (spaces, NBSP, line breaks, BOM...). */
export function isWhitespace(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  if (ch === ' ' || ch === '\n' || ch === '\t' || ch === '\r') return true;
  return ch > '~' && WHITESPACE.test(ch);
}

export function isUpper(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  if (ch >= 'A' && ch <= 'Z') return true;
  return ch > '~' && UPPER.test(ch);
}

export function isLower(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  if (ch >= 'a' && ch <= 'z') return true;
  return ch > '~' && LOWER.test(ch);
}

export function isLetter(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  if ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z')) return true;
  return ch > '~' && LETTER.test(ch);
}

export function isDigit(ch: string | undefined): boolean {
  return ch !== undefined && ch >= '0' && ch <= '9';
}

/** Sentence-final punctuation (Latin, plus the full-width forms sentence-splitter knows). */
export const TERMINALS = '.!?…。．！？‼⁇⁈⁉';
export function isTerminal(ch: string | undefined): boolean {
  return ch !== undefined && TERMINALS.includes(ch);
}

/** Marks that may close a quotation or a parenthesis right after the final punctuation. */
export const CLOSERS = ')]}»›”’"\'';
export function isCloser(ch: string | undefined): boolean {
  return ch !== undefined && CLOSERS.includes(ch);
}

/** Marks that may open a quotation or a parenthesis in front of a word. */
export const OPENERS = '([{«‹“„‘‚"\'';
export function isOpener(ch: string | undefined): boolean {
  return ch !== undefined && OPENERS.includes(ch);
}

export function isApostrophe(ch: string | undefined): boolean {
  return ch === "'" || ch === '’' || ch === 'ʼ';
}
