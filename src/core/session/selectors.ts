/**
 * Read-only views of the editor state: what the reducer needs to decide (which group is
 * under the cursor, sentence heights) and what the screen shows (pane lines, group rows,
 * counts). Expensive results are cached per alignment object, which is immutable.
 */
import { slotOfGroup } from './group-colors.js';
import { sentenceGroupIndex } from '../model/index-cache.js';
import type { Alignment, DocumentRef, Group } from '../model/types.js';
import { digits, fit, gutterWidth, screenLayout, textWidth, wrapText, GROUP_ROW_MAX_LINES, type ScreenLayout } from './layout.js';
import { rowTargetGroup } from './rows-state.js';
import type { EditorState, GroupFilter } from './types.js';

/** Stand-in for the split caret while wrapping; drawn as a bar by the view. */
export const CARET = '\ue000';

export function present(state: EditorState): Alignment {
  return state.history.present;
}

export function isDirty(state: EditorState): boolean {
  return state.history.present !== state.saved;
}

export function markKey(doc: string, sentence: number): string {
  return `${doc}\u0000${sentence}`;
}

export function layoutOf(state: EditorState): ScreenLayout {
  return screenLayout(state.size, state.history.present.documents.length);
}

export function rawSentence(state: EditorState, doc: DocumentRef, index: number): string {
  const span = doc.sentences[index];
  const text = state.texts.get(doc.id);
  return span && text !== undefined ? text.slice(span[0], span[1]) : '';
}

/** The live group holding a sentence, if any. */
export function groupAt(alignment: Alignment, doc: string, sentence: number): Group | undefined {
  const g = sentenceGroupIndex(alignment).get(doc)?.[sentence];
  return g === undefined || g < 0 ? undefined : alignment.groups[g];
}

/** The marker and id drawn before a grouped sentence: "■g3 " confirmed, "?g3 " suggested. */
export function groupTag(group: Group | undefined): string {
  if (!group) return '';
  return `${group.status === 'confirmed' ? '■' : '?'}${group.id} `;
}

/** A stable palette slot for a group id, so a group keeps its colour across panes and runs. */
export function paletteSlot(groupId: string, size: number): number {
  let h = 0;
  for (let i = 0; i < groupId.length; i++) h = (h * 31 + groupId.charCodeAt(i)) >>> 0;
  return h % size;
}

/** Text column width of the pane of document `d` (in its visible slot, or the first slot). */
export function paneTextWidth(state: EditorState, layout: ScreenLayout, d: number): number {
  const doc = state.history.present.documents[d]!;
  const slot = d - state.firstPane;
  const visible = slot >= 0 && slot < layout.paneCount;
  const width = layout.paneWidths[visible ? slot : 0] ?? layout.columns;
  return textWidth(width, doc.sentences.length, visible && slot === layout.paneCount - 1);
}

/** Wrapped display lines of a sentence (group tag included). */
export function sentenceLines(state: EditorState, d: number, index: number, width: number, caret?: number): readonly string[] {
  const alignment = state.history.present;
  const doc = alignment.documents[d]!;
  let text = rawSentence(state, doc, index);
  if (caret !== undefined) text = text.slice(0, caret) + CARET + text.slice(caret);
  return wrapText(groupTag(groupAt(alignment, doc.id, index)) + text, width);
}

export function sentenceHeight(state: EditorState, d: number, index: number, width: number): number {
  return sentenceLines(state, d, index, width).length;
}

export interface Counts {
  readonly confirmed: number;
  readonly suggested: number;
  readonly rejected: number;
  /** Unaligned sentences per document, in document order. */
  readonly unaligned: readonly number[];
}

const countsCache = new WeakMap<Alignment, Counts>();

export function countsOf(alignment: Alignment): Counts {
  const cached = countsCache.get(alignment);
  if (cached) return cached;
  let confirmed = 0;
  let suggested = 0;
  let rejected = 0;
  for (const g of alignment.groups) {
    if (g.status === 'confirmed') confirmed++;
    else if (g.status === 'suggested') suggested++;
    else rejected++;
  }
  const index = sentenceGroupIndex(alignment);
  const unaligned = alignment.documents.map((doc) => {
    const slots = index.get(doc.id)!;
    let n = 0;
    for (let i = 0; i < slots.length; i++) if (slots[i]! < 0) n++;
    return n;
  });
  const counts = { confirmed, suggested, rejected, unaligned };
  countsCache.set(alignment, counts);
  return counts;
}

const rowsCache = new WeakMap<Alignment, Map<GroupFilter, readonly Group[]>>();

