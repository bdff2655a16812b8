/**
 * The pairwise view of an n-way alignment: for a pair of languages (or documents), each group
 * of three or more documents is refined into the finest beads of the two documents that the
 * pair's own alignment supports. An n-way group is a connected component (en[4,5] it[5]
 * fr[4,5]), coarser than what two of its documents say to each other (en-fr [4]:[4] and
 * [5]:[5]); projecting it whole onto the pair would lose that. A group is split only where the
 * pair's alignment agrees with it: its beads covering the group's sentences of the two
 * documents must lie inside the group; otherwise the projection stays one unit.
 */
import type { Alignment, Group, Member } from '../model/types.js';
import { alignParallelPair } from './parallel-pair.js';
import type { Lexicon } from './lexicon.js';
import type { AlignDocument } from './types.js';

/** A bead of the pair's alignment: sentences of the first and second document. */
export interface PairBead {
  readonly a: readonly number[];
  readonly b: readonly number[];
}

/**
 * Splits the projection (sentences `sa` of document A, `sb` of B) of one group by the pair's
 * beads: the beads touching those sentences, when all of them lie inside the projection and
 * cover it; else undefined (keep the projection whole). Beads empty on one side stay as they
 * are (a sentence the pair leaves unaligned).
 */
export function splitProjection(sa: readonly number[], sb: readonly number[], beadOfA: ReadonlyMap<number, PairBead>, beadOfB: ReadonlyMap<number, PairBead>): PairBead[] | undefined {
  const inA = new Set(sa);
  const inB = new Set(sb);
  const beads = new Set<PairBead>();
  for (const s of sa) {
    const bead = beadOfA.get(s);
    if (!bead) return undefined;
    beads.add(bead);
  }
  for (const s of sb) {
    const bead = beadOfB.get(s);
    if (!bead) return undefined;
    beads.add(bead);
  }
  for (const bead of beads) {
    if (bead.a.some((s) => !inA.has(s)) || bead.b.some((s) => !inB.has(s))) return undefined;
  }
  // In document order of the first side; beads with no sentence of it (0-1) after the rest.
  const at = (b: PairBead): number => b.a[0] ?? Number.MAX_SAFE_INTEGER;
  return [...beads].sort((x, y) => at(x) - at(y) || (x.b[0] ?? -1) - (y.b[0] ?? -1));
}

/** Every sentence of both documents in exactly one bead (1-0 and 0-1 for the unaligned). */
function pairBeads(a: AlignDocument, b: AlignDocument, lexicons: readonly Lexicon[]): { beadOfA: Map<number, PairBead>; beadOfB: Map<number, PairBead> } {
  const beadOfA = new Map<number, PairBead>();
  const beadOfB = new Map<number, PairBead>();
  for (const link of alignParallelPair(a, b, { lexicons })) {
    const bead: PairBead = { a: link.a.sentences, b: link.b.sentences };
    for (const s of bead.a) beadOfA.set(s, bead);
    for (const s of bead.b) beadOfB.set(s, bead);
  }
  for (let s = 0; s < a.sentences.length; s++) if (!beadOfA.has(s)) beadOfA.set(s, { a: [s], b: [] });
  for (let s = 0; s < b.sentences.length; s++) if (!beadOfB.has(s)) beadOfB.set(s, { a: [], b: [s] });
  return { beadOfA, beadOfB };
}

/**
 * The alignment with each group of three or more documents that holds one document of each
 * side of `pair` (language tags or document ids) replaced by its refinement for that pair:
 * groups `g7.1`, `g7.2`, … of the two documents (same status, score and origin). Other groups
 * are kept as they are. Each document pair involved is aligned once.
 */
export function refineForPair(alignment: Alignment, texts: ReadonlyMap<string, string>, pair: readonly [string, string], lexicons: readonly Lexicon[] = []): Alignment {
  const matches = (side: string, doc: { id: string; lang: string }): boolean => doc.id === side || doc.lang === side;
  const docs = new Map(alignment.documents.map((d) => [d.id, d]));
  const cache = new Map<string, ReturnType<typeof pairBeads>>();
  const beadsFor = (x: string, y: string): ReturnType<typeof pairBeads> => {
    const key = `${x}\u0000${y}`;
    let found = cache.get(key);
    if (!found) {
      const doc = (id: string): AlignDocument => {
        const d = docs.get(id)!;
        return { id, lang: d.lang, text: texts.get(id) ?? '', sentences: d.sentences };
      };
      cache.set(key, (found = pairBeads(doc(x), doc(y), lexicons)));
    }
    return found;
  };
  const groups: Group[] = [];
  for (const group of alignment.groups) {
    const side = (k: 0 | 1): Member[] => group.members.filter((m) => docs.has(m.doc) && matches(pair[k], docs.get(m.doc)!) && m.sentences.length > 0);
    const [left, right] = [side(0), side(1)];
    if (group.members.length < 3 || left.length !== 1 || right.length !== 1 || left[0]!.doc === right[0]!.doc) {
      groups.push(group);
      continue;
    }
    const ma = left[0]!;
    const mb = right[0]!;
    if (ma.sentences.length + mb.sentences.length <= 2) {
      groups.push(group);
      continue;
    }
    const { beadOfA, beadOfB } = beadsFor(ma.doc, mb.doc);
    const split = splitProjection(ma.sentences, mb.sentences, beadOfA, beadOfB);
    if (!split || split.length === 1) {
      groups.push(group);
      continue;
    }
    split.forEach((bead, k) => {
      const members: Member[] = [];
      if (bead.a.length) members.push({ doc: ma.doc, sentences: [...bead.a] });
      if (bead.b.length) members.push({ doc: mb.doc, sentences: [...bead.b] });
      groups.push({ ...group, id: `${group.id}.${k + 1}`, members });
    });
  }
  return { ...alignment, groups };
}
