import type { Alignment } from './types.js';

/**
 * For each document, which live (confirmed or suggested) group each sentence belongs to,
 * as an index into `alignment.groups` (-1: none). Rejected groups are not live: they
 * record a "these do not go together" decision and may overlap live groups.
 * Cached per alignment object, which is immutable, so lookups are O(1) after one pass.
 */
export type SentenceGroupIndex = ReadonlyMap<string, Int32Array>;

const cache = new WeakMap<Alignment, SentenceGroupIndex>();

export function isLive(status: string): boolean {
  return status !== 'rejected';
}

export function sentenceGroupIndex(alignment: Alignment): SentenceGroupIndex {
  const cached = cache.get(alignment);
  if (cached) return cached;
  const index = buildSentenceGroupIndex(alignment);
  cache.set(alignment, index);
  return index;
}

/**
 * Records the index of an alignment an operation derived from its input's index (cheaper
 * than a rebuild on long documents). Only for indexes known to equal a fresh build.
 */
export function primeSentenceGroupIndex(alignment: Alignment, index: SentenceGroupIndex): void {
  cache.set(alignment, index);
}

/** The index computed from scratch (what the cache holds). */
export function buildSentenceGroupIndex(alignment: Alignment): SentenceGroupIndex {
  const index = new Map<string, Int32Array>();
  for (const doc of alignment.documents) {
    index.set(doc.id, new Int32Array(doc.sentences.length).fill(-1));
  }
  alignment.groups.forEach((group, g) => {
    if (!isLive(group.status)) return;
    for (const member of group.members) {
      const slots = index.get(member.doc);
      if (!slots) continue;
      for (const s of member.sentences) if (s >= 0 && s < slots.length) slots[s] = g;
    }
  });
  return index;
}

/** The live group holding a sentence, or undefined. */
export function groupIndexOf(alignment: Alignment, doc: string, sentence: number): number | undefined {
  const g = sentenceGroupIndex(alignment).get(doc)?.[sentence];
  return g === undefined || g < 0 ? undefined : g;
}
