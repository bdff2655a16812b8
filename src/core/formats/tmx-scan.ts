/**
 * A fast reader for one run of <tu>s (a piece of a TMX body cut by tmx-chunks.ts), for the
 * shapes memories nearly always have. fast-xml-parser validates and then parses every run
 * (two passes over every character, a node object per prop, attribute maps built through
 * regular expressions): on a 100,000-unit memory in allinea's own export format, with seven
 * props per unit, that was three quarters of `allinea import`.
 *
 * It accepts a strict subset of well-formed XML: ASCII names, quoted attribute values without
 * "<", no duplicate attribute, "&" only in &lt; &gt; &amp; &quot; &apos; and character
 * references, no comment, CDATA or processing instruction, nesting at most MAX_DEPTH deep,
 * and no <seg>, <prop> or <note> inside one of those. Anything else returns undefined, and the
 * caller validates and parses that run with fast-xml-parser as before, so what is outside the
 * subset reads, or fails, exactly as it did. On what it accepts it builds what the structure
 * parser gives (attribute values trimmed, not decoded; <seg>, <prop>, <note> kept raw; text
 * between elements dropped) as ScanNodes, which tmx-import.ts reads as it reads the parser's. tests/core/formats/tmx-runs.test.ts checks that both
 * readings agree on random units full of the cases that matter.
 */

/**
 * An element as the scanner reads it. tmx-import.ts reads these and fast-xml-parser's nodes
 * alike; a class of one shape is cheaper to make than an object keyed by the tag name.
 */
export class ScanNode {
  constructor(
    readonly tag: string,
    /** Child elements (none for a leaf). */
    readonly kids: readonly ScanNode[],
    /** Attribute values, trimmed, not decoded. */
    readonly attrs: Readonly<Record<string, string>> | undefined,
    /** A leaf's raw content (<seg>, <prop>, <note>); undefined for other elements and empty leaves. */
    readonly raw: string | undefined,
  ) {}
}

/** Names met in every unit, so that reading them makes no new string. */
const COMMON_NAMES = ['tu', 'tuv', 'seg', 'prop', 'note', 'type', 'tuid', 'xml:lang', 'lang', 'bpt', 'ept', 'ph', 'hi'];

function nameOf(text: string, from: number, to: number): string {
  const length = to - from;
  for (const name of COMMON_NAMES) if (name.length === length && text.startsWith(name, from)) return name;
  return text.slice(from, to);
}

/** Deeper nesting goes to fast-xml-parser (and to tmx-import.ts's own limit). */
const MAX_DEPTH = 48;

const NONE: readonly ScanNode[] = [];

const LT = 60;
const GT = 62;
const SLASH = 47;
const AMP = 38;
const EQ = 61;
const DQUOTE = 34;
const SQUOTE = 39;
const SEMI = 59;
const HASH = 35;

function isNameStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c === 58;
}

function isNameChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 58 || c === 45 || c === 46;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 9 || c === 13;
}

function isLeaf(name: string): boolean {
  return name === 'seg' || name === 'prop' || name === 'note';
}

const NAMED = ['lt;', 'gt;', 'amp;', 'quot;', 'apos;'];

/** Index just past the reference starting at `at` (an "&"), or -1 when it is not one the subset allows. */
function skipReference(text: string, at: number): number {
  let i = at + 1;
  if (text.charCodeAt(i) === HASH) {
    i++;
    const hex = text.charCodeAt(i) === 120; // x
    if (hex) i++;
    const start = i;
    for (;;) {
      const c = text.charCodeAt(i);
      if ((c >= 48 && c <= 57) || (hex && ((c >= 97 && c <= 102) || (c >= 65 && c <= 70)))) i++;
      else break;
    }
    const digits = i - start;
    if (digits === 0 || digits > (hex ? 6 : 7) || text.charCodeAt(i) !== SEMI) return -1;
    return i + 1;
  }
  for (const name of NAMED) if (text.startsWith(name, i)) return i + name.length;
  return -1;
}

/**
 * Scans `text` (a run: the content of <body>, or part of it). Returns the top-level element
 * nodes (when `build`), true (when not), or undefined when the run is outside the subset.
 */
