/**
 * Bilingual lexicons: word lists mapping words of language `a` to words of language `b`.
 * Parsers for hunalign's dictionary format ("target phrase @ source phrase"), a simple TSV
 * ("a-word<TAB>b-word[, b-word...]") and FreeDict dictd databases (.index + uncompressed .dict).
 * Pure: callers read the files.
 */
import { fold } from './text-signals.js';

export interface Lexicon {
  readonly name: string;
  /** Language of the keys (ISO 639-1 when known); undefined = any. */
  readonly a?: string;
  /** Language of the translations; undefined = any. */
  readonly b?: string;
  /** Folded a-word → folded b-words. */
  readonly entries: ReadonlyMap<string, readonly string[]>;
  /** Where it comes from: shipped with allinea, installed by `allinea lexicon install`, or named by the user. */
  readonly origin?: 'bundled' | 'installed' | 'given';
  /** Its licence, when known ("GPL-2+", "CC BY-SA 3.0"). */
  readonly licence?: string;
}

/**
 * One line for stderr naming the lexicons in use, where they come from and their licences:
 * "lexicons: fr-it (bundled, CC BY-SA 3.0); en-it, it-en (installed, GPL-2+)".
 */
export function describeLexicons(lexicons: readonly Lexicon[]): string {
  if (lexicons.length === 0) return 'lexicons: none';
  const groups = new Map<string, string[]>();
  for (const l of lexicons) {
    const label = [l.origin ?? 'given', l.licence].filter(Boolean).join(', ');
    const list = groups.get(label) ?? [];
    const name = l.a && l.b ? `${normalizeLang(l.a)}-${normalizeLang(l.b)}` : l.name;
    if (!list.includes(name)) list.push(name);
    groups.set(label, list);
  }
  return `lexicons: ${[...groups].map(([label, names]) => `${names.join(', ')} (${label})`).join('; ')}`;
}

const ISO3_TO_1: Record<string, string> = {
  fra: 'fr', fre: 'fr', ita: 'it', eng: 'en', deu: 'de', ger: 'de', spa: 'es', por: 'pt', nld: 'nl',
  dut: 'nl', ron: 'ro', rum: 'ro', cat: 'ca', lat: 'la', swe: 'sv', dan: 'da', pol: 'pl', rus: 'ru',
  ces: 'cs', hun: 'hu', fin: 'fi', ell: 'el', tur: 'tr', bre: 'br', gle: 'ga', cym: 'cy',
};

/** "fra" → "fr", "FR" → "fr", "en-GB" → "en". */
export function normalizeLang(code: string): string {
  const base = code.toLowerCase().split(/[-_]/)[0] ?? '';
  return ISO3_TO_1[base] ?? base;
}

/** Guesses the language pair from a file name such as "fr-it.tsv", "freedict-fra-ita" or "en_hu.dic". */
export function langPairFromName(name: string): { a: string; b: string } | undefined {
  const base = name.replace(/^.*[\\/]/, '').toLowerCase();
  const m = /(?:^|[^a-z])([a-z]{2,3})[-_]([a-z]{2,3})(?:[^a-z]|$)/.exec(base);
  if (!m?.[1] || !m[2]) return undefined;
  return { a: normalizeLang(m[1]), b: normalizeLang(m[2]) };
}

class EntryBuilder {
  readonly map = new Map<string, string[]>();
  add(aPhrase: string, bPhrase: string): void {
    const a = fold(aPhrase.trim());
    if (!a) return;
    for (const raw of bPhrase.split(/[,;]/)) {
      const b = fold(raw.replace(/\([^)]*\)|\[[^\]]*\]|\{[^}]*\}/g, '').trim());
      if (!b) continue;
      const list = this.map.get(a);
      if (!list) this.map.set(a, [b]);
      else if (!list.includes(b)) list.push(b);
    }
  }
}

/** hunalign dictionary: one "target phrase @ source phrase" item per line (target first). */
export function parseHunalignDictionary(
  text: string,
  meta: { name: string; source?: string; target?: string },
): Lexicon {
  const builder = new EntryBuilder();
  for (const line of text.split(/\r?\n/)) {
    const at = line.indexOf(' @ ');
    if (at < 0) continue;
    builder.add(line.slice(at + 3), line.slice(0, at));
  }
  return { name: meta.name, a: meta.source, b: meta.target, entries: builder.map };
}

