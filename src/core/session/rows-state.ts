/**
 * The row view's part of the editor state and its geometry: which documents are columns (and
 * in which order), which document leads, where the cursor is (a row, and a sentence of the
 * focused cell), and what a frame shows. Drawing is src/tui/row-view.tsx's job; keys are
 * rows-commands.ts's.
 */
import { sanitizeForTerminal } from '../display/sanitize.js';
import type { Alignment, Group } from '../model/types.js';
import { slotOfGroup } from './group-colors.js';
import { PALETTE_SIZE, paletteSlot } from './selectors.js';
import { fit, scrollToShow, truncate, wrapText, type ScreenLayout } from './layout.js';
import type { MoveLoss, RowMove } from './row-moves.js';
import { cellOf, projectRows, rowGroupOf, type RowOrder, type RowProjection } from './rows.js';
import { warningsOf, type RowWarning } from './rows-warnings.js';
import type { EditorState } from './types.js';

export interface RowViewState {
  /** Row under the cursor. */
  readonly cursor: number;
  /** Sentence of the focused cell under the cursor (0-based position in the cell). */
  readonly sub: number;
  /** First row drawn. */
  readonly top: number;
  /** Documents shown as columns, by id, in column order (the others are hidden). */
  readonly columns: readonly string[];
  /** Focused column: a position in `columns`. */
  readonly focus: number;
  /** First column drawn when not all fit. */
  readonly firstColumn: number;
  /** Leading document id (rows follow it; it breaks cycles of crossing groups). */
  readonly lead: string;
  /** `auto`: `all` unless groups cross a lot (comparable corpora), then `lead`. */
  readonly order: 'auto' | RowOrder;
  /** A move waiting for the user's yes (it would lose a confirmed link, a group or a note). */
  readonly pending?: {
    readonly move: RowMove | { readonly type: 'dissolve'; readonly group: string };
    readonly losses: readonly MoveLoss[];
    /** The alignment the question was about: a yes applies only to it (not to one a finished re-align replaced). */
    readonly base: Alignment;
  };
}

export function initialRowView(documentIds: readonly string[]): RowViewState {
  return { cursor: 0, sub: 0, top: 0, columns: documentIds, focus: 0, firstColumn: 0, lead: documentIds[0] ?? '', order: 'auto' };
}

export const ROW_MIN_COLUMN = 22;
const ROW_MAX_COLUMNS = 6;
/** Crossing groups per group above which `auto` order follows the leading document. */
const AUTO_LEAD_CROSSINGS = 0.1;

/** The row view state, made consistent with the alignment (documents added or removed). */
export function rowViewOf(state: EditorState): RowViewState {
  const view = state.rowView;
  const ids = state.history.present.documents.map((d) => d.id);
  const columns = view.columns.filter((id) => ids.includes(id));
  const fixed = columns.length > 0 ? columns : ids;
  if (fixed.length === view.columns.length && fixed.includes(view.lead)) return view;
  return { ...view, columns: fixed, lead: fixed.includes(view.lead) ? view.lead : fixed[0]!, focus: Math.min(view.focus, fixed.length - 1) };
}

/** The projection the row view shows for this state. */
export function rowProjection(state: EditorState): RowProjection {
  const alignment = state.history.present;
  const view = rowViewOf(state);
  const index = new Map(alignment.documents.map((d, i) => [d.id, i]));
  const docs = view.columns.map((id) => index.get(id)!).filter((d) => d !== undefined);
  const lead = index.get(view.lead) ?? docs[0] ?? 0;
  if (view.order !== 'auto') return projectRows(alignment, { docs, lead, order: view.order });
  const merged = projectRows(alignment, { docs, lead, order: 'all' });
  const live = countLive(alignment.groups);
  return merged.crossings > Math.max(2, live * AUTO_LEAD_CROSSINGS) ? projectRows(alignment, { docs, lead, order: 'lead' }) : merged;
}

/** Sentence counts of translations are close; below this ratio documents are not each other's translations. */
const TRANSLATION_COUNT_RATIO = 0.6;

/**
 * The view to open an alignment in: the row view when it looks like a translation (two
 * documents, or more whose groups never cross, with sentence counts close), the document
 * panes for comparable corpora (independent texts whose groups cross, like the seeds) and
 * for several documents with no groups yet. Cheap: one row projection (cached, and the row
 * view reuses it) and no look at the texts.
 */
