/** Synthetic alignments for the row projection: documents of N sentences, groups given by index. */
import type { Alignment, Group, GroupStatus } from '../../../src/core/model/types.js';

export interface GroupSpec {
  readonly status?: GroupStatus;
  /** Per document index: its sentences in the group. */
  readonly members: Readonly<Record<number, readonly number[]>>;
  readonly note?: string;
  readonly score?: number;
}

export const WORDS = ['alpha', 'beta', 'gamma', 'delta', 'epsilon', 'zeta', 'eta', 'theta'];

/** Texts "d<doc> s<n> alpha beta." so each sentence is findable on screen. */
export function syntheticTexts(counts: readonly number[], own: Readonly<Record<string, string>> = {}): { texts: Map<string, string>; spans: [number, number][][] } {
  const texts = new Map<string, string>();
  const spans: [number, number][][] = [];
  counts.forEach((n, d) => {
    let text = '';
    const mine: [number, number][] = [];
    for (let s = 0; s < n; s++) {
      const sentence = own[`${d}:${s}`] ?? `D${d}S${s} ${WORDS[(s + d) % WORDS.length]} ${WORDS[(s * 3 + d) % WORDS.length]}.`;
      mine.push([text.length, text.length + sentence.length]);
      text += `${sentence} `;
    }
    texts.set(`d${d}`, text);
    spans.push(mine);
  });
  return { texts, spans };
}

export function synthetic(counts: readonly number[], groups: readonly GroupSpec[], own: Readonly<Record<string, string>> = {}): { alignment: Alignment; texts: Map<string, string> } {
  const { texts, spans } = syntheticTexts(counts, own);
  const alignment: Alignment = {
    format: 'allinea-alignment',
    version: 1,
    documents: counts.map((_, d) => ({ id: `d${d}`, path: `d${d}.txt`, lang: ['it', 'fr', 'en', 'de', 'es', 'pt'][d % 6]!, sha256: '0'.repeat(64), sentences: spans[d]! })),
    groups: groups.map((g, i): Group => ({
      id: `g${i + 1}`,
      status: g.status ?? 'suggested',
      origin: 'auto',
      ...(g.score !== undefined ? { score: g.score } : {}),
      ...(g.note !== undefined ? { note: g.note } : {}),
      members: Object.entries(g.members)
        .map(([d, sentences]) => ({ doc: `d${d}`, sentences: [...sentences].sort((a, b) => a - b) }))
        .sort((a, b) => a.doc.localeCompare(b.doc)),
    })),
    overrides: [],
    bookmarks: [],
  };
  return { alignment, texts };
}

/** A translation-like alignment: beads taking 0-2 sentences from each document in order. */
export function beadAlignment(beads: readonly (readonly number[])[], status: GroupStatus = 'suggested'): { alignment: Alignment; texts: Map<string, string> } {
  const docs = beads[0]?.length ?? 2;
  const next = new Array<number>(docs).fill(0);
  const groups: GroupSpec[] = [];
  for (const bead of beads) {
    const members: Record<number, number[]> = {};
    bead.forEach((take, d) => {
      if (take > 0) members[d] = Array.from({ length: take }, (_, k) => next[d]! + k);
      next[d]! += take;
    });
    if (Object.keys(members).length >= 2) groups.push({ status, members });
  }
  return synthetic(next, groups);
}