/** TSV: "a-word<TAB>b-word" (more columns or comma-separated alternatives allowed); '#' starts a comment. */
export function parseTsvLexicon(text: string, meta: { name: string; a?: string; b?: string }): Lexicon {
  const builder = new EntryBuilder();
  for (const line of text.split(/\r?\n/)) {
    if (!line || line.startsWith('#')) continue;
    const [a, ...rest] = line.split('\t');
    if (a === undefined || rest.length === 0) continue;
    for (const b of rest) builder.add(a, b);
  }
  return { name: meta.name, a: meta.a, b: meta.b, entries: builder.map };
}

/** Writes a lexicon as TSV (one line per a-word, alternatives comma-separated). */
export function formatTsvLexicon(lexicon: Lexicon, header: readonly string[] = []): string {
  const lines = header.map((h) => `# ${h}`);
  const keys = [...lexicon.entries.keys()].sort();
  for (const k of keys) lines.push(`${k}\t${(lexicon.entries.get(k) ?? []).join(', ')}`);
  return `${lines.join('\n')}\n`;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** dictd index numbers are base64 digits, most significant first. */
export function decodeDictdNumber(s: string): number {
  let n = 0;
  for (const c of s) {
    const d = B64.indexOf(c);
    if (d < 0) throw new Error(`Invalid dictd index number "${s}".`);
    n = n * 64 + d;
  }
  return n;
}

/**
 * FreeDict dictd database: `index` is the .index file, `dict` the uncompressed .dict
 * (.dict.dz is gzip-compatible). Each article is "headword /pron/ <pos>" followed by
 * translation lines; numbered sense lines ("1. dimenticare") are translations too, while
 * un-numbered lines after the first translation line are definitions or notes and skipped.
 */
export function parseFreedict(index: string, dict: Uint8Array, meta: { name: string; a?: string; b?: string }): Lexicon {
  const builder = new EntryBuilder();
  const decoder = new TextDecoder();
  for (const line of index.split('\n')) {
    const [head, off, len] = line.split('\t');
    if (!head || off === undefined || len === undefined || head.startsWith('00database')) continue;
    if (head.includes(' ')) continue; // multi-word headwords do not help word matching
    const start = decodeDictdNumber(off);
    const article = decoder.decode(dict.subarray(start, start + decodeDictdNumber(len)));
    const lines = article.split('\n').slice(1);
    let first = true;
    for (const raw of lines) {
      const numbered = /^\s*\d+\.\s*/.exec(raw);
      if (!first && !numbered) continue;
      const body = raw.replace(/^\s*\d+\.\s*/, '').replace(/\s+\d+\.\s*$/, '').trim();
      if (!body) continue;
      first = false;
      // Definitions are sentences; translations are short comma-separated items.
      const items = body.split(/[,;]/).filter((item) => item.trim().split(/\s+/).length <= 3);
      if (items.length > 0) builder.add(head, items.join(','));
    }
  }
  return { name: meta.name, a: meta.a, b: meta.b, entries: builder.map };
}

/**
 * Translation lookups for one direction (lang `from` → `to`): the entries of every lexicon
 * covering that pair, used forwards or backwards, merged. Lexicons with unknown languages
 * are used in both directions for every pair of different languages.
 */
const translationCache = new WeakMap<readonly Lexicon[], Map<string, Map<string, string[]>>>();

export function translationsFor(lexicons: readonly Lexicon[], from: string, to: string): Map<string, string[]> {
  const f = normalizeLang(from);
  const t = normalizeLang(to);
  // Several document pairs share a direction: build each merged map once per lexicon list.
  let perList = translationCache.get(lexicons);
  if (!perList) translationCache.set(lexicons, (perList = new Map()));
  const cached = perList.get(`${f}>${t}`);
  if (cached) return cached;
  const merged = new Map<string, string[]>();
  perList.set(`${f}>${t}`, merged);
  const put = (k: string, v: string): void => {
    const list = merged.get(k);
    if (!list) merged.set(k, [v]);
    else if (!list.includes(v)) list.push(v);
  };
  for (const lex of lexicons) {
    const a = lex.a && normalizeLang(lex.a);
    const b = lex.b && normalizeLang(lex.b);
    const forward = (!a || a === f) && (!b || b === t);
    const backward = (!a || a === t) && (!b || b === f);
    if (f === t && (!a || !b)) continue;
    if (forward) for (const [k, vs] of lex.entries) for (const v of vs) put(k, v);
    if (backward) for (const [k, vs] of lex.entries) for (const v of vs) put(v, k);
  }
  return merged;
}
