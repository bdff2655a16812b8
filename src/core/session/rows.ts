/**
 * The row projection of an alignment: one row per unit, in document order, as InterText's
 * parallel table shows a bitext. A unit is a live group (its sentences of every shown
 * document side by side) or an unaligned sentence (a 1:0 row at its place).
 *
 * Order `all` (translations): every sentence of every shown document is in exactly one row,
 * and rows follow every document's order where the groups allow it. It is a merge of the
 * documents' sentence chains (a topological order of the units): a unit is emitted once it
 * is at the head of every document it has sentences in. Groups that cross (comparable
 * corpora, a wrong suggestion) make a cycle; the cycle is broken by the leading document,
 * whose order is always kept.
 *
 * Order `lead` (comparable corpora): rows follow the leading document only; the other
 * documents show their sentences of the row's group, and their unaligned sentences (and
 * groups without the leading document) have no row until another document leads.
 *
 * The projection is linear in sentences plus group members (typed arrays, no per-row
 * objects) and cached for the last few alignment objects (the present one, the one undo goes
 * back to): a cache per alignment would keep rows for every state in the undo history, about
 * 2.5 MB each at 3 × 100,000 sentences.
 */
import { isLive, sentenceGroupIndex } from '../model/index-cache.js';
import type { Alignment, Group } from '../model/types.js';

export type RowOrder = 'all' | 'lead';

export interface RowProjectionOptions {
  /** Indices of the documents that get cells (order does not matter here). */
  readonly docs: readonly number[];
  /** Index of the leading document (one of `docs`; the first of them otherwise). */
  readonly lead: number;
  readonly order: RowOrder;
}

export interface RowProjection {
  readonly alignment: Alignment;
  /** Shown documents, ascending. */
  readonly docs: readonly number[];
  readonly lead: number;
  readonly order: RowOrder;
  readonly length: number;
  /** Per row: index into `alignment.groups`, or -1 for an unaligned sentence. */
  readonly rowGroup: Int32Array;
  /** Per unaligned row: its document index and sentence (unused for group rows). */
  readonly rowDoc: Int32Array;
  readonly rowSentence: Int32Array;
  /** Per document index: each sentence's row (-1: no row, e.g. another document's unaligned sentence in `lead` order). */
  readonly rowOf: ReadonlyMap<number, Int32Array>;
  /** How many times the merge had to break a cycle of crossing groups (0 for a consistent bitext). */
  readonly crossings: number;
}

/** One cell: the sentences of a document in a row, ascending. */
export interface RowCell {
  readonly doc: number;
  readonly sentences: readonly number[];
}

/** Loop steps of the last merge (heads advanced plus choices made): a complexity test counts them. */
let mergeSteps = 0;
export function lastMergeSteps(): number {
  return mergeSteps;
}

/** Projections by alignment, most recently used last; at most CACHED_ALIGNMENTS alignments. */
const cache = new Map<Alignment, Map<string, RowProjection>>();
const CACHED_ALIGNMENTS = 4;

function remember(alignment: Alignment, byKey: Map<string, RowProjection>): void {
  cache.delete(alignment);
  cache.set(alignment, byKey);
  while (cache.size > CACHED_ALIGNMENTS) cache.delete(cache.keys().next().value!);
}

export function projectRows(alignment: Alignment, options: RowProjectionOptions): RowProjection {
  const docs = [...new Set(options.docs)].filter((d) => d >= 0 && d < alignment.documents.length).sort((a, b) => a - b);
  const lead = docs.includes(options.lead) ? options.lead : (docs[0] ?? 0);
  const key = `${options.order}|${lead}|${docs.join(',')}`;
  let byKey = cache.get(alignment);
  if (!byKey) byKey = new Map();
  remember(alignment, byKey);
  const cached = byKey.get(key);
  if (cached) return cached;
  if (byKey.size > 8) byKey.clear();
  const projection = options.order === 'lead' ? leadRows(alignment, docs, lead) : mergedRows(alignment, docs, lead);
  byKey.set(key, projection);
  return projection;
}

/**
 * Hands the projections computed for `previous` to `next`, an alignment with the same live
 * groups at the same positions and the same sentences (a confirm: suggested to confirmed).
 * The caller guarantees that; rows are then identical and need no recomputing.
 */
export function carryProjections(previous: Alignment, next: Alignment): void {
  const byKey = cache.get(previous);
  if (!byKey || cache.has(next)) return;
  const carried = new Map<string, RowProjection>();
  for (const [key, projection] of byKey) carried.set(key, { ...projection, alignment: next });
  remember(next, carried);
}

