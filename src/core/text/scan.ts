/**
 * Bounded character scans for segmentation, and the count of characters they examine.
 *
 * A global regular expression searched from `lastIndex` runs on past the end of the line to the
 * next match anywhere in the text: a text with few quotation marks was read again for every line
 * (issue 13). These scans stop at the line's end. `scanWork` counts the characters the line passes
 * examine so that a test can assert linear work without timing anything.
 */

/** Characters examined by the segmentation passes since the last reset (a work measure for tests). */
export const scanWork = { chars: 0 };

/** A lookup table over UTF-16 code units: 1 for the units of `chars`. */
export function charTable(chars: string): Uint8Array {
  const table = new Uint8Array(65536);
  for (let i = 0; i < chars.length; i++) table[chars.charCodeAt(i)] = 1;
  return table;
}

/** The first offset in [from, end) whose code unit is in `table`, or `end`. Counts what it examines. */
export function findIn(text: string, from: number, end: number, table: Uint8Array): number {
  let i = from;
  while (i < end && table[text.charCodeAt(i)] !== 1) i++;
  scanWork.chars += Math.min(i + 1, end) - from;
  return i;
}
