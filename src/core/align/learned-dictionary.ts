/**
 * A translation dictionary learned from an alignment pass (as hunalign does): word pairs
 * that co-occur in its beads far more often than chance (Dice association), or, with
 * `competitiveLinking`, word pairs that win the links of their beads (Melamed 2000).
 * The next pass adds these pairs as shared keys, which sharpens the lexical signal for
 * languages with few cognates (de-fr) and for function words.
 */
import { stemOf, type TokenizedTexts } from './sentence-features.js';

export interface LearnOptions {
  /** Minimum count of a word, and (without competitive linking) of a pair's co-occurrences. */
  readonly minCount?: number;
  /** With competitive linking: minimum number of beads in which a pair is linked. */
  readonly minLinks?: number;
  /** Minimum Dice coefficient 2·c(a,b) / (c(a) + c(b)). */
  readonly minDice?: number;
  /** Words in more than this fraction of sentences are too common to help. */
  readonly maxDocFrequency?: number;
  /**
   * Count a pair in a bead only where it wins a competitive link: in each bead, pairs are
   * linked best Dice first and each word takes one link (Melamed 2000), and minLinks and
   * minDice then apply to link counts. Plain co-occurrence pairs every word of a bead with
   * every other: in a small document, "Expedition" co-occurs with "Nepal" often enough to be
   * kept as its translation; linked, "Nepal" goes to "Népal" and "Expedition" to
   * "expédition". textberg-dev with every 5th target sentence deleted: strict F1 0.758 →
   * 0.792 (with examples from beads of up to 2 a side); transread-dev 0.828 → 0.841.
   */
  readonly competitiveLinking?: boolean;
}

/**
 * An aligned example: a source and a target sentence number, or the sentence ranges
 * [s0, s1) and [t0, t1) of a bead.
 */
export type LearningExample = readonly [source: number, target: number] | readonly [s0: number, s1: number, t0: number, t1: number];

/** An example's sentence ranges [s0, s1, t0, t1). */
function rangesOf(x: LearningExample): readonly [number, number, number, number] {
  return x.length === 2 ? [x[0], x[0] + 1, x[1], x[1] + 1] : x;
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
  examples: readonly LearningExample[],
  options: LearnOptions = {},
): Map<string, string[]> {
  const sample = learningSample(examples);
  const srcIds = new Map<string, number>();
  const tgtIds = new Map<string, number>();
  const srcWords = tokenWords(source.vocab);
  const tgtWords = tokenWords(target.vocab);
  const bags = sample.map((x) => {
    const [s0, s1, t0, t1] = rangesOf(x);
    return { s: tokenWordIds(source, s0, s1, srcWords, srcIds), t: tokenWordIds(target, t0, t1, tgtWords, tgtIds) };
  });
  return learnFromBags(bags, srcIds, tgtIds, options);
}

/** The words (letter runs) of each vocabulary entry; tokens with letters are folded already. */
function tokenWords(vocab: readonly string[]): (readonly string[] | undefined)[] {
  return vocab.map((tok) => {
    WORD.lastIndex = 0;
    return tok.match(WORD) ?? undefined;
  });
}

