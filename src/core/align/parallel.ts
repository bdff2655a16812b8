/**
 * Parallel mode: a monotonic bead alignment (1-1, 1-2, 2-1, 2-2, … up to `maxBead`, plus 1-0
 * and 0-1) by dynamic programming inside a band, with cost = Gale-Church length cost + bead
 * prior + lexical dissimilarity. Small inputs get the full matrix; on long ones the band
 * follows the coarse guide (multi-level warping over rarer shared keys, see coarse-guide.ts)
 * and is re-solved wider where the best path touches its edge, so cost grows linearly with
 * document length. The inner loop works on flat typed arrays and skips bead candidates whose
 * cost cannot beat the best one found for the cell.
 */
import { bandAround, bandCells, fullBand, longestMonotoneChain, type Band } from './band.js';
import { negLogTwoSidedTail, tailTable, TABLE_LIMIT, TABLE_STEPS, VARIANCE } from './length-cost.js';
import { coarseGuide } from './coarse-guide.js';
import { sharedKeys } from './sentence-features.js';
import type { PairScorer } from './types.js';
import type { FeatureColumns } from './sentence-features.js';

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
  /**
   * Weight of missing evidence: for each sentence of a bead, how many matched keys it lacks to
   * reach `expectedSimilarity` of its own keys (matched with the other side of the bead). The
   * bead's Dice similarity alone is blind to which sentence matches: a sentence with no
   * counterpart costs little merged into a neighbour's bead, since the neighbour's matches
   * carry the bead. Counted per sentence, a sentence that matches nothing costs in proportion to
   * its keys wherever it is aligned, so leaving it unaligned (1-0, 0-1) becomes the cheaper path.
   */
  readonly evidenceWeight: number;
  /** Share of its keys a sentence usually matches in its bead (no evidence cost above it). */
  readonly expectedSimilarity: number;
  /**
   * Most a bead's Gale-Church length cost can add (before lengthWeight): lengths that disagree
   * far beyond the normal spread say little more than lengths that just disagree. Uncapped,
   * one translator's cut or expansion made the pair of sentences cost more than leaving both
   * unaligned, and a missing sentence pulled its neighbours out of their beads. Every 5th
   * target sentence deleted, averaged over the five ways to choose them: textberg-dev 0.773 →
   * 0.795, transread-dev 0.832 → 0.842 strict F1; intact unchanged (0.849 → 0.848, 0.905 →
   * 0.903). A mixture of the normal length model with a uniform one, in effect.
   */
  readonly lengthCostCap: number;
}

export const DEFAULT_PARALLEL_PARAMS: ParallelParams = {
  lengthWeight: 0.5,
  lexicalWeight: 6,
  skipCost: 6,
  mergeCost: 2.5,
  evidenceWeight: 0.5,
  expectedSimilarity: 0.2,
  lengthCostCap: 5,
};

export interface ParallelInput {
  readonly sourceLengths: ArrayLike<number>;
  readonly targetLengths: ArrayLike<number>;
  readonly scorer: PairScorer;
  readonly maxBead?: number;
  readonly params?: ParallelParams;
  /** Features used to place the band on large inputs (rare shared keys). */
  readonly features?: { source: FeatureColumns; target: FeatureColumns };
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
  /**
   * Target characters per source character for the length cost. Default: the ratio of the
   * documents' total lengths, which an omission skews (a target missing a fifth of the text
   * makes every true 1-1 bead look too long on the target side, so merges win).
   */
  readonly lengthRatio?: number;
  /**
   * Costs of leaving a source sentence (1-0) and a target sentence (0-1) unaligned, when they
   * differ from `params.skipCost` (a side known to lack part of the other's text).
   */
  readonly skipCosts?: readonly [number, number];
  /** Search the full matrix whatever the size (the reference the band is measured against). */
  readonly fullMatrix?: boolean;
  /** Told how the search was done (full matrix or band; a weak guide and the wider band it got). */
  readonly onRoute?: (route: SearchRoute) => void;
  /** Use the general DP loop even for beads of up to 2 a side (tests: both loops must agree). */
  readonly generalLoop?: boolean;
}

export interface SearchRoute {
  readonly kind: 'full matrix' | 'band';
  /** Half-width of the first band. */
  readonly width?: number;
  /** Share of sentences the band's path left unaligned (coarse-guided bands). */
  readonly unaligned?: number;
  /** The band's path left so much unaligned that the search was repeated without the guide. */
  readonly weakGuide?: {
    readonly fallback: 'full matrix' | 'wider band';
    readonly unalignedBefore: number;
    readonly unalignedAfter: number;
    /** The result kept: the one leaving fewer sentences unaligned. */
    readonly kept: 'fallback' | 'band';
  };
}

/**
 * A coarse-guided band whose path leaves more than this share of sentences unaligned has
 * probably lost the way (even every fifth sentence missing on one side leaves about 11%).
 */
const DERAILED = 0.3;
/** The fallback searches the full matrix up to this many cells (about 150 MB), else a wider band. */
const FALLBACK_FULL_MATRIX_CELLS = 16_000_000;
/** Widening of the band around the length diagonal when the full matrix is too large. */
const WEAK_GUIDE_WIDENING = 4;

