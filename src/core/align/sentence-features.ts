/**
 * Sentence features for candidate search and scoring: every signal token becomes an
 * integer key ("s:liber" for a word stem, "n:9200" for a number, "#:opparis" for a hashtag…).
 * Keys of the two documents live in one table, so shared keys are cross-document matches.
 */
import { fold, tokenize, type Token } from './text-signals.js';

/** Interns key strings as small integers. */
export class KeyTable {
  private readonly ids = new Map<string, number>();
  intern(key: string): number {
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.ids.size;
      this.ids.set(key, id);
    }
    return id;
  }
  get size(): number {
    return this.ids.size;
  }
}

/**
 * Cognate stem: the first five letters of a folded word (four-letter words whole); shorter words
 * are mostly function words and carry no cross-language signal. "liberté"/"libertà" → "liber".
 */
export function stemOf(norm: string): string | undefined {
  if (norm.length >= 5) return norm.slice(0, 5);
  if (norm.length === 4) return norm;
  return undefined;
}

/** Word-to-word translations reduced to stems: stem (or short word) → target stems. */
export type StemTranslations = ReadonlyMap<string, readonly string[]>;

const stemCache = new WeakMap<ReadonlyMap<string, readonly string[]>, Map<string, string[]>>();

/** Memoised per word map (lexicon maps are shared by many document pairs); returns a fresh copy. */
export function stemTranslations(words: ReadonlyMap<string, readonly string[]>): Map<string, string[]> {
  let cached = stemCache.get(words);
  if (!cached) stemCache.set(words, (cached = buildStemTranslations(words)));
  return new Map([...cached].map(([k, v]) => [k, [...v]]));
}

function buildStemTranslations(words: ReadonlyMap<string, readonly string[]>): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [a, bs] of words) {
    if (a.includes(' ')) continue;
    const key = stemOf(a) ?? (a.length === 3 ? a : undefined);
    if (!key) continue;
    let list = out.get(key);
    for (const b of bs) {
      for (const word of fold(b).split(/[\s'’-]+/)) {
        const stem = stemOf(word);
        if (!stem) continue;
        if (!list) out.set(key, (list = []));
        if (!list.includes(stem)) list.push(stem);
      }
    }
  }
  return out;
}

export interface SentenceFeatures {
  /** Length in characters. */
  readonly length: number;
  /** The sentence's own keys, sorted, unique. */
  readonly own: Int32Array;
  /** Own keys plus keys of translations into the other document's language, sorted, unique. */
  readonly keys: Int32Array;
}

export function keyOfToken(t: Token): string | undefined {
  switch (t.kind) {
    case 'word':
    case 'name': {
      const stem = stemOf(t.norm);
      return stem === undefined ? undefined : `s:${stem}`;
    }
    case 'number':
      return `n:${t.norm}`;
    case 'hashtag':
      return `#:${t.norm}`;
    case 'handle':
      return `@:${t.norm}`;
    case 'url':
      return `u:${t.norm}`;
    case 'punct':
      return `p:${t.norm}`;
  }
}

function sortedUnique(values: number[]): Int32Array {
  const arr = Int32Array.from(values).sort();
  let k = 0;
  for (let i = 0; i < arr.length; i++) if (i === 0 || arr[i] !== arr[i - 1]) arr[k++] = arr[i]!;
  return arr.slice(0, k);
}

export function sentenceFeatures(
  text: string,
  table: KeyTable,
  translations?: StemTranslations,
  tokens: readonly Token[] = tokenize(text),
): SentenceFeatures {
  const own: number[] = [];
  const extra: number[] = [];
  for (const t of tokens) {
    const key = keyOfToken(t);
    if (key) own.push(table.intern(key));
    if (translations && (t.kind === 'word' || t.kind === 'name')) {
      const lookup = stemOf(t.norm) ?? t.norm;
      const trans = translations.get(lookup);
      if (trans) for (const stem of trans) extra.push(table.intern(`s:${stem}`));
    }
  }
  const ownKeys = sortedUnique(own);
  return { length: text.length, own: ownKeys, keys: extra.length ? sortedUnique(own.concat(extra)) : ownKeys };
}

/** Size of the intersection of two sorted unique arrays. */
export function intersectionSize(a: Int32Array, b: Int32Array): number {
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) {
      n++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return n;
}
