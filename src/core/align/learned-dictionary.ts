/**
 * A translation dictionary learned from a first alignment pass (as hunalign does): word pairs
 * that co-occur in confident 1-1 beads far more often than chance (Dice association).
 * The second pass adds these pairs as shared keys, which sharpens the lexical signal for
 * languages with few cognates (de-fr) and for function words.
 */
import { tokenize } from './text-signals.js';

export interface LearnOptions {
  /** Minimum co-occurrence count of a pair. */
  readonly minCount?: number;
  /** Minimum Dice coefficient 2·c(a,b) / (c(a) + c(b)). */
  readonly minDice?: number;
  /** Words in more than this fraction of sentences are too common to help. */
  readonly maxDocFrequency?: number;
}

function words(text: string): Set<string> {
  const out = new Set<string>();
  for (const t of tokenize(text)) if (t.kind === 'word' || t.kind === 'name') out.add(t.norm);
  return out;
}

/**
 * Learns source-word → target-words pairs from aligned sentence pairs.
 * Returns a word map in the same shape as a lexicon's entries.
 */
export function learnDictionary(
  pairs: readonly { source: string; target: string }[],
  options: LearnOptions = {},
): Map<string, string[]> {
  const minCount = options.minCount ?? 2;
  const minDice = options.minDice ?? 0.3;
  const maxDf = options.maxDocFrequency ?? 0.25;
  const srcCount = new Map<string, number>();
  const tgtCount = new Map<string, number>();
  const joint = new Map<string, Map<string, number>>();
  const bags = pairs.map((p) => ({ s: words(p.source), t: words(p.target) }));
  for (const { s, t } of bags) {
    for (const w of s) srcCount.set(w, (srcCount.get(w) ?? 0) + 1);
    for (const w of t) tgtCount.set(w, (tgtCount.get(w) ?? 0) + 1);
  }
  const limit = Math.max(minCount, maxDf * bags.length);
  for (const { s, t } of bags) {
    for (const a of s) {
      const ca = srcCount.get(a)!;
      if (ca < minCount || ca > limit) continue;
      let row = joint.get(a);
      for (const b of t) {
        const cb = tgtCount.get(b)!;
        if (cb < minCount || cb > limit) continue;
        if (!row) joint.set(a, (row = new Map()));
        row.set(b, (row.get(b) ?? 0) + 1);
      }
    }
  }
  const out = new Map<string, string[]>();
  for (const [a, row] of joint) {
    const ca = srcCount.get(a)!;
    const kept: [string, number][] = [];
    for (const [b, c] of row) {
      if (c < minCount) continue;
      const dice = (2 * c) / (ca + tgtCount.get(b)!);
      if (dice >= minDice) kept.push([b, dice]);
    }
    kept.sort((x, y) => y[1] - x[1]);
    if (kept.length) out.set(a, kept.slice(0, 3).map(([b]) => b));
  }
  return out;
}
