/**
 * Commands of the row view (and the review moves' question): cursor moves over rows and the
 * focused cell's sentences, column order and leading document, confirm/reject and move on,
 * the shift/merge/split/detach moves (row-moves.ts) with a question before any move that
 * would lose a confirmed link, a group or a note, jumps to rows with quality warnings, and
 * the re-align from the cursor onward. Changes are recorded in the undo history.
 */
import { record } from '../model/history.js';
import { primeSentenceGroupIndex, sentenceGroupIndex } from '../model/index-cache.js';
import { dissolveGroup, setStatus, type SentenceRef } from '../model/operations.js';
import { ModelError, type Alignment } from '../model/types.js';
import { screenLayout } from './layout.js';
import { MoveRefused, planMove, type MoveLoss, type MovePlan, type RowMove } from './row-moves.js';
import { carryProjections, cellOf, findRow, rowGroupOf, rowOfSentence, type RowProjection } from './rows.js';
import { scopeForRealign } from './rows-realign.js';
import { sentenceMapper } from './marks.js';
import { focusedDoc, normalizeRows, rowGeometry, rowHeight, rowProjection, rowViewOf, type RowViewState } from './rows-state.js';
import { checkGroups, warningsOf } from './rows-warnings.js';
import type { CommandId, EditorState, EffectRequest, Message } from './types.js';

function say(state: EditorState, key: string, params?: Message['params'], tone: Message['tone'] = 'info'): EditorState {
  return { ...state, message: params ? { key, params, tone } : { key, tone } };
}

function layout(state: EditorState) {
  return screenLayout(state.size, state.history.present.documents.length);
}

function withView(state: EditorState, patch: Partial<RowViewState>): EditorState {
  return normalizeRows({ ...state, rowView: { ...rowViewOf(state), ...patch } }, layout(state));
}

function moveTo(state: EditorState, row: number, sub = 0): EditorState {
  return withView(state, { cursor: row, sub });
}

/** Records a new alignment for undo; the cursor goes to the row holding `anchor`. */
function commit(state: EditorState, label: string, next: Alignment, message: Message, anchor?: SentenceRef): EditorState {
  if (next === state.history.present) return say(state, 'msg.nothingChanged');
  let changed: EditorState = { ...state, history: record(state.history, next, label), message };
  if (anchor) changed = rowCursorOn(changed, anchor, true);
  return normalizeRows(changed, layout(changed));
}

/**
 * The row cursor on the row holding `anchor`, on that sentence when its column is focused or
 * `focusIt` focuses it; the state unchanged when the sentence has no row.
 */
function rowCursorOn(state: EditorState, anchor: SentenceRef, focusIt: boolean): EditorState {
  const projection = rowProjection(state);
  const d = state.history.present.documents.findIndex((doc) => doc.id === anchor.doc);
  const row = rowOfSentence(projection, d, anchor.sentence);
  if (row < 0) return state;
  const view = rowViewOf(state);
  const column = view.columns.indexOf(anchor.doc);
  const focus = focusIt ? column : view.focus;
  const sub = column >= 0 && column === focus ? { focus, sub: Math.max(0, cellOf(projection, row, d).indexOf(anchor.sentence)) } : {};
  return { ...state, rowView: { ...view, cursor: row, ...sub } };
}

/** A sentence of the row under the cursor: the focused one, else the first of another cell. */
function sentenceOfCursorRow(state: EditorState): SentenceRef | undefined {
  const projection = rowProjection(state);
  const row = rowViewOf(state).cursor;
  const focused = focusedDoc(state);
  for (const d of [focused, ...projection.docs.filter((e) => e !== focused)]) {
    const cell = cellOf(projection, row, d);
    const s = d === focused ? (cell[rowViewOf(state).sub] ?? cell[0]) : cell[0];
    if (s !== undefined) return { doc: state.history.present.documents[d]!.id, sentence: s };
  }
  return undefined;
}

/**
 * Undo and redo in the row view: the rows before and after differ in number (x made a row of
 * its own, m merged two), so the cursor's row number would land on a neighbour. It follows the
 * sentence it was on instead (through a split or join of sentences, by its text's offset):
 * after x then u, the restored row.
 */
export function followCursorSentence(before: EditorState, after: EditorState): EditorState {
  if (before.view !== 'rows' || after.view !== 'rows') return after;
  const at = sentenceOfCursorRow(before);
  if (!at) return after;
  const sentence = sentenceMapper(before.history.present, after.history.present)(at.doc, at.sentence);
  return sentence === undefined ? after : normalizeRows(rowCursorOn(after, { doc: at.doc, sentence }, false), layout(after));
}

