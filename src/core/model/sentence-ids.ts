/**
 * Stable sentence ids (file format version 2). In memory, members and bookmarks name
 * sentences by index; in a version 2 file, by id. A document's ids are saved as runs
 * ([first id, count]) and only when they are not simply 0, 1, 2, ...: a file whose
 * segmentation was never changed reads exactly like a version 1 file.
 */
import type { Violation } from './invariants.js';
import type { Alignment, Bookmark, DocumentRef, Group, Member } from './types.js';

export type IdRun = readonly [first: number, count: number];

/** The ids as runs of consecutive numbers. */
export function idRuns(ids: readonly number[]): IdRun[] {
  const runs: [number, number][] = [];
  for (let i = 0; i < ids.length; i++) {
    const last = runs[runs.length - 1];
    if (last && ids[i] === last[0] + last[1]) last[1]++;
    else runs.push([ids[i]!, 1]);
  }
  return runs;
}

/** The ids of a document when it has a usable list (as many unique ids as sentences), else undefined (ids are the indices). */
export function usableIds(doc: DocumentRef): readonly number[] | undefined {
  const ids = doc.ids;
  if (!ids || ids.length !== doc.sentences.length) return undefined;
  let identity = true;
  const seen = new Set<number>();
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i]!;
    if (!Number.isSafeInteger(id) || id < 0 || seen.has(id)) return undefined;
    seen.add(id);
    if (id !== i) identity = false;
  }
  return identity ? undefined : ids;
}

/** The document's ids, or the indices when it has none that fit (no uniqueness check: this runs on every split and join). */
function currentIds(doc: DocumentRef): number[] {
  return doc.ids && doc.ids.length === doc.sentences.length ? doc.ids.slice() : doc.sentences.map((_, i) => i);
}

/** The ids after sentence `at` was split in two: the second part gets a new id. */
export function idsAfterSplit(doc: DocumentRef, at: number): number[] {
  const ids = currentIds(doc);
  let next = ids.length;
  for (const id of ids) if (id >= next) next = id + 1;
  ids.splice(at + 1, 0, next);
  return ids;
}

/** The ids after sentence `at` and the next were joined: the joined sentence keeps the first id. */
export function idsAfterJoin(doc: DocumentRef, at: number): number[] {
  const ids = currentIds(doc);
  ids.splice(at + 1, 1);
  return ids;
}

interface FileDocument extends DocumentRef {
  readonly ids?: never;
}

/**
 * The in-memory alignment of a version 2 file's data (ids turned into indices), with a
 * violation for each id that does not fit. Version 1 data is returned as it is.
 */
export function fromFileData(data: Alignment): { alignment: Alignment; problems: Violation[] } {
  if (data.version !== 2) return { alignment: data, problems: [] };
  const problems: Violation[] = [];
  // Per document: id -> index (only for documents that list ids).
  const lookup = new Map<string, Map<number, number>>();
  const documents = data.documents.map((raw, d) => {
    const runs = (raw as unknown as { ids?: IdRun[] }).ids;
    const { ids: _runs, ...doc } = raw as unknown as FileDocument & { ids?: IdRun[] };
    if (runs === undefined) return doc as DocumentRef;
    const ids: number[] = [];
    for (const [first, count] of runs) for (let k = 0; k < count && ids.length <= doc.sentences.length; k++) ids.push(first + k);
    const map = new Map<number, number>();
    ids.forEach((id, i) => {
      if (!map.has(id)) map.set(id, i);
    });
    if (ids.length !== doc.sentences.length || map.size !== ids.length) {
      problems.push({
        path: ['documents', d, 'ids'],
        rule: 'bad-spans',
        message: `the sentence ids of "${doc.id}" ${ids.length !== doc.sentences.length ? `number ${runs.reduce((n, r) => n + r[1], 0)} for ${doc.sentences.length} sentences` : 'repeat an id'}`,
      });
    }
    if (!lookup.has(doc.id)) lookup.set(doc.id, map);
    return { ...doc, ids } as DocumentRef;
  });
  if (lookup.size === 0) return { alignment: { ...data, documents }, problems };
  const indexOf = (doc: string, id: number, path: (string | number)[], what: string): number => {
    const map = lookup.get(doc);
    if (!map) return id;
    const i = map.get(id);
    if (i !== undefined) return i;
    problems.push({ path, rule: what === 'bookmark' ? 'bookmark-out-of-range' : 'sentence-out-of-range', message: `${what} names sentence id ${id} of "${doc}", which has no sentence with that id` });
    return -1;
  };
  const groups = data.groups.map((group, g): Group => {
    if (!group.members.some((m) => lookup.has(m.doc))) return group;
    const members = group.members.map(
      (member, m): Member => (lookup.has(member.doc) ? { ...member, sentences: member.sentences.map((id, i) => indexOf(member.doc, id, ['groups', g, 'members', m, 'sentences', i], `group "${group.id}"`)) } : member),
    );
    return { ...group, members };
  });
  const bookmarks = data.bookmarks.map((b, i): Bookmark => (lookup.has(b.doc) ? { ...b, sentence: indexOf(b.doc, b.sentence, ['bookmarks', i], 'bookmark') } : b));
  return { alignment: { ...data, documents, groups, bookmarks }, problems };
}
