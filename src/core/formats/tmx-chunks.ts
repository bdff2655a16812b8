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

/** Byte ranges [start, end) of a UTF-8 document: cutTmxBody's pieces, found without decoding it. */
export interface TmxByteRanges {
  /** The document up to and including `<body>`, and from `</body` on. */
  readonly head: readonly [number, number];
  readonly tail: readonly [number, number];
  readonly runs: ReadonlyArray<readonly [number, number]>;
}

const LT = 0x3c;
const GT = 0x3e;

function isAsciiSpace(byte: number | undefined): boolean {
  return byte === 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d;
}

/** First index of `pattern` (ASCII) in bytes[from, ...), or -1. */
function indexOfAscii(bytes: Uint8Array, pattern: string, from = 0): number {
  const first = pattern.charCodeAt(0);
  const last = bytes.length - pattern.length;
  outer: for (let i = bytes.indexOf(first, from); i >= 0 && i <= last; i = bytes.indexOf(first, i + 1)) {
    for (let k = 1; k < pattern.length; k++) if (bytes[i + k] !== pattern.charCodeAt(k)) continue outer;
    return i;
  }
  return -1;
}

function lastIndexOfAscii(bytes: Uint8Array, pattern: string): number {
  const first = pattern.charCodeAt(0);
  outer: for (let i = bytes.lastIndexOf(first, bytes.length - pattern.length); i >= 0; i = i > 0 ? bytes.lastIndexOf(first, i - 1) : -1) {
    for (let k = 1; k < pattern.length; k++) if (bytes[i + k] !== pattern.charCodeAt(k)) continue outer;
    return i;
  }
  return -1;
}

/**
 * cutTmxBody on the bytes of a UTF-8 document (no byte order mark), so that a large memory is
 * never decoded whole: every delimiter is ASCII, and UTF-8 never uses ASCII bytes inside a
 * multi-byte character. Returns undefined in the same cases (and when a byte that is not ASCII
 * sits where a delimiter's neighbour is checked): the caller then reads the decoded text.
 */
export function cutTmxBodyBytes(bytes: Uint8Array, size: number): TmxByteRanges | undefined {
  if (indexOfAscii(bytes, '<!') >= 0) return undefined;
  const pi = indexOfAscii(bytes, '<?', 1);
  if (pi >= 0 || (bytes[0] === LT && bytes[1] === 0x3f && indexOfAscii(bytes, '<?xml') !== 0)) return undefined;
  const start = indexOfAscii(bytes, '<body');
  if (start < 0 || indexOfAscii(bytes, '<body', start + 5) >= 0) return undefined;
  const after = bytes[start + 5];
  if (after !== GT && !isAsciiSpace(after)) return undefined;
  const startTagEnd = bytes.indexOf(GT, start);
  if (startTagEnd < 0 || bytes[startTagEnd - 1] === 0x2f) return undefined;
  for (let i = start; i < startTagEnd; i++) if (bytes[i] === 0x22 || bytes[i] === 0x27) return undefined;
  const contentStart = startTagEnd + 1;
  const contentEnd = lastIndexOfAscii(bytes, '</body');
  if (contentEnd < contentStart) return undefined;

  const runs: Array<readonly [number, number]> = [];
  let runStart = contentStart;
  let units = 0;
  let at = indexOfAscii(bytes, '</tu', contentStart);
  while (at >= 0 && at < contentEnd) {
    const next = bytes[at + 4];
    const close = next === GT || isAsciiSpace(next) ? bytes.indexOf(GT, at + 4) : -1;
    if (next !== undefined && next >= 0x80) return undefined; // leave anything unusual to the text path
    if (close < 0) {
      at = indexOfAscii(bytes, '</tu', at + 4);
      continue;
    }
    const end = close + 1;
    if (++units === size) {
      runs.push([runStart, end]);
      runStart = end;
      units = 0;
    }
    at = indexOfAscii(bytes, '</tu', end);
  }
  if (runStart < contentEnd) runs.push([runStart, contentEnd]);
  return { head: [0, contentStart], tail: [contentEnd, bytes.length], runs };
}
