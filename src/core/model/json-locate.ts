/**
 * Line/column of a JSON path in a (valid) JSON text, without building a syntax tree.
 * jsonc-parser's tree takes seconds and gigabytes on a 50 MB alignment file; this scanner
 * indexes the elements of the top-level arrays once (one linear pass, only when a finding
 * needs a position) and walks from there, which keeps locating 100k findings linear.
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

/** Offset just after the value starting at `i`. */
function skipValue(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c === QUOTE) return skipString(text, i);
  if (c === 123 || c === 91) {
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
  let j = i;
  while (j < text.length) {
    const d = text.charCodeAt(j);
    if (d === 44 || d === 93 || d === 125 || isSpace(d)) break;
    j++;
  }
  return j;
}

/** Children of the object or array starting at `i`: [key offset or -1, value offset, key]. */
function* children(text: string, i: number): Generator<{ keyAt: number; valueAt: number; key?: string }> {
  const isObject = text.charCodeAt(i) === 123;
  let j = skipSpace(text, i + 1);
  if (text.charCodeAt(j) === 125 || text.charCodeAt(j) === 93) return;
  for (;;) {
    let keyAt = -1;
    let key: string | undefined;
    if (isObject) {
      keyAt = j;
      const end = skipString(text, j);
      key = JSON.parse(text.slice(j, end)) as string;
      j = skipSpace(text, end);
      j = skipSpace(text, j + 1); // the colon
    }
    yield { keyAt, valueAt: j, ...(key !== undefined ? { key } : {}) };
    j = skipSpace(text, skipValue(text, j));
    if (text.charCodeAt(j) !== 44) return;
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
    const entries = top ?? index();
    const first = path[0];
    if (typeof first !== 'string') return toPosition(skipSpace(text, 0));
    const entry = entries.get(first);
    if (!entry) return toPosition(skipSpace(text, 0));
    if (path.length === 1) return toPosition(entry.keyAt);
    const second = path[1];
    const start = typeof second === 'number' ? entry.elements?.[second] : undefined;
    if (start === undefined) return toPosition(entry.keyAt);
    let at = start; // offset of the value reached so far
    let pointAt = start; // what to report: the key for object members
    for (let k = 2; k < path.length; k++) {
      const part = path[k];
      const c = text.charCodeAt(at);
      if (c !== 123 && c !== 91) break;
      let found: { keyAt: number; valueAt: number } | undefined;
      let n = 0;
      for (const child of children(text, at)) {
        if (typeof part === 'number' ? n === part : child.key === part) {
          found = child;
          break;
        }
        n++;
      }
      if (!found) break;
      at = found.valueAt;
      pointAt = found.keyAt >= 0 ? found.keyAt : found.valueAt;
    }
    return toPosition(pointAt);
  };
}
