/**
 * A coarse path for long parallel documents: sentences are grouped into blocks of B, blocks
 * are compared through an inverted index of their rarer keys (never all pairs of sentences),
 * and dynamic time warping over the block matrix (at most ~2000 × 2000) gives the route the
 * sentence-level band then follows. Robust to omissions and insertions (the warping path
 * bends), and needs no unique anchors, so it works on repetitive text too.
 */
import type { SentenceFeatures } from './sentence-features.js';

export interface CoarseGuide {
  /** Guide points (source sentence, target sentence), monotone. */
  readonly points: [number, number][];
  /** Block size used. */
  readonly block: number;
}

export function coarseGuide(
  source: readonly SentenceFeatures[],
  target: readonly SentenceFeatures[],
  maxBlocks = 2000,
): CoarseGuide {
  const n = source.length;
  const m = target.length;
  const block = Math.max(4, Math.ceil(Math.max(n, m) / maxBlocks));
  const nb = Math.ceil(n / block);
  const mb = Math.ceil(m / block);

  // Target blocks per key (deduplicated), and the number of source blocks per key.
  const postings = new Map<number, number[]>();
  for (let j = 0; j < m; j++) {
    const c = Math.floor(j / block);
    for (const k of target[j]!.own) {
      const list = postings.get(k);
      if (!list) postings.set(k, [c]);
      else if (list[list.length - 1] !== c) list.push(c);
    }
  }
  const sourceBlocks = new Map<number, number>();
  const lastBlock = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const b = Math.floor(i / block);
    for (const k of source[i]!.keys) {
      if (lastBlock.get(k) === b) continue;
      lastBlock.set(k, b);
      sourceBlocks.set(k, (sourceBlocks.get(k) ?? 0) + 1);
    }
  }
  // Keys in many blocks say little about where a block goes.
  const maxDf = Math.max(8, Math.ceil(Math.sqrt(Math.max(nb, mb))));
  const sim = new Float32Array(nb * mb);
  lastBlock.clear();
  for (let i = 0; i < n; i++) {
    const b = Math.floor(i / block);
    for (const k of source[i]!.keys) {
      if (lastBlock.get(k) === b) continue;
      lastBlock.set(k, b);
      const list = postings.get(k);
      if (!list || list.length > maxDf || (sourceBlocks.get(k) ?? 0) > maxDf) continue;
      const w = Math.log(1 + mb / list.length);
      for (const c of list) sim[b * mb + c] = sim[b * mb + c]! + w;
    }
  }
  // Centre each row so that off-path cells score below zero.
  for (let b = 0; b < nb; b++) {
    let sum = 0;
    for (let c = 0; c < mb; c++) sum += sim[b * mb + c]!;
    const mean = sum / mb;
    for (let c = 0; c < mb; c++) sim[b * mb + c] = sim[b * mb + c]! - mean;
  }
  // DTW (maximising), steps (1,1), (1,0), (0,1).
  const acc = new Float64Array(nb * mb);
  const from = new Uint8Array(nb * mb);
  for (let b = 0; b < nb; b++) {
    for (let c = 0; c < mb; c++) {
      const here = sim[b * mb + c]!;
      if (b === 0 && c === 0) {
        acc[0] = here;
        continue;
      }
      let best = -Infinity;
      let step = 0;
      if (b > 0 && c > 0 && acc[(b - 1) * mb + c - 1]! > best) {
        best = acc[(b - 1) * mb + c - 1]!;
        step = 0;
      }
      if (b > 0 && acc[(b - 1) * mb + c]! > best) {
        best = acc[(b - 1) * mb + c]!;
        step = 1;
      }
      if (c > 0 && acc[b * mb + c - 1]! > best) {
        best = acc[b * mb + c - 1]!;
        step = 2;
      }
      acc[b * mb + c] = best + here;
      from[b * mb + c] = step;
    }
  }
  const cells: [number, number][] = [];
  let b = nb - 1;
  let c = mb - 1;
  for (;;) {
    cells.push([b, c]);
    if (b === 0 && c === 0) break;
    const step = from[b * mb + c]!;
    if (step === 0) {
      b--;
      c--;
    } else if (step === 1) b--;
    else c--;
  }
  cells.reverse();
  const points: [number, number][] = cells.map(([x, y]) => [Math.min(n, Math.round((x + 0.5) * block)), Math.min(m, Math.round((y + 0.5) * block))]);
  return { points, block };
}
