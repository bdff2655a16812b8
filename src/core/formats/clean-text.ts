/**
 * Texts as every export writes them: one line (line breaks and tabs become one space, so
 * TSV cells and Moses lines stay aligned), and no character that XML 1.0 forbids or that
 * would drive a terminal (C0/C1 controls, DEL, lone surrogates, U+FFFE/U+FFFF).
 * The same cleaning for all formats keeps a TMX and a TSV of one alignment identical.
 */

// Whitespace runs that hold a line break or tab, with the spaces around them.
const BREAKS = /[^\S\t\n\v\f\r\u0085\u2028\u2029]*[\t\n\v\f\r\u0085\u2028\u2029][\s]*/gu;
// Not an XML 1.0 Char, or a control character (C0 except tab/LF/CR, DEL, C1).
// With the u flag a lone surrogate is a code point of its own, so the class catches it.
const FORBIDDEN = /[^\t\n\r\u0020-\u007E\u00A0-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export interface CleanedText {
  readonly text: string;
  /** How many characters were removed (not counting whitespace folded into a space). */
  readonly removed: number;
}

/** Removes forbidden characters; keeps line breaks and tabs (for notes and attributes the writer escapes). */
export function removeForbidden(text: string): CleanedText {
  let removed = 0;
  const out = text.replace(FORBIDDEN, () => {
    removed++;
    return '';
  });
  return { text: out, removed };
}

/** One line, no forbidden characters, no leading or trailing whitespace. */
export function cleanText(text: string): CleanedText {
  const { text: allowed, removed } = removeForbidden(text.replace(BREAKS, ' '));
  return { text: allowed.trim(), removed };
}

/** The text of several sentences of one document, joined with a space, cleaned. */
export function joinSentences(sentences: readonly string[]): CleanedText {
  return cleanText(sentences.map((s) => s.trim()).filter((s) => s !== '').join(' '));
}
