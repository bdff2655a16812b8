/**
 * The workbench's one reducer: (state, action) -> state, pure. Keys arrive as commands
 * (keymap.ts); model changes go through the operations in core/model and are recorded in
 * the undo history; side effects (save, quit, run the aligner) are queued in `effects`
 * for the terminal layer to perform, which answers with actions ('saved', ...).
 */
import { sentenceGroupIndex } from '../model/index-cache.js';
import { createHistory, record, redo, undo } from '../model/history.js';
import {
  acceptSuggestionsAbove,
  addMembers,
  applySuggestions,
  dissolveGroup,
  joinSentences,
  link,
  mergeGroups,
  removeSentence,
  setNote,
  setStatus,
  splitSentence,
  toggleBookmark,
  type SentenceRef,
} from '../model/operations.js';
import { ModelError, type Alignment } from '../model/types.js';
import { KEYMAP, commandForKey, isPromptMode } from './keymap.js';
import { firstPaneFor, scrollToShow, type ScreenLayout } from './layout.js';
import {
  countsOf,
  groupAt,
  groupRowHeight,
  groupColumnWidths,
  groupRows,
  isDirty,
  layoutOf,
  markKey,
  paneTextWidth,
  rawSentence,
  sentenceHeight,
  targetGroup,
} from './selectors.js';
import { enterRows, followCursorSentence, paneShift, rowCommand, rowCursorSentence, searchInRows } from './rows-commands.js';
import { applyRealign } from './rows-realign.js';
import type { ResolvedRules } from '../check/config.js';
import { initialRowView, normalizeRows } from './rows-state.js';
import { GROUP_FILTERS, type Action, type CommandId, type EditorState, type EffectRequest, type Message, type PaneState, type PendingChange, type PromptInput, type TerminalSize, type ViewKind } from './types.js';
import { lossesOf, type Loss } from './losses.js';
import { remapMarks } from './marks.js';
import { compilePattern, nextMatch, searchMatches, type SearchMode } from './search.js';

export interface InitOptions {
  readonly alignment: Alignment;
  /** The alignment as on disk; defaults to `alignment` (not dirty). */
  readonly saved?: Alignment;
  /** When restoring a recovery file: the alignment the restore replaced (undo goes back to it). */
  readonly restoredFrom?: Alignment;
  readonly texts: ReadonlyMap<string, string>;
  readonly fileName: string;
  /** The file does not exist yet: it is written on the first save. */
  readonly fileIsNew?: boolean;
  readonly size: TerminalSize;
  readonly colors: boolean;
  readonly message?: Message;
  /** The view to open in (default: the document panes); see preferredView for the CLI's choice. */
  readonly view?: ViewKind;
  /** The check rules for the row view's warnings (the nearest allinea.config.json). */
  readonly checkRules?: ResolvedRules;
}

export function createEditorState(options: InitOptions): EditorState {
  let history = createHistory(options.restoredFrom ?? options.alignment);
  if (options.restoredFrom) history = record(history, options.alignment, 'restore');
  const state: EditorState = {
    history,
    saved: options.saved ?? options.alignment,
    texts: options.texts,
    fileName: options.fileName,
    ...(options.fileIsNew ? { fileIsNew: true } : {}),
    size: options.size,
    colors: options.colors,
    ...(options.checkRules ? { checkRules: options.checkRules } : {}),
    panes: options.alignment.documents.map(() => ({ cursor: 0, top: 0 })),
    focus: 0,
    firstPane: 0,
    marks: new Set(),
    view: 'panes',
    groupCursor: 0,
    groupTop: 0,
    groupFilter: 'all',
    mode: 'normal',
    input: { text: '' },
    splitCaret: 0,
    search: { pattern: '' },
    helpTop: 0,
    ...(options.message ? { message: options.message } : {}),
    aligner: { running: false, done: 0, total: 0 },
    effects: [],
    nextEffectId: 1,
    rowView: initialRowView(options.alignment.documents.map((d) => d.id)),
  };
  const initial = normalize(state);
  // The row view starts on its first row (the top of the bitext).
  if (options.view === 'rows') return normalizeRows({ ...initial, view: 'rows' }, layoutOf(initial));
  return options.view === 'groups' ? normalize({ ...initial, view: 'groups' }) : initial;
}

function say(state: EditorState, key: string, params?: Message['params'], tone: Message['tone'] = 'info'): EditorState {
  return { ...state, message: params ? { key, params, tone } : { key, tone } };
}

function fail(state: EditorState, key: string, params?: Message['params']): EditorState {
  return say(state, key, params, 'error');
}

function request(state: EditorState, effect: EffectRequest): EditorState {
  return { ...state, effects: [...state.effects, { ...effect, id: state.nextEffectId } as EditorState['effects'][number]], nextEffectId: state.nextEffectId + 1 };
}

/**
 * Applies a model operation, recording it for undo; model errors become a message. An edit
 * that changes nothing records no step. An edit that would take sentences out of a confirmed
 * group, dissolve one or drop a note is not applied yet: the user is asked first (y / n, Esc).
 * `after` runs once the edit is recorded (now or on the user's yes).
 */
function change(
  state: EditorState,
  label: string,
  operation: (a: Alignment) => Alignment,
  done?: Message,
  after?: (s: EditorState) => EditorState,
): EditorState {
  let next: Alignment;
  try {
    next = operation(state.history.present);
  } catch (error) {
    if (error instanceof ModelError) return fail(state, 'msg.modelError', { message: error.message });
    throw error;
  }
  const present = state.history.present;
  if (next === present || sameContent(present, next)) return say(state, 'msg.nothingChanged');
  // Writing a note is the user's own choice of text; anything else that loses work asks.
  const losses = label === 'note' ? [] : lossesOf(present, next);
  if (losses.length > 0) return askBeforeLoss(state, { base: present, next, label, ...(done ? { done } : {}), ...(after ? { after } : {}) }, losses);
  return applyChange(state, label, next, done, after);
}

