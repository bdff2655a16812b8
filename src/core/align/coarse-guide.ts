/**
 * A coarse route for long parallel documents, found in several resolutions: sentences are
 * grouped into blocks, blocks are compared through an inverted index of their rarer keys (never
 * all pairs of sentences), and dynamic time warping over the block matrix gives a path; each
 * further warping, with blocks about 8 times smaller (down to single sentences) and restricted
 * to a band around the previous path, refines it. The sentence-level band then follows that
 * route. Robust to omissions and insertions (warping
 * paths bend) and needs no unique anchors, so it works on repetitive text too; every stage is
 * linear in document length.
 */
import { bandAround, fullBand, type Band } from './band.js';
import type { FeatureColumns } from './sentence-features.js';

export interface CoarseGuide {
  /** Guide points (source sentence, target sentence), monotone. */
  readonly points: [number, number][];
  /** Block size of the finest level used. */
  readonly block: number;
}

/** Blocks per side at the first level (the first warping is at most this squared). */
const FIRST_LEVEL_BLOCKS = 1500;

export function coarseGuide(source: FeatureColumns, target: FeatureColumns): CoarseGuide {
  const n = source.size;
  const m = target.size;
  const b1 = Math.max(4, Math.ceil(Math.max(n, m) / FIRST_LEVEL_BLOCKS));
  const nb1 = Math.ceil(n / b1);
  const mb1 = Math.ceil(m / b1);
  let cells = blockWarp(source, target, b1, fullBand(nb1 - 1, mb1 - 1));
  let block = b1;
  // Refine down to single sentences: each level warps blocks about 8 times smaller in a band
  // around the last path, so the sentence-level band can stay narrow.
  while (block > 1) {
    const next = Math.max(1, Math.round(block / 8));
    const scale = block / next;
    const nb2 = Math.ceil(n / next);
    const mb2 = Math.ceil(m / next);
    const points = cells.map(([x, y]) => [Math.min(nb2 - 1, (x + 0.5) * scale), Math.min(mb2 - 1, (y + 0.5) * scale)] as [number, number]);
    const band = bandAround(nb2 - 1, mb2 - 1, points.map(([x, y]) => [Math.round(x), Math.round(y)]), () => Math.ceil(scale) + 2);
    cells = blockWarp(source, target, next, band);
    block = next;
  }
  const points: [number, number][] = cells.map(([x, y]) => [Math.min(n, Math.round((x + 0.5) * block)), Math.min(m, Math.round((y + 0.5) * block))]);
  return { points, block };
}

/**
 * DTW over blocks of `block` sentences, inside `band` (rows = source blocks, columns = target
 * blocks, inclusive ranges). Returns the path as block cells, in order.
 */
function blockWarp(
  source: FeatureColumns,
  target: FeatureColumns,
  block: number,
  band: Band,
): [number, number][] {
  const n = source.size;
  const m = target.size;
  const nb = band.n + 1;
  const mb = band.m + 1;
  const { lo, hi } = band;
  // One loop per function below: a function with several long loops is compiled on entering
  // each loop and gave up (deoptimized) on reaching the next one.
  const offset = bandOffsets(lo, hi, nb);
  const total = offset[nb]!;
  // Keys are small dense integers: per-key tables in typed arrays, postings in one flat array.
  const keyCount = Math.max(maxIn(source.keyData, source.keyStart[0]!, source.keyStart[n]!), maxIn(target.ownData, target.ownStart[0]!, target.ownStart[m]!)) + 1;
  // Target blocks per key (deduplicated), as postings start..end in `postings`.
  const postingStart = countBlockPostings(target, block, keyCount);
  for (let k = 0; k < keyCount; k++) postingStart[k + 1]! += postingStart[k]!;
  const postings = fillBlockPostings(target, block, keyCount, postingStart);
  const sourceBlocks = countSourceBlocks(source, block, keyCount);
  // Keys in many blocks say little about where a block goes, and cost a posting per block
  // pair; but in repetitive text (the same passage dozens of times) every key is in many
  // blocks, and dropping them all left nothing to warp on. Keys are taken from the rarest up
  // while their block pairs fit a budget proportional to the band.
  // A source block visits only a key's target blocks inside its band row: about the row's
  // share of all target blocks (all of them in the first, full warping).
  const reach = Math.min(1, total / nb / mb);
  const maxDf = frequencyCutoff(postingStart, sourceBlocks, keyCount, Math.max(8, Math.ceil(Math.sqrt(Math.max(nb, mb)))), Math.max(WORK_FLOOR, WORK_PER_CELL * total), reach);
  const sim = blockSimilarity(source, block, band, offset, keyCount, postingStart, postings, sourceBlocks, maxDf, mb);
  centreRows(sim, offset, nb);
  const { acc, from } = warp(sim, offset, lo, hi, nb, total);
  const at = (b: number, c: number): number => (b < 0 || c < lo[b]! || c > hi[b]! ? -1 : offset[b]! + c - lo[b]!);
  const cells: [number, number][] = [];
  let b = nb - 1;
  let c = mb - 1;
  for (;;) {
    cells.push([b, c]);
    if (b === 0 && c === 0) break;
    const idx = at(b, c);
    if (idx < 0 || acc[idx] === -Infinity) break;
    const step = from[idx]!;
    if (step === 0) {
      b--;
      c--;
    } else if (step === 1) b--;
    else c--;
  }
  cells.reverse();
  return cells;
}

