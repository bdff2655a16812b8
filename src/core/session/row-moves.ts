/**
 * The review moves of the row view, as pure functions of an alignment and its row projection:
 * shift a cell's first sentence up into the previous row or its last sentence down into the
 * next (InterText's shift, OmegaT's move up/down), merge a row with the next, split a row
 * between two sentences, make a sentence a row of its own (1:0).
 *
 * Each move is planned first: the plan says what it would do to the alignment and what it
 * would lose (a sentence taken out of a confirmed group, a group dissolved, a note dropped),
 * so the editor can ask before applying it. Moves use the model operations where they exist
 * (their moving semantics: a sentence added to a group leaves its old one).
 */
import { addMembers, link, mergeGroups, nextGroupId, removeSentence, withMembers, type SentenceRef } from '../model/operations.js';
import { primeSentenceGroupIndex, sentenceGroupIndex } from '../model/index-cache.js';
import { ModelError, type Alignment, type Group, type Member } from '../model/types.js';
import { cellOf, rowGroupOf, type RowProjection } from './rows.js';

export type RowMove =
  | { readonly type: 'shift-up'; readonly row: number; readonly doc: number }
  | { readonly type: 'shift-down'; readonly row: number; readonly doc: number }
  | { readonly type: 'merge-next'; readonly row: number }
  /** Split after the `after`-th sentence (0-based) of document `doc`'s cell. */
  | { readonly type: 'split'; readonly row: number; readonly doc: number; readonly after: number }
  /** Sentence number `index` (0-based) of document `doc`'s cell becomes a 1:0 row. */
  | { readonly type: 'detach'; readonly row: number; readonly doc: number; readonly index: number };

/** What a move would lose, for the question asked before it. */
export interface MoveLoss {
  readonly group: string;
  /** A sentence leaves this confirmed group. */
  readonly leavesConfirmed: boolean;
  /** The group is dissolved (fewer than two documents left). */
  readonly dissolves: boolean;
  /** The group's note goes with it. */
  readonly note?: string;
}

export interface MovePlan {
  readonly alignment: Alignment;
  /** The sentence the cursor follows after the move. */
  readonly anchor: SentenceRef;
  readonly losses: readonly MoveLoss[];
  /** i18n message key and parameters saying what was done. */
  readonly done: { readonly key: string; readonly params: Readonly<Record<string, string | number>> };
}

/** A move that cannot be made, with the reason as an i18n key. */
export class MoveRefused extends Error {
  override readonly name = 'MoveRefused';
  constructor(
    readonly key: string,
    readonly params: Readonly<Record<string, string | number>> = {},
  ) {
    super(key);
  }
}

function docsWith(members: readonly Member[]): number {
  let n = 0;
  for (const m of members) if (m.sentences.length > 0) n++;
  return n;
}

/** The loss of taking `sentences` of document `doc` out of `group`. */
function lossOf(group: Group | undefined, doc: string, sentences: readonly number[]): MoveLoss | undefined {
  if (!group) return undefined;
  const drop = new Set(sentences);
  const left = group.members.map((m) => (m.doc === doc ? { ...m, sentences: m.sentences.filter((s) => !drop.has(s)) } : m));
  const dissolves = docsWith(left) < 2;
  const leavesConfirmed = group.status === 'confirmed';
  if (!dissolves && !leavesConfirmed) return undefined;
  return { group: group.id, leavesConfirmed, dissolves, ...(dissolves && group.note ? { note: group.note } : {}) };
}

function refOf(alignment: Alignment, d: number, s: number): SentenceRef {
  return { doc: alignment.documents[d]!.id, sentence: s };
}

/**
 * When a move only put sentence `s` of document `d` into group number `g` (no group dissolved,
 * every group in its place), the sentence index of the result is the old one with that slot
 * changed: recorded instead of rebuilt over every sentence of every document.
 */
