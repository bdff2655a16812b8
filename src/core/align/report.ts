/**
 * What `allinea align` tells the user about each document pair: how it was aligned, how many
 * sentences were left unaligned, and warnings when the result looks unreliable (a weak guide,
 * very uneven documents, many sentences without a counterpart). Never silent about a fallback.
 */
import type { ParallelPairReport } from './parallel-pair.js';
import type { AlignDocument, Suggestion } from './types.js';

export interface PairSummary {
  readonly a: string;
  readonly b: string;
  readonly mode: 'parallel' | 'comparable';
  /** Parallel mode: how the search went. */
  readonly search?: ParallelPairReport;
  readonly sentencesA: number;
  readonly sentencesB: number;
  /** Sentences of a (of b) in no group that also holds b (a). */
  readonly unalignedA: number;
  readonly unalignedB: number;
  readonly warnings: readonly string[];
}

/** More sentences on one side than this times the other's: translations rarely differ so much. */
export const UNEVEN_SENTENCES = 1.5;
/** Total lengths (characters) differing more than this factor. */
export const UNEVEN_CHARACTERS = 2;
/** Share of a side left unaligned above which parallel results are flagged. */
export const MANY_UNALIGNED = 0.25;

export function summarizePairs(
  docs: readonly AlignDocument[],
  groups: readonly Suggestion['members'][],
  mode: 'parallel' | 'comparable',
  searches: ReadonlyMap<string, ParallelPairReport>,
): PairSummary[] {
  const out: PairSummary[] = [];
  for (let x = 0; x < docs.length; x++) {
    for (let y = x + 1; y < docs.length; y++) {
      const a = docs[x]!;
      const b = docs[y]!;
      const usedA = new Set<number>();
      const usedB = new Set<number>();
      for (const members of groups) {
        const ma = members.find((m) => m.doc === a.id);
        const mb = members.find((m) => m.doc === b.id);
        if (!ma?.sentences.length || !mb?.sentences.length) continue;
        for (const s of ma.sentences) usedA.add(s);
        for (const s of mb.sentences) usedB.add(s);
      }
      const n = a.sentences.length;
      const m = b.sentences.length;
      const search = searches.get(pairId(a.id, b.id));
      const warnings: string[] = [];
      if (mode === 'parallel') {
        const weak = search?.weakGuide;
        if (weak) {
          const pct = (x: number): string => `${Math.round(x * 100)}%`;
          const what = weak.kept === 'fallback' ? `searched again with the ${weak.fallback} (${pct(weak.unalignedAfter)} unaligned)` : `the ${weak.fallback} did no better (${pct(weak.unalignedAfter)}), so the banded result is kept`;
          warnings.push(
            `weak guide: the banded search lost its way (${pct(weak.unalignedBefore)} of sentences unaligned), ${what}; the documents share few words, numbers or names: check the result, or add a lexicon (--lexicon)`,
          );
        }
        const lo = Math.min(n, m);
        const hi = Math.max(n, m);
        const charsA = totalLength(a);
        const charsB = totalLength(b);
        if (lo === 0 || hi / lo > UNEVEN_SENTENCES) {
          warnings.push(`very uneven lengths: ${n.toLocaleString('en')} against ${m.toLocaleString('en')} sentences; one document may be incomplete or not a translation of the other`);
        } else if (Math.min(charsA, charsB) === 0 || Math.max(charsA, charsB) / Math.min(charsA, charsB) > UNEVEN_CHARACTERS) {
          warnings.push(`very uneven lengths: ${charsA.toLocaleString('en')} against ${charsB.toLocaleString('en')} characters; one document may be incomplete or not a translation of the other`);
        }
        const shareA = n ? (n - usedA.size) / n : 0;
        const shareB = m ? (m - usedB.size) / m : 0;
        if (Math.max(shareA, shareB) > MANY_UNALIGNED) {
          warnings.push(`${Math.round(Math.max(shareA, shareB) * 100)}% of ${shareA >= shareB ? a.id : b.id}'s sentences have no counterpart; check that the documents are translations (or try --mode comparable)`);
        }
      }
      out.push({ a: a.id, b: b.id, mode, ...(search ? { search } : {}), sentencesA: n, sentencesB: m, unalignedA: n - usedA.size, unalignedB: m - usedB.size, warnings });
    }
  }
  return out;
}

export function pairId(a: string, b: string): string {
  return `${a.length}:${a}\u0000${b}`;
}

function totalLength(doc: AlignDocument): number {
  let sum = 0;
  for (const [s, e] of doc.sentences) sum += e - s;
  return sum;
}

/** The stderr lines for one pair: a summary line, then one line per warning. */
export function formatPairSummary(s: PairSummary): string[] {
  const how = s.mode === 'parallel' && s.search ? `parallel, ${s.search.route}, beads up to ${s.search.maxBead} a side` : s.mode;
  const lines = [
    `${s.a} – ${s.b}: ${how}; unaligned: ${s.unalignedA.toLocaleString('en')} of ${s.sentencesA.toLocaleString('en')} (${s.a}), ${s.unalignedB.toLocaleString('en')} of ${s.sentencesB.toLocaleString('en')} (${s.b})`,
  ];
  for (const w of s.warnings) lines.push(`  warning: ${w}`);
  return lines;
}
