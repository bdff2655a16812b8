/**
 * Comparable mode: independent texts on one subject. No order is assumed and most sentences
 * stay unaligned. For each document pair, candidates come from an inverted index of signal keys
 * (stems, consonant skeletons, numbers, tags, handles, URLs, lexicon translations), never from
 * all pairs; candidates are scored by IDF-weighted soft token overlap (comparable-similarity.ts),
 * scaled by their margin over each sentence's usual scores, and linked competitively best-first
 * (a sentence links once, or once per clause, or again to a repetition of its statement, or
 * to the neighbour of its partner that says the rest of it: neighbourLinks).
 * Groups over many documents: comparable-groups.ts.
 */
import { fold } from './text-signals.js';
import type { Lexicon } from './lexicon.js';
import { stopwordsFor } from './stopwords.js';
import { pairSimilarity, sentenceInfo, skeleton, stemmedTranslations, type PairMatch, type SentenceInfo } from './comparable-similarity.js';
import { sentenceTexts } from './signal-scorer.js';
import type { PairLink } from './n-way.js';
import type { AlignDocument } from './types.js';

export { comparableSimilarity, quantityMatch, sameLemma, statementSimilarity, type Similarity } from './comparable-similarity.js';

export interface ComparableOptions {
  /** Minimum score of a suggested link. */
  readonly threshold?: number;
  readonly lexicons?: readonly Lexicon[];
  /** Sentences that must not be used ("doc:i"). */
  readonly excluded?: ReadonlySet<string>;
  /** Links "docA:i|docB:j" that must not be suggested. */
  readonly rejectedPairs?: ReadonlySet<string>;
  /**
   * Document frequencies of token keys over the whole corpus (all documents, not just this
   * pair), so that words every text uses ("Anonymous", "ISIS") weigh little.
   */
  readonly documentFrequency?: { readonly df: ReadonlyMap<string, number>; readonly sentences: number };
  /** Receives every scored candidate pair (diagnostics). */
  readonly debug?: (pairs: readonly ScoredPair[]) => void;
  /** Receives every candidate pair scored, with its similarity before the margin (diagnostics). */
  readonly inspect?: (pairs: readonly (ScoredPair & { readonly similarity: number; readonly margin: number; readonly matched: number })[]) => void;
}

export interface ScoredPair {
  readonly i: number;
  readonly j: number;
  readonly score: number;
}

export const DEFAULT_COMPARABLE_THRESHOLD = 0.3;
/** Most sentences of one document in a comparable group (a statement said twice, or quoted in pieces). */
export const COMPARABLE_MAX_PER_DOC = 3;

/** Target sentences beyond which the candidate search is pruned (see alignComparablePair). */
const PRUNE_FROM = 1000;
const PRUNED_POSTING = 100;
const PRUNED_CANDIDATES = 4;
/** Sentence pairs scored (a work measure for tests). */
export const comparableWork = { pairs: 0 };
/** Below PRUNE_FROM, a candidate's rare-key weight must reach this share of the best one's. */
const SMALL_RELATIVE = 0.1;

/** Number of sentences containing each token key, over the given documents. */
export function keyDocumentFrequency(docs: readonly AlignDocument[]): { df: Map<string, number>; sentences: number } {
  const df = new Map<string, number>();
  let sentences = 0;
  for (const doc of docs) {
    for (const info of documentInfos(doc, undefined, [])) {
      sentences++;
      for (const key of new Set(info.tokens.map((t) => t.key))) df.set(key, (df.get(key) ?? 0) + 1);
    }
  }
  return { df, sentences };
}

/**
 * A document's sentences as token bags, with translations into `to` (undefined: none),
 * memoised per document object: the corpus frequencies and every pair with a document of the
 * same language (or of one other language) share one tokenisation.
 */
const infoCache = new WeakMap<AlignDocument, Map<string, { lexicons: readonly Lexicon[]; infos: SentenceInfo[] }>>();