function primed(before: Alignment, after: Alignment, d: number, s: number, g: number): Alignment {
  if (after.groups.length !== before.groups.length || after.documents !== before.documents) return after;
  for (let k = 0; k < after.groups.length; k++) if (after.groups[k]!.id !== before.groups[k]!.id) return after;
  const index = new Map(sentenceGroupIndex(before));
  const id = before.documents[d]!.id;
  const slots = Int32Array.from(index.get(id)!);
  slots[s] = g;
  index.set(id, slots);
  primeSentenceGroupIndex(after, index);
  return after;
}

/** Puts sentence `s` of document `d` into row `target` (a group, or a 1:0 row of another document). */
function moveInto(projection: RowProjection, target: number, d: number, s: number): Alignment {
  const alignment = projection.alignment;
  const ref = refOf(alignment, d, s);
  const group = rowGroupOf(projection, target);
  if (group) return primed(alignment, addMembers(alignment, group.id, [ref]), d, s, projection.rowGroup[target]!);
  const e = projection.rowDoc[target]!;
  if (e === d) throw new MoveRefused('msg.rowSameDocument', { doc: alignment.documents[d]!.id });
  return link(alignment, [refOf(alignment, e, projection.rowSentence[target]!), ref]).alignment;
}

function shift(projection: RowProjection, row: number, d: number, dir: -1 | 1): MovePlan {
  const alignment = projection.alignment;
  const cell = cellOf(projection, row, d);
  const id = alignment.documents[d]?.id ?? '';
  if (cell.length === 0) throw new MoveRefused('msg.rowNoCell', { doc: id });
  const target = row + dir;
  if (target < 0 || target >= projection.length) throw new MoveRefused(dir < 0 ? 'msg.rowNoAbove' : 'msg.rowNoBelow');
  const s = dir < 0 ? cell[0]! : cell[cell.length - 1]!;
  const source = rowGroupOf(projection, row);
  const loss = lossOf(source, id, [s]);
  return {
    alignment: moveInto(projection, target, d, s),
    anchor: refOf(alignment, d, s),
    losses: loss ? [loss] : [],
    done: { key: dir < 0 ? 'msg.rowShiftedUp' : 'msg.rowShiftedDown', params: { doc: id, sentence: s + 1 } },
  };
}

function mergeNext(projection: RowProjection, row: number): MovePlan {
  const alignment = projection.alignment;
  if (row + 1 >= projection.length) throw new MoveRefused('msg.rowNoBelow');
  const a = rowGroupOf(projection, row);
  const b = rowGroupOf(projection, row + 1);
  const single = (r: number): SentenceRef => refOf(alignment, projection.rowDoc[r]!, projection.rowSentence[r]!);
  let next: Alignment;
  let anchor: SentenceRef;
  if (a && b) {
    next = mergeGroups(alignment, a.id, b.id);
    const m = a.members[0]!;
    anchor = { doc: m.doc, sentence: m.sentences[0]! };
  } else if (a) {
    next = addMembers(alignment, a.id, [single(row + 1)]);
    anchor = { doc: a.members[0]!.doc, sentence: a.members[0]!.sentences[0]! };
  } else if (b) {
    anchor = single(row);
    next = addMembers(alignment, b.id, [anchor]);
  } else {
    anchor = single(row);
    const other = single(row + 1);
    if (anchor.doc === other.doc) throw new MoveRefused('msg.rowSameDocument', { doc: anchor.doc });
    next = link(alignment, [anchor, other]).alignment;
  }
  return { alignment: next, anchor, losses: [], done: { key: 'msg.rowMerged', params: { row: row + 1 } } };
}

/** Text length of a document's sentences, for splitting the other cells in proportion. */
function lengths(alignment: Alignment, d: number, sentences: readonly number[]): number[] {
  const spans = alignment.documents[d]!.sentences;
  return sentences.map((s) => Math.max(1, spans[s]![1] - spans[s]![0]));
}

