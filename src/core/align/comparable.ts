/**
 * Comparable mode: independent texts on one subject. No order is assumed and most sentences
 * stay unaligned. For each document pair, candidates come from an inverted index of signal keys
 * (stems, consonant skeletons, numbers, tags, handles, URLs, lexicon translations), never from
 * all pairs; candidates are scored by IDF-weighted soft token overlap (exact, translated or
 * cognate matches), extended to neighbouring sentences when that explains more of both sides,
 * and kept best-first without reusing a sentence.
 */
import { cognateSimilarity, fold, tokenize, type Token } from './text-signals.js';
import { stemOf } from './sentence-features.js';
import { translationsFor, type Lexicon } from './lexicon.js';
import { stopwordsFor } from './stopwords.js';
import { sentenceTexts } from './signal-scorer.js';
import type { PairLink } from './n-way.js';
import type { AlignDocument } from './types.js';

export interface ComparableOptions {
  /** Minimum score of a suggested link. */
  readonly threshold?: number;
  /** Maximum sentences per document in one link. */
  readonly maxPerSide?: number;
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
}

export interface ScoredPair {
  readonly i: number;
  readonly j: number;
  readonly score: number;
}

export const DEFAULT_COMPARABLE_THRESHOLD = 0.3;
/** Most sentences of one document in a comparable group (a statement said twice, or quoted in pieces). */
export const COMPARABLE_MAX_PER_DOC = 3;

interface ContentToken {
  readonly norm: string;
  readonly kind: Token['kind'];
  /** Exact-match key: stem for words, canonical form for numbers and tags. */
  readonly key: string;
  /** Translation keys (stems) into the other document's language, for the candidate index. */
  readonly translated: readonly string[];
  /** Translations as words, for scoring. */
  readonly translatedWords: readonly string[];
  /** Weight of a match through a translation: 1 for a word with one or two senses, less for ambiguous ones. */
  readonly translationWeight: number;
}

/**
 * A dictionary word with many translations ("contrario": 12 in FreeDict) matches many words
 * by chance: a match through it weighs less than an exact one (0.77 with 4, 0.4 with 12).
 */
const ambiguityWeight = (n: number): number => (n <= 2 ? 1 : 1 / (1 + 0.15 * (n - 2)));

/**
 * Two forms of one lemma: a shared prefix of six letters, or five when a word is short
 * ("oublier"/"oublions", "dimenticare"/"dimentichiamo", but not "attendre"/"attentat").
 */
export function sameLemma(a: string, b: string): boolean {
  if (a === b) return true;
  const n = Math.min(a.length, b.length);
  let k = 0;
  while (k < n && a.charCodeAt(k) === b.charCodeAt(k)) k++;
  return k >= 6 || (k >= 5 && n <= 7) || (k >= 4 && n === k);
}

interface SentenceInfo {
  readonly tokens: readonly ContentToken[];
  /** Clauses (split at quotes, colons, semicolons, dashes, inner sentence ends) when the sentence has several. */
  readonly clauses?: readonly SentenceInfo[];
}

