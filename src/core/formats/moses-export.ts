/**
 * Moses-style parallel text: one plain-text file per language, line i of each file being
 * one unit. Line-aligned files cannot have holes, so every selected language is required.
 * The result maps each language to its file's text; the caller names the files
 * (`corpus.it`, `corpus.fr`, ...).
 */
import { expandUnits, selectGroups } from './selection.js';
import type { ExportInput, ExportResult, SelectionOptions } from './types.js';

export function exportMoses(input: ExportInput, options: SelectionOptions = {}): ExportResult {
  const selection = selectGroups(input, options, { requireAllLanguages: true });
  const { units, notices } = expandUnits(selection);
  const files = new Map<string, string>();
  for (const lang of selection.langs) {
    files.set(lang, units.map((u) => `${u.byLang.get(lang)!.text}\n`).join(''));
  }
  return { output: files, omitted: selection.omitted, notices: [...selection.notices, ...notices], written: units.length };
}
