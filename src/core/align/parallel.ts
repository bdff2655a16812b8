/**
 * Parallel mode: a monotonic bead alignment (1-1, 1-2, 2-1, 2-2, … up to `maxBead`, plus 1-0
 * and 0-1) by dynamic programming inside a band, with cost = Gale-Church length cost + bead
 * prior + lexical dissimilarity. The band follows a chain of rare shared keys (numbers, names,
 * cognates seen once in each document), and widens where the best path touches its edge, so
 * cost grows linearly with document length.
 */
import { bandAround, bandCells, fullBand, longestMonotoneChain, type Band } from './band.js';
import { lengthCost } from './length-cost.js';
import { coarseGuide } from './coarse-guide.js';
import { intersectionSize } from './sentence-features.js';
import type { PairScorer } from './types.js';
import type { SentenceFeatures } from './sentence-features.js';

export interface Bead {
  /** Source sentences [s0, s1), target sentences [t0, t1); one side may be empty. */
  readonly s0: number;
  readonly s1: number;
  readonly t0: number;
  readonly t1: number;
  /** Confidence in [0, 1]. */
  readonly score: number;
}

export interface ParallelParams {
  /** Weight of the Gale-Church length cost. */
  readonly lengthWeight: number;
  /** Weight of lexical dissimilarity (1 - similarity), per sentence in the bead. */
  readonly lexicalWeight: number;
  /** Cost of leaving one sentence unaligned (1-0 or 0-1). */
  readonly skipCost: number;
  /** Extra cost of a many-to-many bead per sentence beyond 1-1. */
  readonly mergeCost: number;
}

export const DEFAULT_PARALLEL_PARAMS: ParallelParams = {
  lengthWeight: 1,
  lexicalWeight: 6,
  skipCost: 6,
  mergeCost: 2.5,
};

export interface ParallelInput {
  readonly sourceLengths: ArrayLike<number>;
  readonly targetLengths: ArrayLike<number>;
  readonly scorer: PairScorer;
  readonly maxBead?: number;
  readonly params?: ParallelParams;
  /** Features used to place the band on large inputs (rare shared keys). */
  readonly features?: { source: readonly SentenceFeatures[]; target: readonly SentenceFeatures[] };
  readonly onProgress?: (done: number, total: number) => void;
  readonly signal?: AbortSignal;
  /** Diagnostics (band rounds). */
  readonly debug?: (message: string) => void;
  /**
   * Compute similarity from `features` directly (the signal scorer's Dice of shared keys),
   * with pair matches precomputed over the band: much faster than calling `scorer.bead`.
   */
  readonly featureSimilarity?: boolean;
  /** A known route (e.g. the first pass's path) for the band; skips the coarse search. */
  readonly guide?: readonly (readonly [number, number])[];
  /** Half-width of the band around `guide`. */
  readonly guideWidth?: number;
}

/** Inputs up to this many cells get the full matrix. */
const FULL_MATRIX_CELLS = 400_000;
const BAND_WIDTH = 24;

export function alignParallel(input: ParallelInput): Bead[] {
  const n = input.sourceLengths.length;
  const m = input.targetLengths.length;
  if (n === 0 || m === 0) return [];
  if (!input.guide && (n + 1) * (m + 1) <= FULL_MATRIX_CELLS) return runDp(input, fullBand(n, m)).beads;

  let guide: readonly (readonly [number, number])[] = input.guide ?? [];
  let width = input.guideWidth ?? BAND_WIDTH;
  if (!input.guide && input.features) {
    const coarse = coarseGuide(input.features.source, input.features.target);
    guide = coarse.points;
    width = Math.max(16, Math.ceil(coarse.block / 2) + 6);
    input.debug?.(`coarse guide: blocks of ${coarse.block}, band ±${width}`);
  }
  const widths = new Int32Array(n + 1).fill(width);
  let band = bandAround(n, m, guide, (i) => widths[i]!);
  for (let round = 0; ; round++) {
    const result = runDp(input, band);
    const touched = edgeRows(band, result.path);
    input.debug?.(`round ${round}: ${bandCells(band)} cells, ${touched.length} rows touch the edge`);
    if (touched.length === 0 || round >= 6) return result.beads;
    // Re-centre on the path found and widen around the rows where it hugged the band's edge.
    const reach = Math.max(BAND_WIDTH, width) * 4;
    for (const i of touched) {
      for (let r = Math.max(0, i - reach); r <= Math.min(n, i + reach); r++) widths[r] = Math.max(widths[r]!, width * 2 ** (round + 1));
    }
    band = bandAround(n, m, result.path, (i) => widths[i]!);
  }
}

