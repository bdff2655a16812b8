/**
 * Line/column of a JSON path in a (valid) JSON text, without building a syntax tree.
 * jsonc-parser's tree takes seconds and gigabytes on a 50 MB alignment file; this scanner
 * indexes the elements of the top-level arrays once (one linear pass, only when a finding
 * needs a position) and walks from there, which keeps locating 100k findings linear.
 * Objects and arrays are skipped whole by one regular expression (native code) rather than
 * a loop over their characters, with character loops as the fallback.
 * Convention: a value inside an object points at its property key; a path that does not
 * exist points at its nearest existing parent.
 */
import type { JsonPath, Position } from './parse.js';

const QUOTE = 34;
const BACKSLASH = 92;

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9;
}

function skipSpace(text: string, i: number): number {
  while (i < text.length && isSpace(text.charCodeAt(i))) i++;
  return i;
}

/** Offset just after the string starting at `i` (which holds a quote). */
function skipString(text: string, i: number): number {
  let j = i;
  for (;;) {
    j = text.indexOf('"', j + 1);
    if (j < 0) return text.length;
    let backslashes = 0;
    for (let k = j - 1; text.charCodeAt(k) === BACKSLASH; k--) backslashes++;
    if (backslashes % 2 === 0) return j + 1;
  }
}

/**
 * An object or array nested at most CONTAINER_DEPTH deep, with its strings, as a sticky
 * pattern: one native match per container is several times faster than a JavaScript loop over
 * its characters. Each level is written `flat (token flat)*`, where a token starts with a
 * character `flat` cannot match, so a failing match backtracks in linear time.
 */
const CONTAINER_DEPTH = 6;
const CONTAINER = (() => {
  const flat = String.raw`[^"[\]{}]*`;
  const string = String.raw`"[^"\\]*(?:\\[^][^"\\]*)*"`;
  let inner = `${flat}(?:${string}${flat})*`;
  for (let d = 1; d < CONTAINER_DEPTH; d++) inner = `${flat}(?:(?:${string}|[[{]${inner}[\\]}])${flat})*`;
  return new RegExp(`[[{]${inner}[\\]}]`, 'y');
})();

/** Offset just after the object or array starting at `i`, by its characters (any depth). */
function skipContainerByCharacters(text: string, i: number): number {
  let depth = 0;
  let j = i;
  while (j < text.length) {
    const d = text.charCodeAt(j);
    if (d === QUOTE) {
      j = skipString(text, j);
      continue;
    }
    if (d === 123 || d === 91) depth++;
    else if (d === 125 || d === 93) {
      depth--;
      if (depth === 0) return j + 1;
    }
    j++;
  }
  return j;
}

/** Offset just after the object or array starting at `i`, skipping its children one by one. */
function skipContainerByChildren(text: string, i: number): number {
  const isObject = text.charCodeAt(i) === 123;
  let j = skipSpace(text, i + 1);
  if (text.charCodeAt(j) === 125 || text.charCodeAt(j) === 93) return j + 1;
  for (;;) {
    if (isObject) j = skipSpace(text, skipSpace(text, skipString(text, j)) + 1); // the key and its colon
    j = skipSpace(text, skipValue(text, j));
    if (text.charCodeAt(j) !== 44) return j + 1;
    j = skipSpace(text, j + 1);
  }
}

/** Offset just after the object or array starting at `i`. */
function skipContainer(text: string, i: number): number {
  CONTAINER.lastIndex = i;
  try {
    if (CONTAINER.test(text)) return CONTAINER.lastIndex;
  } catch {
    // A container of millions of tokens overflows the pattern's backtracking stack: take its
    // children one at a time (each of them small enough again, or split the same way).
    return skipContainerByChildren(text, i);
  }
  return skipContainerByCharacters(text, i); // nested deeper than the pattern
}

/** Offset just after the value starting at `i`. */
function skipValue(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c === QUOTE) return skipString(text, i);
  if (c === 123 || c === 91) return skipContainer(text, i);
  let j = i;
  while (j < text.length) {
    const d = text.charCodeAt(j);
    if (d === 44 || d === 93 || d === 125 || isSpace(d)) break;
    j++;
  }
  return j;
}