function documentInfos(doc: AlignDocument, to: string | undefined, lexicons: readonly Lexicon[]): SentenceInfo[] {
  let perDoc = infoCache.get(doc);
  if (!perDoc) infoCache.set(doc, (perDoc = new Map()));
  const key = to === undefined ? '' : to;
  const cached = perDoc.get(key);
  if (cached && (to === undefined || cached.lexicons === lexicons)) return cached.infos;
  const translations = to === undefined ? new Map<string, readonly string[]>() : stemmedTranslations(lexicons, doc.lang, to);
  const stop = stopwordsFor(doc.lang);
  const infos = sentenceTexts(doc).map((t) => sentenceInfo(t, translations, stop));
  perDoc.set(key, { lexicons, infos });
  return infos;
}

export function alignComparablePair(source: AlignDocument, target: AlignDocument, options: ComparableOptions = {}): PairLink[] {
  const lexicons = options.lexicons ?? [];
  const threshold = options.threshold ?? DEFAULT_COMPARABLE_THRESHOLD;
  const excluded = options.excluded ?? new Set<string>();
  const rejected = options.rejectedPairs ?? new Set<string>();
  const sameLang = fold(source.lang) === fold(target.lang);
  const src = documentInfos(source, sameLang ? undefined : target.lang, lexicons);
  const tgt = documentInfos(target, sameLang ? undefined : source.lang, lexicons);

  // IDF over the corpus when given, else over both documents' sentences.
  const { df, sentences: total } = options.documentFrequency ?? {
    df: keyDocumentFrequency([source, target]).df,
    sentences: src.length + tgt.length,
  };
  // A word's frequency counts its translations' too: a topic word said in three languages
  // ("attack", "attaque", "attacco") is as common as one said in one, and without the
  // translations' counts each language's form weighed as a rare word once a lexicon matched it.
  const conceptDf = new Map<string, number>();
  for (const s of [...src, ...tgt]) {
    for (const t of s.tokens) {
      if (t.translated.length === 0 || conceptDf.has(t.key)) continue;
      let sum = df.get(t.key) ?? 0;
      for (const k of new Set(t.translated)) if (k !== t.key) sum += df.get(k) ?? 0;
      conceptDf.set(t.key, sum);
    }
  }
  const idf = (key: string): number => Math.log((total + 1) / ((conceptDf.get(key) ?? df.get(key) ?? 0) + 0.5));

  // Inverted index of the target: exact keys, translations and skeletons.
  const index = new Map<string, number[]>();
  const post = (key: string, j: number): void => {
    const list = index.get(key);
    if (!list) index.set(key, [j]);
    else if (list[list.length - 1] !== j) list.push(j);
  };
  tgt.forEach((s, j) => {
    if (excluded.has(`${target.id}:${j}`)) return;
    for (const t of s.tokens) {
      post(t.key, j);
      for (const k of t.translated) post(`x${k}`, j);
      const sk = skeleton(t.norm);
      if (sk) post(`k:${sk}`, j);
    }
  });
  // Small documents: every target sentence sharing a key that is not too common is scored.
  // Large ones (the search above is quadratic: a key in 5% of 100,000 sentences proposes 5,000
  // candidates per sentence): only keys in at most PRUNED_POSTING sentences propose, and only
  // the PRUNED_CANDIDATES targets sharing the most rare-key weight are scored.
  const pruned = tgt.length > PRUNE_FROM;
  const maxPosting = pruned ? PRUNED_POSTING : Math.max(8, Math.ceil(tgt.length * 0.2));
  const weights = new Float64Array(tgt.length);

  const candidatesOf = (i: number): Iterable<number> => {
    const found = new Set<number>();
    const seenKeys = new Set<string>();
    for (const t of src[i]!.tokens) {
      const keys = [t.key, ...t.translated, `x${t.key}`];
      const sk = skeleton(t.norm);
      if (sk) keys.push(`k:${sk}`);
      for (const k of keys) {
        const list = index.get(k);
        if (!list || list.length > maxPosting) continue;
        if (seenKeys.has(k)) continue;
        seenKeys.add(k);
        // Rarer keys weigh more (an IDF within the target).
        const w = Math.log((tgt.length + 1) / (list.length + 0.5));
        for (const j of list) {
          if (weights[j] === 0) found.add(j);
          weights[j]! += w;
        }
      }
    }
    if (!pruned) {
      // Targets sharing far less rare-key weight than the best one share a stray number or
      // name, not the statement: without this, their count grew with the document.
      let top = 0;
      for (const j of found) top = Math.max(top, weights[j]!);
      const kept: number[] = [];
      for (const j of found) if (weights[j]! >= SMALL_RELATIVE * top) kept.push(j);
      for (const j of found) weights[j] = 0;
      return kept.sort((x, y) => x - y);
    }
    if (found.size <= PRUNED_CANDIDATES) {
      for (const j of found) weights[j] = 0;
      return found;
    }
    const ranked = [...found].sort((x, y) => weights[y]! - weights[x]! || x - y).slice(0, PRUNED_CANDIDATES);
    for (const j of found) weights[j] = 0;
    return ranked.sort((x, y) => x - y);
  };
  const all: ({ i: number; j: number; score: number; readonly match: PairMatch; margin: number })[] = [];
  for (let i = 0; i < src.length; i++) {
    if (excluded.has(`${source.id}:${i}`)) continue;
    for (const j of candidatesOf(i)) {
      if (rejected.has(`${source.id}:${i}|${target.id}:${j}`)) continue;
      comparableWork.pairs++;
      const match = pairSimilarity(src[i]!, tgt[j]!, idf);
      if (match.score > 0) all.push({ i, j, score: match.score, match, margin: 0 });
    }
  }
  // Margin (as in bitext mining): a pair's score over the mean of the best scores its two
  // sentences get with any partner. A sentence full of topic words scores fairly with many
  // ("Members of the online group … Islamic State"); a shared statement stands out.
  const topS = topScores(all, (p) => p.i);
  const topT = topScores(all, (p) => p.j);
  // The confidence of a link: the similarity scaled by the square root of the margin (a
  // margin of 2, a score twice its sentences' usual, keeps the similarity as it is).
  for (const p of all) {
    p.margin = p.score / ((topS.get(p.i)! + topT.get(p.j)!) / 2);
    p.score = Math.min(1, p.score * Math.sqrt(p.margin / 2));
  }
  options.inspect?.(all.map((p) => ({ i: p.i, j: p.j, score: p.score, similarity: p.match.score, margin: p.margin, matched: p.match.matchedTokens })));
  const pairScores = all.filter((p) => p.score >= threshold * 0.6);
  pairScores.sort((x, y) => y.score - x.score || x.i - y.i || x.j - y.j);
  options.debug?.(pairScores);
  const kept = selectLinks(pairScores, threshold, sameLang);
  return [...kept, ...neighbourLinks(all, kept, threshold, src.length, tgt.length)].map(({ i, j, score }) => ({
    a: { doc: source.id, sentences: [i] },
    b: { doc: target.id, sentences: [j] },
    score: Math.min(1, score),
  }));
}

