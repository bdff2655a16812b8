/**
 * Parallel alignment of one document pair, end to end: drop sentences already used by
 * confirmed groups, cut the pair at confirmed groups linking both documents (fixed points of
 * the path), align each stretch in two or three passes (surface signals, then each with a
 * dictionary learned from the pass before), and return links in original sentence numbers.
 */
import { alignParallel, DEFAULT_PARALLEL_PARAMS, OffsetPairScorer, rareKeyChain, type Bead, type ParallelParams, type SearchRoute } from './parallel.js';
import { attestedTranslations, learnDictionaryFromTokens, learningSample } from './learned-dictionary.js';
import { translationsFor } from './lexicon.js';
import { longestMonotoneChain } from './band.js';
import { preparePair, SignalPairScorer, type PreparedPair } from './signal-scorer.js';
import { stemTranslations, type FeatureColumns, type TokenizedTexts } from './sentence-features.js';
import type { PairLink } from './n-way.js';
import type { Lexicon } from './lexicon.js';
import type { AlignDocument, PairScorer, Scorer, Suggestion } from './types.js';

/** Largest bead side in the first pass. */
const FIRST_PASS_MAX_BEAD = 2;

/**
 * Default largest bead side: 3 (gold alignments of real translations hold many 1-3 and 3-1
 * beads: strict F1 0.772 → 0.830 on textberg-dev, 0.852 → 0.888 on transread-dev), but 2 on
 * very long documents, where a side of 3 costs about a third more time.
 */
export const DEFAULT_MAX_BEAD = 3;
export const LONG_DOCUMENT_SENTENCES = 50_000;

/**
 * Passes of the parallel aligner: the first on surface signals, then each with a dictionary
 * learned from the 1-1 beads of the pass before, searched in a band around that pass's path.
 * Three up to LONG_DOCUMENT_SENTENCES: the second pass's beads (larger beads, the first
 * dictionary) are better examples than the first's, most of all where one side leaves
 * things out and the first pass pairs some sentences wrongly (transread-dev with every 5th
 * target sentence deleted: strict F1 0.818 → 0.828; intact 0.895 → 0.897). Two on very long
 * documents, where a pass costs about a second per 100,000 sentences.
 */
export function dictionaryPasses(sourceSentences: number, targetSentences: number): number {
  return Math.max(sourceSentences, targetSentences) > LONG_DOCUMENT_SENTENCES ? 2 : 3;
}

export function defaultMaxBead(sourceSentences: number, targetSentences: number): number {
  return Math.max(sourceSentences, targetSentences) > LONG_DOCUMENT_SENTENCES ? 2 : DEFAULT_MAX_BEAD;
}

export interface ParallelPairOptions {
  readonly maxBead?: number;
  readonly lexicons?: readonly Lexicon[];
  /** Confirmed groups (all of them; those not involving both documents only exclude sentences). */
  readonly confirmed?: readonly Suggestion['members'][];
  readonly scorer?: Scorer;
  readonly onProgress?: (done: number, total: number) => void;
  readonly signal?: AbortSignal;
  /** Skip the learned dictionary passes. */
  readonly singlePass?: boolean;
  /** Cost weights of the DP (tuning). */
  readonly params?: ParallelParams;
  /** Search the full matrix in both passes (slow, quadratic memory: the reference for the band). */
  readonly fullMatrix?: boolean;
  /** Told, once the pair is aligned, how the search went (for the user: see ParallelPairReport). */
  readonly onReport?: (report: ParallelPairReport) => void;
}

/** How a pair was aligned, for honest reporting. */
export interface ParallelPairReport {
  /** How the first pass searched (the second follows its path): the worst stretch's route. */
  readonly route: 'full matrix' | 'band' | 'band, weak guide';
  /** When a band lost its way (weak guide): what was tried and kept (the worst stretch). */
  readonly weakGuide?: NonNullable<SearchRoute['weakGuide']>;
  readonly maxBead: number;
}