function applyChange(state: EditorState, label: string, next: Alignment, done?: Message, after?: (s: EditorState) => EditorState): EditorState {
  const changed: EditorState = {
    ...state,
    history: record(state.history, next, label),
    // Marks follow their sentences through splits and joins.
    marks: remapMarks(state.marks, state.history.present, next),
  };
  const withMessage = done ? { ...changed, message: done } : changed;
  return after ? after(withMessage) : withMessage;
}

function askBeforeLoss(state: EditorState, pending: PendingChange, losses: readonly Loss[]): EditorState {
  const first = losses[0]!;
  // A dissolved group's note is said with it; "more" counts the other groups concerned.
  const noteOfFirst = losses.find((l): l is Extract<Loss, { kind: 'drop-note' }> => l.kind === 'drop-note' && l.group === first.group);
  const kind = first.kind === 'dissolve' && noteOfFirst ? 'dissolve-note' : first.kind;
  const note = first.kind === 'drop-note' ? first.note : noteOfFirst?.note;
  const params: Record<string, string | number> = { whatKey: `loss.${kind}`, group: first.group, count: first.kind === 'take-out' ? first.count : 1 };
  if (note !== undefined) params.note = note.length > 40 ? `${note.slice(0, 39)}…` : note;
  const more = new Set(losses.map((l) => l.group)).size - 1;
  if (more > 0) params.more = more;
  return { ...state, mode: 'confirm-loss', pending, message: { key: more > 0 ? 'msg.confirmLossMore' : 'msg.confirmLoss', params, tone: 'info' } };
}

/** Same documents and spans, compared without serializing (a split over 100,000 sentences stays cheap). */
function sameDocuments(a: Alignment['documents'], b: Alignment['documents']): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let d = 0; d < a.length; d++) {
    const x = a[d]!;
    const y = b[d]!;
    if (x === y) continue;
    if (x.id !== y.id || x.path !== y.path || x.lang !== y.lang || x.sha256 !== y.sha256 || x.title !== y.title) return false;
    if (x.sentences === y.sentences) continue;
    if (x.sentences.length !== y.sentences.length) return false;
    for (let i = 0; i < x.sentences.length; i++) {
      const p = x.sentences[i]!;
      const q = y.sentences[i]!;
      if (p !== q && (p[0] !== q[0] || p[1] !== q[1])) return false;
    }
    const { sentences: _xs, ...xr } = x;
    const { sentences: _ys, ...yr } = y;
    if (JSON.stringify(xr) !== JSON.stringify(yr)) return false;
  }
  return true;
}

/** Same content (a model operation may rebuild objects without changing anything). */
function sameContent(a: Alignment, b: Alignment): boolean {
  if (!sameDocuments(a.documents, b.documents)) return false;
  if (a.groups.length !== b.groups.length) return false;
  for (let g = 0; g < a.groups.length; g++) {
    const x = a.groups[g]!;
    const y = b.groups[g]!;
    if (x !== y && JSON.stringify(x) !== JSON.stringify(y)) return false;
  }
  const rest = (al: Alignment) => {
    const { documents: _d, groups: _g, ...others } = al;
    return JSON.stringify(others);
  };
  return rest(a) === rest(b);
}

function setPane(state: EditorState, d: number, pane: PaneState): EditorState {
  const panes = state.panes.slice();
  panes[d] = pane;
  return { ...state, panes };
}

function heightFn(state: EditorState, layout: ScreenLayout, d: number): (i: number) => number {
  const width = paneTextWidth(state, layout, d);
  return (i) => sentenceHeight(state, d, i, width);
}

/** Clamps cursors after segmentation changes and keeps every visible pane's cursor on screen. */
function normalize(state: EditorState, centerPanes: ReadonlySet<number> = new Set()): EditorState {
  const alignment = state.history.present;
  const layout = layoutOf(state);
  const count = alignment.documents.length;
  const focus = Math.min(Math.max(0, state.focus), count - 1);
  const firstPane = firstPaneFor(focus, state.firstPane, layout.paneCount, count);
  let next: EditorState = { ...state, focus, firstPane };
  let panes = next.panes;
  if (panes.length !== count) panes = alignment.documents.map((_, d) => panes[d] ?? { cursor: 0, top: 0 });
  panes = panes.map((pane, d) => {
    const n = alignment.documents[d]!.sentences.length;
    const cursor = Math.min(Math.max(0, pane.cursor), Math.max(0, n - 1));
    let top = Math.min(Math.max(0, pane.top), cursor);
    const visible = d >= firstPane && d < firstPane + layout.paneCount;
    if (visible || centerPanes.has(d)) {
      // A cursor more than a screen below `top` is off screen whatever the heights: skip the walk.
      const far = cursor - top >= layout.bodyHeight;
      const center = centerPanes.has(d);
      top = scrollToShow(far && !center ? Math.max(0, cursor - layout.bodyHeight + 1) : top, cursor, layout.bodyHeight, heightFn(next, layout, d), center);
    }
    return cursor === pane.cursor && top === pane.top ? pane : { cursor, top };
  });
  next = { ...next, panes };
  // Group table cursor and scroll (the table is sorted only when it is shown).
  if (next.view !== 'groups') return next;
  const rows = groupRows(alignment, next.groupFilter);
  const groupCursor = Math.min(Math.max(0, next.groupCursor), Math.max(0, rows.length - 1));
  let groupTop = Math.min(next.groupTop, groupCursor);
  if (rows.length > 0) {
    const widths = groupColumnWidths(next, layout);
    const far = groupCursor - groupTop >= layout.bodyHeight;
    groupTop = scrollToShow(far ? groupCursor - layout.bodyHeight + 1 : groupTop, groupCursor, layout.bodyHeight - 1, (r) => groupRowHeight(next, rows[r]!, widths));
  }
  return { ...next, groupCursor, groupTop };
}

