/**
 * Cuts a TMX's <body> into runs of whole <tu> elements, so that validation and parsing work
 * on a few hundred units at a time: the tree of a 100,000-unit memory never exists at once,
 * and each run's objects die young (cheap to collect).
 *
 * The cut is only made where it is certain to fall between elements: in a document with no
 * comment, CDATA section or processing instruction (other than the XML declaration), a
 * "</tu>" can only be an end tag, since "<" may not appear in text or attribute values.
 * Whether the pieces really are well-formed is left to the validator: the document is
 * well-formed exactly when its skeleton (the document without the body's content) and every
 * run (as element content) are. Anything unusual returns undefined, and the caller reads
 * the document whole.
 */

export interface TmxPieces {
  /** The document with the body emptied: everything up to `<body>` and from `</body>` on. */
  readonly skeleton: string;
  /** The body's content, cut after every `size`-th `</tu>`; joined, they are the whole content. */
  readonly runs: readonly string[];
}

const SPACE = /\s/;

/** Index just past the end tag `</tu ...>` starting at `at`, or -1 when `at` starts `</tuv` or similar. */
function endOfTuEndTag(text: string, at: number): number {
  const next = text[at + 4];
  if (next !== '>' && (next === undefined || !SPACE.test(next))) return -1;
  const close = text.indexOf('>', at + 4);
  return close < 0 ? -1 : close + 1;
}

export function cutTmxBody(text: string, size: number): TmxPieces | undefined {
  if (text.includes('<!')) return undefined; // a comment or CDATA section (guardXml has blanked the DOCTYPE)
  const pi = text.indexOf('<?', 1);
  if (pi >= 0 || (text.startsWith('<?') && !text.startsWith('<?xml'))) return undefined;
  const start = text.indexOf('<body');
  if (start < 0 || text.indexOf('<body', start + 5) >= 0) return undefined;
  const after = text[start + 5];
  if (after !== '>' && (after === undefined || !SPACE.test(after))) return undefined;
  const startTagEnd = text.indexOf('>', start);
  // Attributes on <body> (none in TMX) could hold a ">": leave such files to the whole-document path.
  if (startTagEnd < 0 || text.slice(start, startTagEnd).includes('"') || text.slice(start, startTagEnd).includes("'") || text[startTagEnd - 1] === '/') return undefined;
  const contentStart = startTagEnd + 1;
  const contentEnd = text.lastIndexOf('</body');
  if (contentEnd < contentStart) return undefined;

  const runs: string[] = [];
  let runStart = contentStart;
  let units = 0;
  let at = text.indexOf('</tu', contentStart);
  while (at >= 0 && at < contentEnd) {
    const end = endOfTuEndTag(text, at);
    if (end < 0) {
      at = text.indexOf('</tu', at + 4);
      continue;
    }
    if (++units === size) {
      runs.push(text.slice(runStart, end));
      runStart = end;
      units = 0;
    }
    at = text.indexOf('</tu', end);
  }
  if (runStart < contentEnd) runs.push(text.slice(runStart, contentEnd));
  return { skeleton: text.slice(0, contentStart) + text.slice(contentEnd), runs };
}
