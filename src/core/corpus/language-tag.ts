/**
 * Language tags given by the user (--lang, --doc-lang): a BCP 47 shape (a primary language
 * subtag of 2 or 3 letters, optional subtags: pt-BR, zh-Hant, sr-Latn) whose 2-letter primary
 * subtag is an ISO 639-1 code. "und" (undetermined) is allowed. A typo (`--lang itt`,
 * `--lang klingon`, `--lang en,de` where one tag was meant) is refused instead of becoming the
 * language of every document.
 */
import { iso6393To1 } from 'iso-639-3/iso6393-to-1.js';

const ISO_639_1 = new Set(Object.values(iso6393To1));
const SHAPE = /^([A-Za-z]{2,3})(-[A-Za-z0-9]{1,8})*$/;

/** Why a tag is not a language tag, or undefined when it is one. */
export function languageTagProblem(tag: string): string | undefined {
  const m = SHAPE.exec(tag);
  if (!m) return `"${tag}" is not a language tag (like it, fr, de or pt-BR)`;
  const primary = m[1]!.toLowerCase();
  if (primary.length === 2 && !ISO_639_1.has(primary)) return `"${tag}" is not a language tag: "${primary}" is no ISO 639-1 language code`;
  return undefined;
}

/** A --lang value: one tag, or a comma-separated list of one tag per document (en,de). */
export function parseLanguageOption(value: string): { tags: string[] } | { problem: string } {
  const tags = value.split(',').map((t) => t.trim());
  for (const tag of tags) {
    const problem = languageTagProblem(tag);
    if (problem) return { problem: `--lang: ${problem}.` };
  }
  return { tags };
}

/** Why a list of tags does not fit n documents (one for all, or one each), or undefined. */
export function languageListProblem(tags: readonly string[], documents: number): string | undefined {
  if (tags.length === 1 || tags.length === documents) return undefined;
  return `--lang lists ${tags.length} languages for ${documents} documents: give one language for all of them, or one per document in the order given.`;
}

/**
 * The language a file name gives as its last tag before an optional text extension, the way
 * parallel corpora name their sides: `dev.de`, `book.en.txt`, `ep-00-01.fr` (an ISO 639-1
 * code between dots). Undefined when there is none. Used only when the text itself does not
 * tell (a short text): a name can mislead, a long text does not.
 */
export function languageFromFileName(name: string): string | undefined {
  const m = /\.([A-Za-z]{2})(?:\.(?:txt|text))?$/i.exec(name);
  const tag = m?.[1]?.toLowerCase();
  return tag && ISO_639_1.has(tag) ? tag : undefined;
}