/** Moves the focused pane's cursor, then brings the partners of its group into view. */
function moveCursor(state: EditorState, d: number, cursor: number, center = false): EditorState {
  const alignment = state.history.present;
  const doc = alignment.documents[d];
  if (!doc) return state;
  const clamped = Math.min(Math.max(0, cursor), Math.max(0, doc.sentences.length - 1));
  let next = setPane({ ...state, focus: d }, d, { ...state.panes[d]!, cursor: clamped });
  const centerPanes = new Set<number>(center ? [d] : []);
  const group = groupAt(alignment, doc.id, clamped);
  if (group) {
    for (const member of group.members) {
      const e = alignment.documents.findIndex((x) => x.id === member.doc);
      if (e < 0 || e === d) continue;
      // A pane where the user marked a sentence stays where it is: following the partners
      // there could scroll the marked sentence out of sight.
      if (hasMarkIn(state, member.doc)) continue;
      const pane = next.panes[e]!;
      if (member.sentences.includes(pane.cursor)) continue;
      next = setPane(next, e, { ...pane, cursor: member.sentences[0]! });
      centerPanes.add(e);
    }
  }
  return normalize(next, centerPanes);
}

function hasMarkIn(state: EditorState, doc: string): boolean {
  const prefix = `${doc}\u0000`;
  for (const key of state.marks) if (key.startsWith(prefix)) return true;
  return false;
}

function focusedRef(state: EditorState): SentenceRef | undefined {
  const doc = state.history.present.documents[state.focus];
  const pane = state.panes[state.focus];
  if (!doc || !pane || doc.sentences.length === 0) return undefined;
  return { doc: doc.id, sentence: pane.cursor };
}

function markedRefs(state: EditorState): SentenceRef[] {
  return [...state.marks].map((k) => {
    const [doc, s] = k.split('\u0000');
    return { doc: doc!, sentence: Number(s) };
  });
}

/** Sentences per page in pane d starting at its cursor. */
function pageSize(state: EditorState, d: number): number {
  const layout = layoutOf(state);
  const h = heightFn(state, layout, d);
  const pane = state.panes[d]!;
  let rows = 0;
  let n = 0;
  while (rows + h(pane.cursor + n) <= layout.bodyHeight && pane.cursor + n < state.history.present.documents[d]!.sentences.length) {
    rows += h(pane.cursor + n);
    n++;
  }
  return Math.max(1, n);
}

/** Next sentence (wrapping around) in pane d, after or before the cursor, that satisfies `test`. */
function findInPane(state: EditorState, d: number, dir: 1 | -1, test: (i: number) => boolean): number | undefined {
  const n = state.history.present.documents[d]!.sentences.length;
  const start = state.panes[d]!.cursor;
  for (let k = 1; k <= n; k++) {
    const i = (((start + dir * k) % n) + n) % n;
    if (test(i)) return i;
  }
  return undefined;
}

function jumpToUnaligned(state: EditorState, dir: 1 | -1): EditorState {
  const doc = state.history.present.documents[state.focus]!;
  const slots = sentenceGroupIndex(state.history.present).get(doc.id)!;
  const i = findInPane(state, state.focus, dir, (s) => slots[s]! < 0);
  return i === undefined ? say(state, 'msg.noUnaligned') : moveCursor(state, state.focus, i, true);
}

function jumpToSuggested(state: EditorState, dir: 1 | -1): EditorState {
  const alignment = state.history.present;
  const doc = alignment.documents[state.focus]!;
  const slots = sentenceGroupIndex(alignment).get(doc.id)!;
  const current = slots[state.panes[state.focus]!.cursor] ?? -1;
  const i = findInPane(state, state.focus, dir, (s) => {
    const g = slots[s]!;
    return g >= 0 && g !== current && alignment.groups[g]!.status === 'suggested';
  });
  return i === undefined ? say(state, 'msg.noSuggested') : moveCursor(state, state.focus, i, true);
}

/** After a review: the next suggested group (the focused pane's, or the table's next row), as in the row view. */
function toNextSuggestion(state: EditorState, reviewed: string): EditorState {
  const alignment = state.history.present;
  if (state.view === 'groups') {
    const rows = groupRows(alignment, state.groupFilter);
    const at = rows.findIndex((g) => g.id === reviewed);
    const from = at >= 0 ? at + 1 : state.groupCursor;
    const r = rows.findIndex((g, i) => i >= from && g.status === 'suggested');
    return r < 0 ? state : normalize({ ...state, groupCursor: r });
  }
  const doc = alignment.documents[state.focus]!;
  const slots = sentenceGroupIndex(alignment).get(doc.id)!;
  const start = state.panes[state.focus]!.cursor;
  for (let s = start + 1; s < slots.length; s++) {
    const g = slots[s]!;
    if (g >= 0 && alignment.groups[g]!.status === 'suggested') return moveCursor(state, state.focus, s, true);
  }
  return state;
}

