/**
 * Screen geometry and text wrapping for the workbench. Wrapping is done here, not by Ink,
 * so the reducer knows how many rows each sentence takes (for scrolling) and the view
 * draws exactly the rows that fit: cost depends on the window, not on document length.
 */
import stringWidth from 'string-width';
import wrapAnsi from 'wrap-ansi';
import { sanitizeForTerminal } from '../display/sanitize.js';
import type { TerminalSize } from './types.js';

export const MIN_PANE_WIDTH = 24;
export const MAX_PANES = 6;
export const MIN_PANES = 2;
export const MIN_ROWS = 12;
/** Rows above the pane bodies (header, title) and below (status, hints), plus one free row. */
export const HEADER_ROWS = 2;
export const FOOTER_ROWS = 2;
export const FREE_ROWS = 1;
/** Cursor, mark and bookmark columns before the sentence number. */
export const GUTTER_MARKS = 3;
/** A group row in the groups view shows at most this many lines per document. */
export const GROUP_ROW_MAX_LINES = 4;
export const GROUP_ROW_PREFIX = 14;

export interface ScreenLayout {
  readonly tooSmall: boolean;
  readonly columns: number;
  readonly rows: number;
  /** How many document panes fit side by side. */
  readonly paneCount: number;
  /** Width of each visible pane, separator included (all but the last end with one). */
  readonly paneWidths: readonly number[];
  /** Rows available to pane bodies and to the group table. */
  readonly bodyHeight: number;
  readonly minColumns: number;
  readonly minRows: number;
}

export function screenLayout(size: TerminalSize, documentCount: number): ScreenLayout {
  // The last column stays empty: a full-width line leaves some terminals in a pending-wrap
  // state that shifts the next partial redraw.
  const columns = Math.max(1, size.columns - 1);
  const wanted = Math.max(1, Math.min(MAX_PANES, documentCount));
  const minPanes = Math.min(MIN_PANES, wanted);
  const minColumns = minPanes * MIN_PANE_WIDTH + 1;
  const minRows = MIN_ROWS;
  const fit = Math.max(minPanes, Math.min(wanted, Math.floor(columns / MIN_PANE_WIDTH)));
  const base = Math.floor(columns / fit);
  const paneWidths = Array.from({ length: fit }, (_, i) => (i === fit - 1 ? columns - base * (fit - 1) : base));
  return {
    tooSmall: size.columns < minColumns || size.rows < minRows,
    columns,
    rows: size.rows,
    paneCount: fit,
    paneWidths,
    bodyHeight: Math.max(1, size.rows - HEADER_ROWS - FOOTER_ROWS - FREE_ROWS),
    minColumns,
    minRows,
  };
}

/** First visible pane so that `focus` is shown, moving the window as little as possible. */
export function firstPaneFor(focus: number, previousFirst: number, paneCount: number, documentCount: number): number {
  let first = Math.min(previousFirst, Math.max(0, documentCount - paneCount));
  if (focus < first) first = focus;
  if (focus >= first + paneCount) first = focus - paneCount + 1;
  return Math.max(0, first);
}

export function digits(n: number): number {
  return String(Math.max(1, n)).length;
}

/** Columns taken before a sentence's text: marks, number, space. */
export function gutterWidth(sentenceCount: number): number {
  return GUTTER_MARKS + digits(sentenceCount) + 1;
}

/** Width left for sentence text in a pane of `paneWidth` columns (separator included). */
export function textWidth(paneWidth: number, sentenceCount: number, last: boolean): number {
  return Math.max(4, paneWidth - (last ? 0 : 1) - gutterWidth(sentenceCount));
}

// Wrapped lines by width, then by text. Bounded: a long scroll session must not grow memory.
const wrapCache = new Map<number, Map<string, readonly string[]>>();
const WRAP_CACHE_LIMIT = 50_000;

/** Text made safe for the terminal and wrapped to `width` columns (long words are cut). */
export function wrapText(text: string, width: number): readonly string[] {
  let byText = wrapCache.get(width);
  if (!byText) {
    if (wrapCache.size > 8) wrapCache.clear();
    wrapCache.set(width, (byText = new Map()));
  }
  const cached = byText.get(text);
  if (cached) return cached;
  if (byText.size > WRAP_CACHE_LIMIT) byText.clear();
  const safe = sanitizeForTerminal(text);
  const lines = safe.trim() === '' ? [''] : wrapLines(safe, width);
  byText.set(text, lines);
  return lines;
}

/**
 * Characters that are one column wide for string-width (no zero-width format or combining
 * characters such as U+00AD or U+0483), and no escape codes: text made only of these is
 * wrapped by wrapNarrow, which is wrap-ansi with width as length (measuring every word with
 * string-width made paging into new text cost several ms a page).
 */
const WRAP_NARROW = /^[\u0020-\u007e\u00a0-\u00ac\u00ae-\u02ff\u0370-\u03ff\u0400-\u0482\u048a-\u04ff\u2010-\u2027\u2030-\u205e\u2190-\u21ff\u2400-\u2426\u2500-\u25ff\u2660-\u2667\ue000]*$/;

