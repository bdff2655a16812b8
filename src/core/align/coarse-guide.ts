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
  const offset = new Float64Array(nb + 1);
  for (let b = 0; b < nb; b++) offset[b + 1] = offset[b]! + (hi[b]! - lo[b]! + 1);
  const total = offset[nb]!;
  const sim = new Float32Array(total);

  // Keys are small dense integers: per-key tables in typed arrays, postings in one flat array.
  const { keyStart, keyData } = source;
  const { ownStart, ownData } = target;
  let maxKey = -1;
  for (let x = keyStart[0]!; x < keyStart[n]!; x++) if (keyData[x]! > maxKey) maxKey = keyData[x]!;
  for (let y = ownStart[0]!; y < ownStart[m]!; y++) if (ownData[y]! > maxKey) maxKey = ownData[y]!;
  const keyCount = maxKey + 1;
  // Target blocks per key (deduplicated), as postings start..end in `postings`.
  const lastBlock = new Int32Array(keyCount).fill(-1);
  const postingCount = new Int32Array(keyCount + 1);
  for (let j = 0; j < m; j++) {
    const c = Math.floor(j / block);
    for (let y = ownStart[j]!; y < ownStart[j + 1]!; y++) {
      const k = ownData[y]!;
      if (lastBlock[k] === c) continue;
      lastBlock[k] = c;
      postingCount[k + 1]!++;
    }
  }
  const postingStart = postingCount;
  for (let k = 0; k < keyCount; k++) postingStart[k + 1]! += postingStart[k]!;
  const postings = new Int32Array(postingStart[keyCount]!);
  const fill = postingStart.slice(0, keyCount);
  lastBlock.fill(-1);
  for (let j = 0; j < m; j++) {
    const c = Math.floor(j / block);
    for (let y = ownStart[j]!; y < ownStart[j + 1]!; y++) {
      const k = ownData[y]!;
      if (lastBlock[k] === c) continue;
      lastBlock[k] = c;
      postings[fill[k]!++] = c;
    }
  }
  // Number of source blocks per key.
  const sourceBlocks = new Int32Array(keyCount);
  lastBlock.fill(-1);
  for (let i = 0; i < n; i++) {
    const b = Math.floor(i / block);
    for (let x = keyStart[i]!; x < keyStart[i + 1]!; x++) {
      const k = keyData[x]!;
      if (lastBlock[k] === b) continue;
      lastBlock[k] = b;
      sourceBlocks[k]!++;
    }
  }
  // Keys in many blocks say little about where a block goes.
  const maxDf = Math.max(8, Math.ceil(Math.sqrt(Math.max(nb, mb))));
  lastBlock.fill(-1);
  for (let i = 0; i < n; i++) {
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
  // Centre each row so that off-path cells score below zero.
  for (let b = 0; b < nb; b++) {
    const start = offset[b]!;
    const end = offset[b + 1]!;
    let sum = 0;
    for (let k = start; k < end; k++) sum += sim[k]!;
    const mean = sum / Math.max(1, end - start);
    for (let k = start; k < end; k++) sim[k] = sim[k]! - mean;
  }
  // DTW (maximising), steps (1,1), (1,0), (0,1), inside the band.
  const acc = new Float64Array(total).fill(-Infinity);
  const from = new Uint8Array(total);
  const at = (b: number, c: number): number => (b < 0 || c < lo[b]! || c > hi[b]! ? -1 : offset[b]! + c - lo[b]!);
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