/** Inputs up to this many cells get the full matrix. */
const FULL_MATRIX_CELLS = 400_000;
const BAND_WIDTH = 12;
/** Re-solving depth for stretches where the path hugs the band's edge. */
const MAX_DEPTH = 4;

export function alignParallel(input: ParallelInput): Bead[] {
  const n = input.sourceLengths.length;
  const m = input.targetLengths.length;
  if (n === 0 || m === 0) return [];
  if (input.fullMatrix || (!input.guide && (n + 1) * (m + 1) <= FULL_MATRIX_CELLS)) {
    input.onRoute?.({ kind: 'full matrix' });
    return runDp(input, fullBand(n, m)).beads;
  }

  let guide: readonly (readonly [number, number])[] = input.guide ?? [];
  let width = input.guideWidth ?? BAND_WIDTH;
  if (input.guide || !input.features) {
    input.onRoute?.({ kind: 'band', width });
    return solveRegion(input, guide, width, 0);
  }
  const coarse = coarseGuide(input.features.source, input.features.target);
  guide = coarse.points;
  width = Math.max(BAND_WIDTH, coarse.block + 8);
  input.debug?.(`coarse guide: blocks of ${coarse.block}, band ±${width}`);
  const beads = solveRegion(input, guide, width, 0);
  const unaligned = unalignedShare(beads, n, m);
  if (unaligned <= DERAILED) {
    input.onRoute?.({ kind: 'band', width, unaligned });
    return beads;
  }
  // So many sentences left unaligned that the band has most likely lost the true path (the
  // documents share too little for the coarse guide: no cognates, numbers or names). Search
  // again where the band cannot mislead: the full matrix when it fits, else a band four times
  // as wide around the length diagonal; keep whichever leaves fewer sentences unaligned.
  const fallback = (n + 1) * (m + 1) <= FALLBACK_FULL_MATRIX_CELLS ? runDp(input, fullBand(n, m)).beads : solveRegion(input, [], width * WEAK_GUIDE_WIDENING, 0);
  const after = unalignedShare(fallback, n, m);
  const kind = (n + 1) * (m + 1) <= FALLBACK_FULL_MATRIX_CELLS ? 'full matrix' : 'wider band';
  input.debug?.(`weak guide: ${Math.round(unaligned * 100)}% unaligned in the band, ${Math.round(after * 100)}% with the ${kind}`);
  input.onRoute?.({ kind: 'band', width, unaligned, weakGuide: { fallback: kind, unalignedBefore: unaligned, unalignedAfter: after, kept: after < unaligned ? 'fallback' : 'band' } });
  return after < unaligned ? fallback : beads;
}

/** Share of all sentences (both sides) in 1-0 and 0-1 beads. */
function unalignedShare(beads: readonly Bead[], n: number, m: number): number {
  let alone = 0;
  for (let k = 0; k < beads.length; k++) {
    const b = beads[k]!;
    if (b.s1 === b.s0 || b.t1 === b.t0) alone += b.s1 - b.s0 + b.t1 - b.t0;
  }
  return alone / Math.max(1, n + m);
}

/**
 * Aligns inside a band around `guide`; where the best path runs along the band's edge (the
 * band may have cut off the true path), re-solves just that stretch, between fixed points of
 * the path found, with a band twice as wide. Cost stays proportional to the band.
 */
function solveRegion(input: ParallelInput, guide: readonly (readonly [number, number])[], width: number, depth: number): Bead[] {
  const n = input.sourceLengths.length;
  const m = input.targetLengths.length;
  const band = bandAround(n, m, guide, () => width);
  const result = runDp(input, band);
  const touched = edgeRows(band, result.path);
  input.debug?.(`depth ${depth}: ${n}×${m}, ${bandCells(band)} cells, ${touched.length} rows touch the edge`);
  if (touched.length === 0 || depth >= MAX_DEPTH) return result.beads;

  // Regions around the touched rows, merged.
  const reach = width * 4;
  const regions: [number, number][] = [];
  for (const i of touched) {
    const r0 = Math.max(0, i - reach);
    const r1 = Math.min(n, i + reach);
    const last = regions[regions.length - 1];
    if (last && r0 <= last[1]) last[1] = Math.max(last[1], r1);
    else regions.push([r0, r1]);
  }
  const path = result.path;
  // path[k] is where beads[k] starts, so a stretch between path points `entry` and `exit`
  // is beads[entry .. exit-1].
  const replaced: { entry: number; exit: number; beads: Bead[] }[] = [];
  for (const [r0, r1] of regions) {
    // Fixed points: the path's last point at or before r0 and first point at or after r1.
    const entry = Math.max(replaced[replaced.length - 1]?.exit ?? 0, upperBound(path, r0) - 1);
    const exit = Math.min(path.length - 1, lowerBound(path, r1));
    if (exit <= entry) continue;
    const [i0, j0] = path[entry]!;
    const [i1, j1] = path[exit]!;
    if (i1 <= i0 || j1 <= j0) continue;
    const sub = sliceInput(input, i0, i1, j0, j1);
    const subGuide = path.slice(entry + 1, exit).map(([i, j]) => [i - i0, j - j0] as [number, number]);
    const inner = solveRegion(sub, subGuide, width * 2, depth + 1).map((b) => ({ ...b, s0: b.s0 + i0, s1: b.s1 + i0, t0: b.t0 + j0, t1: b.t1 + j0 }));
    replaced.push({ entry, exit, beads: inner });
  }
  const out: Bead[] = [];
  let r = 0;
  for (let k = 0; k < result.beads.length; k++) {
    const region = replaced[r];
    if (region && k === region.entry) {
      out.push(...region.beads);
      k = region.exit - 1;
      r++;
    } else out.push(result.beads[k]!);
  }
  return out;
}

