/**
 * Source drift: a document's text changed after the alignment was written. The document
 * is segmented again, overrides that still fit are replayed, and every grouped or
 * bookmarked sentence is found again by its recorded text: exactly first (the occurrence
 * nearest its old place), then fuzzily. What cannot be found is reported, never dropped
 * silently.
 */
import type { SegmentFn } from './create.js';
import type { Alignment, Bookmark, Group, Member, SegmentationOverride, Span } from './types.js';

export interface LostSentence {
  readonly doc: string;
  readonly sentence: number;
  readonly text?: string;
  /** The group it belonged to, or undefined for a bookmark. */
  readonly group?: string;
}

export interface ReanchorReport {
  readonly doc: string;
  /** Sentences found again with identical text. */
  readonly exact: number;
  /** Sentences found again with similar text (similarity >= FUZZY_THRESHOLD). */
  readonly fuzzy: number;
  readonly lost: readonly LostSentence[];
  readonly droppedOverrides: readonly SegmentationOverride[];
  /** Groups dissolved because they were left linking fewer than two documents. */
  readonly dissolvedGroups: readonly string[];
}

/** Similarity in [0, 1] of two strings: Dice coefficient of character bigrams (whitespace folded). */
export function similarity(a: string, b: string): number {
  const norm = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').trim();
  const x = norm(a);
  const y = norm(b);
  if (x === y) return 1;
  if (x.length < 2 || y.length < 2) return 0;
  const grams = new Map<string, number>();
  for (let i = 0; i < x.length - 1; i++) {
    const g = x.slice(i, i + 2);
    grams.set(g, (grams.get(g) ?? 0) + 1);
  }
  let shared = 0;
  for (let i = 0; i < y.length - 1; i++) {
    const g = y.slice(i, i + 2);
    const n = grams.get(g) ?? 0;
    if (n > 0) {
      shared++;
      grams.set(g, n - 1);
    }
  }
  return (2 * shared) / (x.length - 1 + (y.length - 1));
}

export const FUZZY_THRESHOLD = 0.75;

/** Replays overrides on a fresh segmentation; returns the spans and the overrides that no longer fit. */
export function replayOverrides(
  text: string,
  spans: readonly Span[],
  overrides: readonly SegmentationOverride[],
): { sentences: Span[]; dropped: SegmentationOverride[] } {
  let sentences = spans.slice();
  const dropped: SegmentationOverride[] = [];
  for (const o of overrides) {
    if (o.op === 'split') {
      const i = sentences.findIndex(([s, e]) => o.at > s && o.at < e);
      let firstEnd = o.at;
      while (i >= 0 && firstEnd > sentences[i]![0] && /\s/u.test(text[firstEnd - 1] ?? '')) firstEnd--;
      if (i < 0 || firstEnd <= sentences[i]![0] || /\s/u.test(text[o.at] ?? ' ')) {
        dropped.push(o);
        continue;
      }
      const [s, e] = sentences[i]!;
      sentences = [...sentences.slice(0, i), [s, firstEnd], [o.at, e], ...sentences.slice(i + 1)];
    } else {
      const i = sentences.findIndex(([s]) => s === o.at);
      if (i <= 0) {
        dropped.push(o);
        continue;
      }
      sentences = [...sentences.slice(0, i - 1), [sentences[i - 1]![0], sentences[i]![1]], ...sentences.slice(i + 1)];
    }
  }
  return { sentences, dropped };
}

/** How far from its expected place a sentence is looked for fuzzily (exact matches: anywhere). */
const FUZZY_WINDOW = 500;

