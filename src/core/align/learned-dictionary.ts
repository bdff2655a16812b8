/**
 * A translation dictionary learned from an alignment pass (as hunalign does): word pairs
 * that co-occur in its 1-1 beads far more often than chance (Dice association).
 * The next pass adds these pairs as shared keys, which sharpens the lexical signal for
 * languages with few cognates (de-fr) and for function words.
 */
import type { TokenizedTexts } from './sentence-features.js';

export interface LearnOptions {
  /** Minimum co-occurrence count of a pair. */
  readonly minCount?: number;
  /** Minimum Dice coefficient 2·c(a,b) / (c(a) + c(b)). */
  readonly minDice?: number;
  /** Words in more than this fraction of sentences are too common to help. */
  readonly maxDocFrequency?: number;
}

const WORD = /\p{L}[\p{L}\p{N}]*/gu;
const MARKS = /\p{M}+/gu;

/** Accent-folded words of a sentence, as interned ids (fast path: one fold per sentence). */
function wordIds(text: string, ids: Map<string, number>): Set<number> {
  const out = new Set<number>();
  const folded = text.toLowerCase().normalize('NFD').replace(MARKS, '');
  WORD.lastIndex = 0;
  for (let m = WORD.exec(folded); m; m = WORD.exec(folded)) {
    let id = ids.get(m[0]);
    if (id === undefined) ids.set(m[0], (id = ids.size));
    out.add(id);
  }
  return out;
}

/**
 * Pair codes sorted ascending. Codes below 2^32 (vocabularies up to ~65k words a side) get a
 * radix sort, two passes of 16 bits: a typed-array sort of the ~1M codes of a long document
 * took ~200 ms, the radix sort ~15.
 */
function sortCodes(codes: Float64Array, limit: number): ArrayLike<number> {
  if (limit > 2 ** 32) return codes.sort();
  const n = codes.length;
  let from = Uint32Array.from(codes);
  let to = new Uint32Array(n);
  const counts = new Int32Array(1 << 16);
  for (const shift of [0, 16]) {
    counts.fill(0);
    for (let k = 0; k < n; k++) counts[(from[k]! >>> shift) & 0xffff]!++;
    let sum = 0;
    for (let d = 0; d < counts.length; d++) {
      const c = counts[d]!;
      counts[d] = sum;
      sum += c;
    }
    for (let k = 0; k < n; k++) {
      const v = from[k]!;
      to[counts[(v >>> shift) & 0xffff]!++] = v;
    }
    [from, to] = [to, from];
  }
  return from;
}

/** Enough sentence pairs to learn frequent translations; more only costs time. */
const MAX_EXAMPLES = 2500;

/** The evenly spaced examples `learnDictionary` uses (callers can sample before building texts). */
export function learningSample<T>(items: readonly T[]): T[] {
  const step = Math.max(1, items.length / MAX_EXAMPLES);
  const sample: T[] = [];
  for (let k = 0; k < items.length; k += step) sample.push(items[Math.floor(k)]!);
  return sample;
}

/**
 * Learns source-word → target-words pairs from aligned sentence pairs.
 * Returns a word map in the same shape as a lexicon's entries.
 */
export function learnDictionary(
  pairs: readonly { source: string; target: string }[],
  options: LearnOptions = {},
): Map<string, string[]> {
  const sample = learningSample(pairs);
  const srcIds = new Map<string, number>();
  const tgtIds = new Map<string, number>();
  const bags = sample.map((p) => ({ s: wordIds(p.source, srcIds), t: wordIds(p.target, tgtIds) }));
  return learnFromBags(bags, srcIds, tgtIds, options);
}

/**
 * `learnDictionary` for sentence pairs given as sentence numbers into tokenized documents (the
 * aligner's own tokens): the same words (a token's words are its letter runs, and every letter
 * of a sentence is in a token), so the same result, without folding and matching each
 * sentence's text again.
 */
