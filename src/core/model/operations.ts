/**
 * Pure operations on an alignment. Each returns a new Alignment (unchanged parts shared)
 * or throws ModelError, leaving invariants (see invariants.ts) true.
 *
 * Moving semantics: linking or adding a sentence that already belongs to a live group
 * takes it out of that group first, and a group left linking fewer than two documents
 * is dissolved. That is what a linguist expects when re-linking, and undo restores it.
 */
import { groupIndexOf, isLive, primeSentenceGroupIndex, sentenceGroupIndex } from './index-cache.js';
import { idsAfterJoin, idsAfterSplit } from './sentence-ids.js';
import {
  ModelError,
  type Alignment,
  type Bookmark,
  type Group,
  type GroupStatus,
  type Member,
  type SegmentationOverride,
  type Span,
} from './types.js';

export interface SentenceRef {
  readonly doc: string;
  readonly sentence: number;
}

export interface SuggestedMembers {
  readonly members: readonly { readonly doc: string; readonly sentences: readonly number[] }[];
  readonly score: number;
}

function documentIndex(alignment: Alignment, doc: string): number {
  const d = alignment.documents.findIndex((x) => x.id === doc);
  if (d < 0) throw new ModelError(`There is no document "${doc}".`);
  return d;
}

function checkSentence(alignment: Alignment, ref: SentenceRef): void {
  const doc = alignment.documents[documentIndex(alignment, ref.doc)]!;
  if (!Number.isInteger(ref.sentence) || ref.sentence < 0 || ref.sentence >= doc.sentences.length) {
    throw new ModelError(`Document "${ref.doc}" has no sentence ${ref.sentence}.`);
  }
}

function groupPosition(alignment: Alignment, groupId: string): number {
  const g = alignment.groups.findIndex((x) => x.id === groupId);
  if (g < 0) throw new ModelError(`There is no group "${groupId}".`);
  return g;
}

// Largest "g<number>" id per groups array: arrays are immutable, so the scan is done once per
// array and operations that add a group carry the figure over instead of rescanning.
const largestIdNumber = new WeakMap<readonly Group[], number>();

function largestGroupNumber(groups: readonly Group[]): number {
  let max = largestIdNumber.get(groups);
  if (max !== undefined) return max;
  max = 0;
  for (const group of groups) {
    const m = /^g(\d+)$/.exec(group.id);
    if (m) max = Math.max(max, Number(m[1]));
  }
  largestIdNumber.set(groups, max);
  return max;
}

/** The next free group id: "g" followed by one more than the largest number in use. */
export function nextGroupId(alignment: Alignment, taken: ReadonlySet<string> = new Set()): string {
  let n = largestGroupNumber(alignment.groups) + 1;
  while (taken.has(`g${n}`)) n++;
  return `g${n}`;
}

/** Builds members from sentence refs, in document order of the alignment, sentences ascending. */
export function membersOf(alignment: Alignment, refs: readonly SentenceRef[]): Member[] {
  const byDoc = new Map<string, Set<number>>();
  for (const ref of refs) {
    checkSentence(alignment, ref);
    let set = byDoc.get(ref.doc);
    if (!set) byDoc.set(ref.doc, (set = new Set()));
    set.add(ref.sentence);
  }
  return alignment.documents
    .filter((doc) => byDoc.has(doc.id))
    .map((doc) => ({ doc: doc.id, sentences: [...byDoc.get(doc.id)!].sort((a, b) => a - b) }));
}

function countDocs(members: readonly Member[]): number {
  return new Set(members.filter((m) => m.sentences.length > 0).map((m) => m.doc)).size;
}

/**
 * Removes the given sentences from the live groups holding them (found through the sentence
 * index, so the cost does not grow with the number of groups); dissolves groups left with
 * fewer than two documents. `keep` names a group left untouched.
 */