/** Groups shown in the groups view under a filter, in reading order (first member's position). */
export function groupRows(alignment: Alignment, filter: GroupFilter): readonly Group[] {
  let byFilter = rowsCache.get(alignment);
  if (!byFilter) rowsCache.set(alignment, (byFilter = new Map()));
  const cached = byFilter.get(filter);
  if (cached) return cached;
  const order = new Map(alignment.documents.map((d, i) => [d.id, i]));
  const key = (g: Group) => {
    const m = g.members[0];
    return m ? (order.get(m.doc) ?? 0) * 1e9 + (m.sentences[0] ?? 0) : 0;
  };
  const rows = alignment.groups
    .filter((g) => filter === 'all' || g.status === filter)
    .map((g) => ({ g, k: key(g) }))
    .sort((a, b) => a.k - b.k)
    .map((x) => x.g);
  byFilter.set(filter, rows);
  return rows;
}

/** The group the current command applies to: the row in the groups view, else the cursor's. */
export function targetGroup(state: EditorState): Group | undefined {
  const alignment = state.history.present;
  if (state.view === 'groups') return groupRows(alignment, state.groupFilter)[state.groupCursor];
  if (state.view === 'rows') return rowTargetGroup(state);
  const doc = alignment.documents[state.focus];
  const pane = state.panes[state.focus];
  return doc && pane ? groupAt(alignment, doc.id, pane.cursor) : undefined;
}

// ---- View models: plain data the Ink components draw. ----

export interface PaneLine {
  readonly key: string;
  /** Cursor, mark, bookmark and number columns (blank on continuation lines). */
  readonly gutter: string;
  /** The group tag, drawn in the group's colour (first line only). */
  readonly tag: string;
  readonly text: string;
  readonly groupSlot?: number;
  readonly status?: 'confirmed' | 'suggested';
  readonly cursor: boolean;
  readonly partner: boolean;
  readonly marked: boolean;
}

export interface PaneView {
  readonly docIndex: number;
  readonly id: string;
  readonly lang: string;
  readonly title: string;
  readonly sentenceCount: number;
  readonly aligned: number;
  readonly focused: boolean;
  readonly width: number;
  readonly separator: boolean;
  readonly lines: readonly PaneLine[];
}

export const PALETTE_SIZE = 12;

/** The visible panes, each with exactly the lines that fit in the body height. */
export function paneViews(state: EditorState, layout: ScreenLayout = layoutOf(state)): PaneView[] {
  const alignment = state.history.present;
  const counts = countsOf(alignment);
  const focusDoc = alignment.documents[state.focus];
  const focusGroup = focusDoc ? groupAt(alignment, focusDoc.id, state.panes[state.focus]?.cursor ?? 0) : undefined;
  const bookmarks = new Set(alignment.bookmarks.map((b) => markKey(b.doc, b.sentence)));
  const views: PaneView[] = [];
  for (let slot = 0; slot < layout.paneCount; slot++) {
    const d = state.firstPane + slot;
    const doc = alignment.documents[d];
    const pane = state.panes[d];
    if (!doc || !pane) break;
    const last = slot === layout.paneCount - 1 || d === alignment.documents.length - 1;
    const width = layout.paneWidths[slot]!;
    const tw = textWidth(width, doc.sentences.length, last);
    const numberWidth = digits(doc.sentences.length);
    const lines: PaneLine[] = [];
    for (let i = pane.top; i < doc.sentences.length && lines.length < layout.bodyHeight; i++) {
      const group = groupAt(alignment, doc.id, i);
      const isCursor = i === pane.cursor;
      const caret = isCursor && d === state.focus && state.mode === 'split' ? state.splitCaret : undefined;
      const wrapped = sentenceLines(state, d, i, tw, caret);
      const marked = state.marks.has(markKey(doc.id, i));
      const tag = group ? groupTag(group) : '';
      const head = `${isCursor ? '▸' : ' '}${marked ? '*' : ' '}${bookmarks.has(markKey(doc.id, i)) ? '♦' : ' '}${String(i + 1).padStart(numberWidth)} `;
      const blank = ' '.repeat(gutterWidth(doc.sentences.length));
      wrapped.forEach((line, n) => {
        if (lines.length >= layout.bodyHeight) return;
        const hasTag = n === 0 && tag !== '' && line.startsWith(tag.trimEnd());
        lines.push({
          key: `${i}:${n}`,
          gutter: n === 0 ? head : blank,
          tag: hasTag ? line.slice(0, Math.min(tag.length, line.length)) : '',
          text: fit(hasTag ? line.slice(tag.length) : line, tw - (hasTag ? Math.min(tag.length, line.length) : 0)),
          ...(group ? { groupSlot: slotOfGroup(alignment, group, PALETTE_SIZE) ?? paletteSlot(group.id, PALETTE_SIZE), status: group.status === 'confirmed' ? 'confirmed' : 'suggested' } : {}),
          cursor: isCursor,
          partner: !isCursor && focusGroup !== undefined && group === focusGroup,
          marked,
        } as PaneLine);
      });
    }
    views.push({
      docIndex: d,
      id: doc.id,
      lang: doc.lang,
      title: doc.title ?? doc.path,
      sentenceCount: doc.sentences.length,
      aligned: doc.sentences.length - (counts.unaligned[d] ?? 0),
      focused: d === state.focus,
      width,
      separator: !last,
      lines,
    });
  }
  return views;
}

