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
import { STOPWORDS } from './stopwords.js';
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

export const DEFAULT_COMPARABLE_THRESHOLD = 0.38;

interface ContentToken {
  readonly norm: string;
  readonly kind: Token['kind'];
  /** Exact-match key: stem for words, canonical form for numbers and tags. */
  readonly key: string;
  /** Translation keys (stems) into the other document's language, for the candidate index. */
  readonly translated: readonly string[];
  /** Translations as words, for scoring. */
  readonly translatedWords: readonly string[];
}

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
  /** Clauses (split at quotes, colons, semicolons, dashes) when the sentence has several. */
  readonly clauses?: readonly SentenceInfo[];
}

const CLAUSE_BREAK = /\s*(?:[:;«»“”"—–]|\s-\s)\s*/u;

/** A sentence's tokens, and its clauses when a quotation or colon splits it into several statements. */
function sentenceInfo(text: string, translations: ReadonlyMap<string, readonly string[]>): SentenceInfo {
  const pieces = text.split(CLAUSE_BREAK).map((p) => contentTokens(p, translations));
  const tokens = pieces.flat();
  const clauses = pieces.filter((p) => p.length >= 3);
  return clauses.length >= 2 ? { tokens, clauses: clauses.map((c) => ({ tokens: c })) } : { tokens };
}

/**
 * Similarity of two sentences, or of two of their clauses when that is higher: a statement
 * quoted inside a long sentence should match its counterpart on its own.
 */
function pairSimilarity(a: SentenceInfo, b: SentenceInfo, idf: (key: string) => number): Similarity {
  let best = comparableSimilarity(a, b, idf);
  if (!a.clauses && !b.clauses) return best;
  for (const ca of a.clauses ?? [a]) {
    for (const cb of b.clauses ?? [b]) {
      if (ca === a && cb === b) continue;
      const s = comparableSimilarity(ca, cb, idf);
      // A clause match counts slightly less than a whole-sentence one.
      const score = s.score * 0.9;
      if (score > best.score) best = { score, matchedTokens: s.matchedTokens };
    }
  }
  return best;
}

/** Consonant skeleton used only to find candidates: "difendere"/"défendre" → "dfnd". */
function skeleton(norm: string): string | undefined {
  if (norm.length < 5) return undefined;
  const cons = norm[0]! + norm.slice(1).replace(/[aeiouy]/g, '').replace(/(.)\1+/g, '$1').replace(/[qk]/g, 'c');
  return cons.length >= 4 ? cons.slice(0, 4) : undefined;
}

function contentTokens(text: string, translations: ReadonlyMap<string, readonly string[]>): ContentToken[] {
  const out: ContentToken[] = [];
  for (const t of tokenize(text)) {
    if (t.kind === 'punct') continue;
    if (t.kind === 'word' || t.kind === 'name') {
      if (t.norm.length < 4 && !translations.has(t.norm)) continue;
      if (STOPWORDS.has(t.norm)) continue;
      const key = stemOf(t.norm) ?? t.norm;
      const trans = (translations.get(t.norm) ?? translations.get(key) ?? []).slice(0, 12);
      out.push({ norm: t.norm, kind: t.kind, key: `s:${key}`, translated: trans.map((w) => `s:${stemOf(w) ?? w}`), translatedWords: trans });
    } else {
      out.push({ norm: t.norm, kind: t.kind, key: `${t.kind}:${t.norm}`, translated: [], translatedWords: [] });
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
  for (const [w, ts] of words) {
    // Function words and phrase translations say little in comparable texts: FreeDict's
    // English dictionaries translate "a" as "at, to, toward, …" and phrases ("by accident")
    // split into words matched anything.
    if (STOPWORDS.has(w)) continue;
    for (const key of [w, stemOf(w)]) {
      if (!key) continue;
      const list = out.get(key) ?? [];
      for (const t of ts) {
        const parts = fold(t).split(/\s+/).filter((p) => p.length >= 3 && !STOPWORDS.has(p));
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

/** How well token x is matched in sentence `other` (1 exact or translated, cognate ratio, or 0) and where. */
function tokenMatch(x: ContentToken, other: SentenceInfo): [number, number] {
  let best = 0;
  let at = -1;
  const ys = other.tokens;
  for (let k = 0; k < ys.length; k++) {
    const y = ys[k]!;
    if (x.key === y.key) return [1, k];
    if ((x.translatedWords.length > 0 && x.translatedWords.some((w) => sameLemma(w, y.norm))) || (y.translatedWords.length > 0 && y.translatedWords.some((w) => sameLemma(w, x.norm)))) return [1, k];
    if (x.kind === 'number' || y.kind === 'number' || x.kind === 'url' || y.kind === 'url') continue;
    // Cognates across it/fr/en/de nearly always keep their first letter.
    if (x.norm.charCodeAt(0) !== y.norm.charCodeAt(0) || Math.abs(x.norm.length - y.norm.length) > 4) continue;
    const c = cachedCognate(x.norm, y.norm);
    if (c >= 0.7 && c > best) {
      best = c;
      at = k;
    }
  }
  return [best, at];
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
  // Matched mass counts words matched in the same order on both sides in full, and
  // matches out of order at half weight: a shared statement keeps its word order, while
  // sentences that merely share a topic match scattered words.
  const side = (x: SentenceInfo, y: SentenceInfo): [number, number, number] => {
    let total = 0;
    let matched = 0;
    let count = 0;
    const points: [number, number][] = [];
    for (const t of x.tokens) {
      const w = idf(t.key);
      const [m, at] = tokenMatch(t, y);
      total += w;
      matched += w * m;
      if (m > 0) {
        count++;
        points.push([at, w * m]);
      }
    }
    const ordered = orderedMass(points);
    return [(ordered + matched) / 2, total, count];
  };
  const [ma, ta, ka] = side(a, b);
  const [mb, tb, kb] = side(b, a);
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
    for (const text of sentenceTexts(doc)) {
      sentences++;
      for (const key of new Set(contentTokens(text, new Map()).map((t) => t.key))) df.set(key, (df.get(key) ?? 0) + 1);
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
  const src: SentenceInfo[] = sentenceTexts(source).map((t) => sentenceInfo(t, toTarget));
  const tgt: SentenceInfo[] = sentenceTexts(target).map((t) => sentenceInfo(t, toSource));

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
  const pairScores: ScoredPair[] = [];
  for (let i = 0; i < src.length; i++) {
    if (excluded.has(`${source.id}:${i}`)) continue;
    for (const j of candidatesOf(i)) {
      if (rejected.has(`${source.id}:${i}|${target.id}:${j}`)) continue;
      const { score } = pairSimilarity(src[i]!, tgt[j]!, idf);
      if (score >= threshold * 0.6) pairScores.push({ i, j, score });
    }
  }
  pairScores.sort((x, y) => y.score - x.score);
  options.debug?.(pairScores);

  const usable = (doc: AlignDocument, k: number, n: number): boolean => k >= 0 && k < n && !excluded.has(`${doc.id}:${k}`);
  const linkOk = (i0: number, i1: number, j0: number, j1: number): boolean => {
    for (let i = i0; i < i1; i++) for (let j = j0; j < j1; j++) if (rejected.has(`${source.id}:${i}|${target.id}:${j}`)) return false;
    return true;
  };
  const usedS = new Set<number>();
  const usedT = new Set<number>();
  const linkOfS = new Map<number, number>();
  const linkOfT = new Map<number, number>();
  const bestOfS = new Map<number, number>();
  const bestOfT = new Map<number, number>();
  for (const p of pairScores) {
    if (!bestOfS.has(p.i)) bestOfS.set(p.i, p.j);
    if (!bestOfT.has(p.j)) bestOfT.set(p.j, p.i);
  }
  for (const { i, j, score } of pairScores) {
    if (usedS.has(i) && usedT.has(j)) continue;
    if (usedS.has(i) || usedT.has(j)) {
      // A sentence may restate parts of two non-adjacent sentences of the other text (a French
      // sentence quoting two Italian ones): it joins the link of its partner when the pair is
      // about as strong as that link.
      const k = usedS.has(i) ? linkOfS.get(i) : linkOfT.get(j);
      if (k === undefined || score < threshold) continue;
      const l = scored[k]!;
      if (l.a.sentences.length + l.b.sentences.length > 2) continue;
      const a = usedS.has(i) ? [...l.a.sentences] : [...l.a.sentences, i].sort((x, y) => x - y);
      const b = usedT.has(j) ? [...l.b.sentences] : [...l.b.sentences, j].sort((x, y) => x - y);
      if (a.length > maxPerSide || b.length > maxPerSide || score < 0.75 * l.score) continue;
      // …and only with its own best partner.
      if (usedS.has(i) ? bestOfT.get(j) !== i : bestOfS.get(i) !== j) continue;
      if (a.some((x) => b.some((y) => rejected.has(`${source.id}:${x}|${target.id}:${y}`)))) continue;
      scored[k] = { a: { doc: l.a.doc, sentences: a }, b: { doc: l.b.doc, sentences: b }, score: l.score };
      usedS.add(i);
      usedT.add(j);
      linkOfS.set(i, k);
      linkOfT.set(j, k);
      continue;
    }
    // Grow the link to neighbouring sentences while that raises the score (split statements).
    let [i0, i1, j0, j1, best] = [i, i + 1, j, j + 1, score];
    let matchedTokens = pairSimilarity(src[i]!, tgt[j]!, idf).matchedTokens;
    for (let grew = true; grew; ) {
      grew = false;
      const options: [number, number, number, number][] = [];
      if (i1 - i0 < maxPerSide) {
        if (usable(source, i0 - 1, src.length) && !usedS.has(i0 - 1)) options.push([i0 - 1, i1, j0, j1]);
        if (usable(source, i1, src.length) && !usedS.has(i1)) options.push([i0, i1 + 1, j0, j1]);
      }
      if (j1 - j0 < maxPerSide) {
        if (usable(target, j0 - 1, tgt.length) && !usedT.has(j0 - 1)) options.push([i0, i1, j0 - 1, j1]);
        if (usable(target, j1, tgt.length) && !usedT.has(j1)) options.push([i0, i1, j0, j1 + 1]);
      }
      for (const [a0, a1, b0, b1] of options) {
        if (!linkOk(a0, a1, b0, b1)) continue;
        // The added sentence must itself share content with the other side.
        const added =
          a0 < i0 ? comparableSimilarity(src[a0]!, merged(tgt, b0, b1), idf)
          : a1 > i1 ? comparableSimilarity(src[a1 - 1]!, merged(tgt, b0, b1), idf)
          : b0 < j0 ? comparableSimilarity(merged(src, a0, a1), tgt[b0]!, idf)
          : comparableSimilarity(merged(src, a0, a1), tgt[b1 - 1]!, idf);
        if (added.score < threshold * 0.6 || added.matchedTokens < 1) continue;
        const s = comparableSimilarity(merged(src, a0, a1), merged(tgt, b0, b1), idf);
        if (s.score > best + 0.02) {
          [i0, i1, j0, j1, best] = [a0, a1, b0, b1, s.score];
          matchedTokens = s.matchedTokens;
          grew = true;
        }
      }
    }
    // A single shared word, however rare, is not a statement in common.
    if (best < threshold || matchedTokens < 2) continue;
    for (let k = i0; k < i1; k++) {
      usedS.add(k);
      linkOfS.set(k, scored.length);
    }
    for (let k = j0; k < j1; k++) {
      usedT.add(k);
      linkOfT.set(k, scored.length);
    }
    scored.push({
      a: { doc: source.id, sentences: range(i0, i1) },
      b: { doc: target.id, sentences: range(j0, j1) },
      score: Math.min(1, best),
    });
  }
  return scored;
}

const range = (a: number, b: number): number[] => Array.from({ length: b - a }, (_, k) => a + k);