/** Whether the key string at [from, to) (quotes included) is `name`; only escaped keys are parsed. */
function keyIs(text: string, from: number, to: number, name: string): boolean {
  const raw = text.slice(from + 1, to - 1);
  return raw.includes('\\') ? JSON.parse(text.slice(from, to)) === name : raw === name;
}

/** The child of the object or array starting at `i` named by `part`: its key offset (or -1) and value offset. */
function child(text: string, i: number, part: string | number): { keyAt: number; valueAt: number } | undefined {
  const isObject = text.charCodeAt(i) === 123;
  if (isObject !== (typeof part === 'string')) return undefined;
  let j = skipSpace(text, i + 1);
  if (text.charCodeAt(j) === 125 || text.charCodeAt(j) === 93) return undefined;
  for (let n = 0; ; n++) {
    let keyAt = -1;
    let matches = n === part;
    if (isObject) {
      keyAt = j;
      const end = skipString(text, j);
      matches = keyIs(text, keyAt, end, part as string);
      j = skipSpace(text, skipSpace(text, end) + 1); // past the colon
    }
    if (matches) return { keyAt, valueAt: j };
    j = skipSpace(text, skipValue(text, j));
    if (text.charCodeAt(j) !== 44) return undefined;
    j = skipSpace(text, j + 1);
  }
}

/** Maps offsets to 1-based line/column; line starts found with indexOf, which is much faster than a character loop on big files. */
export function lineLocator(text: string): (offset: number) => Position {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - starts[lo]! + 1 };
  };
}

/** Offsets of the elements of the array starting at `i`, and the offset after it (a plain loop: this runs over every group). */
function arrayElements(text: string, i: number): { elements: number[]; end: number } {
  const elements: number[] = [];
  let j = skipSpace(text, i + 1);
  if (text.charCodeAt(j) === 93) return { elements, end: j + 1 };
  for (;;) {
    elements.push(j);
    j = skipSpace(text, skipValue(text, j));
    if (text.charCodeAt(j) !== 44) return { elements, end: j + 1 };
    j = skipSpace(text, j + 1);
  }
}

export function fastLocator(text: string): (path: JsonPath) => Position {
  let toPosition: ((offset: number) => Position) | undefined;
  // Top-level key → [key offset, value offset, element offsets when an array].
  let top: Map<string, { keyAt: number; valueAt: number; elements?: number[] }> | undefined;
  const index = () => {
    top = new Map();
    // The root object's members, each value skipped once (arrays are indexed while skipped).
    let j = skipSpace(text, skipSpace(text, 0) + 1);
    while (text.charCodeAt(j) === QUOTE) {
      const keyAt = j;
      const keyEnd = skipString(text, j);
      const key = JSON.parse(text.slice(keyAt, keyEnd)) as string;
      const valueAt = skipSpace(text, skipSpace(text, keyEnd) + 1);
      let end: number;
      if (text.charCodeAt(valueAt) === 91) {
        const array = arrayElements(text, valueAt);
        top.set(key, { keyAt, valueAt, elements: array.elements });
        end = array.end;
      } else {
        top.set(key, { keyAt, valueAt });
        end = skipValue(text, valueAt);
      }
      j = skipSpace(text, end);
      if (text.charCodeAt(j) !== 44) break;
      j = skipSpace(text, j + 1);
    }
    return top;
  };
  return (path) => {
    toPosition ??= lineLocator(text);
    const root = skipSpace(text, 0);
    let at = root; // offset of the value reached so far
    let pointAt = root; // what to report: the key for object members
    let k = 0;
    const first = path[0];
    if (text.charCodeAt(root) === 123 && typeof first === 'string') {
      // The root object's members and the elements of its arrays come from the index.
      const entry = (top ?? index()).get(first);
      if (!entry) return toPosition(root);
      at = entry.valueAt;
      pointAt = entry.keyAt;
      k = 1;
      const second = path[1];
      if (entry.elements && typeof second === 'number') {
        const element = entry.elements[second];
        if (element === undefined) return toPosition(pointAt);
        at = pointAt = element;
        k = 2;
      }
    }
    for (; k < path.length; k++) {
      const c = text.charCodeAt(at);
      if (c !== 123 && c !== 91) break;
      const found = child(text, at, path[k]!);
      if (!found) break;
      at = found.valueAt;
      pointAt = found.keyAt >= 0 ? found.keyAt : found.valueAt;
    }
    return toPosition(pointAt);
  };
}