/** wrap-ansi's lines with { hard: true, trim: true }, without measuring narrow text. */
export function wrapLines(text: string, width: number): string[] {
  const normalized = text.normalize();
  if (!WRAP_NARROW.test(normalized.replaceAll('\n', ' ').replaceAll('\r', ' ')) || normalized.includes('\r')) {
    return wrapAnsi(text, width, { hard: true, trim: true }).split('\n');
  }
  return normalized.split('\n').flatMap((line) => wrapNarrow(line, width));
}

/** wrap-ansi 9's exec (hard, trim) for one line of narrow text: every character is one column. */
function wrapNarrow(line: string, columns: number): string[] {
  if (line.trim() === '') return [''];
  const rows = [''];
  for (const [index, word] of line.split(' ').entries()) {
    rows[rows.length - 1] = rows[rows.length - 1]!.trimStart();
    let rowLength = rows[rows.length - 1]!.length;
    if (index !== 0 && rowLength > 0) {
      rows[rows.length - 1] += ' ';
      rowLength++;
    }
    if (word.length > columns) {
      // A word longer than the line is cut, starting on this row when that saves a break.
      const remaining = columns - rowLength;
      const breaksStartingThisLine = 1 + Math.floor((word.length - remaining - 1) / columns);
      const breaksStartingNextLine = Math.floor((word.length - 1) / columns);
      if (breaksStartingNextLine < breaksStartingThisLine) rows.push('');
      let visible = rows[rows.length - 1]!.length;
      for (let i = 0; i < word.length; i++) {
        const ch = word[i]!;
        if (visible + 1 <= columns) rows[rows.length - 1] += ch;
        else {
          rows.push(ch);
          visible = 0;
        }
        visible++;
        if (visible === columns && i < word.length - 1) {
          rows.push('');
          visible = 0;
        }
      }
      continue;
    }
    if (rowLength + word.length > columns && rowLength > 0 && word.length > 0) rows.push('');
    rows[rows.length - 1] += word;
  }
  return rows.map((row) => trimSpacesRight(row));
}

/** wrap-ansi's stringVisibleTrimSpacesRight for narrow text. */
function trimSpacesRight(row: string): string {
  const words = row.split(' ');
  let last = words.length;
  while (last > 0 && words[last - 1]!.length === 0) last--;
  return last === words.length ? row : words.slice(0, last).join(' ') + words.slice(last).join('');
}

// Characters one column wide each (ASCII, Latin, punctuation, arrows, box drawing, geometric
// shapes, control pictures): for text made only of these, width is length, and the frame is
// built without measuring every character.
const NARROW = /^[\u0020-\u007e\u00a0-\u02ff\u0370-\u03ff\u0400-\u04ff\u2010-\u205e\u2190-\u21ff\u2400-\u2426\u2500-\u25ff\u2660-\u2667\ue000]*$/;

export function displayWidth(text: string): number {
  return NARROW.test(text) ? text.length : stringWidth(text);
}

/** Cuts (already safe) text to `width` columns, ending with an ellipsis when cut. */
export function truncate(text: string, width: number): string {
  if (width <= 0) return '';
  if (NARROW.test(text)) return text.length <= width ? text : `${text.slice(0, width - 1)}…`;
  if (stringWidth(text) <= width) return text;
  let out = '';
  let used = 0;
  for (const ch of text) {
    const w = stringWidth(ch);
    if (used + w > width - 1) break;
    out += ch;
    used += w;
  }
  return `${out}…`;
}

/** Pads (already safe) text with spaces to exactly `width` columns, truncating if longer. */
export function fit(text: string, width: number): string {
  const cut = truncate(text, width);
  return cut + ' '.repeat(Math.max(0, width - displayWidth(cut)));
}

/**
 * The `top` that keeps item `cursor` fully visible in `height` rows, moving as little as
 * possible from `top`. `heightOf(i)` gives item i's rows. With `center`, an item that is
 * off screen is placed a third of the way down instead (used when jumping).
 */
export function scrollToShow(
  top: number,
  cursor: number,
  height: number,
  heightOf: (i: number) => number,
  center = false,
): number {
  if (cursor < top) return center ? backUp(cursor, Math.floor(height / 3), heightOf) : cursor;
  let used = 0;
  for (let i = top; i <= cursor; i++) {
    used += heightOf(i);
    if (used > height) break;
  }
  if (used <= height) return top;
  if (center) return backUp(cursor, Math.floor(height / 3), heightOf);
  // Put the cursor item at the bottom: walk back while the items still fit.
  let first = cursor;
  let rows = heightOf(cursor);
  while (first > 0 && rows + heightOf(first - 1) <= height) {
    first--;
    rows += heightOf(first);
  }
  return first;
}

function backUp(cursor: number, rowsAbove: number, heightOf: (i: number) => number): number {
  let first = cursor;
  let rows = 0;
  while (first > 0 && rows + heightOf(first - 1) <= rowsAbove) {
    first--;
    rows += heightOf(first);
  }
  return first;
}
