/**
 * Line pass: every line break is a sentence boundary (titles, captions, list lines and
 * paragraphs all end there), so the rest of the pipeline only ever sees one line at a time.
 * This also bounds the effect of a stray quotation mark to its own line.
 */
import { isWhitespace } from './chars.js';
import { scanWork } from './scan.js';

/** A trimmed, non-empty line as [start, end) offsets into the text. */
export type LineRange = readonly [start: number, end: number];

const LINE_BREAK = /\r\n|[\n\r\u2028\u2029\v\f]/g;

export function lineRanges(text: string): LineRange[] {
  const lines: LineRange[] = [];
  let lineStart = 0;
  LINE_BREAK.lastIndex = 0;
  scanWork.chars += text.length; // one forward search through the whole text
  for (;;) {
    const match = LINE_BREAK.exec(text);
    const lineEnd = match ? match.index : text.length;
    pushTrimmed(text, lineStart, lineEnd, lines);
    if (!match) break;
    lineStart = match.index + match[0].length;
  }
  return lines;
}

function pushTrimmed(text: string, start: number, end: number, out: LineRange[]): void {
  let s = start;
  let e = end;
  while (s < e && isWhitespace(text[s])) s++;
  while (e > s && isWhitespace(text[e - 1])) e--;
  if (e > s) out.push([s, e]);
}