export function learnDictionaryFromTokens(
  source: TokenizedTexts,
  target: TokenizedTexts,
  pairs: readonly (readonly [number, number])[],
  options: LearnOptions = {},
): Map<string, string[]> {
  const sample = learningSample(pairs);
  const srcIds = new Map<string, number>();
  const tgtIds = new Map<string, number>();
  const srcWords = tokenWords(source.vocab);
  const tgtWords = tokenWords(target.vocab);
  const bags = sample.map(([i, j]) => ({ s: tokenWordIds(source, i, srcWords, srcIds), t: tokenWordIds(target, j, tgtWords, tgtIds) }));
  return learnFromBags(bags, srcIds, tgtIds, options);
}

/** The words (letter runs) of each vocabulary entry; tokens with letters are folded already. */
function tokenWords(vocab: readonly string[]): (readonly string[] | undefined)[] {
  return vocab.map((tok) => {
    WORD.lastIndex = 0;
    return tok.match(WORD) ?? undefined;
  });
}

/** Word ids of sentence k of tokenized texts, interned in order of appearance (as `wordIds`). */
function tokenWordIds(tokens: TokenizedTexts, k: number, words: readonly (readonly string[] | undefined)[], ids: Map<string, number>): Set<number> {
  const out = new Set<number>();
  for (let t = tokens.start[k]!; t < tokens.start[k + 1]!; t++) {
    const list = words[tokens.ids[t]!];
    if (!list) continue;
    for (const w of list) {
      let id = ids.get(w);
      if (id === undefined) ids.set(w, (id = ids.size));
      out.add(id);
    }
  }
  return out;
}

function learnFromBags(
  bags: readonly { s: ReadonlySet<number>; t: ReadonlySet<number> }[],
  srcIds: ReadonlyMap<string, number>,
  tgtIds: ReadonlyMap<string, number>,
  options: LearnOptions,
): Map<string, string[]> {
  const minCount = options.minCount ?? 2;
  const minDice = options.minDice ?? 0.3;
  const maxDf = options.maxDocFrequency ?? 0.25;
  const srcCount = new Int32Array(srcIds.size);
  const tgtCount = new Int32Array(tgtIds.size);
  for (const { s, t } of bags) {
    for (const w of s) srcCount[w]!++;
    for (const w of t) tgtCount[w]!++;
  }
  const limit = Math.max(minCount, maxDf * bags.length);
  const usable = (count: number): boolean => count >= minCount && count <= limit;
  // Joint counts: every co-occurring pair as the code source id × target-vocabulary size +
  // target id, sorted, then counted by runs (much cheaper than a Map of counters).
  const width = tgtIds.size;
  let codes = new Float64Array(1 << 16);
  let size = 0;
  for (const { s, t } of bags) {
    const ts = [...t].filter((b) => usable(tgtCount[b]!));
    for (const a of s) {
      if (!usable(srcCount[a]!)) continue;
      for (const b of ts) {
        if (size === codes.length) {
          const grown = new Float64Array(codes.length * 2);
          grown.set(codes);
          codes = grown;
        }
        codes[size++] = a * width + b;
      }
    }
  }
  const sorted = sortCodes(codes.subarray(0, size), srcIds.size * width);
  const srcWords = [...srcIds.keys()];
  const tgtWords = [...tgtIds.keys()];
  const kept = new Map<number, [number, number][]>();
  for (let k = 0; k < size; ) {
    const key = sorted[k]!;
    let end = k + 1;
    while (end < size && sorted[end] === key) end++;
    const c = end - k;
    k = end;
    if (c < minCount) continue;
    const a = Math.floor(key / width);
    const b = key - a * width;
    const dice = (2 * c) / (srcCount[a]! + tgtCount[b]!);
    if (dice < minDice) continue;
    const list = kept.get(a) ?? [];
    list.push([b, dice]);
    kept.set(a, list);
  }
  const out = new Map<string, string[]>();
  for (const [a, list] of kept) {
    list.sort((x, y) => y[1] - x[1] || x[0] - y[0]);
    out.set(srcWords[a]!, list.slice(0, 3).map(([b]) => tgtWords[b]!));
  }
  return out;
}
