/**
 * JSON Lines in the Hugging Face datasets `translation` convention, for MT training:
 * `{"id": "g1", "translation": {"it": "...", "fr": "..."}}` per line. Every line has every
 * selected language (the `Translation` feature has fixed languages), so groups missing one
 * are left out and reported; use --pair or --langs to choose the languages.
 */
import { AllineaError } from '../errors.js';
import { normalizeLang } from './lang-tag.js';
import { expandUnits, selectGroups } from './selection.js';
import type { ExportInput, ExportResult, ImportedUnit, ImportedUnits, SelectionOptions } from './types.js';

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

/** Reads JSON Lines with a `translation` object per line (and an optional `id`) into units. */
export function importJsonl(text: string, name = 'The JSONL file'): ImportedUnits {
  const units: ImportedUnit[] = [];
  text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .forEach((raw, i) => {
      if (raw.trim() === '') return;
      let line: Record<string, unknown>;
      try {
        line = JSON.parse(raw) as Record<string, unknown>;
      } catch (error) {
        throw new AllineaError(`${name}: line ${i + 1} is not valid JSON: ${(error as Error).message.replace(/\.$/, '')}.`);
      }
      const translation = line?.translation;
      if (typeof translation !== 'object' || translation === null || Array.isArray(translation)) {
        throw new AllineaError(`${name}: line ${i + 1} has no "translation" object (expected {"translation": {"it": "...", "fr": "..."}}).`);
      }
      const variants = Object.entries(translation as Record<string, unknown>).map(([lang, value]) => {
        if (typeof value !== 'string') throw new AllineaError(`${name}: line ${i + 1}: the "${lang}" text is not a string.`);
        return { lang: normalizeLang(lang), text: value };
      });
      units.push({ ...(typeof line.id === 'string' ? { id: line.id } : {}), variants });
    });
  return { kind: 'units', units, notices: [] };
}
