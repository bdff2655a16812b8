import type { Span } from '../model/types.js';
import type { Lexicon } from './lexicon.js';

export type AlignMode = 'auto' | 'parallel' | 'comparable';

export interface AlignDocument {
  readonly id: string;
  readonly lang: string;
  readonly text: string;
  readonly sentences: readonly Span[];
}

/** A suggested group: members span at least two documents, sentence indices ascending. */
export interface Suggestion {
  members: { doc: string; sentences: number[] }[];
  /** Confidence in [0, 1]. */
  score: number;
}

export interface AlignOptions {
  /** Default 'auto'. */
  mode?: AlignMode;
  /** Parallel mode: maximum sentences per side of a bead (default 3, or 2 beyond 50,000 sentences). */
  maxBead?: number;
  /** Bilingual lexicons; each is used in both directions for the language pairs it covers. */
  lexicons?: readonly Lexicon[];
  /**
   * Sentences used by confirmed groups are never suggested again (and serve as fixed points of
   * the parallel path); links (pairs of doc:sentence) from rejected groups are never suggested.
   */
  anchors?: { confirmed: Suggestion['members'][]; rejected: Suggestion['members'][] };
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
  /** Sentence-pair similarity backend; default: the surface-signal scorer. */
  scorer?: Scorer;
}

export interface AlignResult {
  mode: 'parallel' | 'comparable';
  modeReason: string;
  suggestions: Suggestion[];
  /** Per document pair: how it was aligned, what was left unaligned, warnings. */
  pairs?: import('./report.js').PairSummary[];
}

/**
 * A similarity backend between the sentences of two documents. The default implementation
 * uses surface signals (cognates, numbers, names, lexicons); an embedding backend can
 * implement the same interface (e.g. average sentence vectors over a range, cosine).
 */
export interface Scorer {
  readonly name: string;
  prepare(source: AlignDocument, target: AlignDocument, lexicons: readonly Lexicon[]): PairScorer;
}

export interface PairScorer {
  /**
   * Similarity in [0, 1] of source sentences [s0, s1) with target sentences [t0, t1)
   * (both ranges non-empty), comparable across bead sizes.
   */
  bead(s0: number, s1: number, t0: number, t1: number): number;
  /**
   * Candidate target sentences for a source sentence, without comparing all pairs
   * (comparable mode on large inputs). Optional: without it, comparable mode falls back
   * to the signal index.
   */
  candidates?(source: number): Iterable<number>;
}
