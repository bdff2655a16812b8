/**
 * Source drift: a document's text changed after the alignment was written. The document is
 * segmented again; the user's splits and joins are moved with the text they cut (found by
 * their context: recorded with the override, or, in files that did not record it, taken from
 * the recorded texts of the sentences around the cut) and replayed; then every grouped or
 * bookmarked sentence is found again by its recorded text:
 *   1. a sentence with exactly that text, nearest its expected place;
 *   2. a sentence with the same text up to line endings, Unicode normalisation and whitespace;
 *   3. that text elsewhere, where it can be cut out as a sentence (the segmentation is then
 *      adjusted with recorded overrides, so that it survives the next re-segmentation);
 *   4. a similar sentence (reported with its old and new text: never silent);
 * and what cannot be found is reported by group and text. Nothing is moved silently onto a
 * different text, and nothing is dropped silently.
 */
import type { SegmentFn } from './create.js';
import { usableIds } from './sentence-ids.js';
import { carve, cutPenalty, derivedContext, firstEndingAfter, replayOverrides } from './reanchor-cuts.js';
import { keyIndexAt, keyOf, normalizedView, occurrences, originalRange, OVERRIDE_CONTEXT, overrideContext, textKey } from './text-match.js';
import type { Alignment, Bookmark, Group, Member, SegmentationOverride, Span } from './types.js';

export interface LostSentence {
  readonly doc: string;
  readonly sentence: number;
  readonly text?: string;
  /** The group it belonged to, or undefined for a bookmark. */
  readonly group?: string;
}

/** A grouped or bookmarked sentence re-attached to a sentence whose text differs from the recorded one. */
export interface ChangedSentence {
  readonly doc: string;
  /** Old and new index of the sentence. */
  readonly sentence: number;
  readonly to: number;
  /** The groups holding it (empty for a bookmark only). */
  readonly groups: readonly string[];
  readonly text: string;
  readonly newText: string;
  readonly similarity: number;
}

export interface LostOverride {
  readonly override: SegmentationOverride;
  /** text-gone: the text it cut is no longer in the document; not-recorded: the file does not say what text it cut; unfit: it no longer fits the segmentation. */
  readonly reason: 'text-gone' | 'not-recorded' | 'unfit';
  /** The text around the cut, as far as it is known ("before|after"). */
  readonly context?: string;
}

export interface ReanchorReport {
  readonly doc: string;
  /** Sentences found again with identical text. */
  readonly exact: number;
  /** Sentences found again with the same text up to line endings, Unicode normalisation and whitespace. */
  readonly normalized: number;
  /** Sentences found again only after the segmentation was adjusted around them (counted in exact or normalized too). */
  readonly recut: number;
  /** Sentences re-attached to a similar text (similarity >= FUZZY_THRESHOLD): listed in `changed`. */
  readonly fuzzy: number;
  /** Grouped or bookmarked sentences whose index changed. */
  readonly moved: number;
  readonly changed: readonly ChangedSentence[];
  readonly lost: readonly LostSentence[];
  /** Overrides that could not be carried over (the objects of the alignment given). */
  readonly droppedOverrides: readonly SegmentationOverride[];
  readonly lostOverrides: readonly LostOverride[];
  /** Overrides carried over to a new offset. */
  readonly movedOverrides: number;
  /** Overrides added to keep a recorded sentence whole in the new segmentation. */
  readonly addedOverrides: number;
  /** Groups dissolved because they were left linking fewer than two documents. */
  readonly dissolvedGroups: readonly string[];
}

const foldForSimilarity = (s: string) => s.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();

/** A text prepared for many similarity() comparisons (folded once, its bigrams counted once). */
export interface PreparedText {
  readonly folded: string;
  readonly grams: ReadonlyMap<string, number>;
}

export function prepareSimilarity(text: string): PreparedText {
  const folded = foldForSimilarity(text);
  const grams = new Map<string, number>();
  for (let i = 0; i < folded.length - 1; i++) {
    const g = folded.slice(i, i + 2);
    grams.set(g, (grams.get(g) ?? 0) + 1);
  }
  return { folded, grams };
}