function request(state: EditorState, effect: EffectRequest): EditorState {
  return { ...state, effects: [...state.effects, { ...effect, id: state.nextEffectId } as EditorState['effects'][number]], nextEffectId: state.nextEffectId + 1 };
}

/** The question for a move that would lose something: the first loss decides the wording. */
function question(losses: readonly MoveLoss[]): Message {
  const loss = losses[0]!;
  const key = loss.dissolves ? (loss.note ? 'msg.rowAskDissolveNote' : 'msg.rowAskDissolve') : 'msg.rowAskLeaveConfirmed';
  return { key, params: { group: loss.group, note: loss.note ?? '' }, tone: 'info' };
}

function applyPlan(state: EditorState, plan: MovePlan): EditorState {
  return commit(state, 'row-move', plan.alignment, { key: plan.done.key, params: plan.done.params, tone: 'info' }, plan.anchor);
}

function tryMove(state: EditorState, move: RowMove): EditorState {
  let plan: MovePlan;
  try {
    plan = planMove(rowProjection(state), move);
  } catch (error) {
    if (error instanceof MoveRefused) return say(state, error.key, error.params, 'error');
    throw error;
  }
  if (plan.losses.length > 0) {
    return { ...state, mode: 'confirm-move', rowView: { ...rowViewOf(state), pending: { move, losses: plan.losses, base: state.history.present } }, message: question(plan.losses) };
  }
  return applyPlan(state, plan);
}

function answer(state: EditorState, yes: boolean): EditorState {
  const view = rowViewOf(state);
  const pending = view.pending;
  const { pending: _p, ...rest } = view;
  const closed: EditorState = { ...state, mode: 'normal', rowView: rest };
  if (!pending || !yes) return say(closed, 'msg.rowKept');
  if (pending.base !== closed.history.present) return say(closed, 'msg.rowChangedMeanwhile', undefined, 'error');
  const move = pending.move;
  if (move.type === 'dissolve') {
    try {
      return commit(closed, 'dissolve', dissolveGroup(closed.history.present, move.group), { key: 'msg.dissolved', params: { group: move.group }, tone: 'info' });
    } catch (error) {
      if (error instanceof ModelError) return say(closed, 'msg.modelError', { message: error.message }, 'error');
      throw error;
    }
  }
  try {
    return applyPlan(closed, planMove(rowProjection(closed), move));
  } catch (error) {
    if (error instanceof MoveRefused) return say(closed, error.key, error.params, 'error');
    throw error;
  }
}

function isUnconfirmed(projection: RowProjection, r: number): boolean {
  return rowGroupOf(projection, r)?.status === 'suggested';
}

/** Confirms (or rejects) the row's group, then goes to the next row with a suggested group. */
function review(state: EditorState, status: 'confirmed' | 'rejected'): EditorState {
  const projection = rowProjection(state);
  const row = state.rowView.cursor;
  const group = rowGroupOf(projection, row);
  let next = state;
  // On a 1:0 row there is nothing to review: go on to the next unconfirmed row.
  if (!group) {
    const target = findRow(projection, row, 1, (r) => isUnconfirmed(projection, r)) ?? findRow(projection, -1, 1, (r) => isUnconfirmed(projection, r));
    if (target !== undefined) return moveTo(state, target);
    // Nothing suggested at all (a new alignment): say how to get suggestions or make a unit.
    const anyLive = state.history.present.groups.some((g) => g.status !== 'rejected');
    return say(state, anyLive ? 'msg.rowNotGroup' : 'msg.rowNoSuggestions');
  }
  if (group.status === status) next = say(state, status === 'confirmed' ? 'msg.alreadyConfirmed' : 'msg.alreadyRejected', { group: group.id });
  else if (status === 'rejected' && group.status === 'confirmed') return say(state, 'msg.rejectConfirmed', { group: group.id }, 'error');
  else {
    const member = group.members[0]!;
    const before = state.history.present;
    const changed = setStatus(before, group.id, status);
    if (status === 'confirmed') {
      // Suggested to confirmed: the same live groups in the same places, so the sentence index
      // and the rows carry over instead of being rebuilt (a confirm stays cheap on long texts).
      primeSentenceGroupIndex(changed, sentenceGroupIndex(before));
      carryProjections(before, changed);
    }
    next = commit(state, status === 'confirmed' ? 'accept' : 'reject', changed, {
      key: status === 'confirmed' ? 'msg.accepted' : 'msg.rejected',
      params: { group: group.id },
      tone: 'info',
    }, { doc: member.doc, sentence: member.sentences[0]! });
  }
  const after = rowProjection(next);
  const target = findRow(after, next.rowView.cursor, 1, (r) => isUnconfirmed(after, r)) ?? findRow(after, -1, 1, (r) => isUnconfirmed(after, r));
  if (target === undefined || target === next.rowView.cursor) return say(next, 'msg.rowReviewDone', { group: group.id });
  return moveTo(next, target);
}

