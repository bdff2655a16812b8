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

/**
 * Bytes read on demand: a file need not be in memory whole (a 100,000-unit memory is some
 * 80 MB, a quarter of an import's memory when held). `read` may return fewer bytes than asked
 * only at the end of the data.
 */
export interface ByteSource {
  readonly size: number;
  read(start: number, end: number): Uint8Array;
}

/** A ByteSource over bytes in memory (no copies). */
export function bytesSource(bytes: Uint8Array): ByteSource {
  return { size: bytes.length, read: (start, end) => bytes.subarray(start, end) };
}

/** Forward and backward searches over a ByteSource, one block in memory at a time. */
class Cursor {
  private block: Uint8Array = new Uint8Array(0);
  private start = 0;

  constructor(
    private readonly source: ByteSource,
    private readonly blockSize: number,
  ) {}

  get size(): number {
    return this.source.size;
  }

  private load(i: number): void {
    this.start = i - (i % this.blockSize);
    this.block = this.source.read(this.start, Math.min(this.source.size, this.start + this.blockSize));
  }

  at(i: number): number | undefined {
    if (i < 0 || i >= this.source.size) return undefined;
    if (i < this.start || i >= this.start + this.block.length) this.load(i);
    return this.block[i - this.start];
  }

  private matches(i: number, pattern: string): boolean {
    for (let k = 1; k < pattern.length; k++) if (this.at(i + k) !== pattern.charCodeAt(k)) return false;
    return true;
  }

  /** First index of `pattern` (ASCII) at or after `from`, or -1. */
  indexOf(pattern: string, from = 0): number {
    const first = pattern.charCodeAt(0);
    let i = Math.max(0, from);
    while (i <= this.source.size - pattern.length) {
      if (i < this.start || i >= this.start + this.block.length) this.load(i);
      const k = this.block.indexOf(first, i - this.start);
      if (k < 0) {
        i = this.start + this.block.length;
        if (this.block.length === 0) return -1;
        continue;
      }
      const at = this.start + k;
      if (at > this.source.size - pattern.length) return -1;
      if (this.matches(at, pattern)) return at;
      i = at + 1;
    }
    return -1;
  }

  /** Last index of `pattern` (ASCII), or -1. */
  lastIndexOf(pattern: string): number {
    const first = pattern.charCodeAt(0);
    let i = this.source.size - pattern.length;
    while (i >= 0) {
      if (i < this.start || i >= this.start + this.block.length) this.load(i);
      const k = this.block.lastIndexOf(first, i - this.start);
      if (k < 0) {
        i = this.start - 1;
        continue;
      }
      const at = this.start + k;
      if (this.matches(at, pattern)) return at;
      i = at - 1;
    }
    return -1;
  }
}

/**
 * cutTmxBody on the bytes of a UTF-8 document (no byte order mark), so that a large memory is
 * never decoded whole: every delimiter is ASCII, and UTF-8 never uses ASCII bytes inside a
 * multi-byte character. Returns undefined in the same cases (and when a byte that is not ASCII
 * sits where a delimiter's neighbour is checked): the caller then reads the decoded text.
 * The bytes may be a ByteSource, read a block at a time (`blockSize`; tests use tiny blocks).
 */
export function cutTmxBodyBytes(bytes: Uint8Array | ByteSource, size: number, blockSize = 1 << 20): TmxByteRanges | undefined {
  const data = new Cursor(bytes instanceof Uint8Array ? bytesSource(bytes) : bytes, Math.max(16, blockSize));
  const is = (at: number, pattern: string): boolean => {
    for (let k = 0; k < pattern.length; k++) if (data.at(at + k) !== pattern.charCodeAt(k)) return false;
    return true;
  };
  // One pass over every "<" (a source is read once for the cut): the same checks and cuts as
  // cutTmxBody, with the body's end known only at the end (its last "</body").
  let contentStart = -1;
  let contentEnd = -1;
  const unitEnds: number[] = [];
  for (let at = data.indexOf('<'); at >= 0; at = data.indexOf('<', at + 1)) {
    const next = data.at(at + 1);
    if (next === 0x21) return undefined; // "<!": a comment or CDATA section (or a DOCTYPE)
    if (next === 0x3f) {
      if (at !== 0 || !is(0, '<?xml')) return undefined; // a processing instruction
      continue;
    }
    if (next === 0x62 && is(at, '<body')) {
      if (contentStart >= 0) return undefined; // a second <body
      const after = data.at(at + 5);
      if (after !== GT && !isAsciiSpace(after)) return undefined;
      const startTagEnd = data.indexOf('>', at);
      if (startTagEnd < 0 || data.at(startTagEnd - 1) === 0x2f) return undefined;
      for (let i = at; i < startTagEnd; i++) if (data.at(i) === 0x22 || data.at(i) === 0x27) return undefined;
      contentStart = startTagEnd + 1;
      at = startTagEnd;
      continue;
    }
    if (next !== 0x2f) continue;
    if (is(at, '</body')) contentEnd = at;
    else if (contentStart >= 0 && at >= contentStart && is(at, '</tu')) {
      const after = data.at(at + 4);
      if (after !== undefined && after >= 0x80) return undefined; // leave anything unusual to the text path
      if (after !== GT && !isAsciiSpace(after)) continue; // </tuv>
      const close = data.indexOf('>', at + 4);
      if (close < 0) continue;
      unitEnds.push(close + 1);
      at = close;
    }
  }
  if (contentStart < 0 || contentEnd < contentStart) return undefined;

  const runs: Array<readonly [number, number]> = [];
  let runStart = contentStart;
  let units = 0;
  for (const end of unitEnds) {
    if (end > contentEnd) break;
    if (++units === size) {
      runs.push([runStart, end]);
      runStart = end;
      units = 0;
    }
  }
  if (runStart < contentEnd) runs.push([runStart, contentEnd]);
  return { head: [0, contentStart], tail: [contentEnd, data.size], runs };
}