/** Work done by similarity(), for complexity tests. */
export const similarityWork = { calls: 0 };

/** Similarity in [0, 1] of two strings: Dice coefficient of character bigrams (whitespace folded). */
export function similarity(a: string | PreparedText, b: string): number {
  similarityWork.calls++;
  const x = typeof a === 'string' ? prepareSimilarity(a) : a;
  const y = foldForSimilarity(b);
  if (x.folded === y) return 1;
  if (x.folded.length < 2 || y.length < 2) return 0;
  const used = new Map<string, number>();
  let shared = 0;
  for (let i = 0; i < y.length - 1; i++) {
    const g = y.slice(i, i + 2);
    const n = x.grams.get(g) ?? 0;
    const u = used.get(g) ?? 0;
    if (u < n) {
      shared++;
      used.set(g, u + 1);
    }
  }
  return (2 * shared) / (x.folded.length - 1 + (y.length - 1));
}

export const FUZZY_THRESHOLD = 0.75;
export { OVERRIDE_CONTEXT, overrideContext };
export { replayOverrides };

/** How far (in sentences) from its expected place a sentence is looked for fuzzily. */
const FUZZY_WINDOW = 50;
/** How many texts per document are searched for in the whole text when not found near their place (each search reads the whole text). */
const GLOBAL_SEARCHES = 16;
/** How far (in key characters) around its expected place a sentence's text is looked for to be cut out again (step 3). */
const PASS3_WINDOW = 5000;

function nearest<T>(candidates: readonly T[], place: (c: T) => number, target: number): T {
  let best = candidates[0] as T;
  for (const c of candidates) if (Math.abs(place(c) - target) < Math.abs(place(best) - target)) best = c;
  return best;
}

interface Found {
  range: Span;
  how: 'exact' | 'normalized' | 'fuzzy';
  recut: boolean;
  similarity?: number;
}