function jumpToWarning(state: EditorState, dir: 1 | -1): EditorState {
  const alignment = state.history.present;
  const projection = rowProjection(state);
  // One check call for every group not checked yet, then a scan.
  checkGroups(alignment, state.texts, alignment.groups.filter((g) => g.status !== 'rejected'), state.checkRules);
  const hasWarning = (r: number) => {
    const group = rowGroupOf(projection, r);
    return group !== undefined && warningsOf(alignment, state.texts, group, state.checkRules).length > 0;
  };
  const row = findRow(projection, state.rowView.cursor, dir, hasWarning);
  if (row === undefined) return say(state, 'msg.rowNoWarning');
  const group = rowGroupOf(projection, row)!;
  return say(moveTo(state, row), 'msg.rowWarning', { group: group.id, count: warningsOf(alignment, state.texts, group, state.checkRules).length });
}

function cursorStep(state: EditorState, dir: 1 | -1): EditorState {
  const projection = rowProjection(state);
  const view = rowViewOf(state);
  const cell = cellOf(projection, view.cursor, focusedDoc(state));
  if (dir === 1 && view.sub + 1 < cell.length) return withView(state, { sub: view.sub + 1 });
  if (dir === -1 && view.sub > 0) return withView(state, { sub: view.sub - 1 });
  const row = view.cursor + dir;
  if (row < 0 || row >= projection.length) return state;
  const next = cellOf(projection, row, focusedDoc(state));
  return moveTo(state, row, dir === 1 ? 0 : Math.max(0, next.length - 1));
}

function page(state: EditorState, dir: 1 | -1): EditorState {
  const projection = rowProjection(state);
  const l = layout(state);
  const geometry = rowGeometry(state, l, projection);
  let row = state.rowView.cursor;
  let used = 0;
  while (row + dir >= 0 && row + dir < projection.length) {
    used += rowHeight(state, projection, geometry, row + dir);
    if (used > geometry.bodyHeight) break;
    row += dir;
  }
  return moveTo(state, row === state.rowView.cursor ? row + dir : row);
}

function moveColumn(state: EditorState, dir: 1 | -1): EditorState {
  const view = rowViewOf(state);
  const to = view.focus + dir;
  if (to < 0 || to >= view.columns.length) return state;
  const columns = view.columns.slice();
  [columns[view.focus], columns[to]] = [columns[to]!, columns[view.focus]!];
  return withView(state, { columns, focus: to });
}

function hideColumn(state: EditorState): EditorState {
  const view = rowViewOf(state);
  if (view.columns.length <= 1) return say(state, 'msg.rowLastColumn', undefined, 'error');
  const id = view.columns[view.focus]!;
  const columns = view.columns.filter((c) => c !== id);
  return say(keepRow(state, { columns, focus: Math.min(view.focus, columns.length - 1) }), 'msg.rowColumnHidden', { doc: id });
}

/** Changes which rows exist (columns, lead, order) keeping the cursor on the same sentence. */
function keepRow(state: EditorState, patch: Partial<RowViewState>): EditorState {
  const before = rowProjection(state);
  const view = rowViewOf(state);
  const alignment = state.history.present;
  // The sentence to keep: the focused cell's, else the row's first one.
  let anchor: SentenceRef | undefined;
  const d = focusedDoc(state);
  const cell = cellOf(before, view.cursor, d);
  if (cell.length > 0) anchor = { doc: alignment.documents[d]!.id, sentence: cell[view.sub] ?? cell[0]! };
  else {
    for (const e of before.docs) {
      const c = cellOf(before, view.cursor, e);
      if (c.length > 0) {
        anchor = { doc: alignment.documents[e]!.id, sentence: c[0]! };
        break;
      }
    }
  }
  let next: EditorState = { ...state, rowView: { ...view, ...patch } };
  if (anchor) {
    const after = rowProjection(next);
    const e = alignment.documents.findIndex((doc) => doc.id === anchor.doc);
    const row = rowOfSentence(after, e, anchor.sentence);
    if (row >= 0) next = { ...next, rowView: { ...next.rowView, cursor: row } };
  }
  return normalizeRows(next, layout(next));
}

