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
}

export const DEFAULT_COMPARABLE_THRESHOLD = 0.3;

interface ContentToken {
  readonly norm: string;
  readonly kind: Token['kind'];
  /** Exact-match key: stem for words, canonical form for numbers and tags. */
  readonly key: string;
  /** Translation keys into the other document's language. */
  readonly translated: readonly string[];
}

interface SentenceInfo {
  readonly tokens: readonly ContentToken[];
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
      const trans = translations.get(t.norm) ?? translations.get(key) ?? [];
      out.push({ norm: t.norm, kind: t.kind, key: `s:${key}`, translated: trans.map((w) => `s:${stemOf(w) ?? w}`) });
    } else {
      out.push({ norm: t.norm, kind: t.kind, key: `${t.kind}:${t.norm}`, translated: [] });
    }
  }
  return out;
}

/** Word translations from `from` to `to`, also keyed by stem so inflected forms find them. */
function stemmedTranslations(lexicons: readonly Lexicon[], from: string, to: string): Map<string, string[]> {
  const words = translationsFor(lexicons, from, to);
  const out = new Map<string, string[]>();
  for (const [w, ts] of words) {
    for (const key of [w, stemOf(w)]) {
      if (!key) continue;
      const list = out.get(key) ?? [];
      for (const t of ts) for (const part of fold(t).split(/\s+/)) if (part.length >= 3 && !list.includes(part)) list.push(part);
      out.set(key, list);
    }
  }
  return out;
}

/** How well token x is matched in sentence `other` (1 exact or translated, cognate ratio, or 0). */
function tokenMatch(x: ContentToken, other: SentenceInfo): number {
  let best = 0;
  for (const y of other.tokens) {
    if (x.key === y.key || x.translated.includes(y.key) || y.translated.includes(x.key)) return 1;
    if (x.kind === 'number' || y.kind === 'number' || x.kind === 'url' || y.kind === 'url') continue;
    if (Math.abs(x.norm.length - y.norm.length) > 4) continue;
    const c = cognateSimilarity(x.norm, y.norm);
    if (c >= 0.7 && c > best) best = c;
  }
  return best;
}

/** Sentence ranges [i0, i1) merged into one token bag. */
function merged(infos: readonly SentenceInfo[], i0: number, i1: number): SentenceInfo {
  if (i1 - i0 === 1) return infos[i0]!;
  return { tokens: infos.slice(i0, i1).flatMap((s) => s.tokens) };
}

export function comparableSimilarity(a: SentenceInfo, b: SentenceInfo, idf: (key: string) => number): number {
  const side = (x: SentenceInfo, y: SentenceInfo): [number, number] => {
    let total = 0;
    let matched = 0;
    for (const t of x.tokens) {
      const w = idf(t.key);
      total += w;
      matched += w * tokenMatch(t, y);
    }
    return [matched, total];
  };
  const [ma, ta] = side(a, b);
  const [mb, tb] = side(b, a);
  if (ta === 0 || tb === 0) return 0;
  const ca = ma / ta;
  const cb = mb / tb;
  // Paraphrases often sit inside longer sentences: weigh the better-covered side more.
  const coverage = 0.65 * Math.max(ca, cb) + 0.35 * Math.min(ca, cb);
  // One shared rare word is thin evidence: shrink scores until about two good matches.
  const evidence = Math.min(1, Math.min(ma, mb) / 4);
  return coverage * (0.4 + 0.6 * evidence);
}

export function alignComparablePair(source: AlignDocument, target: AlignDocument, options: ComparableOptions = {}): PairLink[] {
  const lexicons = options.lexicons ?? [];
  const threshold = options.threshold ?? DEFAULT_COMPARABLE_THRESHOLD;
  const maxPerSide = options.maxPerSide ?? 3;
  const excluded = options.excluded ?? new Set<string>();
  const rejected = options.rejectedPairs ?? new Set<string>();
  const sameLang = fold(source.lang) === fold(target.lang);
  const toTarget = sameLang ? new Map() : stemmedTranslations(lexicons, source.lang, target.lang);
  const toSource = sameLang ? new Map() : stemmedTranslations(lexicons, target.lang, source.lang);
  const src: SentenceInfo[] = sentenceTexts(source).map((t) => ({ tokens: contentTokens(t, toTarget) }));
  const tgt: SentenceInfo[] = sentenceTexts(target).map((t) => ({ tokens: contentTokens(t, toSource) }));

  // IDF over both documents' sentences.
  const df = new Map<string, number>();
  for (const s of [...src, ...tgt]) for (const key of new Set(s.tokens.map((t) => t.key))) df.set(key, (df.get(key) ?? 0) + 1);
  const total = src.length + tgt.length;
  const idf = (key: string): number => Math.log((total + 1) / ((df.get(key) ?? 0) + 0.5));

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
  const maxPosting = Math.max(8, Math.ceil(tgt.length * 0.2));

  const scored: PairLink[] = [];
  const candidatesOf = (i: number): Set<number> => {
    const found = new Set<number>();
    for (const t of src[i]!.tokens) {
      const keys = [t.key, ...t.translated, `x${t.key}`];
      const sk = skeleton(t.norm);
      if (sk) keys.push(`k:${sk}`);
      for (const k of keys) {
        const list = index.get(k);
        if (list && list.length <= maxPosting) for (const j of list) found.add(j);
      }
    }
    return found;
  };
  const pairScores: { i: number; j: number; score: number }[] = [];
  for (let i = 0; i < src.length; i++) {
    if (excluded.has(`${source.id}:${i}`)) continue;
    for (const j of candidatesOf(i)) {
      if (rejected.has(`${source.id}:${i}|${target.id}:${j}`)) continue;
      const score = comparableSimilarity(src[i]!, tgt[j]!, idf);
      if (score >= threshold * 0.6) pairScores.push({ i, j, score });
    }
  }
  pairScores.sort((x, y) => y.score - x.score);

  const usable = (doc: AlignDocument, k: number, n: number): boolean => k >= 0 && k < n && !excluded.has(`${doc.id}:${k}`);
  const linkOk = (i0: number, i1: number, j0: number, j1: number): boolean => {
    for (let i = i0; i < i1; i++) for (let j = j0; j < j1; j++) if (rejected.has(`${source.id}:${i}|${target.id}:${j}`)) return false;
    return true;
  };
  const usedS = new Set<number>();
  const usedT = new Set<number>();
  for (const { i, j, score } of pairScores) {
    if (usedS.has(i) || usedT.has(j)) continue;
    // Grow the link to neighbouring sentences while that raises the score (split statements).
    let [i0, i1, j0, j1, best] = [i, i + 1, j, j + 1, score];
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
        const s = comparableSimilarity(merged(src, a0, a1), merged(tgt, b0, b1), idf);
        if (s > best + 0.02) {
          [i0, i1, j0, j1, best] = [a0, a1, b0, b1, s];
          grew = true;
        }
      }
    }
    if (best < threshold) continue;
    for (let k = i0; k < i1; k++) usedS.add(k);
    for (let k = j0; k < j1; k++) usedT.add(k);
    scored.push({
      a: { doc: source.id, sentences: range(i0, i1) },
      b: { doc: target.id, sentences: range(j0, j1) },
      score: Math.min(1, best),
    });
  }
  return scored;
}

const range = (a: number, b: number): number[] => Array.from({ length: b - a }, (_, k) => a + k);