/** Collects rows into typed arrays that grow by doubling. */
class RowBuilder {
  group = new Int32Array(1024);
  doc = new Int32Array(1024);
  sentence = new Int32Array(1024);
  length = 0;

  push(g: number, d: number, s: number): number {
    if (this.length === this.group.length) {
      const grow = (a: Int32Array) => {
        const b = new Int32Array(a.length * 2);
        b.set(a);
        return b;
      };
      this.group = grow(this.group);
      this.doc = grow(this.doc);
      this.sentence = grow(this.sentence);
    }
    this.group[this.length] = g;
    this.doc[this.length] = d;
    this.sentence[this.length] = s;
    return this.length++;
  }
}

function slotsOf(alignment: Alignment, docs: readonly number[]): Int32Array[] {
  const index = sentenceGroupIndex(alignment);
  const slots: Int32Array[] = [];
  for (const d of docs) slots[d] = index.get(alignment.documents[d]!.id)!;
  return slots;
}

function emptyRowOf(alignment: Alignment, docs: readonly number[]): Map<number, Int32Array> {
  const rowOf = new Map<number, Int32Array>();
  for (const d of docs) rowOf.set(d, new Int32Array(alignment.documents[d]!.sentences.length).fill(-1));
  return rowOf;
}

function finish(alignment: Alignment, docs: readonly number[], lead: number, order: RowOrder, rows: RowBuilder, rowOf: Map<number, Int32Array>, crossings: number): RowProjection {
  return {
    alignment,
    docs,
    lead,
    order,
    length: rows.length,
    rowGroup: rows.group.subarray(0, rows.length),
    rowDoc: rows.doc.subarray(0, rows.length),
    rowSentence: rows.sentence.subarray(0, rows.length),
    rowOf,
    crossings,
  };
}

/** Marks a group's sentences in the shown documents as placed in `row`. */
function placeGroup(group: Group, row: number, docIndex: ReadonlyMap<string, number>, rowOf: Map<number, Int32Array>): void {
  for (const member of group.members) {
    const d = docIndex.get(member.doc);
    const rows = d === undefined ? undefined : rowOf.get(d);
    if (!rows) continue;
    for (const s of member.sentences) if (s >= 0 && s < rows.length) rows[s] = row;
  }
}

function leadRows(alignment: Alignment, docs: readonly number[], lead: number): RowProjection {
  const rowOf = emptyRowOf(alignment, docs);
  const rows = new RowBuilder();
  const docIndex = new Map(alignment.documents.map((d, i) => [d.id, i]));
  const slots = slotsOf(alignment, docs);
  const leadSlots = slots[lead];
  const leadRowOf = rowOf.get(lead);
  if (leadSlots && leadRowOf) {
    for (let s = 0; s < leadSlots.length; s++) {
      if (leadRowOf[s]! >= 0) continue;
      const g = leadSlots[s]!;
      if (g < 0) leadRowOf[s] = rows.push(-1, lead, s);
      else placeGroup(alignment.groups[g]!, rows.push(g, -1, -1), docIndex, rowOf);
    }
  }
  return finish(alignment, docs, lead, 'lead', rows, rowOf, 0);
}