/** Enters the row view on the row of the panes' cursor sentence. */
export function enterRows(state: EditorState): EditorState {
  const alignment = state.history.present;
  const doc = alignment.documents[state.focus];
  const pane = state.panes[state.focus];
  let next: EditorState = { ...state, view: 'rows', rowView: rowViewOf(state) };
  if (doc && pane) {
    const view = rowViewOf(next);
    const focus = view.columns.indexOf(doc.id);
    const projection = rowProjection(next);
    const row = rowOfSentence(projection, state.focus, pane.cursor);
    if (row >= 0) next = { ...next, rowView: { ...view, cursor: row, ...(focus >= 0 ? { focus } : {}), sub: Math.max(0, cellOf(projection, row, state.focus).indexOf(pane.cursor)) } };
  }
  return normalizeRows(next, layout(next));
}

/**
 * The row view's shift moves from the document panes: the move is planned on the row and cell
 * of the cursor's sentence (as the row view would show it), asks the same question before a
 * loss, and the panes stay on screen with their cursor where it was.
 */
export function paneShift(state: EditorState, type: 'shift-up' | 'shift-down'): EditorState {
  const inRows = enterRows(state);
  const moved = tryMove(inRows, { type, row: rowViewOf(inRows).cursor, doc: state.focus });
  return { ...moved, view: state.view };
}

/** The sentence under the row cursor, for leaving the row view onto the panes. */
export function rowCursorSentence(state: EditorState): SentenceRef | undefined {
  const projection = rowProjection(state);
  const d = focusedDoc(state);
  const cell = cellOf(projection, state.rowView.cursor, d);
  const s = cell[state.rowView.sub] ?? cell[0];
  if (s !== undefined) return { doc: state.history.present.documents[d]!.id, sentence: s };
  // The focused document has nothing in this row: its nearest sentence above (else below).
  const has = (r: number) => cellOf(projection, r, d).length > 0;
  const above = findRow(projection, state.rowView.cursor, -1, has);
  if (above !== undefined) return { doc: state.history.present.documents[d]!.id, sentence: cellOf(projection, above, d).at(-1)! };
  const below = findRow(projection, state.rowView.cursor, 1, has);
  if (below !== undefined) return { doc: state.history.present.documents[d]!.id, sentence: cellOf(projection, below, d)[0]! };
  for (const e of projection.docs) {
    const c = cellOf(projection, state.rowView.cursor, e);
    if (c.length > 0) return { doc: state.history.present.documents[e]!.id, sentence: c[0]! };
  }
  return undefined;
}

/**
 * Handles a command in the row view (or the move question). Undefined: not a row-view
 * command, the generic reducer handles it (undo, save, help, quit, note, the aligner...).
 */