export function preferredView(alignment: Alignment): 'rows' | 'panes' {
  const docs = alignment.documents;
  if (docs.length < 2) return 'panes';
  let fewest = Infinity;
  let most = 0;
  for (const d of docs) {
    fewest = Math.min(fewest, d.sentences.length);
    most = Math.max(most, d.sentences.length);
  }
  if (most === 0 || fewest / most < TRANSLATION_COUNT_RATIO) return 'panes';
  const live = countLive(alignment.groups);
  if (live === 0) return docs.length === 2 ? 'rows' : 'panes';
  const { crossings } = projectRows(alignment, { docs: docs.map((_, d) => d), lead: 0, order: 'all' });
  // Two documents: the row view's own rule for following every document's order.
  return crossings <= (docs.length === 2 ? Math.max(2, live * AUTO_LEAD_CROSSINGS) : 0) ? 'rows' : 'panes';
}

const liveCounts = new WeakMap<readonly Group[], number>();
function countLive(groups: readonly Group[]): number {
  let n = liveCounts.get(groups);
  if (n === undefined) {
    n = 0;
    for (const g of groups) if (g.status !== 'rejected') n++;
    liveCounts.set(groups, n);
  }
  return n;
}

/** Document index of the focused column. */
export function focusedDoc(state: EditorState): number {
  const view = rowViewOf(state);
  const id = view.columns[Math.min(view.focus, view.columns.length - 1)];
  return Math.max(0, state.history.present.documents.findIndex((d) => d.id === id));
}

/** The group of the row under the cursor. */
export function rowTargetGroup(state: EditorState): Group | undefined {
  return rowGroupOf(rowProjection(state), state.rowView.cursor);
}

// ---- Geometry ----

export interface RowGeometry {
  /** Cursor mark, status, warning mark, row number, space. */
  readonly prefixWidth: number;
  /** Score / 1:0 / warning label column at the right (0 when narrow). */
  readonly noteWidth: number;
  /** Positions in `columns` drawn, left to right, and their widths (separator included). */
  readonly shown: readonly number[];
  readonly widths: readonly number[];
  /** Rows of row content (after the two header rows, before the detail lines). */
  readonly bodyHeight: number;
  readonly detail: readonly string[];
}

function digits(n: number): number {
  return String(Math.max(1, n)).length;
}

/** Which columns fit, starting from `first` and keeping `focus` visible. */
export function visibleColumns(count: number, focus: number, first: number, fits: number): { first: number; shown: number[] } {
  const n = Math.max(1, Math.min(count, fits));
  let start = Math.min(Math.max(0, first), Math.max(0, count - n));
  if (focus < start) start = focus;
  if (focus >= start + n) start = focus - n + 1;
  return { first: start, shown: Array.from({ length: n }, (_, i) => start + i) };
}

export function rowGeometry(state: EditorState, layout: ScreenLayout, projection: RowProjection = rowProjection(state)): RowGeometry {
  const view = rowViewOf(state);
  const prefixWidth = 4 + digits(projection.length) + 1;
  const noteWidth = layout.columns >= 110 ? 16 : 0;
  const room = layout.columns - prefixWidth - noteWidth;
  const fits = Math.min(ROW_MAX_COLUMNS, Math.max(1, Math.floor(room / ROW_MIN_COLUMN)));
  const { shown } = visibleColumns(view.columns.length, view.focus, view.firstColumn, fits);
  const base = Math.floor(room / shown.length);
  const widths = shown.map((_, i) => (i === shown.length - 1 ? room - base * (shown.length - 1) : base));
  const detail = detailLines(state, projection, layout.columns);
  // The panes' two header rows are the row view's header and column titles.
  const bodyHeight = Math.max(1, layout.bodyHeight - detail.length);
  return { prefixWidth, noteWidth, shown, widths, bodyHeight, detail };
}

/** Text width inside a column (its separator excluded). */
export function cellTextWidth(width: number): number {
  return Math.max(4, width - 2);
}

/** The sentences' text of a cell: each sentence starts a line, wrapped to `width`. */
export function cellLines(state: EditorState, d: number, sentences: readonly number[], width: number): { lines: string[]; starts: number[] } {
  const doc = state.history.present.documents[d]!;
  const text = state.texts.get(doc.id) ?? '';
  const lines: string[] = [];
  const starts: number[] = [];
  for (const s of sentences) {
    const span = doc.sentences[s];
    starts.push(lines.length);
    lines.push(...wrapText(span ? text.slice(span[0], span[1]) : '', width));
  }
  return { lines, starts };
}

export function rowHeight(state: EditorState, projection: RowProjection, geometry: RowGeometry, r: number): number {
  const view = rowViewOf(state);
  const index = documentIndex(state);
  let h = 1;
  geometry.shown.forEach((c, i) => {
    const d = index.get(view.columns[c]!);
    if (d === undefined) return;
    const cell = cellOf(projection, r, d);
    if (cell.length > 0) h = Math.max(h, cellLines(state, d, cell, cellTextWidth(geometry.widths[i]!)).lines.length);
  });
  // The right column shows the status line and the first warning.
  const group = rowGroupOf(projection, r);
  if (group && geometry.noteWidth > 0 && warningsOf(state.history.present, state.texts, group, state.checkRules).length > 0) h = Math.max(h, 2);
  return h;
}