/** Finds a sentence with `wanted` text in the new segmentation, nearest to `near`. */
function finder(text: string, sentences: readonly Span[]) {
  const byText = new Map<string, number[]>();
  sentences.forEach(([s, e], i) => {
    const key = text.slice(s, e);
    const list = byText.get(key);
    if (list) list.push(i);
    else byText.set(key, [i]);
  });
  return (wanted: string | undefined, near: number, taken: ReadonlySet<number>): { index: number; exact: boolean } | undefined => {
    if (wanted === undefined) return undefined;
    const exact = (byText.get(wanted) ?? []).filter((i) => !taken.has(i));
    if (exact.length > 0) {
      const index = exact.reduce((a, b) => (Math.abs(b - near) < Math.abs(a - near) ? b : a));
      return { index, exact: true };
    }
    let best: { index: number; score: number } | undefined;
    const from = Math.max(0, near - FUZZY_WINDOW);
    const to = Math.min(sentences.length, near + FUZZY_WINDOW + 1);
    for (let i = from; i < to; i++) {
      if (taken.has(i)) continue;
      const [s, e] = sentences[i]!;
      const score = similarity(text.slice(s, e), wanted);
      if (score < FUZZY_THRESHOLD) continue;
      if (!best || score > best.score || (score === best.score && Math.abs(i - near) < Math.abs(best.index - near))) {
        best = { index: i, score };
      }
    }
    return best && { index: best.index, exact: false };
  };
}

export function reanchorDocument(
  alignment: Alignment,
  docId: string,
  newText: string,
  newSha256: string,
  segment: SegmentFn,
): { alignment: Alignment; report: ReanchorReport } {
  const d = alignment.documents.findIndex((x) => x.id === docId);
  const doc = alignment.documents[d];
  if (!doc) throw new Error(`unknown document ${docId}`);
  const ownOverrides = alignment.overrides.filter((o) => o.doc === docId);
  const { sentences, dropped } = replayOverrides(newText, segment(newText, doc.lang), ownOverrides);
  const lost: LostSentence[] = [];
  let exact = 0;
  let fuzzy = 0;
  const taken = new Set<number>();
  const scale = doc.sentences.length > 0 ? sentences.length / doc.sentences.length : 1;
  const find = finder(newText, sentences);
  // One lookup per old sentence: a group member and a bookmark on the same sentence move together.
  const moved = new Map<number, number | undefined>();
  const relocate = (old: number, wanted: string | undefined): number | undefined => {
    if (moved.has(old)) return moved.get(old);
    const hit = find(wanted, Math.round(old * scale), taken);
    moved.set(old, hit?.index);
    if (!hit) return undefined;
    taken.add(hit.index);
    if (hit.exact) exact++;
    else fuzzy++;
    return hit.index;
  };

  const dissolvedGroups: string[] = [];
  const groups: Group[] = [];
  for (const group of alignment.groups) {
    const members: Member[] = [];
    for (const member of group.members) {
      if (member.doc !== docId) {
        members.push(member);
        continue;
      }
      const kept: number[] = [];
      member.sentences.forEach((s, i) => {
        const wanted = member.texts?.[i];
        const at = relocate(s, wanted);
        if (at === undefined) lost.push({ doc: docId, sentence: s, group: group.id, ...(wanted !== undefined ? { text: wanted } : {}) });
        else kept.push(at);
      });
      if (kept.length > 0) members.push({ doc: docId, sentences: [...new Set(kept)].sort((a, b) => a - b) });
    }
    if (new Set(members.map((m) => m.doc)).size >= 2) groups.push({ ...group, members });
    else dissolvedGroups.push(group.id);
  }
  const bookmarks: Bookmark[] = [];
  for (const bookmark of alignment.bookmarks) {
    if (bookmark.doc !== docId) {
      bookmarks.push(bookmark);
      continue;
    }
    const at = relocate(bookmark.sentence, bookmark.text);
    if (at === undefined) lost.push({ doc: docId, sentence: bookmark.sentence, ...(bookmark.text !== undefined ? { text: bookmark.text } : {}) });
    else bookmarks.push({ ...bookmark, sentence: at });
  }
  const documents = alignment.documents.slice();
  documents[d] = { ...doc, sha256: newSha256, sentences };
  const droppedSet = new Set(dropped);
  return {
    alignment: {
      ...alignment,
      documents,
      groups,
      bookmarks,
      overrides: alignment.overrides.filter((o) => !droppedSet.has(o)),
    },
    report: { doc: docId, exact, fuzzy, lost, droppedOverrides: dropped, dissolvedGroups },
  };
}