/** The document restricted to the sentences not used by confirmed groups, with the index map. */
function reduce(doc: AlignDocument, used: ReadonlySet<number>): { doc: AlignDocument; original: number[] } {
  const original: number[] = [];
  doc.sentences.forEach((_, i) => {
    if (!used.has(i)) original.push(i);
  });
  if (original.length === doc.sentences.length) return { doc, original };
  return { doc: { ...doc, sentences: original.map((i) => doc.sentences[i]!) }, original };
}

export function alignParallelPair(a: AlignDocument, b: AlignDocument, options: ParallelPairOptions = {}): PairLink[] {
  const lexicons = options.lexicons ?? [];
  const usedA = new Set<number>();
  const usedB = new Set<number>();
  const cuts: [number, number][] = [];
  for (const members of options.confirmed ?? []) {
    const ma = members.find((x) => x.doc === a.id);
    const mb = members.find((x) => x.doc === b.id);
    ma?.sentences.forEach((s) => usedA.add(s));
    mb?.sentences.forEach((s) => usedB.add(s));
  }
  const ra = reduce(a, usedA);
  const rb = reduce(b, usedB);
  // A confirmed group linking both documents is a fixed point: the path passes between the
  // free sentences before it and those after it.
  for (const members of options.confirmed ?? []) {
    const ma = members.find((x) => x.doc === a.id);
    const mb = members.find((x) => x.doc === b.id);
    if (!ma?.sentences.length || !mb?.sentences.length) continue;
    cuts.push([lowerBound(ra.original, Math.min(...ma.sentences)), lowerBound(rb.original, Math.min(...mb.sentences))]);
  }
  const fixed = longestMonotoneChain(cuts);
  const stretches: [number, number, number, number][] = [];
  let [ps, pt] = [0, 0];
  for (const [cs, ct] of [...fixed, [ra.doc.sentences.length, rb.doc.sentences.length] as [number, number]]) {
    stretches.push([ps, cs, pt, ct]);
    [ps, pt] = [cs, ct];
  }

  const lengths = (d: AlignDocument): number[] => d.sentences.map(([s, e]) => e - s);
  const la = lengths(ra.doc);
  const lb = lengths(rb.doc);
  const maxBead = options.maxBead ?? defaultMaxBead(la.length, lb.length);
  const custom = options.scorer;
  const routes: SearchRoute[] = [];
  const runAll = (
    scorer: PairScorer,
    features: ReturnType<typeof preparePair> | undefined,
    progressBase: number,
    progressSpan: number,
    previous?: readonly Bead[],
  ): Bead[] => {
    const beads: Bead[] = [];
    const total = la.length || 1;
    const onRoute = previous ? undefined : (r: SearchRoute): void => {
      routes.push(r);
    };
    const lengthRatio = previous ? oneToOneLengthRatio(previous, la, lb) : features ? anchorLengthRatio(features, la, lb) : undefined;
    for (const [s0, s1, t0, t1] of stretches) {
      // The second pass searches a narrow band around the first pass's path.
      const guide = previous
        ?.filter((x) => x.s0 >= s0 && x.s1 <= s1 && x.t0 >= t0 && x.t1 <= t1)
        .map((x) => [x.s1 - s0, x.t1 - t0] as [number, number]);
      const part = alignParallel({
        ...(guide && !options.fullMatrix && (s1 - s0) * (t1 - t0) > 1_000_000 ? { guide, guideWidth: 8 } : {}),
        ...(options.fullMatrix ? { fullMatrix: true } : {}),
        ...(onRoute ? { onRoute } : {}),
        featureSimilarity: !custom,
        ...(options.params ? { params: options.params } : {}),
        ...(lengthRatio !== undefined ? { lengthRatio } : {}),
        ...(lengthRatio !== undefined && previous ? { skipCosts: omissionSkipCosts(options.params?.skipCost ?? DEFAULT_PARALLEL_PARAMS.skipCost, lengthRatio, la, lb, s0, s1, t0, t1) } : {}),
        sourceLengths: la.slice(s0, s1),
        targetLengths: lb.slice(t0, t1),
        scorer: s0 === 0 && t0 === 0 ? scorer : new OffsetPairScorer(scorer, s0, t0),
        // The first pass only has to give a route and 1-1 examples: beads of up to 2 per side
        // do that, and larger ones would cost the first pass as much as the second.
        maxBead: previous || custom || options.singlePass ? maxBead : Math.min(maxBead, FIRST_PASS_MAX_BEAD),
        features: features && { source: features.source.slice(s0, s1), target: features.target.slice(t0, t1) },
        signal: options.signal,
        onProgress: options.onProgress && ((done) => options.onProgress!(Math.round(progressBase + ((s0 + done) / total) * progressSpan), 100)),
      });
      // Indexed loops here and below: these run once per alignment, mostly before they are
      // compiled, and an unoptimized for-of allocates a result object per element.
      for (let k = 0; k < part.length; k++) {
        const bead = part[k]!;
        beads.push(s0 === 0 && t0 === 0 ? bead : { s0: bead.s0 + s0, s1: bead.s1 + s0, t0: bead.t0 + t0, t1: bead.t1 + t0, score: bead.score });
      }
    }
    return beads;
  };

  let beads: Bead[];
  if (custom) {
    beads = runAll(custom.prepare(ra.doc, rb.doc, lexicons), undefined, 0, 100);
  } else {
    // Each pass's features; the next pass reuses their key table and target features.
    let previous: PreparedPair = preparePair(ra.doc, rb.doc, lexicons);
    const sourceTokens = previous.sourceTokens!;
    // The first preparation's target tokens serve the learning only: kept for as many passes
    // as learn from them, then freed.
    let targetTokens = previous.targetTokens;
    const passes = options.singlePass ? 1 : dictionaryPasses(la.length, lb.length);
    const span = 100 / passes;
    beads = runAll(new SignalPairScorer(previous), previous, 0, span);
    for (let pass = 2; pass <= passes; pass++) {
      // The sampled beads of the pass before, read from the tokens the first preparation has.
      const examples = learningSample(distinctPairs(beads.filter(isLearningExample), sourceTokens, targetTokens!)).map((x) => [x.s0, x.s1, x.t0, x.t1] as const);
      const learned = stemTranslations(learnDictionaryFromTokens(sourceTokens, targetTokens!, examples, LEARNING));
      // Lexicons guide the first pass; later passes use of them only the senses the document
      // attests, with the dictionary learned from it. A general lexicon lists many senses of a
      // word, and every one of them matches some neighbouring sentence: with FreeDict en-fr
      // (and our en-fr) in every pass, transread-dev scored 0.885 intact and 0.829 with every
      // 5th target sentence deleted; attested senses only, 0.899 and 0.853 (0.902 and 0.845
      // with no lexicon; with our en-fr alone 0.898 and 0.858).
      const attested: Lexicon[] = lexicons.length
        ? [{ name: 'attested senses', a: ra.doc.lang, b: rb.doc.lang, entries: attestedTranslations(sourceTokens, targetTokens!, examples, translationsFor(lexicons, ra.doc.lang, rb.doc.lang), ATTESTED_SHARE) }]
        : [];
      if (pass === passes) targetTokens = undefined;
      previous = preparePair(ra.doc, rb.doc, attested, learned, previous);
      beads = runAll(new SignalPairScorer(previous), previous, (pass - 1) * span, span, beads);
    }
  }

  if (options.onReport) {
    const weak = routes.filter((r) => r.weakGuide).sort((x, y) => y.weakGuide!.unalignedAfter - x.weakGuide!.unalignedAfter)[0]?.weakGuide;
    options.onReport({
      route: weak ? 'band, weak guide' : routes.some((r) => r.kind === 'band') ? 'band' : 'full matrix',
      ...(weak ? { weakGuide: weak } : {}),
      maxBead,
    });
  }
  const links: PairLink[] = [];
  for (let k = 0; k < beads.length; k++) {
    const bead = beads[k]!;
    if (bead.s1 === bead.s0 || bead.t1 === bead.t0) continue;
    links.push({
      a: { doc: a.id, sentences: originals(ra.original, bead.s0, bead.s1) },
      b: { doc: b.id, sentences: originals(rb.original, bead.t0, bead.t1) },
      score: bead.score,
    });
  }
  return links;
}