function jumpToBookmark(state: EditorState): EditorState {
  const alignment = state.history.present;
  if (alignment.bookmarks.length === 0) return say(state, 'msg.noBookmarks');
  const order = new Map(alignment.documents.map((d, i) => [d.id, i]));
  const here = state.focus * 1e9 + state.panes[state.focus]!.cursor;
  const positions = alignment.bookmarks
    .map((b) => ({ d: order.get(b.doc) ?? 0, s: b.sentence }))
    .sort((a, b) => a.d * 1e9 + a.s - (b.d * 1e9 + b.s));
  const target = positions.find((p) => p.d * 1e9 + p.s > here) ?? positions[0]!;
  return moveCursor(state, target.d, target.s, true);
}

/** A search pattern as a RegExp: plain text folding case, accents and quotes (default), or a regex. */
export function compileSearch(pattern: string, mode: SearchMode = 'regex'): RegExp | undefined {
  return compilePattern(pattern, mode);
}

function searchStep(state: EditorState, dir: 1 | -1): EditorState {
  const { pattern, mode = 'text' } = state.search;
  if (pattern === '') return say(state, 'msg.noSearch');
  const regex = compilePattern(pattern, mode);
  if (!regex) return fail(state, 'msg.badRegex', { pattern });
  const alignment = state.history.present;
  // From the cursor on through this pane, then the following panes, wrapping around.
  const found = nextMatch(searchMatches(alignment, state.texts, regex), state.focus, state.panes[state.focus]!.cursor, dir);
  if (!found) return say(state, 'msg.notFound', { pattern });
  const { match, index } = found;
  const total = searchMatches(alignment, state.texts, regex).length;
  const doc = alignment.documents[match.d]!;
  const moved = moveCursor(state, match.d, match.i, true);
  return match.note
    ? say(moved, 'msg.foundInNote', { doc: doc.id, sentence: match.i + 1, group: match.note, index, total })
    : say(moved, 'msg.foundOf', { doc: doc.id, sentence: match.i + 1, index, total });
}

/** Caret stops for split mode: the starts of words inside the sentence. */
export function wordStops(text: string): number[] {
  const stops: number[] = [];
  for (let p = 1; p < text.length; p++) {
    if (/\s/u.test(text[p - 1]!) && !/\s/u.test(text[p]!)) stops.push(p);
  }
  return stops;
}

function enterSplit(state: EditorState): EditorState {
  const ref = focusedRef(state);
  if (!ref) return state;
  const doc = state.history.present.documents[state.focus]!;
  const text = rawSentence(state, doc, ref.sentence);
  const stops = wordStops(text);
  if (text.length < 2) return fail(state, 'msg.cannotSplit');
  // Start at the word start nearest the middle: most splits fix a missed boundary mid-sentence.
  const middle = text.length / 2;
  const caret = stops.reduce((best, p) => (Math.abs(p - middle) < Math.abs(best - middle) ? p : best), stops[0] ?? Math.floor(middle));
  return say({ ...state, mode: 'split', splitCaret: caret }, 'msg.splitMode');
}

function moveCaret(state: EditorState, by: 'char' | 'word', dir: 1 | -1): EditorState {
  const doc = state.history.present.documents[state.focus]!;
  const text = rawSentence(state, doc, state.panes[state.focus]!.cursor);
  let caret = state.splitCaret;
  if (by === 'char') caret = Math.min(text.length - 1, Math.max(1, caret + dir));
  else {
    const stops = wordStops(text);
    const next = dir === 1 ? stops.find((p) => p > caret) : [...stops].reverse().find((p) => p < caret);
    if (next !== undefined) caret = next;
  }
  return { ...state, splitCaret: caret };
}

function submit(state: EditorState): EditorState {
  const closed: EditorState = { ...state, mode: 'normal', input: { text: '' } };
  switch (state.mode) {
    case 'search': {
      const pattern = state.input.text;
      if (pattern === '') return closed;
      const mode = state.search.mode ?? 'text';
      if (!compilePattern(pattern, mode)) return fail(state, 'msg.badRegex', { pattern });
      return searchStep({ ...closed, search: { pattern, mode } }, 1);
    }
    case 'note': {
      const group = targetGroup(state);
      if (!group) return fail(closed, 'msg.noGroupHere');
      return change(closed, 'note', (a) => setNote(a, group.id, state.input.text), { key: 'msg.noteSet', params: { group: group.id }, tone: 'info' });
    }
    case 'threshold': {
      const typed = state.input.text.trim() === '' ? String(DEFAULT_ACCEPT_THRESHOLD) : state.input.text;
      const value = Number(typed.replace(',', '.'));
      if (!Number.isFinite(value) || value < 0 || value > 1 || typed.trim() === '') {
        return fail(state, 'msg.badThreshold', { value: state.input.text });
      }
      const before = countsOf(state.history.present).confirmed;
      const next = change(closed, 'accept-above', (a) => acceptSuggestionsAbove(a, value));
      const accepted = countsOf(next.history.present).confirmed - before;
      return say(next, 'msg.acceptedAbove', { count: accepted, threshold: value });
    }
    case 'split': {
      const ref = focusedRef(state);
      if (!ref) return closed;
      const doc = state.history.present.documents[state.focus]!;
      const at = doc.sentences[ref.sentence]![0] + state.splitCaret;
      const text = state.texts.get(doc.id) ?? '';
      return normalize(change(closed, 'split', (a) => splitSentence(a, ref, at, text), { key: 'msg.split', params: { sentence: ref.sentence + 1 }, tone: 'info' }));
    }
    default:
      return closed;
  }
}

