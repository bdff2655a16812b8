/**
 * Comparable mode's sentence similarity: content tokens (stems, numbers, tags, names, with
 * their lexicon translations), clauses, and an IDF-weighted soft overlap of two sentences
 * (exact, translated, cognate or near-count matches, in order counting more).
 */
import { cognateSimilarity, fold, tokenize, type Token } from './text-signals.js';
import { stemOf } from './sentence-features.js';
import { translationsFor, type Lexicon } from './lexicon.js';
import { stopwordsFor } from './stopwords.js';

export interface ContentToken {
  readonly norm: string;
  /** Interned `norm`. */
  readonly id: number;
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
  // A short word read as the start of a long one, or two words of seven letters or fewer
  // sharing five, are forms of one lemma only when their lengths differ by a few letters
  // ("work"/"worked", "oublier"/"oublions"): not "opera"/"operazione", "operaio"/"operazione",
  // "back"/"backlash".
  if (k >= 6) return true;
  if (k < 4 || Math.abs(a.length - b.length) > LEMMA_ENDING) return false;
  return (k >= 5 && n <= 7) || n === k;
}

/** Most letters two forms of one short lemma differ by in length (sameLemma). */
const LEMMA_ENDING = 2;

export interface SentenceInfo {
  readonly tokens: readonly ContentToken[];
  /** Clauses (split at quotes, colons, semicolons, dashes, inner sentence ends) when the sentence has several. */
  readonly clauses?: readonly SentenceInfo[];
}