const MARGIN_NEIGHBOURS = 4;

/** Mean of each sentence's MARGIN_NEIGHBOURS best scores (missing partners count 0). */
function topScores(pairs: readonly ScoredPair[], key: (p: ScoredPair) => number): Map<number, number> {
  const lists = new Map<number, number[]>();
  for (const p of pairs) {
    const k = key(p);
    const list = lists.get(k) ?? [];
    list.push(p.score);
    lists.set(k, list);
  }
  const out = new Map<number, number>();
  for (const [k, list] of lists) {
    list.sort((x, y) => y - x);
    let sum = 0;
    for (let n = 0; n < Math.min(MARGIN_NEIGHBOURS, list.length); n++) sum += list[n]!;
    out.set(k, sum / MARGIN_NEIGHBOURS);
  }
  return out;
}

/**
 * Competitive linking, best-first: a pair is kept when it is strong enough and neither
 * sentence is linked yet, so each sentence goes to the partner it shares the most with.
 * A linked sentence may link again, to a sentence whose best partner it is, when it holds
 * several statements (a second link through a clause not used yet: a quoted slogan, a title
 * with a quote) or when the other text says the same thing twice (a second partner about as
 * close as the first: a slogan in the title and again at the end).
 */
function selectLinks(pairs: readonly (ScoredPair & { readonly match: PairMatch; readonly margin: number })[], threshold: number, sameLang: boolean): ScoredPair[] {
  const bestOfS = new Map<number, number>();
  const bestOfT = new Map<number, number>();
  for (const p of pairs) {
    if (!enoughEvidence(p.match, p.margin, sameLang) || p.score < threshold) continue;
    if (!bestOfS.has(p.i)) bestOfS.set(p.i, p.j);
    if (!bestOfT.has(p.j)) bestOfT.set(p.j, p.i);
  }
  interface Use {
    readonly clauses: Set<number>;
    readonly first: number;
    links: number;
  }
  const usesS = new Map<number, Use>();
  const usesT = new Map<number, Use>();
  const again = (use: Use, clause: number, score: number, partnerPrefers: boolean): boolean => {
    if (!partnerPrefers || use.links >= COMPARABLE_MAX_PER_DOC) return false;
    if (clause >= 0 && !use.clauses.has(-1) && !use.clauses.has(clause)) return true;
    return score >= REPEAT_RATIO * use.first;
  };
  const kept: ScoredPair[] = [];
  for (const p of pairs) {
    if (p.score < threshold || !enoughEvidence(p.match, p.margin, sameLang)) continue;
    const usedS = usesS.get(p.i);
    const usedT = usesT.get(p.j);
    if (usedS && usedT) continue;
    if (usedS && !again(usedS, p.match.clauseA, p.score, bestOfT.get(p.j) === p.i)) continue;
    if (usedT && !again(usedT, p.match.clauseB, p.score, bestOfS.get(p.i) === p.j)) continue;
    kept.push({ i: p.i, j: p.j, score: p.score });
    for (const [uses, k, clause] of [[usesS, p.i, p.match.clauseA], [usesT, p.j, p.match.clauseB]] as const) {
      const use = uses.get(k) ?? { clauses: new Set<number>(), first: p.score, links: 0 };
      use.clauses.add(clause);
      use.links++;
      uses.set(k, use);
    }
  }
  return kept;
}