function detach(alignment: Alignment, refs: readonly SentenceRef[], keep?: string): Group[] {
  const index = sentenceGroupIndex(alignment);
  const drop = new Set(refs.map((r) => `${r.doc}\u0000${r.sentence}`));
  const touched = new Set<number>();
  for (const ref of refs) {
    const g = index.get(ref.doc)?.[ref.sentence];
    if (g !== undefined && g >= 0 && alignment.groups[g]!.id !== keep) touched.add(g);
  }
  if (touched.size === 0) return alignment.groups.slice();
  const out: Group[] = [];
  alignment.groups.forEach((group, g) => {
    if (!touched.has(g)) {
      out.push(group);
      return;
    }
    const members: Member[] = [];
    for (const member of group.members) {
      const kept = member.sentences.filter((s) => !drop.has(`${member.doc}\u0000${s}`));
      if (kept.length === member.sentences.length) members.push(member);
      else if (kept.length > 0) members.push({ doc: member.doc, sentences: kept });
    }
    if (countDocs(members) >= 2) out.push(withMembers(group, members));
  });
  return out;
}

/**
 * A group whose members were changed by hand: it is the user's group now (origin manual) and
 * the aligner's score, which described the old members, is dropped. Status and note stay.
 */
export function withMembers(group: Group, members: readonly Member[]): Group {
  const { score: _stale, ...rest } = group;
  return { ...rest, origin: 'manual', members };
}

function mergeMembers(a: readonly Member[], b: readonly Member[], order: readonly string[]): Member[] {
  const byDoc = new Map<string, Set<number>>();
  for (const member of [...a, ...b]) {
    let set = byDoc.get(member.doc);
    if (!set) byDoc.set(member.doc, (set = new Set()));
    for (const s of member.sentences) set.add(s);
  }
  return order
    .filter((doc) => byDoc.has(doc))
    .map((doc) => ({ doc, sentences: [...byDoc.get(doc)!].sort((x, y) => x - y) }));
}

/** Links sentences from at least two documents into a new confirmed, manual group. */
export function link(alignment: Alignment, refs: readonly SentenceRef[], id?: string): { alignment: Alignment; groupId: string } {
  const members = membersOf(alignment, refs);
  if (countDocs(members) < 2) throw new ModelError('A group needs sentences from at least two documents.');
  const groupId = id ?? nextGroupId(alignment);
  if (alignment.groups.some((g) => g.id === groupId)) throw new ModelError(`Group id "${groupId}" is already used.`);
  const groups = detach(alignment, refs);
  groups.push({ id: groupId, status: 'confirmed', origin: 'manual', members });
  const number = /^g(\d+)$/.exec(groupId);
  largestIdNumber.set(groups, Math.max(largestGroupNumber(alignment.groups), number ? Number(number[1]) : 0));
  const next = { ...alignment, groups };
  // When no group was dissolved, every group keeps its position: the new index is the old
  // one with the linked sentences pointing at the new group (a copy of the touched documents only).
  if (groups.length === alignment.groups.length + 1) {
    const index = new Map(sentenceGroupIndex(alignment));
    for (const member of members) {
      const slots = Int32Array.from(index.get(member.doc)!);
      for (const s of member.sentences) slots[s] = groups.length - 1;
      index.set(member.doc, slots);
    }
    primeSentenceGroupIndex(next, index);
  }
  return { alignment: next, groupId };
}

/** Adds sentences to an existing group (moving them out of any other live group). */
export function addMembers(alignment: Alignment, groupId: string, refs: readonly SentenceRef[]): Alignment {
  const g = groupPosition(alignment, groupId);
  const target = alignment.groups[g]!;
  if (!isLive(target.status)) throw new ModelError(`Group "${groupId}" is rejected; restore it before adding sentences.`);
  const added = membersOf(alignment, refs);
  const order = alignment.documents.map((d) => d.id);
  const groups = detach(alignment, refs, groupId).map((group) =>
    group.id === groupId ? withMembers(group, mergeMembers(group.members, added, order)) : group,
  );
  return { ...alignment, groups };
}