/** Pairs (i, j) sharing a key that occurs exactly once in each document, chained monotonically. */
export function rareKeyChain(
  source: readonly SentenceFeatures[],
  target: readonly SentenceFeatures[],
): [number, number][] {
  const where = new Map<number, number>(); // key → source sentence, or -1 if repeated
  for (let i = 0; i < source.length; i++) {
    for (const k of source[i]!.keys) {
      const seen = where.get(k);
      where.set(k, seen === undefined ? i : -1);
    }
  }
  const targetWhere = new Map<number, number>();
  for (let j = 0; j < target.length; j++) {
    for (const k of target[j]!.own) {
      const seen = targetWhere.get(k);
      targetWhere.set(k, seen === undefined ? j : -1);
    }
  }
  const points: [number, number][] = [];
  for (const [k, j] of targetWhere) {
    if (j < 0) continue;
    const i = where.get(k);
    if (i !== undefined && i >= 0) points.push([i, j]);
  }
  return longestMonotoneChain(points);
}

/** Rows where the path runs along an inner edge of the band (so the band may be too narrow there). */
function edgeRows(band: Band, path: readonly (readonly [number, number])[]): number[] {
  const rows: number[] = [];
  for (const [i, j] of path) {
    const lo = band.lo[i]!;
    const hi = band.hi[i]!;
    if ((lo > 0 && j - lo < 2) || (hi < band.m && hi - j < 2)) rows.push(i);
  }
  return rows;
}

interface DpResult {
  beads: Bead[];
  /** Grid points (i, j) visited by the best path, in order. */
  path: [number, number][];
}

const PRIOR_11 = -Math.log(0.89);
/** Same as the signal scorer's: beads with no key on either side. */
const NEUTRAL_SIMILARITY = 0.1;

