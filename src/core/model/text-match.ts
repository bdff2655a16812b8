/**
 * Text identity across the edits that do not change what a sentence says: line endings
 * (git's autocrlf), Unicode normalisation (NFC/NFD) and whitespace (spaces added, removed,
 * lines re-wrapped). Two texts are "the same sentence" when their keys are equal; a key is
 * the NFC text with every whitespace character left out.
 *
 * A document's normalised view keeps, for each code unit of its key, where it came from in
 * the original text, so that a place found in the key (a recorded sentence, the context of
 * a split) is a place in the document.
 */

/** Whitespace left out of keys: \s (which covers NBSP and the Unicode spaces), zero-width space, word joiner, BOM. */
const SKIPPED = /[\s\u200b\u2060\ufeff]/u;
const SKIPPED_ALL = /[\s\u200b\u2060\ufeff]+/gu;
const COMBINING = /\p{M}/u;

/** The comparison key of a text: NFC, whitespace removed. */
export function textKey(text: string): string {
  return text.normalize('NFC').replace(SKIPPED_ALL, '');
}

export interface NormalizedView {
  readonly key: string;
  /** Original offset of the first code unit behind key[i]. */
  readonly from: Int32Array;
  /** Original offset just past the last code unit behind key[i]. */
  readonly to: Int32Array;
}

function isSkipped(code: number, ch: string): boolean {
  if (code === 32 || code === 10 || code === 13 || code === 9) return true;
  return code > 127 && SKIPPED.test(ch);
}

/** The normalised view of a whole document. */
export function normalizedView(text: string): NormalizedView {
  const from = new Int32Array(text.length + 1);
  const to = new Int32Array(text.length + 1);
  // The key is built from slices of the text (runs of characters that are their own NFC)
  // and the few normalised clusters: not one string per character.
  const parts: string[] = [];
  let n = 0;
  let run = 0; // start of the current run of plain characters
  let i = 0;
  const flush = (end: number) => {
    if (end > run) parts.push(text.slice(run, end));
  };
  while (i < text.length) {
    const code = text.charCodeAt(i);
    // Fast path: a character below U+0300 not followed by a combining mark is its own NFC.
    if (code < 0x300) {
      const next = text.charCodeAt(i + 1);
      if (!(next >= 0x300 && COMBINING.test(text[i + 1]!))) {
        if (isSkipped(code, text[i]!)) {
          flush(i);
          run = i + 1;
        } else {
          from[n] = i;
          to[n] = i + 1;
          n++;
        }
        i++;
        continue;
      }
    }
    // A cluster: one code point and the combining marks after it, normalised together.
    flush(i);
    const start = i;
    const cp = text.codePointAt(i)!;
    i += cp > 0xffff ? 2 : 1;
    run = i;
    if (isSkipped(cp, text.slice(start, i))) continue;
    while (i < text.length) {
      const mark = text.codePointAt(i)!;
      const ch = String.fromCodePoint(mark);
      if (!COMBINING.test(ch)) break;
      i += ch.length;
    }
    run = i;
    const nfc = text.slice(start, i).normalize('NFC');
    for (let k = 0; k < nfc.length; k++) {
      from[n] = start;
      to[n] = i;
      n++;
    }
    parts.push(nfc);
  }
  flush(text.length);
  return { key: parts.join(''), from: from.subarray(0, n), to: to.subarray(0, n) };
}

/** Original [start, end) of key[i, i + length). */
export function originalRange(view: NormalizedView, i: number, length: number): [number, number] {
  return [view.from[i]!, view.to[i + length - 1]!];
}

/** Index in the key of the first key unit at or after original offset `at` (key.length when none). */
export function keyIndexAt(view: NormalizedView, at: number): number {
  let lo = 0;
  let hi = view.from.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (view.from[mid]! < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Every index where `needle` occurs in the key, searched first within `window` key units of
 * `near` (the usual case: text moved a little), then everywhere when nothing is found there
 * (while `global.left` allows: each such search reads the whole text). At most `limit` hits.
 */
/** Work done by occurrences(), for complexity tests (characters of key searched). */
export const searchWork = { scanned: 0 };

export function occurrences(view: NormalizedView, needle: string, near: number, window = 20000, limit = 64, global?: { left: number }): number[] {
  if (needle === '') return [];
  // Within [from, to] only: indexOf on a slice (a view of the key, not a copy), so that a
  // text that is not near costs the window, not the rest of the document.
  const search = (from: number, to: number): number[] => {
    const lo = Math.max(0, Math.floor(from));
    const hay = to >= view.key.length ? (lo === 0 ? view.key : view.key.slice(lo)) : view.key.slice(lo, Math.floor(to) + needle.length);
    searchWork.scanned += hay.length;
    const hits: number[] = [];
    let at = hay.indexOf(needle);
    while (at >= 0 && hits.length < limit) {
      hits.push(lo + at);
      at = hay.indexOf(needle, at + 1);
    }
    return hits;
  };
  // Near first (the expected place is usually right), then wider.
  const close = search(near - window / 10, near + window / 10);
  if (close.length > 0) return close;
  const local = search(near - window, near + window);
  if (local.length > 0 || (near - window <= 0 && near + window >= view.key.length)) return local;
  // The whole text, as long as the caller's budget of whole-text searches lasts.
  if (global) {
    if (global.left <= 0) return local;
    global.left--;
  }
  return search(0, view.key.length);
}

/** How many characters of text on each side of a cut an override's context keeps. */
export const OVERRIDE_CONTEXT = 32;

/** The text around offset `at` that identifies a segmentation override's cut: [before, after]. */
export function overrideContext(text: string, at: number): [string, string] {
  return [text.slice(Math.max(0, at - OVERRIDE_CONTEXT), at), text.slice(at, at + OVERRIDE_CONTEXT)];
}

/** The key of the text's [start, end) taken from its view (no new normalisation). */
export function keyOf(view: NormalizedView, start: number, end: number): string {
  return view.key.slice(keyIndexAt(view, start), keyIndexAt(view, end));
}