/** A second link of a sentence without a free clause must be about as close as its first. */
const REPEAT_RATIO = 0.9;

/**
 * A single shared word, however rare, is not a statement in common, unless it is all that
 * both units say ("Non perdoniamo." / "On ne pardonne pas."). Two shared words are one when
 * they are at least PAIR_SHARE of the shorter unit's content words: two long sentences on one
 * subject share two words by chance (a by-line "Follow … to be kept up to date on …" and
 * "Al seguito dell'ennesima tragedia … mantenere …" through follow/seguire, keep/mantenere).
 */
function enoughEvidence(m: PairMatch, margin: number, sameLang: boolean): boolean {
  if (m.matchedTokens >= 3) return true;
  if (m.matchedTokens === 2) return m.matchedTokens >= PAIR_SHARE * Math.min(m.sizeA, m.sizeB);
  return m.matchedTokens === 1 && ((m.sizeA === 1 && m.sizeB === 1) || (!sameLang && margin >= SOLE_MARGIN));
}

/** Share of the shorter unit's content words that two matched words must be (enoughEvidence). */
const PAIR_SHARE = 0.25;

/**
 * Across languages, a pair whose score is SOLE_MARGIN times its two sentences' usual (about
 * all each of them shares with the other text) may rest on one matched word: a lexicon gives
 * few of a paraphrase's words ("Local farmers say … maize harvest" / "Per gli agricoltori …
 * raccolto di mais" match on the harvest alone). In one language a shared statement shares
 * more than one word, and a lone shared word between two sentences with no other partner is
 * chance ("published" in a copyright notice and in a biography).
 */