function documentIndex(state: EditorState): Map<string, number> {
  return new Map(state.history.present.documents.map((d, i) => [d.id, i]));
}

/** The detail lines under the rows: the cursor row's group, status, score, note in full and its warnings. */
function detailLines(state: EditorState, projection: RowProjection, width: number): string[] {
  const r = state.rowView.cursor;
  const group = rowGroupOf(projection, r);
  // A summary line always (so the body keeps its height as the cursor moves): the group, its
  // status mark, score and shape, or the 1:0 row's document and sentence number.
  if (!group) {
    const d = projection.rowDoc[r];
    const doc = d === undefined ? undefined : state.history.present.documents[d];
    return [doc ? sanitizeForTerminal(`— 1:0 · ${doc.id} ${projection.rowSentence[r]! + 1}`) : ''];
  }
  const shape = group.members.filter((m) => m.sentences.length > 0).map((m) => `${m.doc} ${m.sentences.map((x) => x + 1).join(',')}`).join(' · ');
  const lines: string[] = [truncate(sanitizeForTerminal(`${group.id} ${ROW_STATUS_MARK[group.status === 'confirmed' ? 'confirmed' : 'suggested']}${group.score !== undefined ? ` ${group.score.toFixed(2)}` : ''} · ${shape}`), width - 1)];
  if (group.note) lines.push(...wrapText(`✎ ${group.note}`, width - 1));
  for (const w of warningsOf(state.history.present, state.texts, group, state.checkRules)) lines.push(...wrapText(`! ${w.message}`, width - 1));
  // At most a third of the screen; the rest is cut with an ellipsis.
  const max = Math.max(2, Math.floor(state.size.rows / 3));
  if (lines.length > max) {
    lines.length = max;
    lines[max - 1] = truncate(`${lines[max - 1]!}…`, width - 1);
  }
  return lines;
}

/** Keeps the cursor row on screen and its sentence index inside its cell. */
export function normalizeRows(state: EditorState, layout: ScreenLayout): EditorState {
  const view = rowViewOf(state);
  const projection = rowProjection(state);
  const cursor = Math.min(Math.max(0, view.cursor), Math.max(0, projection.length - 1));
  const cell = cellOf(projection, cursor, focusedDoc({ ...state, rowView: view }));
  const sub = Math.min(Math.max(0, view.sub), Math.max(0, cell.length - 1));
  let next: EditorState = { ...state, rowView: { ...view, cursor, sub } };
  const geometry = rowGeometry(next, layout, projection);
  const fits = geometry.shown.length;
  const { first } = visibleColumns(view.columns.length, view.focus, view.firstColumn, fits);
  let top = Math.min(view.top, cursor);
  if (projection.length > 0) {
    const far = cursor - top >= geometry.bodyHeight;
    top = scrollToShow(far ? cursor - geometry.bodyHeight + 1 : top, cursor, geometry.bodyHeight, (r) => rowHeight(next, projection, geometry, r));
  }
  if (top === view.top && first === view.firstColumn && cursor === view.cursor && sub === view.sub && view === state.rowView) return state;
  next = { ...next, rowView: { ...next.rowView, top, firstColumn: first } };
  return next;
}

// ---- View model ----

export interface RowLine {
  readonly key: string;
  /** Prefix, cells and right column as plain (already safe) text, each exactly its width. */
  readonly prefix: string;
  readonly cells: readonly string[];
  readonly note: string;
  readonly status: 'confirmed' | 'suggested' | 'none';
  readonly groupId?: string;
  /** The group's colour slot, as in the panes and the groups table (neighbouring groups differ). */
  readonly groupSlot?: number;
  readonly cursor: boolean;
  /** Per cell: whether this line belongs to the sentence under the cursor (focused cell only). */
  readonly highlight: readonly boolean[];
  readonly warning: boolean;
  /** The rule of the first warning, on the row's second line (translated by the view as `rowWarn.<rule>`). */
  readonly warningRule?: string;
}

export interface RowsFrame {
  readonly titles: readonly string[];
  readonly prefixWidth: number;
  readonly noteWidth: number;
  readonly widths: readonly number[];
  /** Index in `titles` of the focused column, -1 when it is scrolled away. */
  readonly focused: number;
  readonly lines: readonly RowLine[];
  readonly detail: readonly string[];
  readonly bodyHeight: number;
}

export interface RowsFrameText {
  /** Documents not shown as columns. */
  readonly hidden: readonly string[];
  readonly scrolledLeft: number;
  readonly scrolledRight: number;
  readonly confirmed: number;
  readonly total: number;
  readonly order: RowOrder;
  readonly lead: string;
  readonly position: number;
  readonly rows: number;
}