export function reanchorDocument(
  alignment: Alignment,
  docId: string,
  newText: string,
  newSha256: string,
  segment: SegmentFn,
  /**
   * The alignment before any document was re-anchored, when several are in turn: a group
   * dissolved by an earlier document still tells this one its recorded texts (for cuts).
   */
  original: Alignment = alignment,
): { alignment: Alignment; report: ReanchorReport } {
  const d = alignment.documents.findIndex((x) => x.id === docId);
  const doc = alignment.documents[d];
  if (!doc) throw new Error(`unknown document ${docId}`);
  const oldSpans = doc.sentences;

  // The recorded text of every grouped or bookmarked sentence, by old index. A text whose
  // length differs from its old span does not describe that span and is not trusted for cuts.
  const recorded = new Map<number, string>();
  const source = original.documents.find((x) => x.id === docId)?.sentences === oldSpans ? original : alignment;
  for (const group of source.groups) {
    for (const member of group.members) {
      if (member.doc !== docId || !member.texts) continue;
      member.sentences.forEach((s, i) => {
        const t = member.texts![i];
        if (t !== undefined && !recorded.has(s)) recorded.set(s, t);
      });
    }
  }
  for (const b of source.bookmarks) if (b.doc === docId && b.text !== undefined && !recorded.has(b.sentence)) recorded.set(b.sentence, b.text);
  const fits = (s: number): string | undefined => {
    const t = recorded.get(s);
    const span = oldSpans[s];
    return t !== undefined && span && span[1] - span[0] === t.length ? t : undefined;
  };

  const view = normalizedView(newText);
  const raw = segment(newText, doc.lang);

  // Anchors: recorded sentences whose text occurs once in the raw segmentation, giving the
  // shift between old and new offsets around them (to choose between repeated texts).
  const rawByKey = new Map<string, number[]>();
  raw.forEach(([s, e], i) => {
    const key = keyOf(view, s, e);
    const list = rawByKey.get(key);
    if (list) list.push(i);
    else rawByKey.set(key, [i]);
  });
  const recordedKeyCount = new Map<string, number>();
  const recordedKey = new Map<number, string>();
  for (const [s, t] of recorded) {
    const key = textKey(t);
    recordedKey.set(s, key);
    recordedKeyCount.set(key, (recordedKeyCount.get(key) ?? 0) + 1);
  }
  const anchors: [oldStart: number, delta: number][] = [];
  for (const [s, key] of recordedKey) {
    const hits = rawByKey.get(key);
    const span = oldSpans[s];
    if (span && hits?.length === 1 && recordedKeyCount.get(key) === 1) anchors.push([span[0], raw[hits[0]!]![0] - span[0]]);
  }
  anchors.sort((a, b) => a[0] - b[0]);
  const oldLength = oldSpans.length > 0 ? oldSpans[oldSpans.length - 1]![1] : 0;
  const expected = (oldOffset: number): number => {
    if (anchors.length === 0) return oldLength > 0 ? Math.round((oldOffset * newText.length) / oldLength) : oldOffset;
    let lo = 0;
    let hi = anchors.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (anchors[mid]![0] <= oldOffset) lo = mid + 1;
      else hi = mid;
    }
    const before = anchors[lo - 1];
    const after = anchors[lo];
    const pick = !before ? after! : !after ? before : oldOffset - before[0] <= after[0] - oldOffset ? before : after;
    return oldOffset + pick[1];
  };

  // 1. Move the overrides with the text they cut.
  const budget = { left: GLOBAL_SEARCHES };
  const own = alignment.overrides.filter((o) => o.doc === docId);
  const lostOverrides: LostOverride[] = [];
  const relocated: SegmentationOverride[] = [];
  const origin = new Map<SegmentationOverride, SegmentationOverride>();
  let movedOverrides = 0;
  for (const o of own) {
    const context = o.context ?? derivedContext(o, oldSpans, fits);
    const shown = context ? `${context[0]}|${context[1]}` : undefined;
    const [kb, ka] = context ? [textKey(context[0]), textKey(context[1])] : ['', ''];
    if (kb + ka === '') {
      lostOverrides.push({ override: o, reason: 'not-recorded' });
      continue;
    }
    // The whole context, else one side of it when the other side's text is gone (a sentence
    // deleted next to the cut): the side that is left still says where the cut goes.
    const target = keyIndexAt(view, expected(o.at));
    let cut = -1;
    // (A split is found by the text it starts; when that is gone, so is the cut.)
    const tries = o.op === 'split' ? ([[kb + ka, kb.length], [ka, 0]] as const) : ([[kb + ka, kb.length], [ka, 0], [kb, kb.length]] as const);
    for (const [needle, offset] of tries) {
      if (needle.length < (needle === kb + ka ? 1 : 8)) continue;
      const hits = occurrences(view, needle, target - offset, undefined, undefined, budget);
      if (hits.length === 0) continue;
      cut = nearest(hits, (h) => h + offset, target) + offset;
      break;
    }
    if (cut < 0 || cut >= view.key.length) {
      lostOverrides.push({ override: o, reason: 'text-gone', ...(shown !== undefined ? { context: shown } : {}) });
      continue;
    }
    const at = view.from[cut]!;
    if (at !== o.at) movedOverrides++;
    if (relocated.some((r) => r.op === o.op && r.at === at)) continue; // two cuts that now fall together
    const moved: SegmentationOverride = { doc: o.doc, op: o.op, at, context: overrideContext(newText, at) };
    relocated.push(moved);
    origin.set(moved, o);
  }
  const replayed = replayOverrides(newText, raw, relocated);
  for (const o of replayed.dropped) lostOverrides.push({ override: origin.get(o)!, reason: 'unfit' });
  const droppedReplay = new Set(replayed.dropped);
  let overrides = relocated.filter((o) => !droppedReplay.has(o));
  let sentences = replayed.sentences;

  // 2. Find every recorded sentence again.
  const found = new Map<number, Found>();
  const claimed = new Set<number>(); // starts of new sentences already taken
  const byText = new Map<string, number[]>();
  const byKey = new Map<string, number[]>();
  sentences.forEach(([s, e], i) => {
    const t = newText.slice(s, e);
    const push = (map: Map<string, number[]>, k: string) => {
      const list = map.get(k);
      if (list) list.push(i);
      else map.set(k, [i]);
    };
    push(byText, t);
    push(byKey, keyOf(view, s, e));
  });
  const olds = [...recorded.keys()].sort((a, b) => a - b);
  const placeOf = (s: number) => expected(oldSpans[s]?.[0] ?? 0);
  for (const [how, map] of [['exact', byText], ['normalized', byKey]] as const) {
    for (const s of olds) {
      if (found.has(s)) continue;
      const wanted = how === 'exact' ? recorded.get(s)! : recordedKey.get(s)!;
      const free = (map.get(wanted) ?? []).filter((i) => !claimed.has(sentences[i]![0]));
      if (free.length === 0) continue;
      const i = nearest(free, (x) => sentences[x]![0], placeOf(s));
      found.set(s, { range: sentences[i]!, how, recut: false });
      claimed.add(sentences[i]![0]);
    }
  }

  // 3. The text elsewhere, cut out as a sentence where the new text allows it.
  const forced: Span[] = [];
  // Per sentence of the current segmentation: the forced ranges overlapping it.
  const forcedIn = new Map<number, Span[]>();
  const claimedIndex = new Set<number>();
  for (const f of found.values()) claimedIndex.add(firstEndingAfter(sentences, f.range[0]));
  const overlapped = (a: number, b: number): number[] => {
    const out: number[] = [];
    for (let i = firstEndingAfter(sentences, a); i < sentences.length && sentences[i]![0] < b; i++) out.push(i);
    return out;
  };
  const taken = (a: number, b: number) =>
    overlapped(a, b).some((i) => claimedIndex.has(i) || (forcedIn.get(i) ?? []).some(([x, y]) => x < b && a < y));
  for (const s of olds) {
    if (found.has(s)) continue;
    const key = recordedKey.get(s)!;
    if (key === '') continue;
    const near = keyIndexAt(view, placeOf(s));
    const candidates: { range: Span; penalty: number }[] = [];
    for (const h of occurrences(view, key, near, PASS3_WINDOW, undefined, budget)) {
      const [a, b] = originalRange(view, h, key.length);
      if (taken(a, b)) continue;
      const penalty = cutPenalty(newText, sentences, a, b);
      if (penalty !== undefined) candidates.push({ range: [a, b], penalty });
    }
    if (candidates.length === 0) continue;
    const least = Math.min(...candidates.map((c) => c.penalty));
    const best = nearest(candidates.filter((c) => c.penalty === least), (c) => c.range[0], placeOf(s));
    forced.push(best.range);
    for (const i of overlapped(...best.range)) forcedIn.set(i, [...(forcedIn.get(i) ?? []), best.range]);
    found.set(s, { range: best.range, how: newText.slice(...best.range) === recorded.get(s) ? 'exact' : 'normalized', recut: true });
  }
  let addedOverrides = 0;
  if (forced.length > 0) {
    const cut = carve(newText, sentences, overrides, forced.sort((x, y) => x[0] - y[0]), docId);
    sentences = cut.sentences;
    overrides = cut.overrides;
    addedOverrides = cut.added;
  }
  const startIndex = new Map<number, number>();
  sentences.forEach(([s], i) => startIndex.set(s, i));

  // 4. A similar sentence nearby, reported with both texts. (Similarity >= 0.75 needs the
  // shorter text to be at least about 0.6 of the longer: others are not scored.)
  const takenStarts = new Set([...found.values()].map((f) => f.range[0]));
  for (const s of olds) {
    if (found.has(s)) continue;
    const wanted = recorded.get(s)!;
    const prepared = prepareSimilarity(wanted);
    const place = placeOf(s);
    const centre = Math.min(sentences.length - 1, firstEndingAfter(sentences, place));
    let best: { i: number; score: number } | undefined;
    for (let i = Math.max(0, centre - FUZZY_WINDOW); i < Math.min(sentences.length, centre + FUZZY_WINDOW + 1); i++) {
      const [a, b] = sentences[i]!;
      if (takenStarts.has(a)) continue;
      const length = b - a;
      if (Math.min(length, wanted.length) < 0.5 * Math.max(length, wanted.length)) continue;
      const score = similarity(prepared, newText.slice(a, b));
      if (score < FUZZY_THRESHOLD) continue;
      if (!best || score > best.score || (score === best.score && Math.abs(i - centre) < Math.abs(best.i - centre))) best = { i, score };
    }
    if (!best) continue;
    found.set(s, { range: sentences[best.i]!, how: 'fuzzy', recut: false, similarity: best.score });
    takenStarts.add(sentences[best.i]![0]);
  }

  const newIndex = (s: number): number | undefined => {
    const f = found.get(s);
    return f ? startIndex.get(f.range[0]) : undefined;
  };
  const lost: LostSentence[] = [];
  const dissolvedGroups: string[] = [];
  const groups: Group[] = [];
  const groupsOf = new Map<number, string[]>();
  for (const group of alignment.groups) {
    const members: Member[] = [];
    for (const member of group.members) {
      if (member.doc !== docId) {
        members.push(member);
        continue;
      }
      const kept: number[] = [];
      member.sentences.forEach((s, i) => {
        const at = newIndex(s);
        const wanted = member.texts?.[i];
        if (at === undefined) lost.push({ doc: docId, sentence: s, group: group.id, ...(wanted !== undefined ? { text: wanted } : {}) });
        else {
          kept.push(at);
          groupsOf.set(s, [...(groupsOf.get(s) ?? []), group.id]);
        }
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
    const at = newIndex(bookmark.sentence);
    if (at === undefined) lost.push({ doc: docId, sentence: bookmark.sentence, ...(bookmark.text !== undefined ? { text: bookmark.text } : {}) });
    else if (!bookmarks.some((b) => b.doc === docId && b.sentence === at)) bookmarks.push({ ...bookmark, sentence: at });
  }

  let exact = 0;
  let normalized = 0;
  let recut = 0;
  let moved = 0;
  const changed: ChangedSentence[] = [];
  for (const s of olds) {
    const f = found.get(s);
    const to = newIndex(s);
    if (!f || to === undefined) continue;
    if (to !== s) moved++;
    if (f.recut) recut++;
    if (f.how === 'exact') exact++;
    else if (f.how === 'normalized') normalized++;
    else changed.push({ doc: docId, sentence: s, to, groups: groupsOf.get(s) ?? [], text: recorded.get(s)!, newText: newText.slice(...f.range), similarity: Math.round(f.similarity! * 1000) / 1000 });
  }
  // Stable ids: a sentence found again keeps its id (its groups' lines in the file do not
  // change); every other sentence gets a new one.
  const oldIds = usableIds(doc);
  const ids = new Array<number>(sentences.length).fill(-1);
  let nextId = oldSpans.length;
  if (oldIds) for (const id of oldIds) if (id >= nextId) nextId = id + 1;
  for (const s of olds) {
    const to = newIndex(s);
    if (to !== undefined && ids[to] === -1) ids[to] = oldIds ? oldIds[s]! : s;
  }
  for (let i = 0; i < ids.length; i++) if (ids[i] === -1) ids[i] = nextId++;
  const documents = alignment.documents.slice();
  documents[d] = { ...doc, sha256: newSha256, sentences, ids };
  const others = alignment.overrides.filter((o) => o.doc !== docId);
  const dropped = lostOverrides.map((l) => l.override);
  return {
    alignment: {
      ...alignment,
      documents,
      groups,
      bookmarks,
      overrides: [...others, ...overrides].sort((a, b) => (a.doc < b.doc ? -1 : a.doc > b.doc ? 1 : a.at - b.at)),
    },
    report: {
      doc: docId,
      exact,
      normalized,
      recut,
      fuzzy: changed.length,
      moved,
      changed,
      lost,
      droppedOverrides: dropped,
      lostOverrides,
      movedOverrides,
      addedOverrides,
      dissolvedGroups,
    },
  };
}