export function scanTmxRun(text: string, build: true): ScanNode[] | undefined;
export function scanTmxRun(text: string, build: false): true | undefined;
export function scanTmxRun(text: string, build: boolean): ScanNode[] | true | undefined {
  const end = text.length;
  const top: ScanNode[] = [];
  // Open structural elements: their names and (when building) their children.
  const names: string[] = [];
  const kids: ScanNode[][] = [];
  let siblings = top;
  let nextAmp = -2; // index of the next "&" at or after the scan position (-1: none left); -2: not looked up yet
  let i = 0;

  /** Checks the text in [from, to): every "&" in it starts an allowed reference. */
  const textOk = (from: number, to: number): boolean => {
    if (nextAmp === -1) return true;
    if (nextAmp < from) nextAmp = text.indexOf('&', from);
    while (nextAmp >= 0 && nextAmp < to) {
      const past = skipReference(text, nextAmp);
      if (past < 0 || past > to) return false;
      nextAmp = text.indexOf('&', past);
    }
    return true;
  };

  /**
   * Reads a tag's name and attributes from `at` (just past "<"); returns the index past its
   * ">" (negative when the tag ends with "/>"), or 0 when outside the subset.
   */
  let tagName = '';
  let attrs: Record<string, string> | undefined;
  const readStartTag = (at: number): number => {
    let j = at;
    if (!isNameStart(text.charCodeAt(j))) return 0;
    j++;
    while (isNameChar(text.charCodeAt(j))) j++;
    tagName = nameOf(text, at, j);
    attrs = undefined;
    for (;;) {
      const before = j;
      while (isSpace(text.charCodeAt(j))) j++;
      const c = text.charCodeAt(j);
      if (c === GT) return j + 1;
      if (c === SLASH) return text.charCodeAt(j + 1) === GT ? -(j + 2) : 0;
      if (j === before || !isNameStart(c)) return 0; // attributes are separated by space
      const nameStart = j;
      j++;
      while (isNameChar(text.charCodeAt(j))) j++;
      const name = nameOf(text, nameStart, j);
      while (isSpace(text.charCodeAt(j))) j++;
      if (text.charCodeAt(j) !== EQ) return 0;
      j++;
      while (isSpace(text.charCodeAt(j))) j++;
      const quote = text.charCodeAt(j);
      if (quote !== DQUOTE && quote !== SQUOTE) return 0;
      const valueStart = j + 1;
      const valueEnd = text.indexOf(quote === DQUOTE ? '"' : "'", valueStart);
      if (valueEnd < 0) return 0;
      for (let k = valueStart; k < valueEnd; k++) if (text.charCodeAt(k) === LT) return 0;
      attrs ??= Object.create(null) as Record<string, string>;
      if (attrs[name] !== undefined) return 0; // a repeated attribute: the validator says so
      attrs[name] = build ? text.slice(valueStart, valueEnd).trim() : '';
      j = valueEnd + 1;
    }
  };

  /** Index of "<" of the end tag of the leaf whose content starts at `from`, checking its mixed content; -1 outside the subset. */
  const leafEnd = (leaf: string, from: number): number => {
    const open: string[] = [];
    let j = from;
    for (;;) {
      const lt = text.indexOf('<', j);
      if (lt < 0 || !textOk(j, lt)) return -1;
      if (text.charCodeAt(lt + 1) === SLASH) {
        const nameEnd = closeName(lt + 2);
        if (nameEnd < 0) return -1;
        const name = nameOf(text, lt + 2, nameEnd);
        const close = skipToGt(nameEnd);
        if (close < 0) return -1;
        if (open.length === 0) return name === leaf ? lt : -1;
        if (open.pop() !== name) return -1;
        j = close;
        continue;
      }
      const past = readStartTag(lt + 1);
      if (past === 0 || isLeaf(tagName)) return -1;
      if (past > 0) {
        if (open.length >= MAX_DEPTH) return -1;
        open.push(tagName);
        j = past;
      } else j = -past;
    }
  };

  /** End of an end tag's name starting at `at`, or -1. */
  const closeName = (at: number): number => {
    if (!isNameStart(text.charCodeAt(at))) return -1;
    let j = at + 1;
    while (isNameChar(text.charCodeAt(j))) j++;
    return j;
  };
  /** Index past the ">" after optional space at `at`, or -1. */
  const skipToGt = (at: number): number => {
    let j = at;
    while (isSpace(text.charCodeAt(j))) j++;
    return text.charCodeAt(j) === GT ? j + 1 : -1;
  };

  while (i < end) {
    const lt = text.indexOf('<', i);
    if (lt < 0) {
      if (!textOk(i, end)) return undefined;
      break;
    }
    if (!textOk(i, lt)) return undefined;
    if (text.charCodeAt(lt + 1) === SLASH) {
      const nameEnd = closeName(lt + 2);
      if (nameEnd < 0 || names.length === 0) return undefined;
      const close = skipToGt(nameEnd);
      const open = names[names.length - 1]!;
      if (close < 0 || nameEnd - (lt + 2) !== open.length || !text.startsWith(open, lt + 2)) return undefined;
      names.pop();
      kids.pop();
      siblings = kids.length > 0 ? kids[kids.length - 1]! : top;
      i = close;
      continue;
    }
    const past = readStartTag(lt + 1);
    if (past === 0) return undefined;
    const name = tagName;
    const tagAttrs = attrs;
    if (past < 0) {
      // <x/>: no content.
      if (build) siblings.push(new ScanNode(name, NONE, tagAttrs, undefined));
      i = -past;
    } else if (isLeaf(name)) {
      const close = leafEnd(name, past);
      if (close < 0) return undefined;
      const nameEnd = close + 2 + name.length;
      const after = skipToGt(nameEnd);
      if (after < 0) return undefined;
      if (build) siblings.push(new ScanNode(name, NONE, tagAttrs, close > past ? text.slice(past, close) : undefined));
      i = after;
    } else {
      if (names.length >= MAX_DEPTH) return undefined;
      const children: ScanNode[] = [];
      if (build) siblings.push(new ScanNode(name, children, tagAttrs, undefined));
      names.push(name);
      kids.push(children);
      siblings = children;
      i = past;
    }
  }
  if (names.length > 0) return undefined;
  return build ? top : true;
}


