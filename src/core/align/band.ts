/**
 * The search band of the parallel DP: for each source row i (0..n), the inclusive range of
 * target columns [lo[i], hi[i]] the monotonic path may visit. A band around a guide path
 * (anchor chain or previous DP path) keeps cost linear in document length.
 */

export interface Band {
  readonly n: number;
  readonly m: number;
  readonly lo: Int32Array;
  readonly hi: Int32Array;
}

export function fullBand(n: number, m: number): Band {
  return { n, m, lo: new Int32Array(n + 1), hi: new Int32Array(n + 1).fill(m) };
}

export function bandCells(band: Band): number {
  let cells = 0;
  for (let i = 0; i <= band.n; i++) cells += band.hi[i]! - band.lo[i]! + 1;
  return cells;
}

/**
 * A band around a monotone guide polyline through `points` ((0,0) and (n,m) are added),
 * `width(i)` columns on each side of row i.
 */
export function bandAround(
  n: number,
  m: number,
  points: readonly (readonly [number, number])[],
  width: (row: number) => number,
): Band {
  const lo = new Int32Array(n + 1).fill(2 ** 30);
  const hi = new Int32Array(n + 1).fill(-1);
  // The polyline (0,0), points…, (n,m), read in place (guides can have 100k points).
  const count = points.length + 2;
  const rowOf = (k: number): number => (k === 0 ? 0 : k === count - 1 ? n : points[k - 1]![0]);
  const colOf = (k: number): number => (k === 0 ? 0 : k === count - 1 ? m : points[k - 1]![1]);
  const cover = (i: number, jA: number, jB: number): void => {
    const w = width(i);
    const a = Math.floor(Math.min(jA, jB)) - w;
    const b = Math.ceil(Math.max(jA, jB)) + w;
    if (a < lo[i]!) lo[i] = a;
    if (b > hi[i]!) hi[i] = b;
  };
  for (let k = 1; k < count; k++) {
    const i1 = rowOf(k - 1);
    const j1 = colOf(k - 1);
    const i2 = rowOf(k);
    const j2 = colOf(k);
    if (i2 === i1) {
      cover(i1, j1, j2);
      continue;
    }
    const slope = (j2 - j1) / (i2 - i1);
    for (let i = i1; i <= i2; i++) {
      // The columns the line crosses between rows i-½ and i+½, clipped to the segment.
      const jA = j1 + slope * Math.max(0, i - 0.5 - i1);
      const jB = j1 + slope * Math.min(i2 - i1, i + 0.5 - i1);
      cover(i, jA, jB);
    }
  }
  return normalizeBand(n, m, lo, hi);
}

/** Clamps to the matrix, makes both edges non-decreasing, and pins the corners. */
function normalizeBand(n: number, m: number, lo: Int32Array, hi: Int32Array): Band {
  for (let i = 0; i <= n; i++) {
    if (hi[i]! < 0) {
      lo[i] = 2 ** 30;
    }
  }
  lo[0] = 0;
  hi[n] = m;
  for (let i = n - 1; i >= 0; i--) if (lo[i + 1]! < lo[i]!) lo[i] = lo[i + 1]!;
  for (let i = 1; i <= n; i++) if (hi[i - 1]! > hi[i]!) hi[i] = hi[i - 1]!;
  for (let i = 0; i <= n; i++) {
    lo[i] = Math.max(0, Math.min(lo[i]!, m));
    hi[i] = Math.max(lo[i]!, Math.min(hi[i]!, m));
  }
  return { n, m, lo, hi };
}

/**
 * Longest chain of points increasing in both coordinates, O(k log k). `weak`: non-decreasing
 * in both (several points on one row or column may follow each other).
 */
export function longestMonotoneChain(points: readonly (readonly [number, number])[], weak = false): [number, number][] {
  // Patience sorting on j. Strict: ties on i sorted j-descending, so one row gives one point;
  // weak: j-ascending, and a tail equal to j may be extended.
  const sorted = [...points].sort(weak ? (a, b) => a[0] - b[0] || a[1] - b[1] : (a, b) => a[0] - b[0] || b[1] - a[1]);
  const tailIdx: number[] = [];
  const prev = new Int32Array(sorted.length).fill(-1);
  for (let k = 0; k < sorted.length; k++) {
    const j = sorted[k]![1];
    let lo = 0;
    let hi = tailIdx.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const tail = sorted[tailIdx[mid]!]![1];
      if (tail < j || (weak && tail === j)) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) prev[k] = tailIdx[lo - 1]!;
    tailIdx[lo] = k;
  }
  const chain: [number, number][] = [];
  let k = tailIdx.length ? tailIdx[tailIdx.length - 1]! : -1;
  while (k >= 0) {
    chain.push([sorted[k]![0], sorted[k]![1]]);
    k = prev[k]!;
  }
  return chain.reverse();
}