/** The score `Y` accepts from when Enter is pressed on an empty prompt. */
export const DEFAULT_ACCEPT_THRESHOLD = 0.8;

function openPrompt(state: EditorState, mode: 'search' | 'note' | 'threshold', text: string): EditorState {
  const { message: _m, ...rest } = state;
  return { ...rest, mode, input: { text } };
}

function command(state: EditorState, id: CommandId): EditorState {
  const alignment = state.history.present;
  const pane = state.panes[state.focus]!;
  const ref = focusedRef(state);
  if (state.mode === 'help') {
    const step = id === 'cursor-down' ? 1 : id === 'cursor-up' ? -1 : id === 'page-down' ? 10 : id === 'page-up' ? -10 : 0;
    // The overlay clamps to its content; this bound only keeps k from having to undo extra j's.
    if (step !== 0) return { ...state, helpTop: Math.min(KEYMAP.length, Math.max(0, state.helpTop + step)) };
    if (id === 'close') return { ...state, mode: 'normal' };
    return state;
  }
  // Search in the row view: the panes' search from the row cursor's sentence, onto the match's row.
  if (state.view === 'rows' && ((state.mode === 'normal' && (id === 'search-next' || id === 'search-previous')) || (state.mode === 'search' && id === 'submit'))) {
    return searchInRows(state, (panes) => command(panes, id));
  }
  // The row view's own commands and its move question (rows-commands.ts).
  const rowResult = rowCommand(state, id);
  if (rowResult) return rowResult;
  if (id === 'rows-view' || (id === 'toggle-view' && state.view === 'rows')) {
    if (state.view !== 'rows') return enterRows(state);
    const at = rowCursorSentence(state);
    const d = at ? alignment.documents.findIndex((x) => x.id === at.doc) : -1;
    return d >= 0 ? moveCursor({ ...state, view: 'panes' }, d, at!.sentence, true) : normalize({ ...state, view: 'panes' });
  }
  if (state.view === 'groups' && state.mode === 'normal') {
    const rows = groupRows(alignment, state.groupFilter);
    const moveRow = (r: number) => normalize({ ...state, groupCursor: Math.min(Math.max(0, r), Math.max(0, rows.length - 1)) });
    switch (id) {
      case 'cursor-down':
        return moveRow(state.groupCursor + 1);
      case 'cursor-up':
        return moveRow(state.groupCursor - 1);
      case 'page-down':
        return moveRow(state.groupCursor + Math.max(1, Math.floor(layoutOf(state).bodyHeight / 3)));
      case 'page-up':
        return moveRow(state.groupCursor - Math.max(1, Math.floor(layoutOf(state).bodyHeight / 3)));
      case 'first':
        return moveRow(0);
      case 'last':
        return moveRow(rows.length - 1);
      case 'cycle-filter': {
        const groupFilter = GROUP_FILTERS[(GROUP_FILTERS.indexOf(state.groupFilter) + 1) % GROUP_FILTERS.length]!;
        return say(normalize({ ...state, groupFilter, groupCursor: 0, groupTop: 0 }), 'msg.filter', { filterKey: `filter.${groupFilter}` });
      }
      // The document columns scroll one at a time (the table has no focused column).
      case 'next-pane': {
        const shown = groupColumnWidths(state, layoutOf(state)).length;
        if (state.firstPane + shown >= alignment.documents.length) return state;
        return normalize({ ...state, focus: state.firstPane + shown });
      }
      case 'previous-pane':
        return state.firstPane === 0 ? state : normalize({ ...state, focus: state.firstPane - 1 });
      case 'open-group': {
        const group = rows[state.groupCursor];
        if (!group) return state;
        const member = group.members[0]!;
        const d = alignment.documents.findIndex((x) => x.id === member.doc);
        return moveCursor({ ...state, view: 'panes' }, d, member.sentences[0]!, true);
      }
      default:
        break;
    }
  }
  switch (id) {
    case 'cursor-down':
      return moveCursor(state, state.focus, pane.cursor + 1);
    case 'cursor-up':
      return moveCursor(state, state.focus, pane.cursor - 1);
    case 'page-down':
      return moveCursor(state, state.focus, pane.cursor + pageSize(state, state.focus));
    case 'page-up':
      return moveCursor(state, state.focus, pane.cursor - pageSize(state, state.focus));
    case 'first':
      return moveCursor(state, state.focus, 0);
    case 'last':
      return moveCursor(state, state.focus, Number.MAX_SAFE_INTEGER);
    case 'next-pane':
    case 'previous-pane': {
      const count = alignment.documents.length;
      const focus = (state.focus + (id === 'next-pane' ? 1 : count - 1)) % count;
      return normalize({ ...state, focus });
    }
    case 'toggle-view': {
      if (state.view === 'groups') return normalize({ ...state, view: 'panes' });
      const group = targetGroup(state);
      const rows = groupRows(alignment, state.groupFilter);
      const r = group ? rows.indexOf(group) : -1;
      return normalize({ ...state, view: 'groups', groupCursor: r >= 0 ? r : state.groupCursor });
    }
    case 'search':
      return openPrompt(state, 'search', state.search.pattern);
    case 'search-next':
      return searchStep(state, 1);
    case 'search-previous':
      return searchStep(state, -1);
    case 'next-unaligned':
      return jumpToUnaligned(state, 1);
    case 'previous-unaligned':
      return jumpToUnaligned(state, -1);
    case 'next-suggested':
      return jumpToSuggested(state, 1);
    case 'previous-suggested':
      return jumpToSuggested(state, -1);
    case 'next-bookmark':
      return jumpToBookmark(state);
    case 'toggle-mark': {
      if (!ref) return state;
      const marks = new Set(state.marks);
      const key = markKey(ref.doc, ref.sentence);
      if (marks.has(key)) marks.delete(key);
      else marks.add(key);
      const next = { ...state, marks };
      return say(next, 'msg.marked', { count: marks.size });
    }
    case 'clear-marks':
      // Esc stops a running aligner first (as Ctrl-X does); marks stay.
      if (state.aligner.running) return request(state, { type: 'cancel-aligner' });
      return state.marks.size === 0 ? { ...state, message: undefined } as EditorState : say({ ...state, marks: new Set() }, 'msg.marksCleared');
    case 'link': {
      const refs = markedRefs(state);
      const doc = alignment.documents[state.focus]!;
      // The cursor sentence joins the link when its pane has nothing marked.
      if (ref && !refs.some((r) => r.doc === doc.id)) refs.push(ref);
      if (new Set(refs.map((r) => r.doc)).size < 2) return fail(state, 'msg.needTwoDocuments');
      let groupId = '';
      return change(
        state,
        'link',
        (a) => {
          const result = link(a, refs);
          groupId = result.groupId;
          return result.alignment;
        },
        undefined,
        (s) => say({ ...s, marks: new Set() }, 'msg.linked', { group: groupId, count: refs.length }),
      );
    }
    case 'add-to-group': {
      const group = ref ? groupAt(alignment, ref.doc, ref.sentence) : undefined;
      if (!group) return fail(state, 'msg.noGroupHere');
      const refs = markedRefs(state);
      if (refs.length === 0) return fail(state, 'msg.markFirst');
      return change(state, 'add', (a) => addMembers(a, group.id, refs), { key: 'msg.added', params: { group: group.id, count: refs.length }, tone: 'info' }, (s) => ({
        ...s,
        marks: new Set(),
      }));
    }
    case 'remove-from-group': {
      if (!ref || !groupAt(alignment, ref.doc, ref.sentence)) return fail(state, 'msg.notInGroup');
      return change(state, 'remove', (a) => removeSentence(a, ref), { key: 'msg.removed', params: { sentence: ref.sentence + 1 }, tone: 'info' });
    }
    case 'merge-groups': {
      const into = ref ? groupAt(alignment, ref.doc, ref.sentence) : undefined;
      if (!into) return fail(state, 'msg.noGroupHere');
      const others = new Set<string>();
      for (const r of markedRefs(state)) {
        const g = groupAt(alignment, r.doc, r.sentence);
        if (g && g.id !== into.id) others.add(g.id);
      }
      if (others.size === 0) return fail(state, 'msg.markOtherGroup');
      return change(
        state,
        'merge',
        (a) => [...others].reduce((acc, other) => mergeGroups(acc, into.id, other), a),
        { key: 'msg.merged', params: { group: into.id, others: [...others].join(', ') }, tone: 'info' },
        (s) => ({ ...s, marks: new Set() }),
      );
    }
    case 'dissolve-group': {
      const group = targetGroup(state);
      if (!group) return fail(state, 'msg.noGroupHere');
      return normalize(change(state, 'dissolve', (a) => dissolveGroup(a, group.id), { key: 'msg.dissolved', params: { group: group.id }, tone: 'info' }));
    }
    case 'accept-suggestion':
    case 'reject-suggestion': {
      const group = targetGroup(state);
      if (!group) return fail(state, 'msg.noGroupHere');
      const status = id === 'accept-suggestion' ? 'confirmed' : 'rejected';
      if (group.status === status) return say(state, status === 'confirmed' ? 'msg.alreadyConfirmed' : 'msg.alreadyRejected', { group: group.id });
      if (status === 'rejected' && group.status === 'confirmed') return fail(state, 'msg.rejectConfirmed', { group: group.id });
      const reviewed = normalize(change(state, status === 'confirmed' ? 'accept' : 'reject', (a) => setStatus(a, group.id, status), {
        key: status === 'confirmed' ? 'msg.accepted' : 'msg.rejected',
        params: { group: group.id },
        tone: 'info',
      }));
      return reviewed.history === state.history ? reviewed : toNextSuggestion(reviewed, group.id);
    }
    case 'accept-above':
      if (countsOf(alignment).suggested === 0) return say(state, 'msg.noSuggestions');
      // Empty, not pre-filled: typing gives the score; Enter alone takes the default shown.
      return openPrompt(state, 'threshold', '');
    case 'run-aligner':
      if (state.aligner.running) return say(state, 'msg.alignerBusy');
      return say(request({ ...state, aligner: { running: true, done: 0, total: 0, documents: alignment.documents } }, { type: 'run-aligner', alignment }), 'msg.alignerStarted');
    case 'cancel-aligner':
      if (!state.aligner.running) return state;
      return request(state, { type: 'cancel-aligner' });
    case 'split-mode':
      return enterSplit(state);
    case 'pane-shift-up':
    case 'pane-shift-down':
      return ref ? normalize(paneShift(state, id === 'pane-shift-up' ? 'shift-up' : 'shift-down')) : state;
    case 'join-next': {
      if (!ref) return state;
      const doc = alignment.documents[state.focus]!;
      if (ref.sentence + 1 >= doc.sentences.length) return fail(state, 'msg.noNextSentence');
      const here = groupAt(alignment, doc.id, ref.sentence);
      const next = groupAt(alignment, doc.id, ref.sentence + 1);
      if (here && next && here !== next) return fail(state, 'msg.joinDifferentGroups', { group: here.id, other: next.id });
      return normalize(change(state, 'join', (a) => joinSentences(a, ref), { key: 'msg.joined', params: { sentence: ref.sentence + 1 }, tone: 'info' }));
    }
    case 'note': {
      const group = targetGroup(state);
      if (!group) return fail(state, 'msg.noGroupHere');
      return openPrompt(state, 'note', group.note ?? '');
    }
    case 'toggle-bookmark': {
      if (!ref) return state;
      const had = alignment.bookmarks.some((b) => b.doc === ref.doc && b.sentence === ref.sentence);
      return change(state, 'bookmark', (a) => toggleBookmark(a, ref), { key: had ? 'msg.bookmarkRemoved' : 'msg.bookmarkAdded', params: { sentence: ref.sentence + 1 }, tone: 'info' });
    }
    case 'undo':
    case 'redo': {
      const history = id === 'undo' ? undo(state.history) : redo(state.history);
      if (history === state.history) return say(state, id === 'undo' ? 'msg.nothingToUndo' : 'msg.nothingToRedo');
      const label = id === 'undo' ? state.history.label ?? '' : history.label ?? '';
      const restored = followCursorSentence(state, normalize({ ...state, history, marks: remapMarks(state.marks, state.history.present, history.present) }));
      return say(restored, id === 'undo' ? 'msg.undone' : 'msg.redone', { changeKey: `change.${label || 'edit'}` });
    }
    case 'save':
      return say(request(state, { type: 'save', alignment, thenQuit: false }), 'msg.saving');
    case 'quit':
      if (state.aligner.running) return fail(state, 'msg.alignerRunningQuit');
      return isDirty(state) ? { ...state, mode: 'confirm-quit', message: { key: 'msg.confirmQuit', tone: 'info' } } : request(state, { type: 'quit' });
    case 'save-and-quit':
      return request({ ...state, mode: 'normal' }, { type: 'save', alignment, thenQuit: true });
    case 'quit-without-saving':
      return request({ ...state, mode: 'normal' }, { type: 'quit' });
    case 'help':
      return { ...state, mode: 'help', helpTop: 0 };
    case 'close': {
      const { message: _m, pending: _p, ...rest } = state;
      // Esc or n to "this would lose reviewed work" / "overwrite a file changed on disk": nothing happens.
      if (state.mode === 'confirm-loss') return say({ ...rest, mode: 'normal', input: { text: '' } }, 'msg.lossDeclined');
      if (state.mode === 'confirm-overwrite') return say({ ...rest, mode: 'normal', input: { text: '' } }, 'msg.overwriteDeclined');
      return { ...rest, mode: 'normal', input: { text: '' } };
    }
    case 'confirm-yes': {
      const { pending, ...rest } = state;
      const cleared: EditorState = { ...rest, mode: 'normal' };
      if (state.mode === 'confirm-overwrite') return say(request(cleared, { type: 'save', alignment, thenQuit: state.overwriteThenQuit ?? false, force: true }), 'msg.saving');
      if (!pending) return cleared;
      if (pending.base !== alignment) return fail(cleared, 'msg.changedMeanwhile');
      return normalize(applyChange(cleared, pending.label, pending.next, pending.done, pending.after));
    }
    case 'submit':
      return submit(state);
    case 'backspace': {
      const chars = [...state.input.text];
      const caret = caretOf(state.input);
      if (caret === 0) return state;
      chars.splice(caret - 1, 1);
      return { ...state, input: withCaret(chars.join(''), caret - 1) };
    }
    case 'input-left':
    case 'input-right':
    case 'input-home':
    case 'input-end': {
      const length = [...state.input.text].length;
      const caret = caretOf(state.input);
      const to = id === 'input-home' ? 0 : id === 'input-end' ? length : Math.min(length, Math.max(0, caret + (id === 'input-left' ? -1 : 1)));
      return { ...state, input: withCaret(state.input.text, to) };
    }
    case 'toggle-search-mode': {
      const mode = (state.search.mode ?? 'text') === 'text' ? 'regex' : 'text';
      return { ...state, search: { ...state.search, mode } };
    }
    case 'clear-input':
      return { ...state, input: { text: '' } };
    case 'caret-left':
      return moveCaret(state, 'char', -1);
    case 'caret-right':
      return moveCaret(state, 'char', 1);
    case 'caret-word-left':
      return moveCaret(state, 'word', -1);
    case 'caret-word-right':
      return moveCaret(state, 'word', 1);
    default:
      return state;
  }
}