function runDp(input: ParallelInput, band: Band): DpResult {
  const { sourceLengths: ls, targetLengths: lt, scorer } = input;
  const p = input.params ?? DEFAULT_PARALLEL_PARAMS;
  const maxBead = Math.max(1, input.maxBead ?? 2);
  const { n, m, lo, hi } = band;
  let sumS = 0;
  let sumT = 0;
  for (let i = 0; i < n; i++) sumS += ls[i]!;
  for (let j = 0; j < m; j++) sumT += lt[j]!;
  const ratio = sumS > 0 && sumT > 0 ? sumT / sumS : 1;

  // Prefix sums give bead lengths in O(1).
  const cumS = new Float64Array(n + 1);
  const cumT = new Float64Array(m + 1);
  for (let i = 0; i < n; i++) cumS[i + 1] = cumS[i]! + ls[i]!;
  for (let j = 0; j < m; j++) cumT[j + 1] = cumT[j]! + lt[j]!;

  const types: [number, number][] = [[1, 0], [0, 1]];
  for (let a = 1; a <= maxBead; a++) for (let b = 1; b <= maxBead; b++) types.push([a, b]);

  const typeCount = types.length;
  const typeA = Int32Array.from(types, ([a]) => a);
  const typeB = Int32Array.from(types, ([, b]) => b);
  const offset = new Float64Array(n + 2);
  for (let i = 0; i <= n; i++) offset[i + 1] = offset[i]! + (hi[i]! - lo[i]! + 1);
  const cells = bandCells(band);
  const cost = new Float64Array(cells).fill(Infinity);
  const back = new Uint8Array(cells);
  cost[0] = 0;
  const at = (i: number, j: number): number => (j < lo[i]! || j > hi[i]! ? -1 : offset[i]! + j - lo[i]!);

  // Feature similarity: shared keys of each sentence pair in the band, computed once.
  const feat = input.featureSimilarity ? input.features : undefined;
  let pairMatches: Int32Array | undefined;
  let cumOwnS: Float64Array | undefined;
  let cumOwnT: Float64Array | undefined;
  if (feat) {
    pairMatches = new Int32Array(cells);
    for (let i = 1; i <= n; i++) {
      const keys = feat.source[i - 1]!.keys;
      for (let j = Math.max(1, lo[i]!); j <= hi[i]!; j++) pairMatches[offset[i]! + j - lo[i]!] = intersectionSize(keys, feat.target[j - 1]!.own);
    }
    cumOwnS = new Float64Array(n + 1);
    cumOwnT = new Float64Array(m + 1);
    for (let i = 0; i < n; i++) cumOwnS[i + 1] = cumOwnS[i]! + feat.source[i]!.own.length;
    for (let j = 0; j < m; j++) cumOwnT[j + 1] = cumOwnT[j]! + feat.target[j]!.own.length;
  }
  const progressEvery = Math.max(1, Math.floor(n / 100));
  for (let i = 0; i <= n; i++) {
    if (i % progressEvery === 0) {
      if (input.signal?.aborted) throw input.signal.reason ?? new Error('Aborted.');
      input.onProgress?.(i, n);
    }
    const rowLo = lo[i]!;
    const rowHi = hi[i]!;
    for (let j = rowLo; j <= rowHi; j++) {
      if (i === 0 && j === 0) continue;
      let best = Infinity;
      let bestType = 0;
      for (let t = 0; t < typeCount; t++) {
        const a = typeA[t]!;
        const b = typeB[t]!;
        const pi = i - a;
        const pj = j - b;
        if (pi < 0 || pj < 0 || pj < lo[pi]! || pj > hi[pi]!) continue;
        const base = cost[offset[pi]! + pj - lo[pi]!]!;
        if (base === Infinity) continue;
        let c: number;
        if (a === 0 || b === 0) c = p.skipCost;
        else {
          const gc = lengthCost(cumS[i]! - cumS[pi]!, cumT[j]! - cumT[pj]!, ratio);
          let sim: number;
          if (pairMatches) {
            // Inlined feature similarity: sum the precomputed pair matches of the bead.
            const den = cumOwnS![i]! - cumOwnS![pi]! + cumOwnT![j]! - cumOwnT![pj]!;
            if (den === 0) sim = NEUTRAL_SIMILARITY;
            else {
              let matched = 0;
              for (let x = pi + 1; x <= i; x++) {
                const xl = lo[x]!;
                const xh = hi[x]!;
                const base0 = offset[x]! - xl;
                for (let y = pj + 1; y <= j; y++) {
                  matched += y >= xl && y <= xh ? pairMatches[base0 + y]! : intersectionSize(feat!.source[x - 1]!.keys, feat!.target[y - 1]!.own);
                }
              }
              sim = Math.min(1, (2 * matched) / den);
            }
          } else sim = scorer.bead(pi, i, pj, j);
          c = p.lengthWeight * gc + PRIOR_11 + p.mergeCost * (a + b - 2) + p.lexicalWeight * (1 - sim) * ((a + b) / 2);
        }
        const total = base + c;
        if (total < best) {
          best = total;
          bestType = t;
        }
      }
      const idx = offset[i]! + j - rowLo;
      cost[idx] = best;
      back[idx] = bestType;
    }
  }
  input.onProgress?.(n, n);

  // Trace back from (n, m).
  const beads: Bead[] = [];
  const path: [number, number][] = [[n, m]];
  let i = n;
  let j = m;
  if (at(n, m) < 0 || cost[at(n, m)]! === Infinity) throw new Error('The alignment band does not reach the end of both documents.');
  while (i > 0 || j > 0) {
    const idx = at(i, j);
    const [a, b] = types[back[idx]!]!;
    const stepCost = cost[idx]! - cost[at(i - a, j - b)]!;
    const sentences = a + b;
    beads.push({ s0: i - a, s1: i, t0: j - b, t1: j, score: Math.max(0, Math.min(1, Math.exp(-stepCost / (2 * sentences)))) });
    i -= a;
    j -= b;
    path.push([i, j]);
  }
  beads.reverse();
  path.reverse();
  return { beads, path };
}
