/**
 * Re-align from the cursor onward, keeping confirmed rows as anchors. The scope is every
 * sentence of the shown documents in the cursor's row or below (and, when rows follow one
 * document, the other documents' unaligned sentences, which have no row). The aligner runs
 * on a scoped alignment: the same texts and spans, only the scope's sentences (renumbered),
 * its confirmed groups as anchors and its rejected links as exclusions, through the usual
 * re-align path. Its suggestions are mapped back and replace the suggested groups of the
 * scope; everything above the cursor, and every confirmed or rejected group, is kept.
 */
import { isLive, sentenceGroupIndex } from '../model/index-cache.js';
import type { SuggestedMembers } from '../model/operations.js';
import { nextGroupId } from '../model/operations.js';
import type { Alignment, Group, Member } from '../model/types.js';
import type { RowProjection } from './rows.js';

export interface RealignScope {
  /** The alignment the aligner runs on (scoped documents and groups). */
  readonly input: Alignment;
  /** Per scoped document id: scoped sentence index -> sentence index in the full document. */
  readonly original: ReadonlyMap<string, Int32Array>;
  /** The alignment the scope was taken from: results are applied only if it is still current. */
  readonly base: Alignment;
  /** Sentences in the scope. */
  readonly sentences: number;
  /** Row the scope starts at (for the message). */
  readonly fromRow: number;
}

export function scopeForRealign(alignment: Alignment, projection: RowProjection, fromRow: number): RealignScope {
  const index = sentenceGroupIndex(alignment);
  const original = new Map<string, Int32Array>();
  const scoped = new Map<string, Int32Array>();
  const documents: Alignment['documents'][number][] = [];
  let sentences = 0;
  for (const d of projection.docs) {
    const doc = alignment.documents[d]!;
    const rows = projection.rowOf.get(d)!;
    const slots = index.get(doc.id)!;
    const keep: number[] = [];
    for (let s = 0; s < rows.length; s++) {
      if (rows[s]! >= fromRow || (rows[s]! < 0 && slots[s]! < 0)) keep.push(s);
    }
    const back = Int32Array.from(keep);
    const forward = new Int32Array(rows.length).fill(-1);
    back.forEach((s, k) => (forward[s] = k));
    original.set(doc.id, back);
    scoped.set(doc.id, forward);
    documents.push({ ...doc, sentences: keep.map((s) => doc.sentences[s]!) });
    sentences += keep.length;
  }
  // Confirmed groups in the scope are anchors; rejected links inside it stay excluded.
  const groups: Group[] = [];
  for (const group of alignment.groups) {
    if (group.status === 'suggested') continue;
    const members: Member[] = [];
    let outside = false;
    for (const m of group.members) {
      const forward = scoped.get(m.doc);
      if (!forward) continue;
      const inside = m.sentences.map((s) => forward[s] ?? -1).filter((k) => k >= 0);
      if (inside.length < m.sentences.length) outside = true;
      if (inside.length > 0) members.push({ doc: m.doc, sentences: inside });
    }
    if (members.length < 2) continue;
    if (group.status === 'confirmed' && outside) continue;
    groups.push({ id: group.id, status: group.status, origin: group.origin, members });
  }
  const input: Alignment = { ...alignment, documents, groups, overrides: [], bookmarks: [] };
  return { input, original, base: alignment, sentences, fromRow };
}

/**
 * The alignment with the scope's suggested groups replaced by the aligner's suggestions
 * (given in scoped sentence numbers). Suggestions touching a sentence of a kept live group
 * are trimmed, and dropped when they no longer link two documents.
 */
export function applyRealign(alignment: Alignment, scope: RealignScope, suggestions: readonly SuggestedMembers[]): Alignment {
  const inScope = new Map<string, Uint8Array>();
  for (const [doc, back] of scope.original) {
    const n = alignment.documents.find((d) => d.id === doc)?.sentences.length ?? 0;
    const flags = new Uint8Array(n);
    for (const s of back) if (s < n) flags[s] = 1;
    inScope.set(doc, flags);
  }
  const replaced = (g: Group) => g.status === 'suggested' && g.members.some((m) => m.sentences.some((s) => inScope.get(m.doc)?.[s] === 1));
  const kept = alignment.groups.filter((g) => !replaced(g));
  const used = new Set<string>();
  for (const g of kept) if (isLive(g.status)) for (const m of g.members) for (const s of m.sentences) used.add(`${m.doc}\u0000${s}`);
  const order = alignment.documents.map((d) => d.id);
  const groups = kept.slice();
  // Ids continue after the largest "g<n>" in use (one scan, not one per suggestion).
  let number = Number(nextGroupId(alignment).slice(1)) - 1;
  for (const suggestion of suggestions) {
    const members: Member[] = [];
    for (const doc of order) {
      const m = suggestion.members.find((x) => x.doc === doc);
      const back = scope.original.get(doc);
      if (!m || !back) continue;
      const sentences = m.sentences
        .map((k) => back[k])
        .filter((s): s is number => s !== undefined && !used.has(`${doc}\u0000${s}`))
        .sort((a, b) => a - b);
      if (sentences.length > 0) members.push({ doc, sentences });
    }
    if (members.length < 2) continue;
    for (const m of members) for (const s of m.sentences) used.add(`${m.doc}\u0000${s}`);
    const id = `g${++number}`;
    const score = Math.min(1, Math.max(0, Number.isFinite(suggestion.score) ? suggestion.score : 0));
    groups.push({ id, status: 'suggested', origin: 'auto', score: Math.round(score * 1000) / 1000, members });
  }
  return { ...alignment, groups };
}