function split(projection: RowProjection, row: number, d: number, after: number): MovePlan {
  const alignment = projection.alignment;
  const group = rowGroupOf(projection, row);
  const cell = cellOf(projection, row, d);
  const id = alignment.documents[d]?.id ?? '';
  if (!group || cell.length < 2 || after < 0 || after >= cell.length - 1) throw new MoveRefused('msg.rowCannotSplit', { doc: id });
  // The split point as a share of the cell's text; every other cell is cut nearest that share.
  const own = lengths(alignment, d, cell);
  const total = own.reduce((x, y) => x + y, 0);
  const share = own.slice(0, after + 1).reduce((x, y) => x + y, 0) / total;
  const first: Member[] = [];
  const second: Member[] = [];
  const docIndex = new Map(alignment.documents.map((doc, i) => [doc.id, i]));
  for (const member of group.members) {
    let cut: number;
    if (member.doc === id) cut = after + 1;
    else {
      const e = docIndex.get(member.doc)!;
      const ls = lengths(alignment, e, member.sentences);
      const sum = ls.reduce((x, y) => x + y, 0);
      cut = 0;
      let best = Infinity;
      let run = 0;
      for (let k = 0; k <= ls.length; k++) {
        const distance = Math.abs(run / sum - share);
        // Ties keep a sentence in the first part, so a 2:1 row splits into 1:1 and 1:0.
        if (distance < best - 1e-9 || (Math.abs(distance - best) <= 1e-9 && k === 1)) {
          best = distance;
          cut = k;
        }
        run += ls[k] ?? 0;
      }
    }
    if (cut > 0) first.push({ doc: member.doc, sentences: member.sentences.slice(0, cut) });
    if (cut < member.sentences.length) second.push({ doc: member.doc, sentences: member.sentences.slice(cut) });
  }
  // The part that still links two documents keeps the group (id, status, note); the first if both do.
  const keepFirst = docsWith(first) >= 2 || docsWith(second) < 2;
  const kept = keepFirst ? first : second;
  const other = keepFirst ? second : first;
  const groups: Group[] = [];
  const stays = docsWith(kept) >= 2;
  for (const g of alignment.groups) {
    if (g !== group) groups.push(g);
    else if (stays) groups.push(withMembers(g, kept));
  }
  if (docsWith(other) >= 2) {
    groups.push({ id: nextGroupId(alignment), status: group.status, origin: 'manual', members: other });
  }
  const leavesConfirmed = group.status === 'confirmed';
  const loss: MoveLoss | undefined = leavesConfirmed || !stays ? { group: group.id, leavesConfirmed, dissolves: !stays, ...(!stays && group.note ? { note: group.note } : {}) } : undefined;
  return {
    alignment: { ...alignment, groups },
    anchor: refOf(alignment, d, cell[after]!),
    losses: loss ? [loss] : [],
    done: { key: 'msg.rowSplit', params: { doc: id, sentence: cell[after]! + 1 } },
  };
}

function detach(projection: RowProjection, row: number, d: number, index: number): MovePlan {
  const alignment = projection.alignment;
  const group = rowGroupOf(projection, row);
  const cell = cellOf(projection, row, d);
  const id = alignment.documents[d]?.id ?? '';
  const s = cell[index];
  if (s === undefined) throw new MoveRefused('msg.rowNoCell', { doc: id });
  if (!group) throw new MoveRefused('msg.rowAlreadyAlone', { doc: id, sentence: s + 1 });
  const ref = refOf(alignment, d, s);
  const loss = lossOf(group, id, [s]);
  return {
    alignment: removeSentence(alignment, ref),
    anchor: ref,
    losses: loss ? [loss] : [],
    done: { key: 'msg.rowDetached', params: { doc: id, sentence: s + 1 } },
  };
}

/** Plans a move; throws MoveRefused (or the model's ModelError) when it cannot be made. */
export function planMove(projection: RowProjection, move: RowMove): MovePlan {
  if (move.row < 0 || move.row >= projection.length) throw new MoveRefused('msg.rowNone');
  try {
    switch (move.type) {
      case 'shift-up':
        return shift(projection, move.row, move.doc, -1);
      case 'shift-down':
        return shift(projection, move.row, move.doc, 1);
      case 'merge-next':
        return mergeNext(projection, move.row);
      case 'split':
        return split(projection, move.row, move.doc, move.after);
      case 'detach':
        return detach(projection, move.row, move.doc, move.index);
    }
  } catch (error) {
    if (error instanceof ModelError) throw new MoveRefused('msg.modelError', { message: error.message });
    throw error;
  }
}
