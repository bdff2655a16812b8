/**
 * `auto` mode: decides whether documents are translations of each other (parallel) or
 * independent texts on one subject (comparable). Translations have similar sentence counts
 * and their shared rare words (numbers, names, cognates) line up along the diagonal in order.
 */
import { preparePair } from './signal-scorer.js';
import { rareKeyPoints } from './parallel.js';
import { longestMonotoneChain } from './band.js';
import type { Lexicon } from './lexicon.js';
import type { AlignDocument } from './types.js';

export interface ModeDecision {
  readonly mode: 'parallel' | 'comparable';
  readonly reason: string;
}

export interface PairEvidence {
  readonly countRatio: number;
  readonly lengthRatio: number;
  /** Shared rare keys found (one occurrence in each document). */
  readonly shared: number;
  /** Fraction of them on one monotonic chain (in the same order in both documents). */
  readonly ordered: number;
}

export function pairEvidence(a: AlignDocument, b: AlignDocument, lexicons: readonly Lexicon[]): PairEvidence {
  const n = a.sentences.length;
  const m = b.sentences.length;
  const la = a.sentences.reduce((s, [x, y]) => s + y - x, 0);
  const lb = b.sentences.reduce((s, [x, y]) => s + y - x, 0);
  const prepared = preparePair(a, b, lexicons);
  const points = rareKeyPoints(prepared.source, prepared.target);
  const shared = points.length;
  // Random points have a chain of about 2√k of k; translations keep most of them in order. The
  // chain is weakly monotone: a translated sentence shares several rare words (a name, a date,
  // a number) with its own translation, and a 2:1 unit shares them with one sentence, so points
  // on one row or column all count, where a strict chain would keep one per sentence.
  const chain = weaklyMonotoneChain(points);
  const tolerance = 0.2;
  const onDiagonal = chain.filter(([i, j]) => Math.abs(i / Math.max(1, n) - j / Math.max(1, m)) <= tolerance).length;
  return {
    countRatio: Math.min(n, m) / Math.max(1, Math.max(n, m)),
    lengthRatio: Math.min(la, lb) / Math.max(1, Math.max(la, lb)),
    shared,
    ordered: shared > 0 ? onDiagonal / shared : 0,
  };
}

/** The longest chain of points with i and j both non-decreasing. */
export function weaklyMonotoneChain(points: readonly (readonly [number, number])[]): [number, number][] {
  return longestMonotoneChain(points, true);
}

export function decideMode(docs: readonly AlignDocument[], lexicons: readonly Lexicon[]): ModeDecision {
  if (docs.length < 2) return { mode: 'comparable', reason: 'fewer than two documents' };
  const first = docs[0]!;
  let worst: { ev: PairEvidence; other: AlignDocument } | undefined;
  for (const other of docs.slice(1)) {
    const ev = pairEvidence(first, other, lexicons);
    if (!worst || score(ev) < score(worst.ev)) worst = { ev, other };
  }
  const { ev, other } = worst!;
  const pct = (x: number): string => `${Math.round(x * 100)}%`;
  const counts = `${first.sentences.length}/${other.sentences.length} sentences`;
  // A chain longer than random ones (about 2√k of k points): 2.5√k, which exceeds k itself below 7
  // points, where all of them in order is required instead (by chance 1 in k!: 1 in 6 for 3,
  // 1 in 120 for 5). Before, 3 to 6 shared words could never make a translation: two short
  // translated sentences with 4 names and lexicon words, all in order, went to comparable mode.
  const ordered = Math.round(ev.ordered * ev.shared);
  const parallel = ev.countRatio >= 0.6 && ev.lengthRatio >= 0.5 && ev.shared >= 3 && ev.ordered >= 0.4 && ordered > Math.min(2.5 * Math.sqrt(ev.shared), ev.shared - 1);
  if (parallel) {
    return { mode: 'parallel', reason: `${pct(ev.ordered)} of ${ev.shared} shared rare words are in the same order and sentence counts are close (${counts})` };
  }
  if (ev.shared < 3 && ev.countRatio >= 0.8 && ev.lengthRatio >= 0.7) {
    // Too little evidence either way (short texts, scripts that share no words): documents of
    // matching size are far more often translations, and a comparable search would find nothing.
    return { mode: 'parallel', reason: `only ${ev.shared} shared rare word${ev.shared === 1 ? '' : 's'} to go by; the sizes match (${counts}), so they are taken as translations (--mode comparable if they are not)` };
  }
  if (ev.countRatio < 0.6 || ev.lengthRatio < 0.5) {
    return { mode: 'comparable', reason: `document sizes differ too much for translations (${counts} in ${first.id} and ${other.id})` };
  }
  if (ev.shared < 3) {
    return { mode: 'comparable', reason: `only ${ev.shared} shared rare word${ev.shared === 1 ? '' : 's'} between ${first.id} and ${other.id}, and their sizes differ (${counts})` };
  }
  return {
    mode: 'comparable',
    reason: `only ${pct(ev.ordered)} of ${ev.shared} shared rare words between ${first.id} and ${other.id} are in the same order`,
  };
}

const score = (ev: PairEvidence): number => (ev.countRatio >= 0.6 && ev.lengthRatio >= 0.5 ? ev.ordered : -1);