/**
 * The text of a leaf's mixed content that scanTmxRun accepted (so its markup is well-formed and
 * in the subset): text decoded by `decode`, piece by piece as fast-xml-parser's text nodes are;
 * the content of elements for which `dropped` holds (inline codes) left out, that of the others
 * kept. `markup.found` is set when any element is met. What tmx-import.ts gets by parsing the
 * content again with fast-xml-parser, without the parse.
 */
export function flattenScanned(raw: string, decode: (text: string) => string, dropped: (name: string) => boolean, markup: { found: boolean }): string {
  let out = '';
  let skipping = 0; // depth inside a dropped element
  let i = 0;
  while (i < raw.length) {
    const lt = raw.indexOf('<', i);
    const textEnd = lt < 0 ? raw.length : lt;
    if (skipping === 0 && textEnd > i) out += decode(raw.slice(i, textEnd));
    if (lt < 0) break;
    if (raw.charCodeAt(lt + 1) === SLASH) {
      if (skipping > 0) skipping--;
      i = raw.indexOf('>', lt) + 1;
      continue;
    }
    markup.found = true;
    let j = lt + 1;
    while (isNameChar(raw.charCodeAt(j))) j++;
    const name = raw.slice(lt + 1, j);
    // The tag's end: past quoted values, which may hold ">".
    let quote = 0;
    for (; j < raw.length; j++) {
      const c = raw.charCodeAt(j);
      if (quote !== 0) {
        if (c === quote) quote = 0;
      } else if (c === DQUOTE || c === SQUOTE) quote = c;
      else if (c === GT) break;
    }
    const selfClosing = raw.charCodeAt(j - 1) === SLASH;
    if (!selfClosing && (skipping > 0 || dropped(name))) skipping++;
    i = j + 1;
  }
  return out;
}
