/**
 * Strict and lax precision / recall / F1 of predicted beads against gold beads, as in
 * Sennrich & Volk (2010) and Vecalign's scorer: beads empty on both sides are dropped; a
 * bead's links are the cross product of its sides. Precision runs over all predicted beads
 * (1-0 and 0-1 included): strict hit = identical bead in gold, lax hit = strict hit or at least
 * one link shared with the gold. Recall runs over gold beads with both sides non-empty against
 * predicted beads with both sides non-empty, with the same rule. Counts pool over documents.
 */
import type { BeadPair } from './beads.js';

export interface PrfScores {
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
}

export interface AlignmentScores {
  readonly strict: PrfScores;
  readonly lax: PrfScores;
  /** Raw pooled counts, for reporting. */
  readonly counts: { predicted: number; gold: number; precisionStrict: number; precisionLax: number; recallStrict: number; recallLax: number };
}

const beadKey = (b: BeadPair): string => `${[...b.source].sort((x, y) => x - y).join(',')}:${[...b.target].sort((x, y) => x - y).join(',')}`;

function links(b: BeadPair): string[] {
  const out: string[] = [];
  for (const s of b.source) for (const t of b.target) out.push(`${s},${t}`);
  return out;
}

/** Strict and lax hits of `test` beads against `reference` beads. */
function hits(reference: readonly BeadPair[], test: readonly BeadPair[]): { total: number; strict: number; lax: number } {
  const refBeads = new Set(reference.map(beadKey));
  const refLinks = new Set(reference.flatMap(links));
  let total = 0;
  let strict = 0;
  let lax = 0;
  for (const b of test) {
    if (b.source.length === 0 && b.target.length === 0) continue;
    total++;
    if (refBeads.has(beadKey(b))) {
      strict++;
      lax++;
    } else if (links(b).some((l) => refLinks.has(l))) lax++;
  }
  return { total, strict, lax };
}

const both = (b: BeadPair): boolean => b.source.length > 0 && b.target.length > 0;

function prf(p: number, r: number): PrfScores {
  return { precision: p, recall: r, f1: p + r > 0 ? (2 * p * r) / (p + r) : 0 };
}

/** Scores one or more documents, pooling counts (pass [gold, pred] pairs). */
export function scoreAlignments(docs: readonly { gold: readonly BeadPair[]; pred: readonly BeadPair[] }[]): AlignmentScores {
  let pTotal = 0;
  let pStrict = 0;
  let pLax = 0;
  let rTotal = 0;
  let rStrict = 0;
  let rLax = 0;
  for (const { gold, pred } of docs) {
    const p = hits(gold, pred);
    pTotal += p.total;
    pStrict += p.strict;
    pLax += p.lax;
    const r = hits(pred.filter(both), gold.filter(both));
    rTotal += r.total;
    rStrict += r.strict;
    rLax += r.lax;
  }
  const ratio = (a: number, b: number): number => (b > 0 ? a / b : 0);
  return {
    strict: prf(ratio(pStrict, pTotal), ratio(rStrict, rTotal)),
    lax: prf(ratio(pLax, pTotal), ratio(rLax, rTotal)),
    counts: { predicted: pTotal, gold: rTotal, precisionStrict: pStrict, precisionLax: pLax, recallStrict: rStrict, recallLax: rLax },
  };
}