/** Block pairs the similarity may visit per band cell (and at least this many in all). */
const WORK_PER_CELL = 8;
const WORK_FLOOR = 4_000_000;

/**
 * The largest block frequency (source or target blocks holding a key) at which keys are still
 * used: at least `minimum`, and beyond it as far as the keys' block pairs fit in `budget`.
 * A key's block pairs are its source blocks × its target blocks within a band row: `reach`
 * is the share of target blocks a row spans (1 for the full matrix). Counting all target
 * blocks in a narrow band (the finer warpings) overstated the work of a key found in many
 * places by the band's narrowness, and left repeated text with too few keys: on a million
 * sentences drawn from a few thousand (each key in hundreds of blocks), the second warping
 * kept about fifty keys and the guide strayed by hundreds of sentences.
 */
export function frequencyCutoff(postingStart: Int32Array, sourceBlocks: Int32Array, keyCount: number, minimum: number, budget: number, reach = 1): number {
  // Work per frequency, frequencies capped at the histogram's end (those keys are never taken).
  const limit = 1 << 16;
  const work = new Float64Array(limit + 1);
  for (let k = 0; k < keyCount; k++) {
    const t = postingStart[k + 1]! - postingStart[k]!;
    const sb = sourceBlocks[k]!;
    if (t === 0 || sb === 0) continue;
    work[Math.min(limit, Math.max(t, sb))]! += sb * Math.max(1, t * reach);
  }
  let spent = 0;
  let cutoff = 0;
  for (let d = 1; d < limit; d++) {
    spent += work[d]!;
    if (spent > budget) break;
    cutoff = d;
  }
  return Math.max(minimum, cutoff);
}

/** Offsets of band rows in the flat cell arrays. */
function bandOffsets(lo: Int32Array, hi: Int32Array, rows: number): Float64Array {
  const offset = new Float64Array(rows + 1);
  for (let b = 0; b < rows; b++) offset[b + 1] = offset[b]! + (hi[b]! - lo[b]! + 1);
  return offset;
}

/** Largest value of data[from, to), or -1. */
function maxIn(data: Int32Array, from: number, to: number): number {
  let max = -1;
  for (let x = from; x < to; x++) if (data[x]! > max) max = data[x]!;
  return max;
}

/** Number of target blocks holding each key, at index key + 1 (to be summed into offsets). */
function countBlockPostings(target: FeatureColumns, block: number, keyCount: number): Int32Array {
  const { ownStart, ownData } = target;
  const lastBlock = new Int32Array(keyCount).fill(-1);
  const postingCount = new Int32Array(keyCount + 1);
  for (let j = 0; j < target.size; j++) {
    const c = Math.floor(j / block);
    for (let y = ownStart[j]!; y < ownStart[j + 1]!; y++) {
      const k = ownData[y]!;
      if (lastBlock[k] === c) continue;
      lastBlock[k] = c;
      postingCount[k + 1]!++;
    }
  }
  return postingCount;
}

/** The target blocks holding each key, ascending, at postingStart[key] onwards. */
function fillBlockPostings(target: FeatureColumns, block: number, keyCount: number, postingStart: Int32Array): Int32Array {
  const { ownStart, ownData } = target;
  const postings = new Int32Array(postingStart[keyCount]!);
  const fill = postingStart.slice(0, keyCount);
  const lastBlock = new Int32Array(keyCount).fill(-1);
  for (let j = 0; j < target.size; j++) {
    const c = Math.floor(j / block);
    for (let y = ownStart[j]!; y < ownStart[j + 1]!; y++) {
      const k = ownData[y]!;
      if (lastBlock[k] === c) continue;
      lastBlock[k] = c;
      postings[fill[k]!++] = c;
    }
  }
  return postings;
}