const SOLE_MARGIN = 3;

/** A link next to an existing one needs this share of the threshold (neighbourLinks). */
const NEIGHBOUR_SHARE = 0.5;
/** The link a neighbour attaches to must be this confident (in thresholds). */
const ANCHOR_SHARE = 1.5;
/** How far (in sentences) from a sentence's partner its neighbour may be. */
const NEIGHBOUR_SPAN = 2;

/**
 * Many-to-one links in the same story: a sentence that already links confidently
 * (ANCHOR_SHARE) to sentence j of the other text may link also to a sentence at most
 * NEIGHBOUR_SPAN from j whose best partner it is, at half the threshold: independent reports
 * often say in two or three consecutive sentences what the other says in one ("…after Charlie
 * Hebdo they vowed… «we will not forgive…»" / a sentence on Charlie Hebdo next to the quoted
 * vow). The newcomer must be unlinked and must pick this partner over all others, its own
 * evidence needs two matched words, and it never anchors a further neighbour.
 */
function neighbourLinks(all: readonly (ScoredPair & { readonly match: PairMatch })[], kept: readonly ScoredPair[], threshold: number, n: number, m: number): ScoredPair[] {
  // Anchors' partners, and every linked sentence of each side.
  const anchorS = new Map<number, number[]>();
  const anchorT = new Map<number, number[]>();
  const linkedS = new Map<number, number>();
  const linkedT = new Map<number, number>();
  for (const p of kept) {
    linkedS.set(p.i, (linkedS.get(p.i) ?? 0) + 1);
    linkedT.set(p.j, (linkedT.get(p.j) ?? 0) + 1);
    if (p.score < ANCHOR_SHARE * threshold) continue;
    (anchorS.get(p.i) ?? anchorS.set(p.i, []).get(p.i)!).push(p.j);
    (anchorT.get(p.j) ?? anchorT.set(p.j, []).get(p.j)!).push(p.i);
  }
  if (anchorS.size === 0) return [];
  // Pairs below the threshold with one anchored sentence, best first, and each sentence's best score.
  const bestS = new Float64Array(n);
  const bestT = new Float64Array(m);
  const near: (ScoredPair & { readonly match: PairMatch })[] = [];
  for (const p of all) {
    if (p.score > bestS[p.i]!) bestS[p.i] = p.score;
    if (p.score > bestT[p.j]!) bestT[p.j] = p.score;
    if (p.score >= threshold * NEIGHBOUR_SHARE && p.score < threshold && p.match.matchedTokens >= 2 && (anchorS.has(p.i) || anchorT.has(p.j))) near.push(p);
  }
  near.sort((x, y) => y.score - x.score || x.i - y.i || x.j - y.j);
  const nextTo = (x: number, list: readonly number[]): boolean => list.some((y) => Math.abs(x - y) <= NEIGHBOUR_SPAN);
  const out: ScoredPair[] = [];
  for (const p of near) {
    const newS = !linkedS.has(p.i);
    const newT = !linkedT.has(p.j);
    if (newS === newT) continue;
    // One side is linked and anchored, the other new, next to the anchor's partner, and
    // preferring this pair to any other.
    const anchor = newT ? anchorS.get(p.i) : anchorT.get(p.j);
    const uses = newT ? linkedS.get(p.i)! : linkedT.get(p.j)!;
    const prefers = newT ? p.score >= bestT[p.j]! : p.score >= bestS[p.i]!;
    if (!anchor || uses >= COMPARABLE_MAX_PER_DOC || !prefers || !nextTo(newT ? p.j : p.i, anchor)) continue;
    out.push({ i: p.i, j: p.j, score: p.score });
    if (newT) (linkedS.set(p.i, uses + 1), linkedT.set(p.j, 1));
    else (linkedT.set(p.j, uses + 1), linkedS.set(p.i, 1));
  }
  return out;
}

