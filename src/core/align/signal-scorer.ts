/**
 * The default `Scorer`: similarity from shared surface keys (cognate stems, numbers, names,
 * hashtags, punctuation, lexicon translations). A bead's similarity is the Dice coefficient
 * of its key multiset: 2·matches / (keys on the source side + keys on the target side), where
 * matches add up over the sentence pairs of the bead (so 2-1 beads reuse 1-1 work).
 */
import {
  KeyTable,
  featuresFromTokens,
  sharedKeys,
  stemTranslations,
  tokenizeSpans,
  type FeatureColumns,
  type TokenizedTexts,
} from './sentence-features.js';
import { translationsFor, type Lexicon } from './lexicon.js';
import type { AlignDocument, PairScorer, Scorer } from './types.js';

export interface PreparedPair {
  readonly source: FeatureColumns;
  readonly target: FeatureColumns;
  readonly table: KeyTable;
  /** The source's tokens, kept so a second pass only recomputes keys. */
  readonly sourceTokens?: TokenizedTexts;
  /** The target's tokens (first preparation only: the dictionary is learned from them). */
  readonly targetTokens?: TokenizedTexts;
}

export function sentenceTexts(doc: AlignDocument): string[] {
  return doc.sentences.map(([s, e]) => doc.text.slice(s, e));
}

/** Features of both documents in one key space; source sentences carry translation keys. */
export function preparePair(
  source: AlignDocument,
  target: AlignDocument,
  lexicons: readonly Lexicon[],
  extraTranslations?: ReadonlyMap<string, readonly string[]>,
  /** A previous preparation of the same pair: its key table and target features are reused. */
  reuse?: PreparedPair,
): PreparedPair {
  const table = reuse?.table ?? new KeyTable();
  const trans = stemTranslations(translationsFor(lexicons, source.lang, target.lang));
  if (extraTranslations) {
    for (const [k, vs] of extraTranslations) {
      const list = trans.get(k) ?? [];
      for (const v of vs) if (!list.includes(v)) list.push(v);
      trans.set(k, list);
    }
  }
  const sourceTokens = reuse?.sourceTokens ?? tokenizeSpans(source.text, source.sentences);
  const src = featuresFromTokens(sourceTokens, table, trans.size ? trans : undefined, reuse?.source);
  if (reuse) return { source: src, target: reuse.target, table, sourceTokens };
  const targetTokens = tokenizeSpans(target.text, target.sentences);
  return { source: src, target: featuresFromTokens(targetTokens, table), table, sourceTokens, targetTokens };
}

const CACHE_BITS = 18;

export class SignalPairScorer implements PairScorer {
  private readonly cacheKey: Float64Array;
  private readonly cacheVal: Int32Array;
  private readonly cacheShift: number;
  private readonly m: number;

  constructor(
    readonly pair: PreparedPair,
    /** Similarity given to beads without any key on either side. */
    private readonly neutral = 0.1,
  ) {
    this.m = pair.target.size;
    // No bigger than the pair needs: a batch of small pairs would spend its time filling 3 MB
    // caches. The cache only saves recomputing; its size never changes a result.
    const bits = Math.max(4, Math.min(CACHE_BITS, Math.ceil(Math.log2((pair.source.size + 1) * (this.m + 1)))));
    this.cacheKey = new Float64Array(1 << bits).fill(-1);
    this.cacheVal = new Int32Array(1 << bits);
    this.cacheShift = 32 - bits;
  }

  /** Shared keys of source sentence i and target sentence j (direct-mapped cache: DP asks each pair several times). */
  matches(i: number, j: number): number {
    const key = i * this.m + j;
    const slot = (Math.imul(i, 0x9e3779b1) ^ Math.imul(j, 0x85ebca6b)) >>> this.cacheShift;
    if (this.cacheKey[slot] === key) return this.cacheVal[slot]!;
    const v = sharedKeys(this.pair.source, i, this.pair.target, j);
    this.cacheKey[slot] = key;
    this.cacheVal[slot] = v;
    return v;
  }

  bead(s0: number, s1: number, t0: number, t1: number): number {
    const { source, target } = this.pair;
    const den = source.ownStart[s1]! - source.ownStart[s0]! + target.ownStart[t1]! - target.ownStart[t0]!;
    if (den === 0) return this.neutral;
    let matched = 0;
    for (let i = s0; i < s1; i++) for (let j = t0; j < t1; j++) matched += this.matches(i, j);
    return Math.min(1, (2 * matched) / den);
  }
}

export const signalScorer: Scorer = {
  name: 'signals',
  prepare(source, target, lexicons) {
    return new SignalPairScorer(preparePair(source, target, lexicons));
  },
};