/** First index of a path point with row >= r (path rows are non-decreasing). */
function lowerBound(path: readonly (readonly [number, number])[], r: number): number {
  let lo = 0;
  let hi = path.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (path[mid]![0] < r) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** First index of a path point with row > r. */
function upperBound(path: readonly (readonly [number, number])[], r: number): number {
  let lo = 0;
  let hi = path.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (path[mid]![0] <= r) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** A scorer for a stretch of a pair: sentence indices shifted to the stretch's origin. */
export class OffsetPairScorer implements PairScorer {
  constructor(
    private readonly inner: PairScorer,
    private readonly ds: number,
    private readonly dt: number,
  ) {}
  bead(s0: number, s1: number, t0: number, t1: number): number {
    return this.inner.bead(s0 + this.ds, s1 + this.ds, t0 + this.dt, t1 + this.dt);
  }
}

/** The sub-problem of source sentences [i0, i1) and target sentences [j0, j1). */
function sliceInput(input: ParallelInput, i0: number, i1: number, j0: number, j1: number): ParallelInput {
  const slice = (a: ArrayLike<number>, x: number, y: number): number[] => Array.from({ length: y - x }, (_, k) => a[x + k]!);
  return {
    ...input,
    sourceLengths: slice(input.sourceLengths, i0, i1),
    targetLengths: slice(input.targetLengths, j0, j1),
    scorer: new OffsetPairScorer(input.scorer, i0, j0),
    features: input.features && { source: input.features.source.slice(i0, i1), target: input.features.target.slice(j0, j1) },
    onProgress: undefined,
  };
}

/** Pairs (i, j) sharing a key that occurs exactly once in each document, chained monotonically. */
export function rareKeyChain(source: FeatureColumns, target: FeatureColumns): [number, number][] {
  return longestMonotoneChain(rareKeyPoints(source, target));
}

/** Pairs (i, j) sharing a key that occurs exactly once in each document: one per such key. */
export function rareKeyPoints(source: FeatureColumns, target: FeatureColumns): [number, number][] {
  const where = new Map<number, number>(); // key → source sentence, or -1 if repeated
  for (let i = 0; i < source.size; i++) {
    for (let x = source.keyStart[i]!; x < source.keyStart[i + 1]!; x++) {
      const k = source.keyData[x]!;
      const seen = where.get(k);
      where.set(k, seen === undefined ? i : -1);
    }
  }
  const targetWhere = new Map<number, number>();
  for (let j = 0; j < target.size; j++) {
    for (let y = target.ownStart[j]!; y < target.ownStart[j + 1]!; y++) {
      const k = target.ownData[y]!;
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
  return points;
}

/** Rows where the path runs along an inner edge of the band (so the band may be too narrow there). */
function edgeRows(band: Band, path: readonly (readonly [number, number])[]): number[] {
  const rows: number[] = [];
  for (let k = 0; k < path.length; k++) {
    const i = path[k]![0];
    const j = path[k]![1];
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

/**
 * Everything the DP's inner loop reads, in one object of one shape: the loop lives in its own
 * function (`fillRows`) that only sees this class, typed arrays and numbers, so V8 optimizes it
 * once and keeps it. Reading the varied input objects there made it deoptimize and recompile
 * hundreds of times on long documents (once per re-solved stretch).
 */
class DpGrid {
  /** Cell (i, j) lives at rowBase[i] + j (integer offsets keep index arithmetic in int32). */
  readonly rowBase: Int32Array;
  readonly cells: number;
  readonly cost: Float64Array;
  /** Bead type of the best step into each cell (see `beadTypes`). */
  readonly back: Uint8Array;
  /** Prefix sums of sentence lengths (bead lengths in O(1)). */
  readonly cumS: Float64Array;
  readonly cumT: Float64Array;
  readonly ratio: number;
  readonly invRatio: number;
  /** Costs of a 1-0 and of a 0-1 bead. */
  skipSource: number;
  skipTarget: number;
  /** Shared keys of source sentence x-1 and target sentence y-1 at rowBase[x] + y, or null (custom scorer). */
  pairMatches: Uint8Array | null = null;
  /** Prefix sums of own-key counts (the Dice denominators). */
  cumOwnS: Float64Array;
  cumOwnT: Float64Array;
  featSource: FeatureColumns | null = null;
  featTarget: FeatureColumns | null = null;

  constructor(
    readonly n: number,
    readonly m: number,
    readonly lo: Int32Array,
    readonly hi: Int32Array,
    readonly maxBead: number,
    readonly params: ParallelParams,
    readonly scorer: PairScorer,
    sourceLengths: ArrayLike<number>,
    targetLengths: ArrayLike<number>,
    lengthRatio?: number,
  ) {
    const cumS = prefixSums(sourceLengths, n);
    const cumT = prefixSums(targetLengths, m);
    this.cumS = cumS;
    this.cumT = cumT;
    const sumS = cumS[n]!;
    const sumT = cumT[m]!;
    this.ratio = lengthRatio !== undefined && lengthRatio > 0 && Number.isFinite(lengthRatio) ? lengthRatio : sumS > 0 && sumT > 0 ? sumT / sumS : 1;
    this.invRatio = 1 / this.ratio;
    const { rowBase, cells } = rowOffsets(lo, hi, n);
    if (cells > 2 ** 31 - 1) throw new Error('The alignment band is too large.');
    this.rowBase = rowBase;
    this.cells = cells;
    // Every cell is written before it is read (rows in order, columns left to right), so the
    // cost matrix needs no initial fill; cell (0, 0) is the zero origin.
    this.cost = new Float64Array(cells);
    this.back = new Uint8Array(cells);
    this.cumOwnS = this.cumS;
    this.cumOwnT = this.cumT;
    this.skipSource = params.skipCost;
    this.skipTarget = params.skipCost;
  }

  /** Offset of cell (i, j) in the flat arrays, or -1 outside the band. */
  at(i: number, j: number): number {
    return j < this.lo[i]! || j > this.hi[i]! ? -1 : this.rowBase[i]! + j;
  }
}

/**
 * Bead types: index 0 is 1-0, 1 is 0-1, then a-b at 2 + (a-1)·maxBead + (b-1); as the source
 * and target sides per type (typed arrays: no pair to destructure per traced bead).
 */
function beadTypes(maxBead: number): { source: Int32Array; target: Int32Array } {
  const count = 2 + maxBead * maxBead;
  const source = new Int32Array(count);
  const target = new Int32Array(count);
  source[0] = 1;
  target[1] = 1;
  for (let a = 1; a <= maxBead; a++) {
    for (let b = 1; b <= maxBead; b++) {
      source[2 + (a - 1) * maxBead + (b - 1)] = a;
      target[2 + (a - 1) * maxBead + (b - 1)] = b;
    }
  }
  return { source, target };
}

/**
 * Feature similarity: the shared keys of each sentence pair in the band, computed once. For
 * each source key, the target sentences holding it (postings in sentence order); a row counts
 * its keys' postings inside the band, found by binary search. Cheaper than looking at every key
 * of every target sentence in the band.
 */
function countPairMatches(g: DpGrid, source: FeatureColumns, target: FeatureColumns): void {
  const { n, m } = g;
  const maxKey = Math.max(maxOf(source.keyData, source.keyStart[0]!, source.keyStart[n]!), maxOf(target.ownData, target.ownStart[0]!, target.ownStart[m]!));
  const postingStart = postingOffsets(target, m, maxKey);
  const postings = postingList(target, m, postingStart, maxKey);
  const pairMatches = new Uint8Array(g.cells);
  countRows(g, source, postingStart, postings, maxKey, pairMatches);
  g.pairMatches = pairMatches;
  g.cumOwnS = prefixCounts(source.ownStart, n);
  g.cumOwnT = prefixCounts(target.ownStart, m);
  g.featSource = source;
  g.featTarget = target;
}

// The steps of countPairMatches are separate functions, one loop each: a function with several
// long loops is compiled on entering each loop (on-stack replacement), and that code gave up
// (deoptimized) on reaching the next loop, on every call (~8 times per re-solved stretch).

/** Largest value of data[from, to), at least 0. */
function maxOf(data: Int32Array, from: number, to: number): number {
  let max = 0;
  for (let x = from; x < to; x++) if (data[x]! > max) max = data[x]!;
  return max;
}

/** Where each key's postings start (target sentences holding the key), for keys 0..maxKey. */
function postingOffsets(target: FeatureColumns, m: number, maxKey: number): Int32Array {
  const { ownStart, ownData } = target;
  const postingStart = new Int32Array(maxKey + 2);
  for (let y = ownStart[0]!; y < ownStart[m]!; y++) postingStart[ownData[y]! + 1]!++;
  for (let k = 0; k <= maxKey; k++) postingStart[k + 1]! += postingStart[k]!;
  return postingStart;
}

/** Each key's postings in sentence order, as DP columns (column j is target sentence j-1). */
function postingList(target: FeatureColumns, m: number, postingStart: Int32Array, maxKey: number): Int32Array {
  const { ownStart, ownData } = target;
  const postings = new Int32Array(postingStart[maxKey + 1]!);
  const fill = postingStart.slice(0, maxKey + 1);
  for (let j = 1; j <= m; j++) for (let y = ownStart[j - 1]!; y < ownStart[j]!; y++) postings[fill[ownData[y]!]!++] = j;
  return postings;
}

/** For each row, adds one to the pair count of every band cell whose target holds one of the row's keys. */
function countRows(g: DpGrid, source: FeatureColumns, postingStart: Int32Array, postings: Int32Array, maxKey: number, pairMatches: Uint8Array): void {
  const { n, lo, hi, rowBase } = g;
  const { keyStart, keyData } = source;
  // The band's rows start at non-decreasing columns, so each key's first posting inside the
  // band only moves forward: a cursor per key (reset from postingStart) replaces a binary search.
  const cursor = postingStart.slice(0, maxKey + 1);
  for (let i = 1; i <= n; i++) {
    const rowLo = Math.max(1, lo[i]!);
    const rowHi = hi[i]!;
    if (rowHi < rowLo) continue;
    const base = rowBase[i]!;
    for (let x = keyStart[i - 1]!; x < keyStart[i]!; x++) {
      const key = keyData[x]!;
      const z = postingStart[key + 1]!;
      let a = cursor[key]!;
      while (a < z && postings[a]! < rowLo) a++;
      cursor[key] = a;
      for (let p = a; p < z; p++) {
        const j = postings[p]!;
        if (j > rowHi) break;
        const v = pairMatches[base + j]!;
        if (v < 255) pairMatches[base + j] = v + 1;
      }
    }
  }
}

/** Prefix sums of per-sentence counts given as start offsets (start[k + 1] - start[k]). */
function prefixCounts(start: Int32Array, count: number): Float64Array {
  const out = new Float64Array(count + 1);
  for (let k = 0; k < count; k++) out[k + 1] = out[k]! + start[k + 1]! - start[k]!;
  return out;
}

/** Prefix sums of lengths. */
function prefixSums(lengths: ArrayLike<number>, count: number): Float64Array {
  const out = new Float64Array(count + 1);
  for (let k = 0; k < count; k++) out[k + 1] = out[k]! + lengths[k]!;
  return out;
}

/** Offsets of band rows in the flat cell arrays (cell (i, j) at rowBase[i] + j) and the cell count. */
function rowOffsets(lo: Int32Array, hi: Int32Array, n: number): { rowBase: Int32Array; cells: number } {
  const rowBase = new Int32Array(n + 1);
  let cells = 0;
  for (let i = 0; i <= n; i++) {
    rowBase[i] = cells - lo[i]!;
    cells += hi[i]! - lo[i]! + 1;
  }
  return { rowBase, cells };
}

function runDp(input: ParallelInput, band: Band): DpResult {
  const maxBead = Math.max(1, input.maxBead ?? 2);
  const { n, m, lo, hi } = band;
  const g = new DpGrid(n, m, lo, hi, maxBead, input.params ?? DEFAULT_PARALLEL_PARAMS, input.scorer, input.sourceLengths, input.targetLengths, input.lengthRatio);
  if (input.skipCosts) {
    g.skipSource = input.skipCosts[0];
    g.skipTarget = input.skipCosts[1];
  }
  const feat = input.featureSimilarity ? input.features : undefined;
  if (feat) countPairMatches(g, feat.source, feat.target);
  const window = new Int32Array(maxBead * maxBead);
  // Rows in chunks, so that progress and cancellation are checked outside the hot loop.
  const chunk = Math.max(1, Math.floor(n / 100));
  for (let i = 0; i <= n; i += chunk) {
    if (input.signal?.aborted) throw input.signal.reason ?? new Error('Aborted.');
    input.onProgress?.(i, n);
    if (maxBead === 2 && g.pairMatches !== null && !input.generalLoop) fillRowsPairs(g, i, Math.min(n + 1, i + chunk));
    else fillRows(g, i, Math.min(n + 1, i + chunk), window);
  }
  input.onProgress?.(n, n);
  return traceBack(g);
}

/** DP over rows [i0, i1) of the band: best cost and bead type into each cell. */
function fillRows(g: DpGrid, i0: number, i1: number, window: Int32Array): void {
  const { lo, hi, rowBase, cost, back, cumS, cumT, ratio, invRatio, maxBead, pairMatches, cumOwnS, cumOwnT, featSource, featTarget, scorer } = g;
  const { lengthWeight, lexicalWeight, mergeCost, evidenceWeight, expectedSimilarity, lengthCostCap } = g.params;
  const { skipSource, skipTarget } = g;
  for (let i = i0; i < i1; i++) {
    const rowLo = lo[i]!;
    const rowHi = hi[i]!;
    const base = rowBase[i]!;
    const upLo = i > 0 ? lo[i - 1]! : 0;
    const upHi = i > 0 ? hi[i - 1]! : -1;
    const upBase = i > 0 ? rowBase[i - 1]! : 0;
    const ci = cumS[i]!;
    const oi = cumOwnS[i]!;
    for (let j = rowLo; j <= rowHi; j++) {
      if (i === 0 && j === 0) continue;
      let best = Infinity;
      let bestType = 0;
      // Same order and strict comparisons as over the type list: ties go to the first type.
      if (j >= upLo && j <= upHi) {
        const v = cost[upBase + j]! + skipSource;
        if (v < best) {
          best = v;
          bestType = 0;
        }
      }
      if (j > rowLo) {
        const v = cost[base + j - 1]! + skipTarget;
        if (v < best) {
          best = v;
          bestType = 1;
        }
      }
      const cj = cumT[j]!;
      const oj = cumOwnT[j]!;
      if (pairMatches !== null) {
        // Shared keys of every bead ending at (i, j): window[(a-1)·maxBead + (b-1)] sums the
        // pair matches of rows i-a+1..i and columns j-b+1..j, each pair read once.
        const rows = Math.min(maxBead, i);
        const cols = Math.min(maxBead, j);
        for (let a = 1; a <= rows; a++) {
          const x = i - a + 1;
          const xLo = lo[x]!;
          const xHi = hi[x]!;
          const xBase = rowBase[x]!;
          const above = (a - 2) * maxBead - 1;
          let rowSum = 0;
          for (let b = 1; b <= cols; b++) {
            const y = j - b + 1;
            rowSum += y >= xLo && y <= xHi ? pairMatches[xBase + y]! : sharedKeys(featSource!, x - 1, featTarget!, y - 1);
            window[(a - 1) * maxBead + b - 1] = a > 1 ? window[above + b]! + rowSum : rowSum;
          }
        }
      }
      for (let a = 1; a <= maxBead && a <= i; a++) {
        const pi = i - a;
        const pLo = lo[pi]!;
        const pHi = hi[pi]!;
        const pBase = rowBase[pi]!;
        for (let b = 1; b <= maxBead && b <= j; b++) {
          const pj = j - b;
          if (pj < pLo || pj > pHi) continue;
          const prev = cost[pBase + pj]!;
          // Every term but the prior is non-negative: skip beads that cannot win.
          const floor = prev + PRIOR_11 + mergeCost * (a + b - 2);
          if (!(floor < best)) continue;
          // With precomputed pair matches the lexical term is the cheaper one (no square root)
          // and the larger, so it is bounded first; the total is summed in the same order either
          // way, so pruning never changes the result.
          let lexical = 0;
          if (pairMatches !== null) {
            const den = oi - cumOwnS[pi]! + oj - cumOwnT[pj]!;
            let sim: number;
            if (den === 0) sim = NEUTRAL_SIMILARITY;
            else {
              const matched = window[(a - 1) * maxBead + (b - 1)]!;
              sim = matched * 2 >= den ? 1 : (2 * matched) / den;
            }
            lexical = lexicalWeight * (1 - sim) * ((a + b) / 2);
            if (evidenceWeight > 0) lexical += evidenceWeight * windowShortfall(window, maxBead, a, b, i, j, cumOwnS, cumOwnT, expectedSimilarity);
            if (!(floor + lexical < best)) continue;
          }
          // Gale-Church length cost (as fastLengthCost, inlined: called tens of millions of
          // times, and a call that is not inlined boxes its result).
          const sLen = ci - cumS[pi]!;
          const tLen = cj - cumT[pj]!;
          const mean = (sLen + tLen * invRatio) * 0.5;
          let gc = 0;
          if (mean > 0) {
            const delta = (tLen - sLen * ratio) / Math.sqrt(VARIANCE * mean);
            const x = (delta < 0 ? -delta : delta) * TABLE_STEPS;
            if (x >= TABLE_LIMIT * TABLE_STEPS) gc = negLogTwoSidedTail(delta);
            else {
              const k = x | 0;
              gc = tailTable[k]! + (tailTable[k + 1]! - tailTable[k]!) * (x - k);
            }
          }
          const withLength = floor + lengthWeight * (gc < lengthCostCap ? gc : lengthCostCap);
          if (!(withLength < best)) continue;
          // A custom scorer is called last: it is the most expensive term.
          if (pairMatches === null) lexical = lexicalWeight * (1 - scorer.bead(pi, i, pj, j)) * ((a + b) / 2);
          const total = withLength + lexical;
          if (total < best) {
            best = total;
            bestType = 2 + (a - 1) * maxBead + (b - 1);
          }
        }
      }
      cost[base + j] = best;
      back[base + j] = bestType;
    }
  }
}

/** Matched keys a sentence with `own` keys lacks to reach the expected share (see `ParallelParams.evidenceWeight`). */
function shortfall(own: number, matched: number, expected: number): number {
  const want = own * expected;
  return want > matched ? want - matched : 0;
}

/**
 * Missing evidence of the a-b bead ending at (i, j), summed over its sentences, from the
 * window of pair-match sums (window[(r-1)·maxBead + (c-1)]: rows i-r+1..i, columns j-c+1..j).
 */
function windowShortfall(
  window: Int32Array,
  maxBead: number,
  a: number,
  b: number,
  i: number,
  j: number,
  cumOwnS: Float64Array,
  cumOwnT: Float64Array,
  expected: number,
): number {
  let total = 0;
  // Source sentence i-r (row i-r+1): its matches with the bead's b target sentences.
  for (let r = 1; r <= a; r++) {
    const upTo = window[(r - 1) * maxBead + b - 1]!;
    const before = r > 1 ? window[(r - 2) * maxBead + b - 1]! : 0;
    total += shortfall(cumOwnS[i - r + 1]! - cumOwnS[i - r]!, upTo - before, expected);
  }
  for (let c = 1; c <= b; c++) {
    const upTo = window[(a - 1) * maxBead + c - 1]!;
    const before = c > 1 ? window[(a - 1) * maxBead + c - 2]! : 0;
    total += shortfall(cumOwnT[j - c + 1]! - cumOwnT[j - c]!, upTo - before, expected);
  }
  return total;
}

/** Gale-Church length cost, tabulated tail (as fastLengthCost; small enough to be inlined). */
function galeChurch(sLen: number, tLen: number, ratio: number, invRatio: number, cap: number): number {
  const mean = (sLen + tLen * invRatio) * 0.5;
  if (!(mean > 0)) return 0;
  const delta = (tLen - sLen * ratio) / Math.sqrt(VARIANCE * mean);
  const x = (delta < 0 ? -delta : delta) * TABLE_STEPS;
  const gc = x >= TABLE_LIMIT * TABLE_STEPS ? negLogTwoSidedTail(delta) : tailTable[x | 0]! + (tailTable[(x | 0) + 1]! - tailTable[x | 0]!) * (x - (x | 0));
  return gc < cap ? gc : cap;
}

/**
 * `fillRows` for beads of up to 2 sentences a side with pair matches (every long document):
 * the four bead shapes written out, in the same order and with the same arithmetic, so the
 * same costs and ties; no loops over shapes, no window array.
 */
function fillRowsPairs(g: DpGrid, i0: number, i1: number): void {
  const { lo, hi, rowBase, cost, back, cumS, cumT, ratio, invRatio, cumOwnS, cumOwnT, featSource, featTarget } = g;
  const pairMatches = g.pairMatches!;
  const { lengthWeight, lexicalWeight, mergeCost, evidenceWeight: ew, expectedSimilarity: es, lengthCostCap } = g.params;
  const { skipSource, skipTarget } = g;
  const merge2 = mergeCost * 2;
  for (let i = i0; i < i1; i++) {
    const rowLo = lo[i]!;
    const rowHi = hi[i]!;
    const base = rowBase[i]!;
    const upLo = i > 0 ? lo[i - 1]! : 0;
    const upHi = i > 0 ? hi[i - 1]! : -1;
    const upBase = i > 0 ? rowBase[i - 1]! : 0;
    // Rows i-2 (beads with two source sentences); an empty range when i < 2.
    const up2Lo = i > 1 ? lo[i - 2]! : 0;
    const up2Hi = i > 1 ? hi[i - 2]! : -1;
    const up2Base = i > 1 ? rowBase[i - 2]! : 0;
    const ci = cumS[i]!;
    const oi = cumOwnS[i]!;
    const ci1 = i > 0 ? cumS[i - 1]! : 0;
    const oi1 = i > 0 ? cumOwnS[i - 1]! : 0;
    const ci2 = i > 1 ? cumS[i - 2]! : 0;
    const oi2 = i > 1 ? cumOwnS[i - 2]! : 0;
    for (let j = rowLo; j <= rowHi; j++) {
      if (i === 0 && j === 0) continue;
      let best = Infinity;
      let bestType = 0;
      if (j >= upLo && j <= upHi) {
        const v = cost[upBase + j]! + skipSource;
        if (v < best) {
          best = v;
          bestType = 0;
        }
      }
      if (j > rowLo) {
        const v = cost[base + j - 1]! + skipTarget;
        if (v < best) {
          best = v;
          bestType = 1;
        }
      }
      if (i === 0 || j === 0) {
        cost[base + j] = best;
        back[base + j] = bestType;
        continue;
      }
      const cj = cumT[j]!;
      const oj = cumOwnT[j]!;
      const cj1 = cumT[j - 1]!;
      const oj1 = cumOwnT[j - 1]!;
      const cj2 = j > 1 ? cumT[j - 2]! : 0;
      const oj2 = j > 1 ? cumOwnT[j - 2]! : 0;
      // Pair matches of the bead cells: (i, j), (i, j-1), (i-1, j), (i-1, j-1); the last three
      // are read when a bead needs them (-1: not yet), since outside the band they are counted
      // by merging key lists.
      const mIJ = pairMatches[base + j]!;
      let mIJ1 = -1;
      let mI1J = -1;

      // 1-1 from (i-1, j-1).
      if (j - 1 >= upLo && j - 1 <= upHi) {
        const floor = cost[upBase + j - 1]! + PRIOR_11;
        if (floor < best) {
          const den = oi - oi1 + oj - oj1;
          const sim = den === 0 ? NEUTRAL_SIMILARITY : mIJ * 2 >= den ? 1 : (2 * mIJ) / den;
          const lexical = lexicalWeight * (1 - sim) * 1 + (ew > 0 ? ew * (shortfall(oi - oi1, mIJ, es) + shortfall(oj - oj1, mIJ, es)) : 0);
          if (floor + lexical < best) {
            const withLength = floor + lengthWeight * galeChurch(ci - ci1, cj - cj1, ratio, invRatio, lengthCostCap);
            if (withLength < best) {
              const total = withLength + lexical;
              if (total < best) {
                best = total;
                bestType = 2;
              }
            }
          }
        }
      }
      // 1-2 from (i-1, j-2).
      if (j > 1 && j - 2 >= upLo && j - 2 <= upHi) {
        const floor = cost[upBase + j - 2]! + PRIOR_11 + mergeCost;
        if (floor < best) {
          const den = oi - oi1 + oj - oj2;
          mIJ1 = j - 1 >= rowLo ? pairMatches[base + j - 1]! : sharedKeys(featSource!, i - 1, featTarget!, j - 2);
          const matched = mIJ + mIJ1;
          const sim = den === 0 ? NEUTRAL_SIMILARITY : matched * 2 >= den ? 1 : (2 * matched) / den;
          const lexical =
            lexicalWeight * (1 - sim) * 1.5 + (ew > 0 ? ew * (shortfall(oi - oi1, matched, es) + shortfall(oj - oj1, mIJ, es) + shortfall(oj1 - oj2, mIJ1, es)) : 0);
          if (floor + lexical < best) {
            const withLength = floor + lengthWeight * galeChurch(ci - ci1, cj - cj2, ratio, invRatio, lengthCostCap);
            if (withLength < best) {
              const total = withLength + lexical;
              if (total < best) {
                best = total;
                bestType = 3;
              }
            }
          }
        }
      }
      // 2-1 from (i-2, j-1).
      if (i > 1 && j - 1 >= up2Lo && j - 1 <= up2Hi) {
        const floor = cost[up2Base + j - 1]! + PRIOR_11 + mergeCost;
        if (floor < best) {
          const den = oi - oi2 + oj - oj1;
          mI1J = j >= upLo && j <= upHi ? pairMatches[upBase + j]! : sharedKeys(featSource!, i - 2, featTarget!, j - 1);
          const matched = mIJ + mI1J;
          const sim = den === 0 ? NEUTRAL_SIMILARITY : matched * 2 >= den ? 1 : (2 * matched) / den;
          const lexical =
            lexicalWeight * (1 - sim) * 1.5 + (ew > 0 ? ew * (shortfall(oi - oi1, mIJ, es) + shortfall(oi1 - oi2, mI1J, es) + shortfall(oj - oj1, matched, es)) : 0);
          if (floor + lexical < best) {
            const withLength = floor + lengthWeight * galeChurch(ci - ci2, cj - cj1, ratio, invRatio, lengthCostCap);
            if (withLength < best) {
              const total = withLength + lexical;
              if (total < best) {
                best = total;
                bestType = 4;
              }
            }
          }
        }
      }
      // 2-2 from (i-2, j-2).
      if (i > 1 && j > 1 && j - 2 >= up2Lo && j - 2 <= up2Hi) {
        const floor = cost[up2Base + j - 2]! + PRIOR_11 + merge2;
        if (floor < best) {
          const den = oi - oi2 + oj - oj2;
          if (mIJ1 < 0) mIJ1 = j - 1 >= rowLo ? pairMatches[base + j - 1]! : sharedKeys(featSource!, i - 1, featTarget!, j - 2);
          if (mI1J < 0) mI1J = j >= upLo && j <= upHi ? pairMatches[upBase + j]! : sharedKeys(featSource!, i - 2, featTarget!, j - 1);
          const mI1J1 = j - 1 >= upLo && j - 1 <= upHi ? pairMatches[upBase + j - 1]! : sharedKeys(featSource!, i - 2, featTarget!, j - 2);
          const matched = mIJ + mIJ1 + mI1J + mI1J1;
          const sim = den === 0 ? NEUTRAL_SIMILARITY : matched * 2 >= den ? 1 : (2 * matched) / den;
          const lexical =
            lexicalWeight * (1 - sim) * 2 +
            (ew > 0
              ? ew *
                (shortfall(oi - oi1, mIJ + mIJ1, es) + shortfall(oi1 - oi2, mI1J + mI1J1, es) + shortfall(oj - oj1, mIJ + mI1J, es) + shortfall(oj1 - oj2, mIJ1 + mI1J1, es))
              : 0);
          if (floor + lexical < best) {
            const withLength = floor + lengthWeight * galeChurch(ci - ci2, cj - cj2, ratio, invRatio, lengthCostCap);
            if (withLength < best) {
              const total = withLength + lexical;
              if (total < best) {
                best = total;
                bestType = 5;
              }
            }
          }
        }
      }
      cost[base + j] = best;
      back[base + j] = bestType;
    }
  }
}

/** The best path, traced back from (n, m), as beads and grid points. */
function traceBack(g: DpGrid): DpResult {
  const { n, m, cost, back } = g;
  const types = beadTypes(g.maxBead);
  const beads: Bead[] = [];
  const path: [number, number][] = [[n, m]];
  let i = n;
  let j = m;
  const end = g.at(n, m);
  if (end < 0 || cost[end]! === Infinity) throw new Error('The alignment band does not reach the end of both documents.');
  while (i > 0 || j > 0) {
    const idx = g.at(i, j);
    const type = back[idx]!;
    const a = types.source[type]!;
    const b = types.target[type]!;
    const stepCost = cost[idx]! - cost[g.at(i - a, j - b)]!;
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