/** Word ids of sentences [from, to) of tokenized texts, interned in order of appearance (as `wordIds`). */
function tokenWordIds(tokens: TokenizedTexts, from: number, to: number, words: readonly (readonly string[] | undefined)[], ids: Map<string, number>): Set<number> {
  const out = new Set<number>();
  for (let t = tokens.start[from]!; t < tokens.start[to]!; t++) {
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
  // Distinct pair codes (ascending) and their co-occurrence counts.
  const pairCodes: number[] = [];
  const pairCounts: number[] = [];
  for (let k = 0; k < size; ) {
    const key = sorted[k]!;
    let end = k + 1;
    while (end < size && sorted[end] === key) end++;
    pairCodes.push(key);
    pairCounts.push(end - k);
    k = end;
  }
  const minPairCount = options.competitiveLinking ? (options.minLinks ?? 2) : minCount;
  const counts = options.competitiveLinking ? linkCounts(bags, pairCodes, pairCounts, width, srcCount, tgtCount, usable, minDice) : pairCounts;
  const srcWords = [...srcIds.keys()];
  const tgtWords = [...tgtIds.keys()];
  const kept = new Map<number, [number, number][]>();
  for (let k = 0; k < pairCodes.length; k++) {
    const c = counts[k]!;
    if (c < minPairCount) continue;
    const key = pairCodes[k]!;
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

/**
 * Competitive links (Melamed 2000): in each bead, the pairs of usable words (those counted in
 * `pairCodes`) by Dice of their co-occurrence, best first (ties: source word, then target word,
 * by first appearance, which is the order of `pairCodes`); a pair is linked when neither word
 * has a link yet. Returns the link count of each pair of `pairCodes`.
 */
function linkCounts(
  bags: readonly { s: ReadonlySet<number>; t: ReadonlySet<number> }[],
  pairCodes: readonly number[],
  pairCounts: readonly number[],
  width: number,
  srcCount: Int32Array,
  tgtCount: Int32Array,
  usable: (count: number) => boolean,
  minDice: number,
): Int32Array {
  const links = new Int32Array(pairCodes.length);
  const indexOf = new CodeIndex(pairCodes);
  // Words linked in the current bead: stamped with the bead's number (no set per bead).
  const linkedA = new Int32Array(srcCount.length).fill(-1);
  const linkedB = new Int32Array(tgtCount.length).fill(-1);
  let dice = new Float64Array(256);
  let pair = new Int32Array(256);
  let order = new Int32Array(256);
  const ts: number[] = [];
  for (let k = 0; k < bags.length; k++) {
    const { s, t } = bags[k]!;
    ts.length = 0;
    for (const b of t) if (usable(tgtCount[b]!)) ts.push(b);
    let size = 0;
    for (const a of s) {
      if (!usable(srcCount[a]!)) continue;
      for (let y = 0; y < ts.length; y++) {
        const b = ts[y]!;
        const index = indexOf.get(a * width + b);
        const d = (2 * pairCounts[index]!) / (srcCount[a]! + tgtCount[b]!);
        // A pair's links never outnumber its co-occurrences, so one under minDice is never
        // kept; ranked after every pair that can be, it can only take words from pairs that
        // cannot be kept either.
        if (d < minDice) continue;
        if (size === dice.length) {
          dice = grow(dice, new Float64Array(size * 2));
          pair = grow(pair, new Int32Array(size * 2));
          order = new Int32Array(size * 2);
        }
        dice[size] = d;
        pair[size] = index;
        size++;
      }
    }
    for (let r = 0; r < size; r++) order[r] = r;
    const ranked = order.subarray(0, size).sort((x, y) => dice[y]! - dice[x]! || pair[x]! - pair[y]!);
    for (let r = 0; r < size; r++) {
      const index = pair[ranked[r]!]!;
      const code = pairCodes[index]!;
      const a = Math.floor(code / width);
      const b = code - a * width;
      if (linkedA[a] === k || linkedB[b] === k) continue;
      linkedA[a] = k;
      linkedB[b] = k;
      links[index]!++;
    }
  }
  return links;
}

function grow<T extends Float64Array | Int32Array>(from: T, to: T): T {
  to.set(from);
  return to;
}

/** Index of each of a list of distinct codes (open addressing: a binary search per look-up cost ~4x more). */
class CodeIndex {
  private readonly keys: Float64Array;
  private readonly values: Int32Array;
  private readonly mask: number;
  constructor(codes: readonly number[]) {
    let size = 16;
    while (size < codes.length * 2) size *= 2;
    this.keys = new Float64Array(size).fill(-1);
    this.values = new Int32Array(size);
    this.mask = size - 1;
    for (let k = 0; k < codes.length; k++) {
      let h = this.slot(codes[k]!);
      while (this.keys[h] !== -1) h = (h + 1) & this.mask;
      this.keys[h] = codes[k]!;
      this.values[h] = k;
    }
  }
  private slot(code: number): number {
    return Math.imul((code | 0) ^ ((code / 4294967296) | 0), 0x9e3779b1) >>> 0 & this.mask;
  }
  get(code: number): number {
    let h = this.slot(code);
    for (;;) {
      const key = this.keys[h]!;
      if (key === code) return this.values[h]!;
      if (key === -1) return -1;
      h = (h + 1) & this.mask;
    }
  }
}

/**
 * The translations of `translations` (source word → target words, as a lexicon's) that a
 * document's beads attest: the source word in a bead's source sentences and the target word's
 * 5-letter stem among the stems of its target sentences (a translation of several words by its
 * first word), in at least `minShare` of the beads holding the source word. A general lexicon
 * lists every sense of a word; the senses a translation uses recur with it, the others only by
 * chance.
 */
export function attestedTranslations(
  source: TokenizedTexts,
  target: TokenizedTexts,
  examples: readonly LearningExample[],
  translations: ReadonlyMap<string, readonly string[]>,
  minShare: number,
): Map<string, string[]> {
  const srcWords = tokenWords(source.vocab);
  const tgtWords = tokenWords(target.vocab);
  // The keys' stems (shorter words whole), as translations become keys.
  const stem = (w: string): string => stemOf(w) ?? w;
  const together = new Map<string, number>();
  const beadsWith = new Map<string, number>();
  for (const x of learningSample(examples)) {
    const [s0, s1, t0, t1] = rangesOf(x);
    const stems = new Set<string>();
    for (let t = target.start[t0]!; t < target.start[t1]!; t++) for (const w of tgtWords[target.ids[t]!] ?? []) stems.add(stem(w));
    const seen = new Set<string>();
    for (let t = source.start[s0]!; t < source.start[s1]!; t++) {
      for (const w of srcWords[source.ids[t]!] ?? []) {
        const senses = translations.get(w);
        if (!senses || seen.has(w)) continue;
        seen.add(w);
        beadsWith.set(w, (beadsWith.get(w) ?? 0) + 1);
        for (const b of senses) {
          if (!stems.has(stem(b.split(/[\s'’-]+/)[0]!))) continue;
          const key = `${w}\t${b}`;
          together.set(key, (together.get(key) ?? 0) + 1);
        }
      }
    }
  }
  const out = new Map<string, string[]>();
  for (const [key, c] of together) {
    const [w, b] = key.split('\t') as [string, string];
    if (c < minShare * beadsWith.get(w)!) continue;
    const list = out.get(w);
    if (list) list.push(b);
    else out.set(w, [b]);
  }
  return out;
}