export function rowCommand(state: EditorState, id: CommandId): EditorState | undefined {
  if (state.mode === 'confirm-move') {
    if (id === 'row-answer-yes') return answer(state, true);
    if (id === 'close') return answer(state, false);
    return state;
  }
  if (state.view !== 'rows' || state.mode !== 'normal') return undefined;
  const view = rowViewOf(state);
  const projection = rowProjection(state);
  const d = focusedDoc(state);
  const row = view.cursor;
  switch (id) {
    case 'cursor-down':
      return cursorStep(state, 1);
    case 'cursor-up':
      return cursorStep(state, -1);
    case 'page-down':
      return page(state, 1);
    case 'page-up':
      return page(state, -1);
    case 'first':
      return moveTo(state, 0);
    case 'last':
      return moveTo(state, projection.length - 1);
    case 'next-pane':
    case 'previous-pane': {
      const n = view.columns.length;
      const focus = (view.focus + (id === 'next-pane' ? 1 : n - 1)) % n;
      return withView(state, { focus, sub: 0 });
    }
    case 'accept-suggestion':
      return review(state, 'confirmed');
    case 'reject-suggestion':
      return review(state, 'rejected');
    case 'row-shift-up':
      return tryMove(state, { type: 'shift-up', row, doc: d });
    case 'row-shift-down':
      return tryMove(state, { type: 'shift-down', row, doc: d });
    case 'row-merge-next':
      return tryMove(state, { type: 'merge-next', row });
    case 'row-split':
      return tryMove(state, { type: 'split', row, doc: d, after: view.sub });
    case 'row-detach':
      return tryMove(state, { type: 'detach', row, doc: d, index: view.sub });
    case 'dissolve-group': {
      const group = rowGroupOf(projection, row);
      if (!group) return say(state, 'msg.noGroupHere', undefined, 'error');
      const loss: MoveLoss = { group: group.id, leavesConfirmed: group.status === 'confirmed', dissolves: true, ...(group.note ? { note: group.note } : {}) };
      if (loss.leavesConfirmed || loss.note) {
        return { ...state, mode: 'confirm-move', rowView: { ...view, pending: { move: { type: 'dissolve', group: group.id }, losses: [loss], base: state.history.present } }, message: question([loss]) };
      }
      return commit(state, 'dissolve', dissolveGroup(state.history.present, group.id), { key: 'msg.dissolved', params: { group: group.id }, tone: 'info' });
    }
    case 'row-next-warning':
      return jumpToWarning(state, 1);
    case 'row-previous-warning':
      return jumpToWarning(state, -1);
    case 'row-lead': {
      const lead = view.columns[view.focus]!;
      return say(keepRow(state, { lead }), 'msg.rowLead', { doc: lead });
    }
    case 'row-order': {
      const order = projection.order === 'all' ? 'lead' : 'all';
      return say(keepRow(state, { order }), order === 'all' ? 'msg.rowOrderAll' : 'msg.rowOrderLead', { doc: state.history.present.documents[projection.lead]?.id ?? '' });
    }
    case 'column-left':
      return moveColumn(state, -1);
    case 'column-right':
      return moveColumn(state, 1);
    case 'column-hide':
      return hideColumn(state);
    case 'column-show-all': {
      const ids = state.history.present.documents.map((x) => x.id);
      const missing = ids.filter((x) => !view.columns.includes(x));
      if (missing.length === 0) return say(state, 'msg.rowAllShown');
      return say(keepRow(state, { columns: [...view.columns, ...missing] }), 'msg.rowColumnsShown', { count: missing.length });
    }
    case 'realign-from-cursor': {
      if (state.aligner.running) return say(state, 'msg.alignerBusy');
      const scope = scopeForRealign(state.history.present, projection, row);
      if (scope.sentences === 0) return say(state, 'msg.rowNothingToRealign');
      const started = { ...state, aligner: { running: true, done: 0, total: 0 }, rowRealign: scope };
      return say(request(started, { type: 'run-aligner', alignment: scope.input }), 'msg.rowRealignStarted', { row: row + 1, count: scope.sentences });
    }
    default:
      return undefined;
  }
}

/**
 * Search in the row view: the panes' search (`run`, on a state showing the panes) starts from
 * the sentence under the row cursor, and the row cursor goes to the row holding the match,
 * on the match's cell. A match in a hidden document shows its column again; a match with no
 * row (another document's unaligned sentence while rows follow one document) makes its
 * document lead, and says so. Whatever `run` says (found, "3 of 9", not found) is kept.
 */
export function searchInRows(state: EditorState, run: (panes: EditorState) => EditorState): EditorState {
  const alignment = state.history.present;
  const from = rowCursorSentence(state);
  const d0 = from ? alignment.documents.findIndex((x) => x.id === from.doc) : state.focus;
  const panes = state.panes.map((p, d) => (from && d === d0 ? { ...p, cursor: from.sentence } : p));
  const before: EditorState = { ...state, view: 'panes', focus: d0 >= 0 ? d0 : state.focus, panes };
  const after = run(before);
  const back: EditorState = { ...after, view: 'rows' };
  const d = after.focus;
  const s = after.panes[d]?.cursor;
  const moved = s !== undefined && (d !== before.focus || s !== before.panes[before.focus]?.cursor);
  if (!moved || after.history.present !== alignment) return { ...back, rowView: state.rowView };
  const id = alignment.documents[d]!.id;
  let view = rowViewOf({ ...back, rowView: state.rowView });
  let lead = false;
  if (!view.columns.includes(id)) view = { ...view, columns: [...view.columns, id] };
  let next: EditorState = { ...back, rowView: view };
  let projection = rowProjection(next);
  let row = rowOfSentence(projection, d, s);
  if (row < 0) {
    lead = true;
    next = { ...next, rowView: { ...view, lead: id } };
    projection = rowProjection(next);
    row = rowOfSentence(projection, d, s);
  }
  view = rowViewOf(next);
  const focus = view.columns.indexOf(id);
  const sub = Math.max(0, cellOf(projection, row, d).indexOf(s));
  next = normalizeRows({ ...next, rowView: { ...view, cursor: Math.max(0, row), focus: Math.max(0, focus), sub } }, layout(next));
  return lead ? say(next, 'msg.rowSearchLead', { doc: id, sentence: s + 1 }) : next;
}
