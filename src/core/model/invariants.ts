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
    doc.sentences.forEach(([start, end], s) => {
      if (!(start >= previousEnd && end > start)) {
        out.push({
          path: ['documents', d, 'sentences', s],
          rule: 'bad-spans',
          message: `sentence ${s} of "${doc.id}" [${start}, ${end}] is empty, reversed or overlaps the previous one`,
        });
      }
      previousEnd = Math.max(previousEnd, end);
    });
  });

  const groupIds = new Set<string>();
  const owner = new Map<string, string>(); // "doc\u0000sentence" -> group id, live groups only
  alignment.groups.forEach((group, g) => {
    if (groupIds.has(group.id)) {
      out.push({ path: ['groups', g, 'id'], rule: 'duplicate-group-id', message: `group id "${group.id}" is used twice` });
    }
    groupIds.add(group.id);
    if (group.score !== undefined && !(group.score >= 0 && group.score <= 1)) {
      out.push({ path: ['groups', g, 'score'], rule: 'score-out-of-range', message: `group "${group.id}" has score ${group.score}, outside [0, 1]` });
    }
    const memberDocs = new Set<string>();
    group.members.forEach((member, m) => {
      const count = sentenceCount.get(member.doc);
      if (count === undefined) {
        out.push({ path: ['groups', g, 'members', m, 'doc'], rule: 'unknown-document', message: `group "${group.id}" names unknown document "${member.doc}"` });
        return;
      }
      if (memberDocs.has(member.doc)) {
        out.push({ path: ['groups', g, 'members', m, 'doc'], rule: 'duplicate-member-document', message: `group "${group.id}" lists document "${member.doc}" twice` });
      }
      memberDocs.add(member.doc);
      if (member.texts !== undefined && member.texts.length !== member.sentences.length) {
        out.push({ path: ['groups', g, 'members', m, 'texts'], rule: 'texts-mismatch', message: `group "${group.id}" has ${member.texts.length} texts for ${member.sentences.length} sentences of "${member.doc}"` });
      }
      member.sentences.forEach((s, i) => {
        const path = ['groups', g, 'members', m, 'sentences', i];
        if (!Number.isInteger(s) || s < 0 || s >= count) {
          out.push({ path, rule: 'sentence-out-of-range', message: `group "${group.id}" points at sentence ${s} of "${member.doc}", which has ${count} sentences` });
          return;
        }
        const previous = member.sentences[i - 1];
        if (previous !== undefined && previous >= s) {
          out.push({ path, rule: 'unsorted-sentences', message: `group "${group.id}" lists the sentences of "${member.doc}" out of order or twice` });
        }
        if (!isLive(group.status)) return;
        const key = `${member.doc}\u0000${s}`;
        const other = owner.get(key);
        if (other !== undefined && other !== group.id) {
          out.push({ path, rule: 'sentence-in-two-groups', message: `sentence ${s} of "${member.doc}" is in groups "${other}" and "${group.id}"` });
        } else owner.set(key, group.id);
      });
    });
    if (memberDocs.size < 2) {
      out.push({ path: ['groups', g, 'members'], rule: 'too-few-members', message: `group "${group.id}" links fewer than two documents` });
    }
  });

  alignment.bookmarks.forEach((bookmark, b) => {
    const count = sentenceCount.get(bookmark.doc);
    if (count === undefined || bookmark.sentence < 0 || bookmark.sentence >= count) {
      out.push({ path: ['bookmarks', b], rule: 'bookmark-out-of-range', message: `bookmark ${b} points at sentence ${bookmark.sentence} of "${bookmark.doc}", which does not exist` });
    }
  });
  return out;
}
