/**
 * Sentence features for candidate search and scoring: every signal token becomes an
 * integer key ("s:liber" for a word stem, "n:9200" for a number, "#:opparis" for a hashtag…).
 * Keys of the two documents live in one table, so shared keys are cross-document matches.
 */
import { fold, normalizeNumber, tokenize, type Token } from './text-signals.js';

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

/**
 * Hands out small Int32Array views carved from large shared buffers: hundreds of thousands of
 * sentences would otherwise each own separate backing stores, which costs far more memory.
 */
class Int32Pool {
  private chunk = new Int32Array(1 << 16);
  private used = 0;
  take(length: number): Int32Array {
    if (this.used + length > this.chunk.length) {
      this.chunk = new Int32Array(Math.max(1 << 16, length));
      this.used = 0;
    }
    const view = this.chunk.subarray(this.used, this.used + length);
    this.used += length;
    return view;
  }
}

const sharedPool = new Int32Pool();
let scratch = new Int32Array(256);

/** Sorted unique copy of `values` in pool memory (typed-array sort: no comparator calls). */
function sortedUnique(values: readonly number[], pool: Int32Pool = sharedPool): Int32Array {
  const count = values.length;
  if (count > scratch.length) scratch = new Int32Array(Math.max(count, scratch.length * 2));
  for (let i = 0; i < count; i++) scratch[i] = values[i]!;
  const sorted = scratch.subarray(0, count).sort();
  let k = 0;
  for (let i = 0; i < count; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) sorted[k++] = sorted[i]!;
  const out = pool.take(k);
  out.set(sorted.subarray(0, k));
  return out;
}

/** Growable Int32 storage for flat per-sentence data. */
class Int32Builder {
  private data = new Int32Array(1 << 12);
  size = 0;
  push(v: number): void {
    if (this.size === this.data.length) {
      const grown = new Int32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.size++] = v;
  }
  /** Sorts the values from `from` to the end in place (a sentence's keys: insertion sort when few). */
  sortFrom(from: number): void {
    const data = this.data;
    const end = this.size;
    if (end - from > 48) {
      data.subarray(from, end).sort();
      return;
    }
    for (let i = from + 1; i < end; i++) {
      const v = data[i]!;
      let k = i;
      while (k > from && data[k - 1]! > v) {
        data[k] = data[k - 1]!;
        k--;
      }
      data[k] = v;
    }
  }
  /** The data, trimmed to size. */
  finish(): Int32Array {
    return this.data.slice(0, this.size);
  }
}

/**
 * Features of many sentences in flat typed arrays (no object per sentence): long documents
 * have hundreds of thousands of sentences, and per-sentence objects and views cost more memory
 * and garbage collection than the keys themselves. Start offsets are absolute, so `slice` is
 * a view over the same data.
 */
export class FeatureColumns {
  constructor(
    /** Length in characters of each sentence. */
    readonly lengths: Int32Array,
    /** Sentence i's own keys are ownData[ownStart[i] .. ownStart[i + 1]), sorted, unique. */
    readonly ownStart: Int32Array,
    readonly ownData: Int32Array,
    /** Own keys plus translation keys into the other language, same layout. */
    readonly keyStart: Int32Array,
    readonly keyData: Int32Array,
  ) {}

  get size(): number {
    return this.lengths.length;
  }

  own(i: number): Int32Array {
    return this.ownData.subarray(this.ownStart[i]!, this.ownStart[i + 1]!);
  }

  keys(i: number): Int32Array {
    return this.keyData.subarray(this.keyStart[i]!, this.keyStart[i + 1]!);
  }

  /** Sentences [from, to), sharing this data. */
  slice(from: number, to: number): FeatureColumns {
    return new FeatureColumns(
      this.lengths.subarray(from, to),
      this.ownStart.subarray(from, to + 1),
      this.ownData,
      this.keyStart.subarray(from, to + 1),
      this.keyData,
    );
  }

  /** Per-sentence views, for callers that are not on a hot path. */
  map<T>(fn: (features: SentenceFeatures, index: number) => T): T[] {
    const out: T[] = [];
    for (let i = 0; i < this.size; i++) out.push(fn({ length: this.lengths[i]!, own: this.own(i), keys: this.keys(i) }, i));
    return out;
  }
}

