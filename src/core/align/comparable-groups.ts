/**
 * Comparable mode, many documents: groups are built from the pairwise sentence links
 * best-first, as guarded connected components. Transitivity finds statements that two texts
 * say in words too different to link directly (an English and an Italian sentence both linked
 * to the same French one), but a group only takes in a sentence, or merges with another group,
 * when the newcomers are linked directly to at least half of the group's documents: one weak
 * link never chains two unrelated statements together.
 */
import { pairKey, type PairLink } from './n-way.js';
import type { Suggestion } from './types.js';

export interface ComparableGroupOptions {
  /** Most sentences of one document in a group (a statement said twice, or quoted in pieces). */
  readonly maxPerDoc: number;
  /** Pairs "docA:i|docB:j" that must never end up in one group. */
  readonly rejectedPairs?: ReadonlySet<string>;
}

interface Group {
  readonly nodes: Set<string>;
  /** Document → its sentences in the group. */
  readonly members: Map<string, Set<number>>;
  scoreSum: number;
  links: number;
}

const nodeKey = (doc: string, s: number): string => `${doc}:${s}`;

export function groupComparableLinks(links: readonly PairLink[], options: ComparableGroupOptions): Suggestion[] {
  // Direct links between sentences, both ways.
  const neighbours = new Map<string, Set<string>>();
  const connect = (x: string, y: string): void => {
    let set = neighbours.get(x);
    if (!set) neighbours.set(x, (set = new Set()));
    set.add(y);
  };
  for (const l of links) {
    for (const i of l.a.sentences) {
      for (const j of l.b.sentences) {
        connect(nodeKey(l.a.doc, i), nodeKey(l.b.doc, j));
        connect(nodeKey(l.b.doc, j), nodeKey(l.a.doc, i));
      }
    }
  }
  const owner = new Map<string, Group>();
  const groups = new Set<Group>();
  const single = (doc: string, s: number): Group => ({ nodes: new Set([nodeKey(doc, s)]), members: new Map([[doc, new Set([s])]]), scoreSum: 0, links: 0 });
  const sorted = [...links].sort((x, y) => y.score - x.score);
  for (const link of sorted) {
    const parts = new Set<Group>();
    for (const side of [link.a, link.b]) for (const s of side.sentences) parts.add(owner.get(nodeKey(side.doc, s)) ?? single(side.doc, s));
    let merged: Group | undefined;
    let ok = true;
    for (const part of parts) {
      if (!merged) {
        merged = { nodes: new Set(part.nodes), members: cloneMembers(part.members), scoreSum: part.scoreSum, links: part.links };
        continue;
      }
      if (!supported(merged, part, neighbours) || !fits(merged, part, options)) {
        ok = false;
        break;
      }
      for (const n of part.nodes) merged.nodes.add(n);
      for (const [doc, ss] of part.members) {
        const set = merged.members.get(doc) ?? new Set<number>();
        for (const s of ss) set.add(s);
        merged.members.set(doc, set);
      }
      merged.scoreSum += part.scoreSum;
      merged.links += part.links;
    }
    if (!ok || !merged) continue;
    merged.scoreSum += link.score;
    merged.links += 1;
    for (const part of parts) groups.delete(part);
    groups.add(merged);
    for (const n of merged.nodes) owner.set(n, merged);
  }
  const out: Suggestion[] = [];
  for (const g of groups) {
    if (g.members.size < 2) continue;
    const members = [...g.members].map(([doc, ss]) => ({ doc, sentences: [...ss].sort((x, y) => x - y) }));
    out.push({ members, score: Math.round(Math.max(0, Math.min(1, g.scoreSum / Math.max(1, g.links))) * 1000) / 1000 });
  }
  const first = (s: Suggestion): string => s.members[0]?.doc ?? '';
  return out.sort((x, y) => first(x).localeCompare(first(y)) || (x.members[0]?.sentences[0] ?? 0) - (y.members[0]?.sentences[0] ?? 0));
}

function cloneMembers(members: ReadonlyMap<string, ReadonlySet<number>>): Map<string, Set<number>> {
  return new Map([...members].map(([d, ss]) => [d, new Set(ss)]));
}

/**
 * After merging `y` into `x`, every document of the group must be linked directly (through
 * any of its sentences there) to at least half of the group's other documents: three texts
 * may share a statement through a chain of two links, a fourth must link to two of them.
 */
function supported(x: Group, y: Group, neighbours: ReadonlyMap<string, ReadonlySet<string>>): boolean {
  const docs = new Map<string, Set<number>>(cloneMembers(x.members));
  for (const [doc, ss] of y.members) {
    const set = docs.get(doc) ?? new Set<number>();
    for (const s of ss) set.add(s);
    docs.set(doc, set);
  }
  const inGroup = (n: string): boolean => x.nodes.has(n) || y.nodes.has(n);
  for (const [doc, ss] of docs) {
    const reached = new Set<string>();
    for (const s of ss) {
      for (const n of neighbours.get(nodeKey(doc, s)) ?? []) if (inGroup(n)) reached.add(n.slice(0, n.lastIndexOf(':')));
    }
    reached.delete(doc);
    if (reached.size * 2 < docs.size - 1) return false;
  }
  return true;
}

function fits(x: Group, y: Group, options: ComparableGroupOptions): boolean {
  for (const [doc, ss] of y.members) {
    const mine = x.members.get(doc);
    if (mine && new Set([...mine, ...ss]).size > options.maxPerDoc) return false;
  }
  const rejected = options.rejectedPairs;
  if (rejected && rejected.size > 0) {
    for (const [da, sa] of x.members) {
      for (const [db, sb] of y.members) {
        if (da === db) continue;
        for (const i of sa) for (const j of sb) if (rejected.has(pairKey(da, i, db, j)) || rejected.has(pairKey(db, j, da, i))) return false;
      }
    }
  }
  return true;
}
