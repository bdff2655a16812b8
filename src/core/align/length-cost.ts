/**
 * Gale & Church (1993) length cost: how surprising it is that a source span of `ls` characters
 * translates into `lt` characters, given the documents' overall length ratio.
 * δ = (lt − ls·c) / √(s²·mean length); cost = −log(2·(1 − Φ(|δ|))).
 */

export const VARIANCE = 6.8;

/** −log of the two-sided normal tail probability P(|Z| ≥ z) = erfc(z / √2). */
export function negLogTwoSidedTail(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  // erfc(x) = t·exp(−x² + poly(t)), Numerical Recipes' erfcc (relative error < 1.2e-7).
  const t = 1 / (1 + 0.5 * x);
  const poly =
    -1.26551223 +
    t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
  // −log(erfc(x)) = x² − poly − log(t), computed in log space so large z never underflows.
  return x * x - poly - Math.log(t);
}

export function lengthCost(ls: number, lt: number, ratio: number): number {
  const mean = (ls + lt / ratio) / 2;
  if (mean <= 0) return 0;
  const delta = (lt - ls * ratio) / Math.sqrt(VARIANCE * mean);
  return negLogTwoSidedTail(delta);
}

/** Steps per unit of |δ| in the tail table. */
export const TABLE_STEPS = 64;
/** |δ| covered by the table; beyond, the exact formula (such beads are never chosen anyway). */
export const TABLE_LIMIT = 32;
export const tailTable = (() => {
  const t = new Float64Array(TABLE_LIMIT * TABLE_STEPS + 2);
  for (let k = 0; k < t.length; k++) t[k] = negLogTwoSidedTail(k / TABLE_STEPS);
  return t;
})();

/**
 * `negLogTwoSidedTail(|z|)` by linear interpolation in a table (error < 1e-4): the DP asks for
 * it tens of millions of times on long documents, and the exact formula costs a log and a
 * ten-term polynomial each time.
 */
export function fastNegLogTail(z: number): number {
  const x = (z < 0 ? -z : z) * TABLE_STEPS;
  if (x >= TABLE_LIMIT * TABLE_STEPS) return negLogTwoSidedTail(z);
  const k = x | 0;
  const f = x - k;
  return tailTable[k]! + (tailTable[k + 1]! - tailTable[k]!) * f;
}

/** Gale-Church length cost with the tabulated tail (see `fastNegLogTail`). */
export function fastLengthCost(ls: number, lt: number, ratio: number): number {
  const mean = (ls + lt / ratio) / 2;
  if (mean <= 0) return 0;
  return fastNegLogTail((lt - ls * ratio) / Math.sqrt(VARIANCE * mean));
}