const CLAUSE_BREAK = /\s*(?:[:;«»“”"—–]|\s-\s|(?<=[.!?…])\s+(?=\p{Lu}))\s*/u;

/** A sentence's tokens, and its clauses when a quotation or colon splits it into several statements. */
export function sentenceInfo(text: string, translations: ReadonlyMap<string, readonly string[]>, stop: ReadonlySet<string>): SentenceInfo {
  const pieces = text.split(CLAUSE_BREAK).map((p) => contentTokens(p, translations, stop));
  const tokens = pieces.flat();
  const clauses = pieces.filter((p) => p.length >= 1);
  return clauses.length >= 2 ? { tokens, clauses: clauses.map((c) => ({ tokens: c })) } : { tokens };
}

export interface PairMatch extends Similarity {
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
export function pairSimilarity(a: SentenceInfo, b: SentenceInfo, idf: (key: string) => number): PairMatch {
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
export function skeleton(norm: string): string | undefined {
  const known = skeletons.get(norm);
  if (known !== undefined || skeletons.has(norm)) return known;
  let sk: string | undefined;
  if (norm.length >= 5) {
    const cons = norm[0]! + norm.slice(1).replace(/[aeiouy]/g, '').replace(/(.)\1+/g, '$1').replace(/[qk]/g, 'c');
    sk = cons.length >= 4 ? cons.slice(0, 4) : undefined;
  }
  if (skeletons.size > 1_000_000) skeletons.clear();
  skeletons.set(norm, sk);
  return sk;
}

/** Skeletons by word: every document pair asks again for the same words. */
const skeletons = new Map<string, string | undefined>();

export function contentTokens(text: string, translations: ReadonlyMap<string, readonly string[]>, stop: ReadonlySet<string>): ContentToken[] {
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
      out.push({ norm: t.norm, id: wordId(t.norm), kind: t.kind === 'hashtag' || t.kind === 'handle' ? 'name' : t.kind, key: `s:${key}`, translated: trans.map((w) => `s:${stemOf(w) ?? w}`), translatedWords: trans, translationWeight: ambiguityWeight(all.length) });
    } else {
      out.push({ norm: t.norm, id: wordId(t.norm), kind: t.kind, key: `${t.kind}:${t.norm}`, translated: [], translatedWords: [], translationWeight: 0 });
    }
  }
  return out;
}

/** Word translations from `from` to `to`, also keyed by stem so inflected forms find them. */
const stemmedCache = new WeakMap<ReadonlyMap<string, readonly string[]>, Map<string, string[]>>();

export function stemmedTranslations(lexicons: readonly Lexicon[], from: string, to: string): Map<string, string[]> {
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

/** Word → small integer, so that a pair of words is one number (the cognate cache's key). */
const wordIds = new Map<string, number>();
const wordId = (norm: string): number => {
  let id = wordIds.get(norm);
  if (id === undefined) wordIds.set(norm, (id = wordIds.size));
  return id;
};

const cognateCache = new Map<number, number>();

/** Cognate similarity, memoised by the pair of word ids: comparable mode compares the same word pairs many times. */
function cachedCognate(x: ContentToken, y: ContentToken): number {
  const key = x.id < y.id ? x.id * 67_108_864 + y.id : y.id * 67_108_864 + x.id;
  let v = cognateCache.get(key);
  if (v === undefined) {
    if (cognateCache.size > 1_000_000) cognateCache.clear();
    v = cognateSimilarity(x.norm, y.norm);
    cognateCache.set(key, v);
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
  const c = cachedCognate(x, y);
  return c >= 0.7 && c > best ? c : best;
}

/** Scratch matrix of token-pair values and chain buffers, reused across calls (grown as needed). */
let scratch = new Float32Array(1024);
let chainPos = new Float64Array(256);
let chainWeight = new Float64Array(256);
let chainBest = new Float64Array(256);

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
function orderedMass(pos: Float64Array, weight: Float64Array, count: number, best: Float64Array): number {
  let top = 0;
  for (let k = 0; k < count; k++) {
    let b = 0;
    for (let q = 0; q < k; q++) if (pos[q]! < pos[k]! && best[q]! > b) b = best[q]!;
    best[k] = b + weight[k]!;
    if (best[k]! > top) top = best[k]!;
  }
  return top;
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
/**
 * Token pairs whose value can be above 0, for long sentences (see tokenPairValue): the same
 * key; the same first letter (cognates, and a translation's lemma shares the first four
 * letters of the word it names); a translation of either starting with the other's letter;
 * two numbers. Rows are in ascending q, as the dense matrix is read.
 */
function sparseValues(xs: readonly ContentToken[], ys: readonly ContentToken[]): { qs: number[][]; vs: number[][] } {
  const byFirst = new Map<number, number[]>();
  const byKey = new Map<string, number[]>();
  const byTranslationFirst = new Map<number, number[]>();
  const numbers: number[] = [];
  const push = <K>(map: Map<K, number[]>, key: K, q: number) => {
    const list = map.get(key);
    if (list) list.push(q);
    else map.set(key, [q]);
  };
  ys.forEach((y, q) => {
    push(byFirst, y.norm.charCodeAt(0), q);
    push(byKey, y.key, q);
    for (const first of new Set(y.translatedWords.map((w) => w.charCodeAt(0)))) push(byTranslationFirst, first, q);
    if (y.kind === 'number') numbers.push(q);
  });
  const stamp = new Int32Array(ys.length).fill(-1);
  const qs: number[][] = [];
  const vs: number[][] = [];
  xs.forEach((x, p) => {
    const found: number[] = [];
    const add = (list: readonly number[] | undefined) => {
      if (list) for (const q of list) if (stamp[q] !== p) ((stamp[q] = p), found.push(q));
    };
    add(byFirst.get(x.norm.charCodeAt(0)));
    add(byKey.get(x.key));
    add(byTranslationFirst.get(x.norm.charCodeAt(0)));
    for (const first of new Set(x.translatedWords.map((w) => w.charCodeAt(0)))) add(byFirst.get(first));
    if (x.kind === 'number') add(numbers);
    found.sort((u, v) => u - v);
    const rowQ: number[] = [];
    const rowV: number[] = [];
    for (const q of found) {
      const v = tokenPairValue(x, ys[q]!);
      // Rounded as the dense matrix (a Float32Array) rounds it, so both readings agree exactly.
      if (v > 0) (rowQ.push(q), rowV.push(Math.fround(v)));
    }
    qs.push(rowQ);
    vs.push(rowV);
  });
  return { qs, vs };
}

/** Sentence pairs with more token pairs than this are scored through sparseValues. */
const DENSE_LIMIT = 4096;

export function comparableSimilarity(a: SentenceInfo, b: SentenceInfo, idf: (key: string) => number): Similarity {
  return a.tokens.length * b.tokens.length > DENSE_LIMIT ? sparseSimilarity(a.tokens, b.tokens, idf) : denseSimilarity(a.tokens, b.tokens, idf);
}

/** comparableSimilarity over every token pair (short sentences: the usual case). */
export function denseSimilarity(xs: readonly ContentToken[], ys: readonly ContentToken[], idf: (key: string) => number): Similarity {
  const n = xs.length;
  const m = ys.length;
  if (scratch.length < n * m) scratch = new Float32Array(Math.max(n * m, scratch.length * 2));
  const values = scratch;
  for (let p = 0; p < n; p++) for (let q = 0; q < m; q++) values[p * m + q] = tokenPairValue(xs[p]!, ys[q]!);
  // Token p's best partner over a row (stride 1) or a column (stride m) of the matrix.
  const bestIn = (count: number, start: (p: number) => number, step: number) => (p: number): number => {
    let top = 0;
    bestAt = -1;
    for (let q = 0, i = start(p); q < count; q++, i += step) {
      const v = values[i]!;
      if (v > top) {
        top = v;
        bestAt = q;
        if (v >= 1) break;
      }
    }
    return top;
  };
  return similarityOf(xs, ys, idf, bestIn(m, (p) => p * m, 1), bestIn(n, (q) => q, m));
}

/**
 * comparableSimilarity for long sentences: the same figures from the pairs that can match
 * (sparseValues), in time near the number of tokens instead of its square. Property-tested
 * against the dense reading (tests/core/align/comparable-sparse.test.ts).
 */
export function sparseSimilarity(xs: readonly ContentToken[], ys: readonly ContentToken[], idf: (key: string) => number): Similarity {
  const { qs, vs } = sparseValues(xs, ys);
  // Columns for the other side, in ascending p (rows are visited in order).
  const colP: number[][] = ys.map(() => []);
  const colV: number[][] = ys.map(() => []);
  qs.forEach((row, p) => row.forEach((q, k) => (colP[q]!.push(p), colV[q]!.push(vs[p]![k]!))));
  const bestIn = (where: readonly number[][], value: readonly number[][]) => (p: number): number => {
    let top = 0;
    bestAt = -1;
    const row = value[p]!;
    for (let k = 0; k < row.length; k++) {
      const v = row[k]!;
      if (v > top) {
        top = v;
        bestAt = where[p]![k]!;
        if (v >= 1) break;
      }
    }
    return top;
  };
  return similarityOf(xs, ys, idf, bestIn(qs, vs), bestIn(colP, colV));
}

/** Where the last `best` call found its partner (set by the dense and sparse readers). */
let bestAt = -1;

/**
 * The similarity from each token's best partner on the other side (`bestA(p)` for a token of
 * xs, `bestB(q)` for one of ys: its value, the partner in bestAt; the first of equals).
 * Matched mass counts words matched in the same order on both sides in full, and matches out
 * of order at half weight: a shared statement keeps its word order, while sentences that
 * merely share a topic match scattered words.
 */
function similarityOf(
  xs: readonly ContentToken[],
  ys: readonly ContentToken[],
  idf: (key: string) => number,
  bestA: (p: number) => number,
  bestB: (q: number) => number,
): Similarity {
  const longest = Math.max(xs.length, ys.length);
  if (chainPos.length < longest) {
    chainPos = new Float64Array(longest * 2);
    chainWeight = new Float64Array(longest * 2);
    chainBest = new Float64Array(longest * 2);
  }
  const side = (tokens: readonly ContentToken[], best: (p: number) => number): [number, number, number] => {
    let total = 0;
    let matched = 0;
    let found = 0;
    for (let p = 0; p < tokens.length; p++) {
      const w = idf(tokens[p]!.key);
      const top = best(p);
      total += w;
      matched += w * top;
      if (top > 0) {
        chainPos[found] = bestAt;
        chainWeight[found] = w * top;
        found++;
      }
    }
    const ordered = orderedMass(chainPos, chainWeight, found, chainBest);
    return [(ordered + matched) / 2, total, found];
  };
  const [ma, ta, ka] = side(xs, bestA);
  const [mb, tb, kb] = side(ys, bestB);
  const matched = (ma + mb) / 2;
  const unmatched = (ta - ma + tb - mb) / 2;
  return { score: matched / (matched + UNMATCHED_WEIGHT * unmatched + EVIDENCE_CONSTANT), matchedTokens: Math.min(ka, kb) };
}

const UNMATCHED_WEIGHT = 0.25;
/** Matched IDF mass a pair needs before its score gets high: more than one shared rare word. */
const EVIDENCE_CONSTANT = 3;

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

