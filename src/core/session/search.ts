/**
 * Search in the workbench. By default a pattern is plain text that ignores case, accents and
 * the variants of apostrophes, quotes and dashes (`n'oublie` finds "n’oublie", `liberta`
 * finds "libertà", also when the text holds decomposed accents); the regex mode takes a
 * JavaScript regular expression (case-insensitive). Both compile to one RegExp, so the search
 * and the highlighting in the panes always agree. Matches are sentences and group notes.
 */
import type { Alignment } from '../model/types.js';

export type SearchMode = 'text' | 'regex';

/** Latin letters with diacritics, by base letter ("a" -> "àáâãäåāăą…"), from Unicode's decompositions. */
const VARIANTS: ReadonlyMap<string, string> = (() => {
  const map = new Map<string, string>();
  const add = (base: string, ch: string) => map.set(base, (map.get(base) ?? '') + ch);
  for (const [from, to] of [
    [0x00c0, 0x024f],
    [0x1e00, 0x1eff],
  ] as const) {
    for (let cp = from; cp <= to; cp++) {
      const ch = String.fromCodePoint(cp);
      const base = ch.normalize('NFD')[0]!;
      if (base !== ch && /^[a-z]$/i.test(base)) add(base.toLowerCase(), ch.toLowerCase() === ch ? ch : ch.toLowerCase());
    }
  }
  // Letters with a stroke have no decomposition but are read as their base letter.
  for (const [base, chars] of [['o', 'ø'], ['l', 'ł'], ['d', 'đ'], ['h', 'ħ'], ['t', 'ŧ']] as const) add(base, chars);
  for (const [k, v] of map) map.set(k, [...new Set(v)].join(''));
  return map;
})();

const APOSTROPHES = "'’‘‛ʼ`´′";
const QUOTES = '"“”„‟«»″';
const DASHES = '-‐‑‒–—―';

const escapeClass = (s: string) => s.replace(/[\\\]^-]/g, (c) => `\\${c}`);
const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, (c) => `\\${c}`);

/** The regular expression source of a plain-text pattern, folding case, accents, quotes and dashes. */
export function foldedSource(pattern: string): string {
  let out = '';
  let space = false;
  for (const ch of pattern.normalize('NFC')) {
    if (/\s/u.test(ch)) {
      space = true;
      continue;
    }
    if (space) {
      out += '\\s+';
      space = false;
    }
    const base = ch.normalize('NFD')[0]!.toLowerCase();
    if (APOSTROPHES.includes(ch)) out += `[${escapeClass(APOSTROPHES)}]`;
    else if (QUOTES.includes(ch)) out += `[${escapeClass(QUOTES)}]`;
    else if (DASHES.includes(ch)) out += `[${escapeClass(DASHES)}]`;
    else if (/^[a-z]$/.test(base)) out += `[${base}${escapeClass(VARIANTS.get(base) ?? '')}]\\p{M}*`;
    else out += escapeRegex(ch);
  }
  if (space) out += '\\s+';
  return out;
}

/** The RegExp for a pattern in a mode (flags "iu", plus `extraFlags`), or undefined for an invalid regex. */
export function compilePattern(pattern: string, mode: SearchMode = 'text', extraFlags = ''): RegExp | undefined {
  try {
    return new RegExp(mode === 'regex' ? pattern : foldedSource(pattern), `iu${extraFlags}`);
  } catch {
    return undefined;
  }
}

export interface SearchMatch {
  /** Document index and sentence index of the match (a note matches at its group's first sentence in that document). */
  readonly d: number;
  readonly i: number;
  /** The group whose note matched, when it was the note. */
  readonly note?: string;
}

let cache: { key: string; documents: unknown; groups: unknown; matches: SearchMatch[] } | undefined;

/**
 * Every match in document order: sentences whose text matches, and for a group whose note
 * matches, its first sentence in each document. Computed once per pattern and alignment
 * (n / N only look up the next one).
 */
export function searchMatches(alignment: Alignment, texts: ReadonlyMap<string, string>, regex: RegExp): readonly SearchMatch[] {
  const key = `${regex.source}\u0000${regex.flags}`;
  if (cache && cache.key === key && cache.documents === alignment.documents && cache.groups === alignment.groups) return cache.matches;
  const test = new RegExp(regex.source, regex.flags.replace(/[gy]/g, ''));
  const notes = new Map<string, string>(); // "d\0i" -> group id
  for (const group of alignment.groups) {
    if (!group.note || !test.test(group.note)) continue;
    for (const member of group.members) {
      const d = alignment.documents.findIndex((x) => x.id === member.doc);
      const first = member.sentences[0];
      if (d >= 0 && first !== undefined) notes.set(`${d}\u0000${first}`, group.id);
    }
  }
  const matches: SearchMatch[] = [];
  alignment.documents.forEach((doc, d) => {
    const text = texts.get(doc.id) ?? '';
    doc.sentences.forEach(([start, end], i) => {
      const note = notes.get(`${d}\u0000${i}`);
      if (test.test(text.slice(start, end))) matches.push(note ? { d, i, note } : { d, i });
      else if (note) matches.push({ d, i, note });
    });
  });
  cache = { key, documents: alignment.documents, groups: alignment.groups, matches };
  return matches;
}

/** The match after (dir 1) or before (dir -1) sentence i of document d, wrapping around; with its 1-based number. */
export function nextMatch(matches: readonly SearchMatch[], d: number, i: number, dir: 1 | -1): { match: SearchMatch; index: number } | undefined {
  if (matches.length === 0) return undefined;
  const after = (m: SearchMatch) => m.d > d || (m.d === d && m.i > i);
  // First match strictly after (d, i): binary search over the document-ordered list.
  let lo = 0;
  let hi = matches.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (after(matches[mid]!)) hi = mid;
    else lo = mid + 1;
  }
  let k: number;
  if (dir === 1) k = lo % matches.length;
  else {
    // Last match strictly before (d, i).
    let j = lo - 1;
    while (j >= 0 && matches[j]!.d === d && matches[j]!.i === i) j--;
    k = j >= 0 ? j : matches.length - 1;
  }
  return { match: matches[k]!, index: k + 1 };
}
