import { isLive } from './index-cache.js';
import type { Alignment } from './types.js';

export interface Violation {
  /** JSON path of the offending value, e.g. ["groups", 3, "members", 0, "sentences", 1]. */
  readonly path: readonly (string | number)[];
  readonly rule:
    | 'duplicate-document-id'
    | 'bad-spans'
    | 'duplicate-group-id'
    | 'unknown-document'
    | 'duplicate-member-document'
    | 'sentence-out-of-range'
    | 'unsorted-sentences'
    | 'too-few-members'
    | 'sentence-in-two-groups'
    | 'texts-mismatch'
    | 'bookmark-out-of-range'
    | 'score-out-of-range';
  readonly message: string;
}

/**
 * Every invariant of an alignment, as a list of violations (empty when valid).
 * Operations keep these true; the loader and `allinea check` report them.
 */
export function findViolations(alignment: Alignment): Violation[] {
  const out: Violation[] = [];
  const sentenceCount = new Map<string, number>();
  alignment.documents.forEach((doc, d) => {
    if (sentenceCount.has(doc.id)) {
      out.push({ path: ['documents', d, 'id'], rule: 'duplicate-document-id', message: `document id "${doc.id}" is used twice` });
    }
    sentenceCount.set(doc.id, doc.sentences.length);
    let previousEnd = 0;
    for (let s = 0; s < doc.sentences.length; s++) {
      const [start, end] = doc.sentences[s]!;
      if (!(start >= previousEnd && end > start)) {
        out.push({
          path: ['documents', d, 'sentences', s],
          rule: 'bad-spans',
          message: `sentence ${s} of "${doc.id}" [${start}, ${end}] is empty, reversed or overlaps the previous one`,
        });
      }
      if (end > previousEnd) previousEnd = end;
    }
  });

  const groupIds = new Set<string>();
  // Owner of each sentence among live groups, by document: group index + 1 (0: none).
  // Typed arrays rather than a Map of "doc/sentence" strings: this loop runs over every
  // sentence of every group, which is most of the cost of loading a large file.
  const owners = new Map<string, Int32Array>();
  for (const [id, count] of sentenceCount) owners.set(id, new Int32Array(count));
  const groups = alignment.groups;
  for (let g = 0; g < groups.length; g++) {
    const group = groups[g]!;
    if (groupIds.has(group.id)) {
      out.push({ path: ['groups', g, 'id'], rule: 'duplicate-group-id', message: `group id "${group.id}" is used twice` });
    }
    groupIds.add(group.id);
    if (group.score !== undefined && !(group.score >= 0 && group.score <= 1)) {
      out.push({ path: ['groups', g, 'score'], rule: 'score-out-of-range', message: `group "${group.id}" has score ${group.score}, outside [0, 1]` });
    }
    const live = isLive(group.status);
    const memberDocs: string[] = [];
    for (let m = 0; m < group.members.length; m++) {
      const member = group.members[m]!;
      const count = sentenceCount.get(member.doc);
      if (count === undefined) {
        out.push({ path: ['groups', g, 'members', m, 'doc'], rule: 'unknown-document', message: `group "${group.id}" names unknown document "${member.doc}"` });
        continue;
      }
      if (memberDocs.includes(member.doc)) {
        out.push({ path: ['groups', g, 'members', m, 'doc'], rule: 'duplicate-member-document', message: `group "${group.id}" lists document "${member.doc}" twice` });
      } else memberDocs.push(member.doc);
      if (member.texts !== undefined && member.texts.length !== member.sentences.length) {
        out.push({ path: ['groups', g, 'members', m, 'texts'], rule: 'texts-mismatch', message: `group "${group.id}" has ${member.texts.length} texts for ${member.sentences.length} sentences of "${member.doc}"` });
      }
      const owner = owners.get(member.doc)!;
      const sentences = member.sentences;
      for (let i = 0; i < sentences.length; i++) {
        const s = sentences[i]!;
        if (!Number.isInteger(s) || s < 0 || s >= count) {
          out.push({ path: ['groups', g, 'members', m, 'sentences', i], rule: 'sentence-out-of-range', message: `group "${group.id}" points at sentence ${s} of "${member.doc}", which has ${count} sentences` });
          continue;
        }
        if (i > 0 && sentences[i - 1]! >= s) {
          out.push({ path: ['groups', g, 'members', m, 'sentences', i], rule: 'unsorted-sentences', message: `group "${group.id}" lists the sentences of "${member.doc}" out of order or twice` });
        }
        if (!live) continue;
        const other = owner[s]!;
        if (other !== 0 && groups[other - 1]!.id !== group.id) {
          out.push({ path: ['groups', g, 'members', m, 'sentences', i], rule: 'sentence-in-two-groups', message: `sentence ${s} of "${member.doc}" is in groups "${groups[other - 1]!.id}" and "${group.id}"` });
        } else owner[s] = g + 1;
      }
    }
    if (memberDocs.length < 2) {
      out.push({ path: ['groups', g, 'members'], rule: 'too-few-members', message: `group "${group.id}" links fewer than two documents` });
    }
  }

  alignment.bookmarks.forEach((bookmark, b) => {
    const count = sentenceCount.get(bookmark.doc);
    if (count === undefined || bookmark.sentence < 0 || bookmark.sentence >= count) {
      out.push({ path: ['bookmarks', b], rule: 'bookmark-out-of-range', message: `bookmark ${b} points at sentence ${bookmark.sentence} of "${bookmark.doc}", which does not exist` });
    }
  });
  return out;
}