/** Messages last until the next key: then the hints come back. Prompt and quit questions stay. */
function clearMessage(state: EditorState): EditorState {
  if (!state.message || state.mode === 'confirm-quit' || state.mode === 'split' || state.mode === 'confirm-move' || state.mode === 'confirm-loss' || state.mode === 'confirm-overwrite') return state;
  const { message: _m, ...rest } = state;
  return rest;
}

function caretOf(input: PromptInput): number {
  const length = [...input.text].length;
  return input.caret === undefined ? length : Math.min(length, Math.max(0, input.caret));
}

/** Input with its caret; at the end the caret is left out (typing appends). */
function withCaret(text: string, caret: number): PromptInput {
  return caret >= [...text].length ? { text } : { text, caret };
}

/** How soon after a failed command (or the previous key typed after it) keys count as typed text. */
export const TYPED_AFTER_FAILURE_MS = 400;

/** A key that types text: a printable character, a space, or Enter ending a typed line. */
function isTypedKey(action: { readonly name: string | undefined; readonly text: string }): boolean {
  if (action.name === 'enter' || action.name === 'space') return true;
  return action.text !== '' && (action.name === undefined || [...action.name].length === 1);
}

// Typed text keeps no control characters: a prompt is one line of plain text.
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;

function reduceEditor(state: EditorState, action: Action): EditorState {
  switch (action.type) {
    case 'command':
      return command(clearMessage(state), action.command);
    case 'key': {
      // Keys typed right after a failed command (a burst, a paste) are text the user meant
      // for the prompt that did not open: kept and shown, never run as commands.
      const failure = state.afterFailure;
      if (failure && action.at !== undefined && action.at - failure.at <= TYPED_AFTER_FAILURE_MS && state.mode === 'normal' && isTypedKey(action)) {
        const text = failure.text + (action.name === 'enter' ? '' : action.text.replace(CONTROL, ''));
        const params: Record<string, string | number> = { ...(failure.failed.params ?? {}), errorKey: failure.failed.key, text: text.length > 40 ? `…${text.slice(-39)}` : text };
        return { ...state, afterFailure: { ...failure, at: action.at, text }, message: { key: 'msg.typedAfterFailure', params, tone: 'error' } };
      }
      const id = action.name === undefined ? undefined : commandForKey(action.name, state.mode, state.view);
      if (id) {
        const { afterFailure: _f, ...base } = state;
        const next = command(clearMessage(base), id);
        if (action.at !== undefined && next.message?.tone === 'error' && next.history === state.history && next.mode === 'normal') {
          return { ...next, afterFailure: { at: action.at, text: '', failed: next.message } };
        }
        return next;
      }
      if (isPromptMode(state.mode) && action.text !== '' && (action.name === undefined || [...action.name].length === 1 || action.name === 'space')) {
        return reduce(state, { type: 'type', text: action.text });
      }
      return state;
    }
    case 'type': {
      if (state.mode !== 'search' && state.mode !== 'note' && state.mode !== 'threshold') return state;
      const text = action.text.replace(/[\r\n\t]+/g, ' ').replace(CONTROL, '');
      if (text === '') return state;
      // Typed at the caret (left/right/home/end move it).
      const chars = [...state.input.text];
      const caret = caretOf(state.input);
      const typed = [...text];
      chars.splice(caret, 0, ...typed);
      return { ...state, input: withCaret(chars.join(''), caret + typed.length) };
    }
    case 'resize':
      if (action.size.columns === state.size.columns && action.size.rows === state.size.rows) return state;
      return normalize({ ...state, size: action.size });
    case 'effects-taken':
      return { ...state, effects: state.effects.filter((e) => e.id > action.upTo) };
    case 'saved': {
      const next = say({ ...state, saved: action.alignment, fileIsNew: false }, 'msg.saved', { file: state.fileName });
      return action.thenQuit ? request(next, { type: 'quit' }) : next;
    }
    case 'save-conflict':
      return { ...state, mode: 'confirm-overwrite', overwriteThenQuit: action.thenQuit, message: { key: 'msg.confirmOverwrite', params: { file: state.fileName }, tone: 'error' } };
    case 'save-failed':
      return fail({ ...state, mode: 'normal' }, 'msg.saveFailed', { message: action.message });
    case 'aligner-progress':
      if (!state.aligner.running) return state;
      return {
        ...state,
        aligner: { ...state.aligner, done: action.done, total: action.total, ...(action.elapsedMs !== undefined ? { elapsedMs: action.elapsedMs } : {}) },
      };
    case 'aligner-done': {
      const { rowRealign: scope, ...rest } = state;
      const stopped = { ...rest, aligner: { running: false, done: 0, total: 0 } };
      if (scope && scope.base.documents !== state.history.present.documents) return fail(normalize(stopped), 'msg.rowRealignStale');
      // Suggestions name sentences by index: after a split or join they would point elsewhere.
      if (state.aligner.documents && state.aligner.documents !== state.history.present.documents) return fail(stopped, 'msg.alignerStale');
      const doneMessage = (s: EditorState) => say(s, s.view === 'rows' ? 'msg.alignerDoneRows' : 'msg.alignerDone', { count: countsOf(s.history.present).suggested, mode: action.mode });
      // A re-align from the cursor onward: its suggestions replace the scope's only.
      const apply = scope ? (a: Alignment) => applyRealign(a, scope, action.suggestions) : (a: Alignment) => applySuggestions(a, action.suggestions);
      const next = change(stopped, 'align', apply, undefined, doneMessage);
      if (next.mode === 'confirm-loss') return next;
      return normalize(next.history === stopped.history && next.message?.key === 'msg.nothingChanged' ? doneMessage(next) : next);
    }
    case 'aligner-failed':
      if (state.rowRealign) {
        const { rowRealign: _scope, ...rest } = state;
        return reduceEditor(rest, action);
      }
      if (action.cancelled) return say({ ...state, aligner: { running: false, done: 0, total: 0 } }, 'msg.alignerCancelled');
      if (action.unavailable) return fail({ ...state, aligner: { running: false, done: 0, total: 0 } }, 'msg.alignerNoWorker', { message: action.message });
      return fail({ ...state, aligner: { running: false, done: 0, total: 0 } }, 'msg.alignerFailed', { message: action.message });
    case 'notice':
      return { ...state, message: action.message };
    default:
      return state;
  }
}

export function reduce(state: EditorState, action: Action): EditorState {
  const next = reduceEditor(state, action);
  // The row view's cursor and scroll follow every change (edits, undo, resizes).
  return next.view === 'rows' && next !== state ? normalizeRows(next, layoutOf(next)) : next;
}