/** Takes one sentence out of its live group; a group left with < 2 documents is dissolved. */
export function removeSentence(alignment: Alignment, ref: SentenceRef): Alignment {
  checkSentence(alignment, ref);
  if (groupIndexOf(alignment, ref.doc, ref.sentence) === undefined) {
    throw new ModelError(`Sentence ${ref.sentence} of "${ref.doc}" is not in a group.`);
  }
  return { ...alignment, groups: detach(alignment, [ref]) };
}

/** Moves every member of `otherId` into `intoId`; the merged group is confirmed and manual. */
export function mergeGroups(alignment: Alignment, intoId: string, otherId: string): Alignment {
  if (intoId === otherId) throw new ModelError('A group cannot be merged with itself.');
  const into = alignment.groups[groupPosition(alignment, intoId)]!;
  const other = alignment.groups[groupPosition(alignment, otherId)]!;
  if (!isLive(into.status) || !isLive(other.status)) throw new ModelError('Rejected groups cannot be merged.');
  const order = alignment.documents.map((d) => d.id);
  const merged: Group = {
    id: into.id,
    status: 'confirmed',
    origin: 'manual',
    members: mergeMembers(into.members, other.members, order),
    ...(joinNotes(into.note, other.note) !== undefined ? { note: joinNotes(into.note, other.note)! } : {}),
  };
  const groups = alignment.groups.filter((g) => g.id !== otherId).map((g) => (g.id === intoId ? merged : g));
  return { ...alignment, groups };
}

function joinNotes(a?: string, b?: string): string | undefined {
  if (a && b) return `${a} / ${b}`;
  return a || b || undefined;
}

/** Removes a group, leaving its sentences unaligned. */
export function dissolveGroup(alignment: Alignment, groupId: string): Alignment {
  groupPosition(alignment, groupId);
  return { ...alignment, groups: alignment.groups.filter((g) => g.id !== groupId) };
}

/** Confirms, rejects or re-suggests a group. Reviving a rejected group must not steal sentences. */
export function setStatus(alignment: Alignment, groupId: string, status: GroupStatus): Alignment {
  const g = groupPosition(alignment, groupId);
  const group = alignment.groups[g]!;
  if (group.status === status) return alignment;
  if (!isLive(group.status) && isLive(status)) {
    for (const member of group.members) {
      for (const s of member.sentences) {
        const owner = groupIndexOf(alignment, member.doc, s);
        if (owner !== undefined) {
          throw new ModelError(`Sentence ${s} of "${member.doc}" is already in group "${alignment.groups[owner]!.id}".`);
        }
      }
    }
  }
  const groups = alignment.groups.slice();
  groups[g] = { ...group, status };
  return { ...alignment, groups };
}

/** Sets or clears (empty string) a group's note. */
export function setNote(alignment: Alignment, groupId: string, note: string): Alignment {
  const g = groupPosition(alignment, groupId);
  const { note: _old, ...rest } = alignment.groups[g]!;
  const groups = alignment.groups.slice();
  groups[g] = note.trim() === '' ? rest : { ...rest, note: note.trim() };
  return { ...alignment, groups };
}

/** Adds a bookmark on a sentence, or removes it if there is one. */
export function toggleBookmark(alignment: Alignment, ref: SentenceRef, note?: string): Alignment {
  checkSentence(alignment, ref);
  const existing = alignment.bookmarks.findIndex((b) => b.doc === ref.doc && b.sentence === ref.sentence);
  if (existing >= 0) return { ...alignment, bookmarks: alignment.bookmarks.filter((_, i) => i !== existing) };
  const bookmark: Bookmark = note ? { doc: ref.doc, sentence: ref.sentence, note } : { doc: ref.doc, sentence: ref.sentence };
  const bookmarks = [...alignment.bookmarks, bookmark].sort(
    (a, b) => documentIndexSafe(alignment, a.doc) - documentIndexSafe(alignment, b.doc) || a.sentence - b.sentence,
  );
  return { ...alignment, bookmarks };
}

function documentIndexSafe(alignment: Alignment, doc: string): number {
  return alignment.documents.findIndex((d) => d.id === doc);
}

