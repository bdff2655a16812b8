/**
 * JSON Lines in the Hugging Face datasets `translation` convention, for MT training:
 * `{"id": "g1", "translation": {"it": "...", "fr": "..."}}` per line. Every line has every
 * selected language (the `Translation` feature has fixed languages), so groups missing one
 * are left out and reported; use --pair or --langs to choose the languages.
 */
import { expandUnits, selectGroups } from './selection.js';
import type { ExportInput, ExportResult, SelectionOptions } from './types.js';

export function exportJsonl(input: ExportInput, options: SelectionOptions = {}): ExportResult {
  const selection = selectGroups(input, options, { requireAllLanguages: true });
  const { units, notices } = expandUnits(selection);
  const lines = units.map((unit) =>
    JSON.stringify({ id: unit.id, translation: Object.fromEntries([...unit.byLang].map(([lang, v]) => [lang, v.text])) }),
  );
  return {
    output: lines.map((l) => `${l}\n`).join(''),
    omitted: selection.omitted,
    notices: [...selection.notices, ...notices],
    written: units.length,
  };
}