/** Parallel beads of two documents including 1-0 and 0-1 (for bead files and benchmarks). */
export function alignParallelBeads(a: AlignDocument, b: AlignDocument, options: ParallelPairOptions = {}): { source: number[]; target: number[] }[] {
  const links = alignParallelPair(a, b, options);
  const out: { source: number[]; target: number[] }[] = [];
  let i = 0;
  let j = 0;
  const flushTo = (si: number, tj: number): void => {
    for (; i < si; i++) out.push({ source: [i], target: [] });
    for (; j < tj; j++) out.push({ source: [], target: [j] });
  };
  for (let k = 0; k < links.length; k++) {
    const link = links[k]!;
    flushTo(link.a.sentences[0]!, link.b.sentences[0]!);
    out.push({ source: link.a.sentences.slice(), target: link.b.sentences.slice() });
    i = link.a.sentences[link.a.sentences.length - 1]! + 1;
    j = link.b.sentences[link.b.sentences.length - 1]! + 1;
  }
  flushTo(a.sentences.length, b.sentences.length);
  return out;
}

/**
 * Target characters per source character over the 1-1 beads of an alignment (the second pass
 * reads it from the first): unlike the ratio of total lengths, it does not count what one side
 * leaves out. The median of the beads' ratios, not the ratio of their sums: where one side
 * leaves things out, some first-pass 1-1 beads pair a sentence with what remains of its
 * translation (or with the wrong neighbour), and a few such long-against-short pairs pull a
 * ratio of sums away from what the true pairs say (textberg-dev with every 5th target
 * sentence deleted: strict F1 0.732 → 0.760; intact unchanged). Undefined with too few 1-1
 * beads to tell.
 */
