/**
 * Language-light surface signals shared by both aligners: accent folding, a tokenizer that
 * recognises numbers (locale-aware), hashtags, @handles, URLs, capitalised names and
 * punctuation, and string similarities for cognates ("Habdo" ~ "Hebdo").
 */

export type TokenKind = 'word' | 'name' | 'number' | 'hashtag' | 'handle' | 'url' | 'punct';

export interface Token {
  readonly kind: TokenKind;
  /** Normalised form: folded word, canonical number ("9200", "3.5"), lower-cased tag. */
  readonly norm: string;
}

const COMBINING = /\p{M}+/gu;

/** Lower-cases and strips diacritics: "Liberté" → "liberte", "Ça" → "ca". */
export function fold(s: string): string {
  return s.normalize('NFD').replace(COMBINING, '').toLowerCase();
}

// Group separators seen in it/fr/en/de numbers: comma, dot, (narrow) no-break space, space, apostrophe.
const GROUP_SEP = /[.,\u00a0\u202f\u2009 '’]/;

/**
 * Canonical form of a number written with locale-specific separators:
 * "9,200" = "9.200" = "9 200" = "9200"; "3,5" = "3.5" → "3.5"; "1.234,5" → "1234.5".
 * A separator followed by exactly three digits is a thousands separator; a final comma or
 * dot followed by one, two or more than three digits is the decimal mark.
 */
export function normalizeNumber(raw: string): string {
  const parts: string[] = [];
  const seps: string[] = [];
  let cur = '';
  for (const ch of raw) {
    if (ch >= '0' && ch <= '9') cur += ch;
    else if (GROUP_SEP.test(ch)) {
      parts.push(cur);
      seps.push(ch);
      cur = '';
    }
  }
  parts.push(cur);
  let intPart = parts[0] ?? '';
  let decimals = '';
  for (let k = 1; k < parts.length; k++) {
    const p = parts[k] ?? '';
    const sep = seps[k - 1] ?? '';
    const last = k === parts.length - 1;
    if (last && (sep === ',' || sep === '.') && p.length !== 3) decimals = p;
    else intPart += p;
  }
  intPart = intPart.replace(/^0+(?=\d)/, '');
  decimals = decimals.replace(/0+$/, '');
  return decimals ? `${intPart}.${decimals}` : intPart;
}

const TOKEN_RE = new RegExp(
  [
    String.raw`(?<url>(?:https?://|www\.)[^\s<>"«»“”]+[^\s<>"«»“”.,;:!?)\]])`,
    String.raw`(?<hashtag>#[\p{L}\p{N}_]+)`,
    String.raw`(?<handle>@[\p{L}\p{N}_]+)`,
    // 9,200 · 9.200 · 9 200 (regular, no-break or narrow no-break space) · 3,5 · 1956
    String.raw`(?<number>\d{1,3}(?:[.,\u00a0\u202f\u2009 ]\d{3})+(?:[.,]\d+)?(?!\d)|\d+(?:[.,]\d+)?)`,
    String.raw`(?<word>\p{L}[\p{L}\p{M}\p{N}]*(?:[-'’]\p{L}[\p{L}\p{M}\p{N}]*)*)`,
    String.raw`(?<punct>[?!:;«»“”„"()\[\]…%€$£])`,
  ].join('|'),
  'gu',
);

// Elided articles/pronouns glued to the next word by an apostrophe (l'attentato, n'oublie, d'espoir).
const ELISION = /^(?:l|d|n|s|c|j|m|t|qu|un|dell|all|dall|nell|sull|quest|quell|gl)['’]/;

/** Splits a sentence into signal tokens. Words keep elided prefixes off ("l’Isis" → "isis"). */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(TOKEN_RE)) {
    const g = m.groups ?? {};
    if (g.url) out.push({ kind: 'url', norm: g.url.toLowerCase().replace(/^https?:\/\//, '').replace(/^www\./, '') });
    else if (g.hashtag) out.push({ kind: 'hashtag', norm: fold(g.hashtag.slice(1)) });
    else if (g.handle) out.push({ kind: 'handle', norm: fold(g.handle.slice(1)) });
    else if (g.number) out.push({ kind: 'number', norm: normalizeNumber(g.number) });
    else if (g.word) {
      let w = g.word;
      const folded = fold(w);
      const el = ELISION.exec(folded);
      let norm = folded;
      if (el && folded.length > el[0].length) {
        norm = folded.slice(el[0].length);
        w = w.slice(el[0].length);
      }
      const first = w.charAt(0);
      const kind: TokenKind = first !== first.toLowerCase() && (m.index ?? 0) > 0 ? 'name' : 'word';
      for (const part of norm.split(/['’-]/)) if (part) out.push({ kind, norm: part });
    } else if (g.punct) out.push({ kind: 'punct', norm: canonicalPunct(g.punct) });
  }
  return out;
}

/** Quotes of every style count as one signal, as do brackets. */
function canonicalPunct(p: string): string {
  if ('«»“”„"'.includes(p)) return '"';
  if ('()[]'.includes(p)) return '(';
  return p;
}

/** Length of the longest common subsequence of two short strings. */
export function lcsLength(a: string, b: string): number {
  if (a.length === 0 || b.length === 0) return 0;
  const prev = new Uint16Array(b.length + 1);
  const cur = new Uint16Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      cur[j] = ca === b.charCodeAt(j - 1) ? prev[j - 1]! + 1 : Math.max(prev[j]!, cur[j - 1]!);
    }
    prev.set(cur);
  }
  return prev[b.length]!;
}

function commonPrefixLength(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let k = 0;
  while (k < n && a.charCodeAt(k) === b.charCodeAt(k)) k++;
  return k;
}

/**
 * Cognate similarity in [0, 1] of two words across Romance languages and English, after
 * accent folding: the better of the LCS ratio and the shared-prefix ratio (which favours
 * stems with different endings: "pardonne" / "perdoniamo" score through LCS,
 * "terrorismo" / "terrorisme" through both). "Habdo" vs "Hebdo" → 0.8.
 */
export function cognateSimilarity(a: string, b: string): number {
  const x = fold(a);
  const y = fold(b);
  if (x === y) return 1;
  const longest = Math.max(x.length, y.length);
  if (longest === 0) return 0;
  const lcs = lcsLength(x, y) / longest;
  const prefix = commonPrefixLength(x, y);
  // A shared prefix of 5+ letters is strong evidence even when the endings differ a lot.
  const prefixScore = prefix >= 4 ? Math.min(1, prefix / Math.min(x.length, y.length)) * 0.9 : 0;
  return Math.max(lcs, prefixScore);
}