/** Shared keys of one sentence's keys (keyData range) and another's own keys (ownData range). */
export function sharedKeys(source: FeatureColumns, i: number, target: FeatureColumns, j: number): number {
  const a = source.keyData;
  const b = target.ownData;
  let x = source.keyStart[i]!;
  const xEnd = source.keyStart[i + 1]!;
  let y = target.ownStart[j]!;
  const yEnd = target.ownStart[j + 1]!;
  let n = 0;
  while (x < xEnd && y < yEnd) {
    const u = a[x]!;
    const v = b[y]!;
    if (u === v) {
      n++;
      x++;
      y++;
    } else if (u < v) x++;
    else y++;
  }
  return n;
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

// One pass over an accent-folded sentence: URLs, tags, handles, numbers, words, punctuation.
const FAST_TOKEN =
  /(?:https?:\/\/|www\.)[^\s<>"«»“”]+[^\s<>"«»“”.,;:!?)\]]|[#@][\p{L}\p{N}_]+|\d{1,3}(?:[.,\u00a0\u202f\u2009 ]\d{3})+(?:[.,]\d+)?(?!\d)|\d+(?:[.,]\d+)?|\p{L}[\p{L}\p{N}]*|[?!:;«»“”„"()[\]…%€$£]/gu;
const MARKS = /\p{M}+/gu;
const NON_ASCII = /[^\x00-\x7f]/;
/** Non-ASCII characters that the ASCII pattern would miss (letters, digits, symbols it does not list). */
const NON_ASCII_LETTER = /[^\x00-\x7f«»“”„…’‘–—\u00a0\u202f\u2009]/;
const ASCII_TOKEN =
  /(?:https?:\/\/|www\.)[^\s<>"«»“”]+[^\s<>"«»“”.,;:!?)\]]|[#@][a-z0-9_]+|\d{1,3}(?:[.,\u00a0\u202f\u2009 ]\d{3})+(?:[.,]\d+)?(?!\d)|\d+(?:[.,]\d+)?|[a-z][a-z0-9]*|[?!:;«»“”„"()[\]…%€$£]/g;

/**
 * Features of many sentences at once, for long parallel documents: the sentence is folded
 * once (not word by word) and each distinct token string is turned into keys once. Produces
 * the same keys as `sentenceFeatures` for words, numbers, tags and punctuation.
 */
export function fastFeatures(texts: readonly string[], table: KeyTable, translations?: StemTranslations): FeatureColumns {
  return featuresFromTokens(tokenizeTexts(texts), table, translations);
}

/** Sentences as ids into a token vocabulary: tokenized once, turned into keys as often as needed. */
export interface TokenizedTexts {
  readonly vocab: readonly string[];
  /** Sentence k's token ids are ids[start[k] .. start[k + 1]). */
  readonly start: Int32Array;
  readonly ids: Int32Array;
  readonly lengths: Int32Array;
}

/**
 * Token strings → ids without cutting a substring for tokens seen before: open addressing on
 * a hash computed while scanning, comparing candidates in place. Long documents repeat a
 * small vocabulary millions of times, and substrings plus Map lookups dominated tokenizing.
 */
class TokenVocabulary {
  readonly words: string[] = [];
  private hashes = new Int32Array(1024);
  private slots = new Int32Array(1 << 12);
  private mask = (1 << 12) - 1;

  id(text: string, start: number, end: number, hash: number): number {
    let k = hash & this.mask;
    for (;;) {
      const v = this.slots[k]!;
      if (v === 0) break;
      const id = v - 1;
      if (this.hashes[id] === hash) {
        const w = this.words[id]!;
        if (w.length === end - start && sameRange(w, text, start)) return id;
      }
      k = (k + 1) & this.mask;
    }
    const id = this.words.length;
    this.words.push(text.slice(start, end));
    if (id >= this.hashes.length) {
      const grown = new Int32Array(this.hashes.length * 2);
      grown.set(this.hashes);
      this.hashes = grown;
    }
    this.hashes[id] = hash;
    this.slots[k] = id + 1;
    if (this.words.length * 2 > this.slots.length) this.rehash();
    return id;
  }

  /** Like `id`, for a range of unfolded text whose characters all fold through FOLD. */
  foldedId(text: string, start: number, end: number, hash: number): number {
    let k = hash & this.mask;
    for (;;) {
      const v = this.slots[k]!;
      if (v === 0) break;
      const id = v - 1;
      if (this.hashes[id] === hash) {
        const w = this.words[id]!;
        if (w.length === end - start && sameFoldedRange(w, text, start)) return id;
      }
      k = (k + 1) & this.mask;
    }
    let word = '';
    for (let x = start; x < end; x++) word += String.fromCharCode(FOLD[text.charCodeAt(x)]!);
    return this.id(word, 0, word.length, hash);
  }

  /**
   * Like `foldedId`, for a word of at most PACKED_MAX_LENGTH folded letters and digits given
   * as `packed`, its base-37 number (digits 1-36, so exact in a double and one per word): a
   * word seen before is found by comparing one number, without reading its characters again.
   */
  packedId(text: string, start: number, end: number, hash: number, packed: number): number {
    const keys = this.packedKeys;
    const mask = this.packedMask;
    let k = hash & mask;
    for (;;) {
      const key = keys[k]!;
      if (key === packed) return this.packedIds[k]!;
      if (key === 0) break;
      k = (k + 1) & mask;
    }
    const id = this.foldedId(text, start, end, hash);
    keys[k] = packed;
    this.packedIds[k] = id;
    if (++this.packedCount * 2 > keys.length) this.repack();
    return id;
  }

  private packedKeys = new Float64Array(1 << 12);
  private packedIds = new Int32Array(1 << 12);
  private packedMask = (1 << 12) - 1;
  private packedCount = 0;

  private repack(): void {
    const oldKeys = this.packedKeys;
    const oldIds = this.packedIds;
    this.packedKeys = new Float64Array(oldKeys.length * 2);
    this.packedIds = new Int32Array(oldKeys.length * 2);
    this.packedMask = this.packedKeys.length - 1;
    for (let x = 0; x < oldKeys.length; x++) {
      const key = oldKeys[x]!;
      if (key === 0) continue;
      const id = oldIds[x]!;
      // The hash of the word is that of its characters, as when it was scanned.
      let k = hashRange(this.words[id]!, 0, this.words[id]!.length) & this.packedMask;
      while (this.packedKeys[k] !== 0) k = (k + 1) & this.packedMask;
      this.packedKeys[k] = key;
      this.packedIds[k] = id;
    }
  }

  private rehash(): void {
    this.slots = new Int32Array(this.slots.length * 2);
    this.mask = this.slots.length - 1;
    for (let id = 0; id < this.words.length; id++) {
      let k = this.hashes[id]! & this.mask;
      while (this.slots[k] !== 0) k = (k + 1) & this.mask;
      this.slots[k] = id + 1;
    }
  }
}

function sameRange(word: string, text: string, start: number): boolean {
  for (let k = 0; k < word.length; k++) if (word.charCodeAt(k) !== text.charCodeAt(start + k)) return false;
  return true;
}

function sameFoldedRange(word: string, text: string, start: number): boolean {
  const fold = FOLD;
  for (let k = 0; k < word.length; k++) if (word.charCodeAt(k) !== fold[text.charCodeAt(start + k)]) return false;
  return true;
}

/**
 * Lower-case accentless letter code (a-z) of each character below U+0250 that folds to one
 * ("É" → "e"), other ASCII characters as themselves, 0 for the rest: lets the scanner fold
 * while it reads instead of building lower-cased and decomposed copies of every sentence.
 */
const FOLD_LIMIT = 0x250;
const FOLD = (() => {
  const t = new Uint16Array(0x10000);
  for (let c = 0; c < 0x80; c++) t[c] = c >= 65 && c <= 90 ? c + 32 : c;
  for (let c = 0x80; c < FOLD_LIMIT; c++) {
    const f = String.fromCharCode(c).toLowerCase().normalize('NFD').replace(MARKS, '');
    if (f.length === 1 && f >= 'a' && f <= 'z') t[c] = f.charCodeAt(0);
  }
  return t;
})();
/** Non-ASCII characters the ASCII pattern accepts as they are (quotes, dashes, spaces). */
const PASSIVE = (() => {
  const t = new Uint8Array(0x10000);
  for (const ch of '«»“”„…’‘–—\u00a0\u202f\u2009') t[ch.charCodeAt(0)] = 1;
  return t;
})();

const HASH_SEED = 0x811c9dc5 | 0;
/** Longest word whose base-37 number (37^10 < 2^53) is exact in a double. */
const PACKED_MAX_LENGTH = 10;
const mixHash = (h: number, c: number): number => Math.imul(h ^ c, 16777619);

function hashRange(text: string, start: number, end: number): number {
  let h = HASH_SEED;
  for (let k = start; k < end; k++) h = mixHash(h, text.charCodeAt(k));
  return h;
}

/** Characters where a token other than a plain word may start (digits, tags, listed punctuation). */
const TOKEN_START = (() => {
  const flags = new Uint8Array(0x2100);
  for (let c = 48; c <= 57; c++) flags[c] = 1;
  for (const ch of '#@?!:;«»“”„"()[]…%€$£') flags[ch.charCodeAt(0)] = 1;
  return flags;
})();
const ASCII_TOKEN_AT = new RegExp(ASCII_TOKEN.source, 'y');

/**
 * Token ids of one folded, ASCII-pattern sentence: the same tokens as ASCII_TOKEN, but words
 * (most tokens) are scanned by hand; only tokens starting with a digit, a tag sign, listed
 * punctuation or a URL prefix go through the (sticky) pattern.
 */
function scanAscii(folded: string, vocab: TokenVocabulary, out: Int32Builder): void {
  const len = folded.length;
  const tokenStart = TOKEN_START;
  let pos = 0;
  while (pos < len) {
    const c = folded.charCodeAt(pos);
    const letter = c >= 97 && c <= 122;
    const urlStart =
      letter && (c === 104 || c === 119) && (folded.startsWith('http://', pos) || folded.startsWith('https://', pos) || folded.startsWith('www.', pos));
    if (letter && !urlStart) {
      let h = mixHash(HASH_SEED, c);
      let end = pos + 1;
      while (end < len) {
        const d = folded.charCodeAt(end);
        if ((d >= 97 && d <= 122) || (d >= 48 && d <= 57)) {
          h = mixHash(h, d);
          end++;
        } else break;
      }
      out.push(vocab.id(folded, pos, end, h));
      pos = end;
      continue;
    }
    if (urlStart || (c < tokenStart.length && tokenStart[c] === 1)) {
      ASCII_TOKEN_AT.lastIndex = pos;
      const m = ASCII_TOKEN_AT.exec(folded);
      if (m) {
        const end = pos + m[0].length;
        out.push(vocab.id(folded, pos, end, hashRange(folded, pos, end)));
        pos = end;
        continue;
      }
    }
    pos++;
  }
}

const isAsciiDigit = (c: number): boolean => c >= 48 && c <= 57;

/**
 * Scans the unfolded sentence text[start, end), folding as it reads; the same tokens as folding
 * the sentence alone and running ASCII_TOKEN. Reads the document's text in place (no substring
 * per sentence): never past `end`, and a pattern match that runs past it, or that may have seen
 * a digit just past it (the pattern's `(?!\d)`), is redone on the sentence alone. Returns false
 * (ids pushed so far must be dropped) on anything it does not fold alone (other scripts,
 * decomposed accents, ß, œ…) and on tags and URLs, which the caller then tokenizes the long way.
 */
function scanFolding(text: string, start: number, end: number, vocab: TokenVocabulary, out: Int32Builder): boolean {
  // Module tables in locals: the loop reads them for every character.
  const fold = FOLD;
  const passive = PASSIVE;
  const tokenStart = TOKEN_START;
  const digitAfter = end < text.length && isAsciiDigit(text.charCodeAt(end));
  let pos = start;
  while (pos < end) {
    const c = text.charCodeAt(pos);
    const f = fold[c]!;
    if (f >= 97 && f <= 122) {
      if (f === 119 && pos + 3 < end && fold[text.charCodeAt(pos + 1)] === 119 && fold[text.charCodeAt(pos + 2)] === 119 && text.charCodeAt(pos + 3) === 46) return false;
      let h = mixHash(HASH_SEED, f);
      // The word as a base-37 number (letters 1-26, digits 27-36), exact up to PACKED_MAX_LENGTH.
      let packed = f - 96;
      let wordEnd = pos + 1;
      while (wordEnd < end) {
        const d = fold[text.charCodeAt(wordEnd)]!;
        if (d >= 97 && d <= 122) packed = packed * 37 + (d - 96);
        else if (d >= 48 && d <= 57) packed = packed * 37 + (d - 21);
        else break;
        h = mixHash(h, d);
        wordEnd++;
      }
      out.push(wordEnd - pos <= PACKED_MAX_LENGTH ? vocab.packedId(text, pos, wordEnd, h, packed) : vocab.foldedId(text, pos, wordEnd, h));
      pos = wordEnd;
      continue;
    }
    if (c >= 0x80 && passive[c] !== 1) return false;
    if (c === 35 || c === 64 || (c === 58 && pos + 2 < end && text.charCodeAt(pos + 1) === 47 && text.charCodeAt(pos + 2) === 47)) return false;
    if (c < tokenStart.length && tokenStart[c] === 1) {
      if (c < 48 || c > 57) {
        // Listed punctuation (tags and "://" returned above): the pattern's only match here is
        // the character itself.
        out.push(vocab.id(text, pos, pos + 1, mixHash(HASH_SEED, c)));
        pos++;
        continue;
      }
      ASCII_TOKEN_AT.lastIndex = pos;
      let m = ASCII_TOKEN_AT.exec(text);
      let from = pos;
      let source = text;
      if (digitAfter || (m && pos + m[0].length > end)) {
        // The sentence alone decides (rare: a number or sign at a sentence's very end).
        source = text.slice(pos, end);
        from = 0;
        ASCII_TOKEN_AT.lastIndex = 0;
        m = ASCII_TOKEN_AT.exec(source);
      }
      if (m) {
        const tokenEnd = from + m[0].length;
        out.push(vocab.id(source, from, tokenEnd, hashRange(source, from, tokenEnd)));
        pos += m[0].length;
        continue;
      }
    }
    pos++;
  }
  return true;
}

/** Appends the token ids of the sentence text[start, end) to `ids`. */
function tokenizeSentence(text: string, start: number, end: number, vocab: TokenVocabulary, ids: Int32Builder): void {
  const mark = ids.size;
  if (scanFolding(text, start, end, vocab, ids)) return;
  ids.size = mark;
  const sentence = start === 0 && end === text.length ? text : text.slice(start, end);
  const lower = sentence.toLowerCase();
  const folded = NON_ASCII.test(lower) ? lower.normalize('NFD').replace(MARKS, '') : lower;
  // Folded Latin-script text is mostly ASCII, scanned by hand; other scripts use the Unicode pattern.
  if (!NON_ASCII_LETTER.test(folded)) scanAscii(folded, vocab, ids);
  else {
    FAST_TOKEN.lastIndex = 0;
    for (let m = FAST_TOKEN.exec(folded); m; m = FAST_TOKEN.exec(folded)) {
      const tokenEnd = m.index + m[0].length;
      ids.push(vocab.id(folded, m.index, tokenEnd, hashRange(folded, m.index, tokenEnd)));
    }
  }
}

export function tokenizeTexts(texts: readonly string[]): TokenizedTexts {
  const vocab = new TokenVocabulary();
  const start = new Int32Array(texts.length + 1);
  const lengths = new Int32Array(texts.length);
  const ids = new Int32Builder();
  for (let k = 0; k < texts.length; k++) {
    const text = texts[k]!;
    tokenizeSentence(text, 0, text.length, vocab, ids);
    start[k + 1] = ids.size;
    lengths[k] = text.length;
  }
  return { vocab: vocab.words, start, ids: ids.finish(), lengths };
}

/**
 * The sentences of one text, given as [start, end) spans, tokenized in place: the same result
 * as `tokenizeTexts` on the sentences' substrings, without cutting a string per sentence
 * (reading a flat text is also faster than reading many substrings of it).
 */
export function tokenizeSpans(text: string, spans: readonly (readonly [number, number])[]): TokenizedTexts {
  const vocab = new TokenVocabulary();
  const start = new Int32Array(spans.length + 1);
  const lengths = new Int32Array(spans.length);
  const ids = new Int32Builder();
  for (let k = 0; k < spans.length; k++) {
    const [s, e] = spans[k]!;
    tokenizeSentence(text, s, e, vocab, ids);
    start[k + 1] = ids.size;
    lengths[k] = e - s;
  }
  return { vocab: vocab.words, start, ids: ids.finish(), lengths };
}

function tokenKey(tok: string): string | undefined {
  const c = tok.charCodeAt(0);
  if (c === 35) return `#:${tok.slice(1)}`;
  if (c === 64) return `@:${tok.slice(1)}`;
  if (c >= 48 && c <= 57) return `n:${normalizeNumberFast(tok)}`;
  if (tok.startsWith('http') || tok.startsWith('www.')) return `u:${tok.replace(/^https?:\/\//, '').replace(/^www\./, '')}`;
  if (tok.length === 1 && !/\p{L}/u.test(tok)) return `p:${'«»“”„"'.includes(tok) ? '"' : '()[]'.includes(tok) ? '(' : tok}`;
  const stem = stemOf(tok);
  return stem === undefined ? undefined : `s:${stem}`;
}

/**
 * Key features of tokenized sentences. `sameOwn`, the features of the same tokens computed
 * earlier with the same key table (a first pass without translations), supplies the own keys,
 * so only the keys with translations are computed again.
 */
export function featuresFromTokens(tokens: TokenizedTexts, table: KeyTable, translations?: StemTranslations, sameOwn?: FeatureColumns): FeatureColumns {
  const { vocab } = tokens;
  // Per vocabulary entry: its key id (-1: none) and its translation key ids, flat
  // (extraData[extraStart[v] .. extraStart[v + 1])).
  const keyIds = new Int32Array(vocab.length);
  const extraStart = new Int32Array(vocab.length + 1);
  const extraData: number[] = [];
  for (let v = 0; v < vocab.length; v++) {
    const tok = vocab[v]!;
    const key = tokenKey(tok);
    keyIds[v] = key === undefined ? -1 : table.intern(key);
    if (translations && tok.length >= 3) {
      const trans = translations.get(stemOf(tok) ?? tok);
      if (trans) for (const stem of trans) extraData.push(table.intern(`s:${stem}`));
    }
    extraStart[v + 1] = extraData.length;
  }
  const anyExtra = extraData.length > 0;
  const count = tokens.lengths.length;
  const { start, ids } = tokens;
  // Sentence k's keys are deduplicated with stamps (seen[key] === 2k for own keys, 2k + 1 for
  // all keys) and sorted in place, small runs by insertion.
  const seen = new Int32Array(table.size).fill(-1);
  let ownStart: Int32Array;
  let ownData: Int32Array;
  if (sameOwn) {
    ownStart = sameOwn.ownStart;
    ownData = sameOwn.ownData;
  } else {
    ownStart = new Int32Array(count + 1);
    const own = new Int32Builder();
    for (let k = 0; k < count; k++) {
      const from = own.size;
      const mark = 2 * k;
      for (let t = start[k]!; t < start[k + 1]!; t++) {
        const id = keyIds[ids[t]!]!;
        if (id >= 0 && seen[id] !== mark) {
          seen[id] = mark;
          own.push(id);
        }
      }
      own.sortFrom(from);
      ownStart[k + 1] = own.size;
    }
    ownData = own.finish();
  }
  if (!anyExtra) return new FeatureColumns(tokens.lengths, ownStart, ownData, ownStart, ownData);
  const keyStart = new Int32Array(count + 1);
  const all = new Int32Builder();
  const extra = Int32Array.from(extraData);
  for (let k = 0; k < count; k++) {
    const from = all.size;
    const mark = 2 * k + 1;
    for (let t = start[k]!; t < start[k + 1]!; t++) {
      const v = ids[t]!;
      const id = keyIds[v]!;
      if (id >= 0 && seen[id] !== mark) {
        seen[id] = mark;
        all.push(id);
      }
      for (let x = extraStart[v]!; x < extraStart[v + 1]!; x++) {
        const e = extra[x]!;
        if (seen[e] !== mark) {
          seen[e] = mark;
          all.push(e);
        }
      }
    }
    all.sortFrom(from);
    keyStart[k + 1] = all.size;
  }
  return new FeatureColumns(tokens.lengths, ownStart, ownData, keyStart, all.finish());
}

function normalizeNumberFast(tok: string): string {
  return /^\d+$/.test(tok) ? tok.replace(/^0+(?=\d)/, '') : normalizeNumber(tok);
}