export function oneToOneLengthRatio(beads: readonly Bead[], sourceLengths: readonly number[], targetLengths: readonly number[]): number | undefined {
  const ratios: number[] = [];
  for (let k = 0; k < beads.length; k++) {
    const b = beads[k]!;
    if (b.s1 - b.s0 !== 1 || b.t1 - b.t0 !== 1) continue;
    const s = sourceLengths[b.s0]!;
    const t = targetLengths[b.t0]!;
    if (s > 0 && t > 0) ratios.push(t / s);
  }
  if (ratios.length < 20) return undefined;
  return medianOf(ratios);
}

/** Median of a list of numbers (the upper one of an even count; a typed-array sort: no comparator calls). */
function medianOf(values: number[]): number {
  return Float64Array.from(values).sort()[values.length >> 1]!;
}

/**
 * The same ratio before any alignment, over sentence pairs sharing a key that occurs once in
 * each document (a monotone chain of them): mostly true pairs, whatever either side leaves out.
 */
export function anchorLengthRatio(features: { source: FeatureColumns; target: FeatureColumns }, sourceLengths: readonly number[], targetLengths: readonly number[]): number | undefined {
  const chain = rareKeyChain(features.source, features.target);
  // The median of the pairs' ratios: a wrong anchor (a name repeated in another sentence) is
  // one outlier among many, where it could weigh heavily in a ratio of sums.
  const ratios: number[] = [];
  for (const [i, j] of chain) if (sourceLengths[i]! > 0 && targetLengths[j]! > 0) ratios.push(targetLengths[j]! / sourceLengths[i]!);
  if (ratios.length < 20) return undefined;
  ratios.sort((x, y) => x - y);
  return ratios[ratios.length >> 1]!;
}

