/**
 * Builds n-way groups from pairwise links, consistently: links are taken best-first and merged
 * into groups (a sentence is in at most one group); a link that would make a group hold more
 * than `maxPerDoc` sentences of one document, spread them out, or contain a rejected pair is a
 * conflict and is dropped rather than merged into a giant group.
 */
import type { Suggestion } from './types.js';

export interface PairLink {
  readonly a: { readonly doc: string; readonly sentences: readonly number[] };
  readonly b: { readonly doc: string; readonly sentences: readonly number[] };
  readonly score: number;
}

interface WorkGroup {
  members: Map<string, Set<number>>;
  scoreSum: number;
  links: number;
}

export interface CombineOptions {
  readonly maxPerDoc: number;
  /** Pairs "docA:i|docB:j" (both orders) that must never end up in one group. */
  readonly rejectedPairs?: ReadonlySet<string>;
}

export const pairKey = (docA: string, i: number, docB: string, j: number): string => `${docA}:${i}|${docB}:${j}`;

export function combineLinks(links: readonly PairLink[], options: CombineOptions): Suggestion[] {
  const owner = new Map<string, WorkGroup>(); // "doc:i" → group
  const groups = new Set<WorkGroup>();
  const sorted = [...links].sort((x, y) => y.score - x.score);
  for (const link of sorted) {
    const touched = new Set<WorkGroup>();
    for (const side of [link.a, link.b]) {
      for (const s of side.sentences) {
        const g = owner.get(`${side.doc}:${s}`);
        if (g) touched.add(g);
      }
    }
    const merged = new Map<string, Set<number>>();
    const add = (doc: string, s: number): void => {
      let set = merged.get(doc);
      if (!set) merged.set(doc, (set = new Set()));
      set.add(s);
    };
    for (const g of touched) for (const [doc, ss] of g.members) for (const s of ss) add(doc, s);
    for (const side of [link.a, link.b]) for (const s of side.sentences) add(side.doc, s);
    if (!acceptable(merged, options)) continue;
    const group: WorkGroup = { members: merged, scoreSum: link.score, links: 1 };
    for (const g of touched) {
      group.scoreSum += g.scoreSum;
      group.links += g.links;
      groups.delete(g);
    }
    groups.add(group);
    for (const [doc, ss] of merged) for (const s of ss) owner.set(`${doc}:${s}`, group);
  }
  const out: Suggestion[] = [];
  for (const g of groups) {
    const members = [...g.members].map(([doc, ss]) => ({ doc, sentences: [...ss].sort((x, y) => x - y) }));
    out.push({ members, score: round3(g.scoreSum / g.links) });
  }
  return out.sort((x, y) => firstKey(x).localeCompare(firstKey(y)) || firstIndex(x) - firstIndex(y));
}

const firstKey = (s: Suggestion): string => s.members[0]?.doc ?? '';
const firstIndex = (s: Suggestion): number => s.members[0]?.sentences[0] ?? 0;
const round3 = (x: number): number => Math.round(Math.max(0, Math.min(1, x)) * 1000) / 1000;

function acceptable(merged: Map<string, Set<number>>, options: CombineOptions): boolean {
  for (const ss of merged.values()) {
    if (ss.size > options.maxPerDoc) return false;
    let min = Infinity;
    let max = -Infinity;
    for (const s of ss) {
      if (s < min) min = s;
      if (s > max) max = s;
    }
    // Sentences of one document in a group stay close together (at most one sentence between).
    if (max - min + 1 > ss.size + 1) return false;
  }
  const rejected = options.rejectedPairs;
  if (rejected && rejected.size > 0) {
    const entries = [...merged];
    for (let x = 0; x < entries.length; x++) {
      for (let y = x + 1; y < entries.length; y++) {
        const [da, sa] = entries[x]!;
        const [db, sb] = entries[y]!;
        for (const i of sa) for (const j of sb) if (rejected.has(pairKey(da, i, db, j))) return false;
      }
    }
  }
  return true;
}