export interface GroupRowView {
  readonly key: string;
  readonly id: string;
  readonly status: Group['status'];
  readonly score?: number;
  readonly note?: string;
  readonly groupSlot: number;
  readonly cursor: boolean;
  /** Per visible document column, the wrapped lines (at most GROUP_ROW_MAX_LINES). */
  readonly cells: readonly (readonly string[])[];
  readonly height: number;
}

export interface GroupTableView {
  readonly columns: readonly { readonly id: string; readonly lang: string; readonly width: number }[];
  readonly prefixWidth: number;
  readonly rows: readonly GroupRowView[];
  readonly total: number;
  readonly position: number;
  /** Document columns off screen to the left and to the right (Tab and Shift-Tab scroll). */
  readonly scrolledLeft: number;
  readonly scrolledRight: number;
}

/** Width of each document column in the groups view. */
export function groupColumnWidths(state: EditorState, layout: ScreenLayout): number[] {
  const n = Math.min(layout.paneCount, state.history.present.documents.length - state.firstPane);
  const available = Math.max(n * 4, layout.columns - 14);
  const base = Math.floor(available / n);
  return Array.from({ length: n }, (_, i) => (i === n - 1 ? available - base * (n - 1) : base));
}

export function groupRowHeight(state: EditorState, group: Group, widths: readonly number[]): number {
  return groupCells(state, group, widths).reduce((h, c) => Math.max(h, c.length), 1);
}

function groupCells(state: EditorState, group: Group, widths: readonly number[]): string[][] {
  const alignment = state.history.present;
  return widths.map((w, slot) => {
    const d = state.firstPane + slot;
    const doc = alignment.documents[d];
    const member = doc ? group.members.find((m) => m.doc === doc.id) : undefined;
    if (!doc || !member) return [];
    const text = member.sentences.map((s) => `${s + 1}. ${rawSentence(state, doc, s)}`).join(' ');
    const lines = wrapText(text, Math.max(1, w - 1)).slice();
    if (lines.length > GROUP_ROW_MAX_LINES) {
      lines.length = GROUP_ROW_MAX_LINES;
      lines[GROUP_ROW_MAX_LINES - 1] = `${lines[GROUP_ROW_MAX_LINES - 1]!.slice(0, Math.max(0, w - 2))}…`;
    }
    return lines;
  });
}

export function groupTable(state: EditorState, layout: ScreenLayout = layoutOf(state)): GroupTableView {
  const alignment = state.history.present;
  const rows = groupRows(alignment, state.groupFilter);
  const widths = groupColumnWidths(state, layout);
  const height = layout.bodyHeight - 1;
  const out: GroupRowView[] = [];
  let used = 0;
  for (let r = state.groupTop; r < rows.length && used < height; r++) {
    const group = rows[r]!;
    const cells = groupCells(state, group, widths);
    const h = Math.min(height - used, cells.reduce((m, c) => Math.max(m, c.length), 1));
    used += h;
    out.push({
      key: group.id,
      id: group.id,
      status: group.status,
      ...(group.score !== undefined ? { score: group.score } : {}),
      ...(group.note !== undefined ? { note: group.note } : {}),
      // By position, as in the panes: neighbouring groups never share a colour.
      groupSlot: slotOfGroup(state.history.present, group, PALETTE_SIZE) ?? paletteSlot(group.id, PALETTE_SIZE),
      cursor: r === state.groupCursor,
      cells: cells.map((c) => c.slice(0, h)),
      height: h,
    });
  }
  return {
    columns: widths.map((width, slot) => {
      const doc = alignment.documents[state.firstPane + slot]!;
      return { id: doc.id, lang: doc.lang, width };
    }),
    prefixWidth: layout.columns - widths.reduce((a, b) => a + b, 0),
    rows: out,
    total: rows.length,
    position: rows.length === 0 ? 0 : state.groupCursor + 1,
    scrolledLeft: state.firstPane,
    scrolledRight: alignment.documents.length - state.firstPane - widths.length,
  };
}