/** Below this share of missing text, a side keeps the default cost of an unaligned sentence. */
const OMISSION_BASE = 0.05;

/**
 * Costs of unaligned source and target sentences for a stretch, from the share of text one
 * side lacks (its length against the other's at the 1-1 ratio): a target holding a fifth less
 * text than its source, every fifth source sentence on average has no counterpart, and
 * leaving a sentence unaligned there should cost less than merging it into a neighbour.
 */
export function omissionSkipCosts(
  skip: number,
  ratio: number,
  la: readonly number[],
  lb: readonly number[],
  s0: number,
  s1: number,
  t0: number,
  t1: number,
): [number, number] {
  let sumS = 0;
  let sumT = 0;
  for (let i = s0; i < s1; i++) sumS += la[i]!;
  for (let j = t0; j < t1; j++) sumT += lb[j]!;
  const expectedT = sumS * ratio;
  if (!(expectedT > 0) || !(sumT > 0)) return [skip, skip];
  const missingT = Math.max(0, 1 - sumT / expectedT);
  const missingS = Math.max(0, 1 - expectedT / sumT);
  const cost = (missing: number): number => skip - Math.log(Math.max(OMISSION_BASE, Math.min(0.5, missing)) / OMISSION_BASE);
  return [cost(missingT), cost(missingS)];
}

/**
 * How a pass learns its dictionary from the pass before: competitive links (see LearnOptions)
 * between words seen at least three times, linked in at least two beads.
 */
const LEARNING = { minCount: 3, minLinks: 2, minDice: 0.3, competitiveLinking: true } as const;

/** Share of the beads holding a word in which a lexicon's sense must be seen (see attestedTranslations). */
const ATTESTED_SHARE = 0.3;

/**
 * Beads a dictionary is learned from: 1-1, 1-2, 2-1 and 2-2. The 2-1 and 1-2 beads, about a
 * fifth of a translation, add examples where a document is short of them (textberg-dev: 246
 * 1-1 beads); larger beads pair too many words by chance.
 */
function isLearningExample(b: Bead): boolean {
  const a = b.s1 - b.s0;
  const c = b.t1 - b.t0;
  return a >= 1 && c >= 1 && a <= 2 && c <= 2;
}

/**
 * The beads whose sentences (as tokens) have not been seen before. Repeated text
 * (boilerplate, a passage dozens of times) repeats the same pair: counted each time, every
 * word pair of a sentence pair seen once in the text reached the dictionary's minimum count.
 */
export function distinctPairs(beads: readonly Bead[], source: TokenizedTexts, target: TokenizedTexts): Bead[] {
  const seen = new Set<number>();
  const out: Bead[] = [];
  for (let k = 0; k < beads.length; k++) {
    const b = beads[k]!;
    // Two 26-bit hashes of the token ids in one exact double.
    const h = (tokenHash(source, b.s0, b.s1) % 0x4000000) * 0x4000000 + (tokenHash(target, b.t0, b.t1) % 0x4000000);
    if (seen.has(h)) continue;
    seen.add(h);
    out.push(b);
  }
  return out;
}

/** FNV-1a over the token ids of sentences [from, to), each sentence closed by a separator. */
function tokenHash(tokens: TokenizedTexts, from: number, to: number): number {
  let h = 0x811c9dc5;
  for (let k = from; k < to; k++) {
    for (let t = tokens.start[k]!; t < tokens.start[k + 1]!; t++) h = Math.imul(h ^ tokens.ids[t]!, 0x01000193);
    h = Math.imul(h ^ 0x7fffffff, 0x01000193);
  }
  return h >>> 0;
}

function lowerBound(sorted: readonly number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Original sentence numbers of reduced sentences [from, to) (a plain loop: 100k links each need two). */
function originals(original: readonly number[], from: number, to: number): number[] {
  const out: number[] = [];
  for (let i = from; i < to; i++) out.push(original[i]!);
  return out;
}

