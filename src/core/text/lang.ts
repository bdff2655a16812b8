/**
 * Language tags. Documents carry BCP 47 tags ("it", "it-IT", "fr-CA", "und"); the segmenter
 * and other core code only care about the primary language subtag.
 */

/** ISO 639-2/3 codes of the languages with a dedicated layer (franc, for one, returns these). */
const THREE_LETTER_ALIASES: Readonly<Record<string, string>> = {
  eng: 'en',
  ita: 'it',
  fra: 'fr',
  fre: 'fr',
};

/**
 * The lowercase primary subtag of a BCP 47 tag: 'it-IT' -> 'it', 'FR' -> 'fr', 'en_GB' -> 'en',
 * '' -> 'und'. The three-letter codes of English, Italian and French map to their two-letter
 * form ('ita' -> 'it') so that a detector's output selects the right rules.
 */
export function normalizeLang(tag: string): string {
  // Tolerates a missing tag from untyped callers (JSON input): it means "undetermined".
  const primary = (tag ?? '').trim().split(/[-_]/, 1)[0]?.toLowerCase() ?? '';
  if (primary === '') return 'und';
  return THREE_LETTER_ALIASES[primary] ?? primary;
}
