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
// Quick tests, by UTF-16 code unit (no u flag: several times faster on long texts). A text
// they do not match needs no replacement; one they match (a surrogate, even a paired one,
// matches SUSPECT) goes through the exact patterns above.
const ANY_BREAK = /[\t\n\v\f\r\u0085\u2028\u2029]/;
const SUSPECT = /[^\t\n\r\u0020-\u007E\u00A0-\uD7FF\uE000-\uFFFD]/;

export interface CleanedText {
  readonly text: string;
  /** How many characters were removed (not counting whitespace folded into a space). */
  readonly removed: number;
}

/** Removes forbidden characters; keeps line breaks and tabs (for notes and attributes the writer escapes). */
export function removeForbidden(text: string): CleanedText {
  if (!SUSPECT.test(text)) return { text, removed: 0 };
  let removed = 0;
  const out = text.replace(FORBIDDEN, () => {
    removed++;
    return '';
  });
  return { text: out, removed };
}

/** One line, no forbidden characters, no leading or trailing whitespace. */
export function cleanText(text: string): CleanedText {
  const { text: allowed, removed } = removeForbidden(ANY_BREAK.test(text) ? text.replace(BREAKS, ' ') : text);
  return { text: allowed.trim(), removed };
}

/** The text of several sentences of one document, joined with a space, cleaned. */
export function joinSentences(sentences: readonly string[]): CleanedText {
  if (sentences.length === 1) return cleanText(sentences[0]!); // cleanText trims, and an empty text stays empty
  return cleanText(sentences.map((s) => s.trim()).filter((s) => s !== '').join(' '));
}