function mergedRows(alignment: Alignment, docs: readonly number[], lead: number): RowProjection {
  const rowOf = emptyRowOf(alignment, docs);
  const rows = new RowBuilder();
  if (docs.length === 0) return finish(alignment, docs, lead, 'all', rows, rowOf, 0);
  const docIndex = new Map(alignment.documents.map((d, i) => [d.id, i]));
  const slots = slotsOf(alignment, docs);
  const groups = alignment.groups;
  // Per document index: each sentence's row so far (-1: not placed), or undefined when not shown.
  const placed: (Int32Array | undefined)[] = alignment.documents.map((_, d) => rowOf.get(d));
  // Each live group's members in shown documents, flattened: documents and sentence lists.
  const memberStart = new Int32Array(groups.length + 1);
  const memberDoc: number[] = [];
  const memberSentences: (readonly number[])[] = [];
  for (let g = 0; g < groups.length; g++) {
    memberStart[g] = memberDoc.length;
    const group = groups[g]!;
    if (!isLive(group.status)) continue;
    for (const member of group.members) {
      const d = docIndex.get(member.doc);
      if (d !== undefined && placed[d] && member.sentences.length > 0) {
        memberDoc.push(d);
        memberSentences.push(member.sentences);
      }
    }
  }
  memberStart[groups.length] = memberDoc.length;
  // How many heads have reached each group (it is due when all its documents' heads have).
  const arrived = new Int32Array(groups.length);
  const head = new Int32Array(alignment.documents.length);
  const counts = Int32Array.from(alignment.documents, (d) => d.sentences.length);
  const others = docs.filter((d) => d !== lead);

  // A head has reached a sentence: it is the group's first unplaced sentence in that document.
  const arrive = (d: number): void => {
    const own = placed[d]!;
    const n = counts[d]!;
    let s = head[d]!;
    while (s < n && own[s]! >= 0) {
      s++;
      mergeSteps++;
    }
    head[d] = s;
    if (s < n) {
      const g = slots[d]![s]!;
      if (g >= 0) arrived[g]!++;
    }
  };
  for (const d of docs) arrive(d);

  const ready = (d: number): boolean => {
    const s = head[d]!;
    if (s >= counts[d]!) return false;
    const g = slots[d]![s]!;
    return g < 0 || arrived[g] === memberStart[g + 1]! - memberStart[g]!;
  };
  const emit = (d: number): void => {
    const s = head[d]!;
    const g = slots[d]![s]!;
    if (g < 0) {
      placed[d]![s] = rows.push(-1, d, s);
      arrive(d);
      return;
    }
    const row = rows.push(g, -1, -1);
    const from = memberStart[g]!;
    const to = memberStart[g + 1]!;
    for (let k = from; k < to; k++) {
      const own = placed[memberDoc[k]!]!;
      const sentences = memberSentences[k]!;
      for (let i = 0; i < sentences.length; i++) {
        const x = sentences[i]!;
        if (x >= 0 && x < own.length) own[x] = row;
      }
    }
    for (let k = from; k < to; k++) {
      const e = memberDoc[k]!;
      if (head[e]! < counts[e]! && placed[e]![head[e]!]! >= 0) arrive(e);
    }
  };

  let crossings = 0;
  mergeSteps = 0;
  for (;;) {
    mergeSteps += docs.length;
    // Of the units that are due, the one furthest back in its document (relative position,
    // the lead first on a tie): gaps in several documents then interleave as a bitext reads.
    let best = -1;
    let bestAt = Infinity;
    for (const d of docs) {
      if (!ready(d)) continue;
      const at = head[d]! / Math.max(1, counts[d]!);
      if (at < bestAt || (at === bestAt && d === lead)) {
        best = d;
        bestAt = at;
      }
    }
    if (best >= 0) {
      emit(best);
      continue;
    }
    // Nothing is due: crossing groups make a cycle. The lead's next unit breaks it.
    const stuck = head[lead]! < counts[lead]! ? lead : others.find((d) => head[d]! < counts[d]!);
    if (stuck === undefined) break;
    crossings++;
    emit(stuck);
  }
  return finish(alignment, docs, lead, 'all', rows, rowOf, crossings);
}

/** The cells of row `r`, one per shown document that has sentences in it, in document order. */
export function rowCells(projection: RowProjection, r: number): RowCell[] {
  const g = projection.rowGroup[r];
  if (g === undefined) return [];
  if (g < 0) return [{ doc: projection.rowDoc[r]!, sentences: [projection.rowSentence[r]!] }];
  const { alignment } = projection;
  const group = alignment.groups[g]!;
  const cells: RowCell[] = [];
  for (const d of projection.docs) {
    const member = group.members.find((m) => m.doc === alignment.documents[d]!.id);
    if (member && member.sentences.length > 0) cells.push({ doc: d, sentences: member.sentences });
  }
  return cells;
}

/** The sentences of document `d` in row `r` (empty when it has none there). */
export function cellOf(projection: RowProjection, r: number, d: number): readonly number[] {
  const g = projection.rowGroup[r];
  if (g === undefined) return [];
  if (g < 0) return projection.rowDoc[r] === d ? [projection.rowSentence[r]!] : [];
  const id = projection.alignment.documents[d]?.id;
  return projection.alignment.groups[g]!.members.find((m) => m.doc === id)?.sentences ?? [];
}

/** The row's group, if it is a group row. */
export function rowGroupOf(projection: RowProjection, r: number): Group | undefined {
  const g = projection.rowGroup[r];
  return g === undefined || g < 0 ? undefined : projection.alignment.groups[g];
}

/** The row holding a sentence, or -1. */
export function rowOfSentence(projection: RowProjection, d: number, s: number): number {
  return projection.rowOf.get(d)?.[s] ?? -1;
}

/** Next row after (dir 1) or before (dir -1) `from` satisfying `test`, without wrapping. */
export function findRow(projection: RowProjection, from: number, dir: 1 | -1, test: (r: number) => boolean): number | undefined {
  for (let r = from + dir; r >= 0 && r < projection.length; r += dir) if (test(r)) return r;
  return undefined;
}
