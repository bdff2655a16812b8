/**
 * The segmentation side of re-anchoring (reanchor.ts): replaying overrides on a fresh
 * segmentation, the context of an override a version 1 file did not record, and cutting a
 * recorded sentence out of a new segmentation (recording the cuts as overrides).
 */
import { OVERRIDE_CONTEXT, overrideContext } from './text-match.js';
import type { SegmentationOverride, Span } from './types.js';

/** Characters that end a sentence, for judging whether a found text can be cut out as one. */
const SENTENCE_END = /[.!?…»"”’)\]:;]/u;

export function isSpace(ch: string | undefined): boolean {
  return ch !== undefined && /\s/u.test(ch);
}

/**
 * Replays overrides on a fresh segmentation. A split where a sentence already starts, or a
 * join where none starts, is already satisfied and kept; the overrides that no longer fit
 * (offset outside every sentence, or on whitespace) are returned as dropped.
 */
export function replayOverrides(
  text: string,
  spans: readonly Span[],
  overrides: readonly SegmentationOverride[],
): { sentences: Span[]; dropped: SegmentationOverride[] } {
  const sentences = spans.slice();
  const dropped: SegmentationOverride[] = [];
  for (const o of overrides) {
    if (o.at >= text.length || isSpace(text[o.at])) {
      dropped.push(o);
      continue;
    }
    if (o.op === 'split') {
      const i = spanAt(sentences, o.at);
      if (i < 0) {
        dropped.push(o);
        continue;
      }
      const [s, e] = sentences[i]!;
      if (s === o.at) continue; // already a boundary
      let firstEnd = o.at;
      while (firstEnd > s && isSpace(text[firstEnd - 1])) firstEnd--;
      if (firstEnd <= s) {
        dropped.push(o);
        continue;
      }
      sentences.splice(i, 1, [s, firstEnd], [o.at, e]);
    } else {
      const i = spanStartingAt(sentences, o.at);
      if (i === 0) {
        dropped.push(o);
        continue;
      }
      if (i < 0) continue; // no boundary there any more: already joined
      sentences.splice(i - 1, 2, [sentences[i - 1]![0], sentences[i]![1]]);
    }
  }
  return { sentences, dropped };
}

/** Index of the span starting at `at`, or -1 (spans sorted). */
export function spanStartingAt(spans: readonly Span[], at: number): number {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const s = spans[mid]![0];
    if (s === at) return mid;
    if (s < at) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** Index of the span holding offset `at` (start included), or -1. */
export function spanAt(spans: readonly Span[], at: number): number {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const [s, e] = spans[mid]!;
    if (at >= s && at < e) return mid;
    if (at < s) hi = mid - 1;
    else lo = mid + 1;
  }
  return -1;
}

/** Index of the first span ending after offset `at` (spans.length when none). */
export function firstEndingAfter(spans: readonly Span[], at: number): number {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (spans[mid]![1] <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the span holding offset `at` strictly after its start, or -1. */
export function spanHolding(spans: readonly Span[], at: number): number {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const [s, e] = spans[mid]!;
    if (at > s && at < e) return mid;
    if (at <= s) hi = mid - 1;
    else lo = mid + 1;
  }
  return -1;
}

/**
 * The context of an override that recorded none (files of version 1): the recorded texts of
 * the sentences on both sides of a split, or of the sentence a join made.
 */
export function derivedContext(o: SegmentationOverride, spans: readonly Span[], fits: (s: number) => string | undefined): [string, string] | undefined {
  if (o.op === 'split') {
    const k = spanStartingAt(spans, o.at);
    if (k < 0) return undefined;
    const before = k > 0 ? (fits(k - 1) ?? '') : '';
    const after = fits(k) ?? '';
    if (before === '' && after === '') return undefined;
    return [before.slice(-4 * OVERRIDE_CONTEXT), after.slice(0, 4 * OVERRIDE_CONTEXT)];
  }
  const j = spanHolding(spans, o.at);
  const t = j >= 0 ? fits(j) : undefined;
  if (t === undefined) return undefined;
  const rel = o.at - spans[j]![0];
  return [t.slice(Math.max(0, rel - 4 * OVERRIDE_CONTEXT), rel), t.slice(rel, rel + 4 * OVERRIDE_CONTEXT)];
}

/**
 * Whether [a, b) can be cut out of the new text as a sentence, and at what cost: 0 when it
 * is already a run of whole sentences (joins only), 1 or 2 for each end that has to be split
 * off a sentence, which is allowed only where the text itself has a sentence boundary (a line
 * break, or sentence-final punctuation and a space). undefined: not a sentence there.
 */
export function cutPenalty(text: string, sentences: readonly Span[], a: number, b: number): number | undefined {
  let penalty = 0;
  if (spanStartingAt(sentences, a) < 0) {
    let p = a - 1;
    let newline = false;
    while (p >= 0 && isSpace(text[p])) {
      if (text[p] === '\n' || text[p] === '\r') newline = true;
      p--;
    }
    if (!(p < 0 || newline || (p < a - 1 && SENTENCE_END.test(text[p]!)))) return undefined;
    penalty++;
  }
  const endsSentence = sentences[firstEndingAfter(sentences, b - 1)]?.[1] === b;
  if (!endsSentence) {
    let p = b;
    let newline = false;
    while (p < text.length && isSpace(text[p])) {
      if (text[p] === '\n' || text[p] === '\r') newline = true;
      p++;
    }
    if (!(p >= text.length || newline || (p > b && SENTENCE_END.test(text[b - 1]!)))) return undefined;
    penalty++;
  }
  return penalty;
}

/**
 * Makes each of the ranges (sorted, not overlapping) one sentence, in one pass: splits them
 * off the sentences they start or end inside and joins the sentences within them, recording
 * each change as an override (or removing the override that made the boundary) so that
 * replaying the overrides gives the same segmentation.
 */
export function carve(
  text: string,
  sentences: readonly Span[],
  overrides: readonly SegmentationOverride[],
  ranges: readonly Span[],
  docId: string,
): { sentences: Span[]; overrides: SegmentationOverride[]; added: number } {
  const byAt = new Map<number, SegmentationOverride>();
  for (const o of overrides) byAt.set(o.at, o);
  const removed = new Set<SegmentationOverride>();
  const extra: SegmentationOverride[] = [];
  const note = (op: 'split' | 'join', at: number) => {
    const existing = byAt.get(at);
    if (existing && existing.op !== op && !removed.has(existing)) removed.add(existing);
    else extra.push({ doc: docId, op, at, context: overrideContext(text, at) });
  };
  const out: Span[] = [];
  let k = 0;
  for (const [s, e] of sentences) {
    while (k < ranges.length && ranges[k]![1] <= s) k++;
    if (k >= ranges.length || ranges[k]![0] >= e) {
      out.push([s, e]);
      continue;
    }
    const push = (piece: Span) => {
      out.push(piece);
      if (piece[0] > s) note('split', piece[0]);
    };
    const leftover = (from: number, to: number) => {
      let st = from;
      while (st < to && isSpace(text[st])) st++;
      let en = to;
      while (en > st && isSpace(text[en - 1])) en--;
      if (en > st) push([st, en]);
    };
    let cursor = s;
    for (let j = k; j < ranges.length && ranges[j]![0] < e; j++) {
      const [a, b] = ranges[j]!;
      if (a >= s) {
        leftover(cursor, a);
        push([a, b]);
      } else note('join', s); // the range began in an earlier sentence: this boundary goes
      cursor = b;
      if (b >= e) break;
    }
    if (cursor < e) leftover(cursor, e);
  }
  const kept = overrides.filter((o) => !removed.has(o));
  return { sentences: out, overrides: [...kept, ...extra], added: extra.length };
}
