/**
 * The automatic aligner: suggests groups of sentences that say the same thing across documents.
 * Synchronous and pure. `parallel` for translations (monotonic beads), `comparable` for
 * independent texts on one subject (statement matching anywhere), `auto` picks and says why.
 * More than two documents: pairwise alignments combined into consistent n-way groups.
 */
import { alignComparablePair, COMPARABLE_MAX_PER_DOC, keyDocumentFrequency } from './comparable.js';
import { groupComparableLinks } from './comparable-groups.js';
import { decideMode } from './mode.js';
import { combineLinks, componentGroups, pairKey, type PairLink } from './n-way.js';
import { alignParallelPair, DEFAULT_MAX_BEAD, type ParallelPairReport } from './parallel-pair.js';
import { pairId, summarizePairs } from './report.js';
import type { AlignDocument, AlignOptions, AlignResult, Suggestion } from './types.js';

export type { AlignDocument, AlignMode, AlignOptions, AlignResult, PairScorer, Scorer, Suggestion } from './types.js';
export type { Lexicon } from './lexicon.js';
export { parseHunalignDictionary, parseTsvLexicon, parseFreedict, formatTsvLexicon, langPairFromName, normalizeLang } from './lexicon.js';
export { parseBeads, formatBeads, type BeadPair } from './beads.js';
export { scoreAlignments, type AlignmentScores, type PrfScores } from './bead-scoring.js';
export { alignParallelBeads } from './parallel-pair.js';
export { signalScorer } from './signal-scorer.js';
export { formatPairSummary, type PairSummary } from './report.js';

export function align(docs: readonly AlignDocument[], options: AlignOptions = {}): AlignResult {
  const ids = new Set<string>();
  for (const d of docs) {
    if (ids.has(d.id)) throw new Error(`Document id "${d.id}" appears twice.`);
    ids.add(d.id);
  }
  const lexicons = options.lexicons ?? [];
  let mode: 'parallel' | 'comparable';
  let modeReason: string;
  if (!options.mode || options.mode === 'auto') {
    const decision = decideMode(docs, lexicons);
    mode = decision.mode;
    modeReason = decision.reason;
  } else {
    mode = options.mode;
    modeReason = 'chosen by the user';
  }
  const confirmed = options.anchors?.confirmed ?? [];
  const rejectedPairs = new Set<string>();
  for (const members of options.anchors?.rejected ?? []) {
    for (const x of members) {
      for (const y of members) {
        if (x.doc === y.doc) continue;
        for (const i of x.sentences) for (const j of y.sentences) rejectedPairs.add(pairKey(x.doc, i, y.doc, j));
      }
    }
  }
  const excluded = new Set<string>();
  for (const members of confirmed) for (const m of members) for (const s of m.sentences) excluded.add(`${m.doc}:${s}`);

  const pairs: [AlignDocument, AlignDocument][] = [];
  for (let x = 0; x < docs.length; x++) for (let y = x + 1; y < docs.length; y++) pairs.push([docs[x]!, docs[y]!]);
  const links: PairLink[] = [];
  const searches = new Map<string, ParallelPairReport>();
  const documentFrequency = mode === 'comparable' ? keyDocumentFrequency(docs) : undefined;
  pairs.forEach(([a, b], k) => {
    if (options.signal?.aborted) throw options.signal.reason ?? new Error('Aborted.');
    const report = options.onProgress && ((done: number, total: number): void => options.onProgress!(k * 100 + (done / total) * 100, pairs.length * 100));
    if (mode === 'parallel') {
      const found = alignParallelPair(a, b, {
        maxBead: options.maxBead,
        lexicons,
        confirmed,
        scorer: options.scorer,
        signal: options.signal,
        onProgress: report,
        onReport: (r) => searches.set(pairId(a.id, b.id), r),
      });
      for (const link of found) if (!hasRejected(link, rejectedPairs)) links.push(link);
    } else {
      links.push(...alignComparablePair(a, b, { lexicons, excluded, rejectedPairs, documentFrequency }));
      report?.(1, 1);
    }
  });
  const maxPerDoc = mode === 'parallel' ? Math.max(1, options.maxBead ?? DEFAULT_MAX_BEAD) : 2;
  const combine = { maxPerDoc, rejectedPairs, requireSupport: mode === 'comparable', contiguous: mode === 'parallel' };
  // Translations: n-way groups are the connected components of the pairwise alignments.
  // Comparable texts: guarded components of the pairwise links (comparable-groups.ts).
  const suggestions: Suggestion[] =
    mode === 'comparable' ? groupComparableLinks(links, { maxPerDoc: COMPARABLE_MAX_PER_DOC, rejectedPairs })
    : docs.length > 2 ? componentGroups(links, combine)
    : combineLinks(links, combine);
  options.onProgress?.(1, 1);
  const pairSummaries = summarizePairs(docs, [...confirmed, ...suggestions.map((x) => x.members)], mode, searches);
  return { mode, modeReason, suggestions, pairs: pairSummaries };
}

function hasRejected(link: PairLink, rejected: ReadonlySet<string>): boolean {
  if (rejected.size === 0) return false;
  for (const i of link.a.sentences) for (const j of link.b.sentences) if (rejected.has(pairKey(link.a.doc, i, link.b.doc, j))) return true;
  return false;
}