/** Number of source blocks per key. */
function countSourceBlocks(source: FeatureColumns, block: number, keyCount: number): Int32Array {
  const { keyStart, keyData } = source;
  const sourceBlocks = new Int32Array(keyCount);
  const lastBlock = new Int32Array(keyCount).fill(-1);
  for (let i = 0; i < source.size; i++) {
    const b = Math.floor(i / block);
    for (let x = keyStart[i]!; x < keyStart[i + 1]!; x++) {
      const k = keyData[x]!;
      if (lastBlock[k] === b) continue;
      lastBlock[k] = b;
      sourceBlocks[k]!++;
    }
  }
  return sourceBlocks;
}

/** Similarity of each band cell: the weights of the rarer keys its two blocks share. */
function blockSimilarity(
  source: FeatureColumns,
  block: number,
  band: Band,
  offset: Float64Array,
  keyCount: number,
  postingStart: Int32Array,
  postings: Int32Array,
  sourceBlocks: Int32Array,
  maxDf: number,
  mb: number,
): Float32Array {
  const { keyStart, keyData } = source;
  const { lo, hi } = band;
  const sim = new Float32Array(offset[band.n + 1]!);
  const lastBlock = new Int32Array(keyCount).fill(-1);
  for (let i = 0; i < source.size; i++) {
    const b = Math.floor(i / block);
    const rowLo = lo[b]!;
    const rowHi = hi[b]!;
    const rowBase = offset[b]! - rowLo;
    for (let x = keyStart[i]!; x < keyStart[i + 1]!; x++) {
      const k = keyData[x]!;
      if (lastBlock[k] === b) continue;
      lastBlock[k] = b;
      const p0 = postingStart[k]!;
      const p1 = postingStart[k + 1]!;
      if (p1 === p0 || p1 - p0 > maxDf || sourceBlocks[k]! > maxDf) continue;
      const w = Math.log(1 + mb / (p1 - p0));
      // Postings are in ascending block order: jump to the band's first column.
      let a = p0;
      let z = p1;
      while (a < z) {
        const mid = (a + z) >> 1;
        if (postings[mid]! < rowLo) a = mid + 1;
        else z = mid;
      }
      for (let p = a; p < p1; p++) {
        const c = postings[p]!;
        if (c > rowHi) break;
        sim[rowBase + c] = sim[rowBase + c]! + w;
      }
    }
  }
  return sim;
}

/** Centres each row so that off-path cells score below zero. */
function centreRows(sim: Float32Array, offset: Float64Array, rows: number): void {
  for (let b = 0; b < rows; b++) {
    const start = offset[b]!;
    const end = offset[b + 1]!;
    let sum = 0;
    for (let k = start; k < end; k++) sum += sim[k]!;
    const mean = sum / Math.max(1, end - start);
    for (let k = start; k < end; k++) sim[k] = sim[k]! - mean;
  }
}

/** DTW (maximising) over the band's cells: accumulated scores and the step into each cell. */
function warp(sim: Float32Array, offset: Float64Array, lo: Int32Array, hi: Int32Array, nb: number, total: number): { acc: Float64Array; from: Uint8Array } {
  // DTW (maximising), steps (1,1), (1,0), (0,1), inside the band.
  const acc = new Float64Array(total).fill(-Infinity);
  const from = new Uint8Array(total);
  for (let b = 0; b < nb; b++) {
    const rowLo = lo[b]!;
    const rowHi = hi[b]!;
    const base = offset[b]! - rowLo;
    // The row above (none for the first row: an empty range).
    const upLo = b > 0 ? lo[b - 1]! : 1;
    const upHi = b > 0 ? hi[b - 1]! : 0;
    const upBase = b > 0 ? offset[b - 1]! - upLo : 0;
    for (let c = rowLo; c <= rowHi; c++) {
      const idx = base + c;
      const here = sim[idx]!;
      if (b === 0 && c === 0) {
        acc[idx] = here;
        continue;
      }
      let best = -Infinity;
      let step = 0;
      if (c - 1 >= upLo && c - 1 <= upHi && acc[upBase + c - 1]! > best) {
        best = acc[upBase + c - 1]!;
        step = 0;
      }
      if (c >= upLo && c <= upHi && acc[upBase + c]! > best) {
        best = acc[upBase + c]!;
        step = 1;
      }
      if (c > rowLo && acc[idx - 1]! > best) {
        best = acc[idx - 1]!;
        step = 2;
      }
      acc[idx] = best + here;
      from[idx] = step;
    }
  }
  return { acc, from };
}