export const ROW_STATUS_MARK = { confirmed: '✓', suggested: '?', none: ' ' } as const;

/** What the row view draws: header facts, column titles and the body lines that fit. */
export function rowsFrame(state: EditorState, layout: ScreenLayout): { frame: RowsFrame; facts: RowsFrameText } {
  const alignment = state.history.present;
  const view = rowViewOf(state);
  const projection = rowProjection(state);
  const geometry = rowGeometry(state, layout, projection);
  const index = documentIndex(state);
  const focusDoc = focusedDoc(state);
  const numberWidth = digits(projection.length);
  const lines: RowLine[] = [];
  for (let r = view.top; r < projection.length && lines.length < geometry.bodyHeight; r++) {
    const group = rowGroupOf(projection, r);
    const warnings = group ? warningsOf(alignment, state.texts, group, state.checkRules) : [];
    const isCursor = r === view.cursor;
    const cells = geometry.shown.map((c, i) => {
      const d = index.get(view.columns[c]!)!;
      const sentences = cellOf(projection, r, d);
      const width = cellTextWidth(geometry.widths[i]!);
      const { lines: text, starts } = cellLines(state, d, sentences, width);
      const highlighted = new Set<number>();
      if (isCursor && d === focusDoc && sentences.length > 0) {
        const from = starts[view.sub] ?? 0;
        const to = starts[view.sub + 1] ?? text.length;
        for (let k = from; k < to; k++) highlighted.add(k);
      }
      return { text: sentences.length === 0 ? (group ? [] : ['—']) : text, highlighted };
    });
    let height = cells.reduce((h, c) => Math.max(h, c.text.length), 1);
    if (warnings.length > 0 && geometry.noteWidth > 0) height = Math.max(height, 2);
    const status = group ? (group.status === 'confirmed' ? 'confirmed' : 'suggested') : 'none';
    const kind = group ? `${group.members.filter((m) => m.sentences.length > 0).map((m) => m.sentences.length).join(':')}` : '1:0';
    for (let n = 0; n < height && lines.length < geometry.bodyHeight; n++) {
      const prefix =
        n === 0
          ? `${isCursor ? '▸' : ' '}${ROW_STATUS_MARK[status]}${warnings.length > 0 ? '!' : ' '} ${String(r + 1).padStart(numberWidth)} `
          : ' '.repeat(geometry.prefixWidth);
      const note =
        geometry.noteWidth === 0
          ? ''
          : n === 0
            ? ` ${group?.score !== undefined ? `${group.score.toFixed(2)} ` : ''}${kind}`
            : '';
      lines.push({
        key: `${r}:${n}`,
        prefix: fit(prefix, geometry.prefixWidth),
        cells: cells.map((c, i) => fit(` ${c.text[n] ?? ''}`, geometry.widths[i]! - 1)),
        note: fit(note, geometry.noteWidth),
        status,
        ...(group ? { groupId: group.id, groupSlot: slotOfGroup(alignment, group, PALETTE_SIZE) ?? paletteSlot(group.id, PALETTE_SIZE) } : {}),
        cursor: isCursor,
        highlight: cells.map((c) => c.highlighted.has(n)),
        warning: n === 1 && warnings.length > 0,
        ...(n === 1 && warnings.length > 0 ? { warningRule: warnings[0]!.rule } : {}),
      });
    }
  }
  const titles = geometry.shown.map((c, i) => {
    const doc = alignment.documents[index.get(view.columns[c]!)!]!;
    const lead = doc.id === alignment.documents[projection.lead]?.id ? '◆ ' : '';
    return fit(sanitizeForTerminal(` ${lead}${doc.id} · ${doc.lang}`), geometry.widths[i]! - 1);
  });
  let confirmed = 0;
  for (const g of alignment.groups) if (g.status === 'confirmed') confirmed++;
  const hidden = alignment.documents.map((d) => d.id).filter((id) => !view.columns.includes(id)).map(sanitizeForTerminal);
  const firstShown = geometry.shown[0] ?? 0;
  const lastShown = geometry.shown[geometry.shown.length - 1] ?? 0;
  return {
    frame: {
      titles,
      prefixWidth: geometry.prefixWidth,
      noteWidth: geometry.noteWidth,
      widths: geometry.widths,
      focused: geometry.shown.indexOf(view.focus),
      lines,
      detail: geometry.detail,
      bodyHeight: geometry.bodyHeight,
    },
    facts: {
      hidden,
      scrolledLeft: firstShown,
      scrolledRight: view.columns.length - 1 - lastShown,
      confirmed,
      total: countLive(alignment.groups),
      order: projection.order,
      lead: sanitizeForTerminal(alignment.documents[projection.lead]?.id ?? ''),
      position: projection.length === 0 ? 0 : view.cursor + 1,
      rows: projection.length,
    },
  };
}