const CLAUSE_BREAK = /\s*(?:[:;«»“”"—–]|\s-\s|(?<=[.!?…])\s+(?=\p{Lu}))\s*/u;

/** A sentence's tokens, and its clauses when a quotation or colon splits it into several statements. */
function sentenceInfo(text: string, translations: ReadonlyMap<string, readonly string[]>, stop: ReadonlySet<string>): SentenceInfo {
  const pieces = text.split(CLAUSE_BREAK).map((p) => contentTokens(p, translations, stop));
  const tokens = pieces.flat();
  const clauses = pieces.filter((p) => p.length >= 1);
  return clauses.length >= 2 ? { tokens, clauses: clauses.map((c) => ({ tokens: c })) } : { tokens };
}

interface PairMatch extends Similarity {
  /** Clause of each side that matched (-1: the whole sentence). */
  readonly clauseA: number;
  readonly clauseB: number;
  /** Content tokens of the two matched units. */
  readonly sizeA: number;
  readonly sizeB: number;
}

/**
 * Similarity of two sentences, or of two of their clauses when that is higher: a statement
 * quoted inside a long sentence should match its counterpart on its own.
 */
function pairSimilarity(a: SentenceInfo, b: SentenceInfo, idf: (key: string) => number): PairMatch {
  const whole = comparableSimilarity(a, b, idf);
  const best: PairMatch = { ...whole, clauseA: -1, clauseB: -1, sizeA: a.tokens.length, sizeB: b.tokens.length };
  if (!a.clauses && !b.clauses) return best;
  const ca = a.clauses ?? [a];
  const cb = b.clauses ?? [b];
  let clause: PairMatch | undefined;
  for (let x = 0; x < ca.length; x++) {
    for (let y = 0; y < cb.length; y++) {
      const s = comparableSimilarity(ca[x]!, cb[y]!, idf);
      // A clause match counts slightly less than a whole-sentence one.
      const score = s.score * 0.9;
      if (!clause || score > clause.score) clause = { score, matchedTokens: s.matchedTokens, clauseA: a.clauses ? x : -1, clauseB: b.clauses ? y : -1, sizeA: ca[x]!.tokens.length, sizeB: cb[y]!.tokens.length };
    }
  }
  if (!clause || clause.score < 0.75 * whole.score) return best;
  // The statement is in one clause (the rest of the sentence may state others): the pair
  // keeps the better score but names the clause, so the other clauses can still link.
  return clause.score >= whole.score ? clause : { ...clause, score: whole.score, matchedTokens: Math.max(whole.matchedTokens, clause.matchedTokens) };
}

/** Consonant skeleton used only to find candidates: "difendere"/"défendre" → "dfnd". */
function skeleton(norm: string): string | undefined {
  if (norm.length < 5) return undefined;
  const cons = norm[0]! + norm.slice(1).replace(/[aeiouy]/g, '').replace(/(.)\1+/g, '$1').replace(/[qk]/g, 'c');
  return cons.length >= 4 ? cons.slice(0, 4) : undefined;
}

function contentTokens(text: string, translations: ReadonlyMap<string, readonly string[]>, stop: ReadonlySet<string>): ContentToken[] {
  const out: ContentToken[] = [];
  for (const t of tokenize(text)) {
    if (t.kind === 'punct') continue;
    // A hashtag or handle names what a word names ("#OpParis", "the OpParis account").
    if (t.kind === 'word' || t.kind === 'name' || t.kind === 'hashtag' || t.kind === 'handle') {
      if (t.norm.length < 4 && !translations.has(t.norm)) continue;
      if (stop.has(t.norm)) continue;
      const key = stemOf(t.norm) ?? t.norm;
      const all = translations.get(t.norm) ?? translations.get(key) ?? [];
      const trans = all.slice(0, 12);
      out.push({ norm: t.norm, kind: t.kind === 'hashtag' || t.kind === 'handle' ? 'name' : t.kind, key: `s:${key}`, translated: trans.map((w) => `s:${stemOf(w) ?? w}`), translatedWords: trans, translationWeight: ambiguityWeight(all.length) });
    } else {
      out.push({ norm: t.norm, kind: t.kind, key: `${t.kind}:${t.norm}`, translated: [], translatedWords: [], translationWeight: 0 });
    }
  }
  return out;
}

/** Word translations from `from` to `to`, also keyed by stem so inflected forms find them. */
const stemmedCache = new WeakMap<ReadonlyMap<string, readonly string[]>, Map<string, string[]>>();

function stemmedTranslations(lexicons: readonly Lexicon[], from: string, to: string): Map<string, string[]> {
  const words = translationsFor(lexicons, from, to);
  const cached = stemmedCache.get(words);
  if (cached) return cached;
  const out = new Map<string, string[]>();
  stemmedCache.set(words, out);
  const stopFrom = stopwordsFor(from);
  const stopTo = stopwordsFor(to);
  for (const [w, ts] of words) {
    // Function words and phrase translations say little in comparable texts: FreeDict's
    // English dictionaries translate "a" as "at, to, toward, …" and phrases ("by accident")
    // split into words matched anything.
    if (stopFrom.has(w)) continue;
    for (const key of [w, stemOf(w)]) {
      if (!key) continue;
      const list = out.get(key) ?? [];
      for (const t of ts) {
        const parts = fold(t).split(/\s+/).filter((p) => p.length >= 3 && !stopTo.has(p));
        if (parts.length !== 1) continue;
        if (!list.includes(parts[0]!)) list.push(parts[0]!);
      }
      out.set(key, list);
    }
  }
  return out;
}

const cognateCache = new Map<string, Map<string, number>>();
let cognateEntries = 0;

/**
 * Cognate similarity, memoised: comparable mode compares the same word pairs many times.
 * Keyed by the ordered pair of words in two levels (no key string built per lookup).
 */
function cachedCognate(a: string, b: string): number {
  const first = a < b ? a : b;
  const second = a < b ? b : a;
  let row = cognateCache.get(first);
  let v = row?.get(second);
  if (v === undefined) {
    if (cognateEntries > 500_000) {
      cognateCache.clear();
      cognateEntries = 0;
      row = undefined;
    }
    v = cognateSimilarity(a, b);
    if (!row) cognateCache.set(first, (row = new Map()));
    row.set(second, v);
    cognateEntries++;
  }
  return v;
}

/**
 * How well tokens x and y match: 1 for the same word or a one-sense translation, less for an
 * ambiguous translation, a cognate (ratio ≥ 0.7) or a near count, else 0. Symmetric.
 */
function tokenPairValue(x: ContentToken, y: ContentToken): number {
  // One stem, one word: "liberté"/"libertà", not "contenuti"/"contestualmente".
  if (x.key === y.key && ((x.kind !== 'word' && x.kind !== 'name') || sameLemma(x.norm, y.norm))) return 1;
  let best = 0;
  if (x.translatedWords.length > 0 && x.translatedWords.some((w) => sameLemma(w, y.norm))) best = x.translationWeight;
  if (y.translationWeight > best && y.translatedWords.some((w) => sameLemma(w, x.norm))) best = y.translationWeight;
  if (best >= 1) return 1;
  if (x.kind === 'number' && y.kind === 'number') return Math.max(best, quantityMatch(x.norm, y.norm));
  if (x.kind === 'number' || y.kind === 'number' || x.kind === 'url' || y.kind === 'url') return best;
  // Cognates across it/fr/en/de nearly always keep their first letter.
  const a = x.norm;
  const b = y.norm;
  if (a.charCodeAt(0) !== b.charCodeAt(0) || Math.abs(a.length - b.length) > 4) return best;
  // Without a shared prefix of four letters the cognate score is an LCS ratio, at most the
  // ratio of the lengths: skip the pairs that cannot reach 0.7.
  if (Math.min(a.length, b.length) < 0.7 * Math.max(a.length, b.length) && !(a.length >= 4 && b.length >= 4 && a.charCodeAt(1) === b.charCodeAt(1) && a.charCodeAt(2) === b.charCodeAt(2) && a.charCodeAt(3) === b.charCodeAt(3))) return best;
  const c = cachedCognate(a, b);
  return c >= 0.7 && c > best ? c : best;
}

/** Scratch matrix of token-pair values, reused across calls (grown as needed). */
let scratch = new Float32Array(1024);

/**
 * Two different counts of one thing ("129 dead" / "132 dead", "9,200 accounts" / "5 500
 * comptes"): independent reports round and update their figures. Counts of 20 or more within
 * a factor of two match in part, the closer the more; years and small numbers only exactly.
 */
export function quantityMatch(a: string, b: string): number {
  const x = Number(a);
  const y = Number(b);
  if (!(x >= 20 && y >= 20)) return 0;
  const year = (v: number): boolean => Number.isInteger(v) && v >= 1800 && v <= 2100;
  if (year(x) || year(y)) return 0;
  const r = Math.max(x, y) / Math.min(x, y);
  return r > 2 ? 0 : 0.6 / (r * r);
}

/** Heaviest chain of (position, weight) pairs with increasing positions, O(k²) on short lists. */
function orderedMass(points: readonly (readonly [number, number])[]): number {
  const best: number[] = [];
  let top = 0;
  for (let k = 0; k < points.length; k++) {
    const [pos, w] = points[k]!;
    let b = 0;
    for (let q = 0; q < k; q++) if (points[q]![0] < pos && best[q]! > b) b = best[q]!;
    best.push(b + w);
    if (b + w > top) top = b + w;
  }
  return top;
}

/** Sentence ranges [i0, i1) merged into one token bag. */
function merged(infos: readonly SentenceInfo[], i0: number, i1: number): SentenceInfo {
  if (i1 - i0 === 1) return infos[i0]!;
  return { tokens: infos.slice(i0, i1).flatMap((s) => s.tokens) };
}

export interface Similarity {
  readonly score: number;
  /** Content tokens of the less-matched side that found a match. */
  readonly matchedTokens: number;
}

/**
 * S / (S + λ·U + c), with S the matched IDF mass (mean of both sides) and U the unmatched
 * mass: long sentences that contain a paraphrase are penalised gently (λ < 1), and the
 * constant c asks for more than one shared rare word before a score gets high.
 */
export function comparableSimilarity(a: SentenceInfo, b: SentenceInfo, idf: (key: string) => number): Similarity {
  const xs = a.tokens;
  const ys = b.tokens;
  const n = xs.length;
  const m = ys.length;
  if (scratch.length < n * m) scratch = new Float32Array(Math.max(n * m, scratch.length * 2));
  const values = scratch;
  for (let p = 0; p < n; p++) for (let q = 0; q < m; q++) values[p * m + q] = tokenPairValue(xs[p]!, ys[q]!);
  // Matched mass counts words matched in the same order on both sides in full, and
  // matches out of order at half weight: a shared statement keeps its word order, while
  // sentences that merely share a topic match scattered words. Each token takes its best
  // partner (the first of equals).
  const side = (tokens: readonly ContentToken[], count: number, other: number, at: (p: number, q: number) => number): [number, number, number] => {
    let total = 0;
    let matched = 0;
    let found = 0;
    const points: [number, number][] = [];
    for (let p = 0; p < count; p++) {
      const w = idf(tokens[p]!.key);
      let best = 0;
      let where = -1;
      for (let q = 0; q < other; q++) {
        const v = at(p, q);
        if (v > best) {
          best = v;
          where = q;
          if (v >= 1) break;
        }
      }
      total += w;
      matched += w * best;
      if (best > 0) {
        found++;
        points.push([where, w * best]);
      }
    }
    const ordered = orderedMass(points);
    return [(ordered + matched) / 2, total, found];
  };
  const [ma, ta, ka] = side(xs, n, m, (p, q) => values[p * m + q]!);
  const [mb, tb, kb] = side(ys, m, n, (p, q) => values[q * m + p]!);
  const matched = (ma + mb) / 2;
  const unmatched = (ta - ma + tb - mb) / 2;
  return { score: matched / (matched + UNMATCHED_WEIGHT * unmatched + EVIDENCE_CONSTANT), matchedTokens: Math.min(ka, kb) };
}

const UNMATCHED_WEIGHT = 0.25;
/** Target sentences beyond which the candidate search is pruned (see alignComparablePair). */
const PRUNE_FROM = 1000;
const PRUNED_POSTING = 100;
const PRUNED_CANDIDATES = 4;
const EVIDENCE_CONSTANT = 3;

/** Number of sentences containing each token key, over the given documents. */
export function keyDocumentFrequency(docs: readonly AlignDocument[]): { df: Map<string, number>; sentences: number } {
  const df = new Map<string, number>();
  let sentences = 0;
  for (const doc of docs) {
    const stop = stopwordsFor(doc.lang);
    for (const text of sentenceTexts(doc)) {
      sentences++;
      for (const key of new Set(contentTokens(text, new Map(), stop).map((t) => t.key))) df.set(key, (df.get(key) ?? 0) + 1);
    }
  }
  return { df, sentences };
}

export function alignComparablePair(source: AlignDocument, target: AlignDocument, options: ComparableOptions = {}): PairLink[] {
  const lexicons = options.lexicons ?? [];
  const threshold = options.threshold ?? DEFAULT_COMPARABLE_THRESHOLD;
  const maxPerSide = options.maxPerSide ?? 2;
  const excluded = options.excluded ?? new Set<string>();
  const rejected = options.rejectedPairs ?? new Set<string>();
  const sameLang = fold(source.lang) === fold(target.lang);
  const toTarget = sameLang ? new Map() : stemmedTranslations(lexicons, source.lang, target.lang);
  const toSource = sameLang ? new Map() : stemmedTranslations(lexicons, target.lang, source.lang);
  const src: SentenceInfo[] = sentenceTexts(source).map((t) => sentenceInfo(t, toTarget, stopwordsFor(source.lang)));
  const tgt: SentenceInfo[] = sentenceTexts(target).map((t) => sentenceInfo(t, toSource, stopwordsFor(target.lang)));

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
  const weights = pruned ? new Float64Array(tgt.length) : undefined;

  const scored: PairLink[] = [];
  const candidatesOf = (i: number): Iterable<number> => {
    const found = new Set<number>();
    const seenKeys = weights ? new Set<string>() : undefined;
    for (const t of src[i]!.tokens) {
      const keys = [t.key, ...t.translated, `x${t.key}`];
      const sk = skeleton(t.norm);
      if (sk) keys.push(`k:${sk}`);
      for (const k of keys) {
        const list = index.get(k);
        if (!list || list.length > maxPosting) continue;
        if (!weights || !seenKeys) {
          for (const j of list) found.add(j);
          continue;
        }
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
    if (!weights || found.size <= PRUNED_CANDIDATES) {
      if (weights) for (const j of found) weights[j] = 0;
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
  const pairScores = all.filter((p) => p.score >= threshold * 0.6);
  pairScores.sort((x, y) => y.score - x.score || x.i - y.i || x.j - y.j);
  options.debug?.(pairScores);
  return selectLinks(pairScores, threshold).map(({ i, j, score }) => ({
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
function selectLinks(pairs: readonly (ScoredPair & { readonly match: PairMatch })[], threshold: number): ScoredPair[] {
  const bestOfS = new Map<number, number>();
  const bestOfT = new Map<number, number>();
  for (const p of pairs) {
    if (!enoughEvidence(p.match) || p.score < threshold) continue;
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
    if (p.score < threshold || !enoughEvidence(p.match)) continue;
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
 * both units say ("Non perdoniamo." / "On ne pardonne pas.").
 */
function enoughEvidence(m: PairMatch): boolean {
  return m.matchedTokens >= 2 || (m.matchedTokens === 1 && m.sizeA === 1 && m.sizeB === 1);
}

/**
 * Similarity of two sentences as comparable mode scores them (before the margin), with
 * corpus statistics from the two sentences alone: for diagnostics and tests.
 */
export function statementSimilarity(a: { text: string; lang: string }, b: { text: string; lang: string }, lexicons: readonly Lexicon[] = []): number {
  const same = fold(a.lang) === fold(b.lang);
  const sa = sentenceInfo(a.text, same ? new Map() : stemmedTranslations(lexicons, a.lang, b.lang), stopwordsFor(a.lang));
  const sb = sentenceInfo(b.text, same ? new Map() : stemmedTranslations(lexicons, b.lang, a.lang), stopwordsFor(b.lang));
  return pairSimilarity(sa, sb, () => 1).score;
}

/** Diagnostics: which tokens of `a` match in `b` and how (not used by the aligner). */
export function explainMatch(a: string, aLang: string, b: string, bLang: string, lexicons: readonly Lexicon[]): string[] {
  const sa = sentenceInfo(a, fold(aLang) === fold(bLang) ? new Map() : stemmedTranslations(lexicons, aLang, bLang), stopwordsFor(aLang));
  const sb = sentenceInfo(b, fold(aLang) === fold(bLang) ? new Map() : stemmedTranslations(lexicons, bLang, aLang), stopwordsFor(bLang));
  return sa.tokens.map((t) => {
    let m = 0;
    let at = -1;
    sb.tokens.forEach((y, k) => {
      const v = tokenPairValue(t, y);
      if (v > m) [m, at] = [v, k];
    });
    return `${t.norm}[${t.translatedWords.length}]${m > 0 ? ` → ${sb.tokens[at]!.norm} ${m.toFixed(2)}` : ''}`;
  });
}