/** Shifts sentence indices of one document at or after `from` by `delta` in groups and bookmarks. */
function shiftIndices(alignment: Alignment, doc: string, from: number, delta: number): Pick<Alignment, 'groups' | 'bookmarks'> {
  const shift = (s: number) => (s >= from ? s + delta : s);
  const groups = alignment.groups.map((group) =>
    group.members.some((m) => m.doc === doc && m.sentences.some((s) => s >= from))
      ? { ...group, members: group.members.map((m) => (m.doc === doc ? { ...m, sentences: m.sentences.map(shift) } : m)) }
      : group,
  );
  const bookmarks = alignment.bookmarks.map((b) => (b.doc === doc && b.sentence >= from ? { ...b, sentence: b.sentence + delta } : b));
  return { groups, bookmarks };
}

/** Records an override, cancelling its opposite at the same offset instead of stacking both. */
function recordOverride(overrides: readonly SegmentationOverride[], next: SegmentationOverride): SegmentationOverride[] {
  const opposite = overrides.findIndex((o) => o.doc === next.doc && o.at === next.at && o.op !== next.op);
  if (opposite >= 0) return overrides.filter((_, i) => i !== opposite);
  return [...overrides, next].sort((a, b) => (a.doc < b.doc ? -1 : a.doc > b.doc ? 1 : a.at - b.at));
}

function isSpace(ch: string | undefined): boolean {
  return ch !== undefined && /\s/u.test(ch);
}

/**
 * Splits sentence `ref` at character offset `at` of the document text (whitespace around
 * the cut is left out of both parts). Both parts keep the sentence's group membership.
 */
export function splitSentence(alignment: Alignment, ref: SentenceRef, at: number, text: string): Alignment {
  checkSentence(alignment, ref);
  const d = documentIndex(alignment, ref.doc);
  const doc = alignment.documents[d]!;
  const [start, end] = doc.sentences[ref.sentence]!;
  let firstEnd = at;
  while (firstEnd > start && isSpace(text[firstEnd - 1])) firstEnd--;
  let secondStart = at;
  while (secondStart < end && isSpace(text[secondStart])) secondStart++;
  if (firstEnd <= start || secondStart >= end) {
    throw new ModelError('A sentence can only be split between two non-empty parts.');
  }
  const sentences: Span[] = [...doc.sentences.slice(0, ref.sentence), [start, firstEnd], [secondStart, end], ...doc.sentences.slice(ref.sentence + 1)];
  const shifted = shiftIndices(alignment, ref.doc, ref.sentence + 1, 1);
  // The sentence's own group now holds both parts.
  const groups = shifted.groups.map((group) =>
    isLive(group.status) && group.members.some((m) => m.doc === ref.doc && m.sentences.includes(ref.sentence))
      ? {
          ...group,
          members: group.members.map((m) =>
            m.doc === ref.doc ? { doc: m.doc, sentences: [...m.sentences, ref.sentence + 1].sort((a, b) => a - b) } : m,
          ),
        }
      : group,
  );
  const documents = alignment.documents.slice();
  documents[d] = { ...doc, sentences, ids: idsAfterSplit(doc, ref.sentence) };
  return {
    ...alignment,
    documents,
    groups,
    bookmarks: shifted.bookmarks,
    overrides: recordOverride(alignment.overrides, { doc: ref.doc, op: 'split', at: secondStart }),
  };
}

/**
 * Joins sentence `ref` with the next one. If only one of them is in a group, the joined
 * sentence stays in it; if they are in two different groups the join is refused.
 */
