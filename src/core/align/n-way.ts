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
  /**
   * A document joining a group must be linked directly (by some link) to at least half of
   * the group's other documents, not only through one of them (comparable mode, where weak
   * links would otherwise chain unrelated statements together).
   */
  readonly requireSupport?: boolean;
  /** Sentences of one document in a group must be adjacent (at most one sentence between). */
  readonly contiguous?: boolean;
}

export const pairKey = (docA: string, i: number, docB: string, j: number): string => `${docA}:${i}|${docB}:${j}`;

export function combineLinks(links: readonly PairLink[], options: CombineOptions): Suggestion[] {
  const owner = new Map<string, WorkGroup>(); // "doc:i" → group
  const groups = new Set<WorkGroup>();
  const sorted = [...links].sort((x, y) => y.score - x.score);
  const direct = new Set<string>();
  for (const l of links) {
    for (const i of l.a.sentences) {
      for (const j of l.b.sentences) {
        direct.add(pairKey(l.a.doc, i, l.b.doc, j));
        direct.add(pairKey(l.b.doc, j, l.a.doc, i));
      }
    }
  }
  for (const link of sorted) {
    const touched = new Set<WorkGroup>();
    for (const side of [link.a, link.b]) {
      for (const s of side.sentences) {
        const g = owner.get(`${side.doc}:${s}`);
        if (g) touched.add(g);
      }
    }
    if (!nested(touched, link)) continue;
    const merged = new Map<string, Set<number>>();
    const add = (doc: string, s: number): void => {
      let set = merged.get(doc);
      if (!set) merged.set(doc, (set = new Set()));
      set.add(s);
    };
    for (const g of touched) for (const [doc, ss] of g.members) for (const s of ss) add(doc, s);
    for (const side of [link.a, link.b]) for (const s of side.sentences) add(side.doc, s);
    if (!acceptable(merged, options)) continue;
    if (options.requireSupport && !supported(touched, link, direct)) continue;
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

/**
 * Within one document, the parts being merged (touched groups and the link's sides) must be
 * nested: a link may add a document to a group or refine the same sentences, but never pull a
 * second, different statement of a document into the group through a third document.
 */
function nested(touched: ReadonlySet<WorkGroup>, link: PairLink): boolean {
  const parts = new Map<string, Set<number>[]>();
  const push = (doc: string, ss: Iterable<number>): void => {
    const list = parts.get(doc) ?? [];
    list.push(new Set(ss));
    parts.set(doc, list);
  };
  for (const g of touched) for (const [doc, ss] of g.members) push(doc, ss);
  push(link.a.doc, link.a.sentences);
  push(link.b.doc, link.b.sentences);
  for (const list of parts.values()) {
    list.sort((x, y) => x.size - y.size);
    for (let k = 1; k < list.length; k++) for (const s of list[k - 1]!) if (!list[k]!.has(s)) return false;
  }
  return true;
}

function supported(touched: ReadonlySet<WorkGroup>, link: PairLink, direct: ReadonlySet<string>): boolean {
  const linked = (da: string, sa: ReadonlySet<number> | readonly number[], db: string, sb: ReadonlySet<number>): boolean => {
    for (const i of sa) for (const j of sb) if (direct.has(pairKey(da, i, db, j))) return true;
    return false;
  };
  const groups = [...touched];
  if (groups.length === 0) return true;
  if (groups.length === 1) {
    // A document the link brings in must be linked directly to half of the group's documents.
    const g = groups[0]!.members;
    for (const side of [link.a, link.b]) {
      if (g.has(side.doc)) continue;
      let reached = 0;
      for (const [d, ss] of g) if (linked(side.doc, side.sentences, d, ss)) reached++;
      if (reached * 2 < g.size) return false;
    }
    return true;
  }
  // A link bridging groups: every document of each must reach half of the other's documents.
  for (const g of groups) {
    for (const h of groups) {
      if (g === h) continue;
      for (const [d, ss] of g.members) {
        let reached = 0;
        for (const [od, oss] of h.members) if (od !== d && linked(d, ss, od, oss)) reached++;
        if (reached * 2 < h.members.size) return false;
      }
    }
  }
  return true;
}

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
    if (options.contiguous && max - min + 1 > ss.size + 1) return false;
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

/**
 * Parallel mode with three or more documents: the groups are the connected components of the
 * pairwise links (the true n-way groups of translations are the components of the true
 * pairwise alignments: en[4,5] linked to it[5] and it[6] one by one, and en[4,5] to fr[4],
 * make one group). Best-first merging (`combineLinks`) would refuse to pull two groups together
 * through a third document and leave such a group in pieces. A component that grows past
 * `maxPerDoc` sentences of some document (pairwise paths that disagree chain neighbours together)
 * is not trusted: its links are combined best-first instead.
 */
export function componentGroups(links: readonly PairLink[], options: CombineOptions): Suggestion[] {
  const id = new Map<string, number>();
  const nodes: { doc: string; s: number }[] = [];
  const node = (doc: string, s: number): number => {
    const k = `${doc}:${s}`;
    let x = id.get(k);
    if (x === undefined) {
      id.set(k, (x = nodes.length));
      nodes.push({ doc, s });
    }
    return x;
  };
  const parent: number[] = [];
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]!]!;
      x = parent[x]!;
    }
    return x;
  };
  const linkNodes = links.map((l) => [...l.a.sentences.map((s) => node(l.a.doc, s)), ...l.b.sentences.map((s) => node(l.b.doc, s))]);
  for (let x = parent.length; x < nodes.length; x++) parent.push(x);
  for (const ns of linkNodes) for (let k = 1; k < ns.length; k++) parent[find(ns[k]!)] = find(ns[0]!);
  const byRoot = new Map<number, number[]>();
  links.forEach((_, k) => {
    const r = find(linkNodes[k]![0]!);
    const list = byRoot.get(r) ?? [];
    list.push(k);
    byRoot.set(r, list);
  });
  const out: Suggestion[] = [];
  for (const [root, ks] of byRoot) {
    const members = new Map<string, Set<number>>();
    for (let x = 0; x < nodes.length; x++) {
      if (find(x) !== root) continue;
      const set = members.get(nodes[x]!.doc) ?? new Set<number>();
      set.add(nodes[x]!.s);
      members.set(nodes[x]!.doc, set);
    }
    const component = ks.map((k) => links[k]!);
    if (!acceptable(members, options)) {
      out.push(...combineLinks(component, options));
      continue;
    }
    const score = component.reduce((sum, l) => sum + l.score, 0) / component.length;
    out.push({ members: [...members].map(([doc, ss]) => ({ doc, sentences: [...ss].sort((x, y) => x - y) })), score: round3(score) });
  }
  return out.sort((x, y) => firstKey(x).localeCompare(firstKey(y)) || firstIndex(x) - firstIndex(y));
}