export function joinSentences(alignment: Alignment, ref: SentenceRef): Alignment {
  checkSentence(alignment, ref);
  const d = documentIndex(alignment, ref.doc);
  const doc = alignment.documents[d]!;
  const i = ref.sentence;
  if (i + 1 >= doc.sentences.length) throw new ModelError('The last sentence has no next sentence to join.');
  const index = sentenceGroupIndex(alignment).get(ref.doc)!;
  const ga = index[i]!;
  const gb = index[i + 1]!;
  if (ga >= 0 && gb >= 0 && ga !== gb) {
    throw new ModelError(`Sentences ${i} and ${i + 1} are in different groups; take one out first.`);
  }
  const [start] = doc.sentences[i]!;
  const [secondStart, end] = doc.sentences[i + 1]!;
  // Remove i+1 everywhere (rejected groups included), then close the gap, then give i its group.
  const keepGroup = ga >= 0 ? ga : gb;
  const groups0 = alignment.groups.map((group, g) => {
    const touches = group.members.some((m) => m.doc === ref.doc && (m.sentences.includes(i) || m.sentences.includes(i + 1)));
    if (!touches) return group;
    const members = group.members.map((m) => {
      if (m.doc !== ref.doc) return m;
      const set = new Set(m.sentences.filter((s) => s !== i + 1));
      if (g === keepGroup || m.sentences.includes(i + 1)) set.add(i);
      return { doc: m.doc, sentences: [...set].sort((a, b) => a - b) };
    });
    return { ...group, members };
  });
  const bookmarks0 = alignment.bookmarks.filter(
    (b) => !(b.doc === ref.doc && b.sentence === i + 1 && alignment.bookmarks.some((o) => o.doc === ref.doc && o.sentence === i)),
  ).map((b) => (b.doc === ref.doc && b.sentence === i + 1 ? { ...b, sentence: i } : b));
  const shifted = shiftIndices({ ...alignment, groups: groups0, bookmarks: bookmarks0 }, ref.doc, i + 2, -1);
  const sentences: Span[] = [...doc.sentences.slice(0, i), [start, end], ...doc.sentences.slice(i + 2)];
  const documents = alignment.documents.slice();
  documents[d] = { ...doc, sentences, ids: idsAfterJoin(doc, i) };
  return {
    ...alignment,
    documents,
    groups: shifted.groups,
    bookmarks: shifted.bookmarks,
    overrides: recordOverride(alignment.overrides, { doc: ref.doc, op: 'join', at: secondStart }),
  };
}

/**
 * Replaces every suggested group with new suggestions (ids assigned, status suggested,
 * origin auto). Confirmed and rejected groups are kept exactly; a suggestion touching a
 * sentence of a confirmed group is trimmed, and dropped if it no longer links two documents.
 */
export function applySuggestions(alignment: Alignment, suggestions: readonly SuggestedMembers[]): Alignment {
  const kept = alignment.groups.filter((g) => g.status !== 'suggested');
  const used = new Set<string>();
  for (const group of kept) {
    if (!isLive(group.status)) continue;
    for (const m of group.members) for (const s of m.sentences) used.add(`${m.doc}\u0000${s}`);
  }
  const order = alignment.documents.map((d) => d.id);
  let number = largestGroupNumber(alignment.groups);
  const groups = kept.slice();
  for (const suggestion of suggestions) {
    const members = mergeMembers(
      suggestion.members
        .map((m) => ({ doc: m.doc, sentences: m.sentences.filter((s) => !used.has(`${m.doc}\u0000${s}`)) }))
        .filter((m) => m.sentences.length > 0),
      [],
      order,
    );
    if (countDocs(members) < 2) continue;
    for (const m of members) for (const s of m.sentences) used.add(`${m.doc}\u0000${s}`);
    const id = `g${++number}`;
    const score = Math.min(1, Math.max(0, Number.isFinite(suggestion.score) ? suggestion.score : 0));
    groups.push({ id, status: 'suggested', origin: 'auto', score: Math.round(score * 1000) / 1000, members });
  }
  largestIdNumber.set(groups, number);
  return { ...alignment, groups };
}

/** Confirms every suggested group whose score is at least `threshold`. */
export function acceptSuggestionsAbove(alignment: Alignment, threshold: number): Alignment {
  let changed = false;
  const groups = alignment.groups.map((g) => {
    if (g.status === 'suggested' && (g.score ?? 0) >= threshold) {
      changed = true;
      return { ...g, status: 'confirmed' as const };
    }
    return g;
  });
  return changed ? { ...alignment, groups } : alignment;
}
