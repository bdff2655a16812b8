/**
 * Moses-style parallel text: one plain-text file per language, line i of each file being
 * one unit. Line-aligned files cannot have holes, so every selected language is required.
 * The result maps each language to its file's text; the caller names the files
 * (`corpus.it`, `corpus.fr`, ...).
 */
import { AllineaError } from '../errors.js';
import { normalizeLang } from './lang-tag.js';
import { expandUnits, selectGroups } from './selection.js';
import type { ExportInput, ExportResult, ImportedUnit, ImportedUnits, SelectionOptions } from './types.js';

export function exportMoses(input: ExportInput, options: SelectionOptions = {}): ExportResult {
  const selection = selectGroups(input, options, { requireAllLanguages: true });
  const { units, notices } = expandUnits(selection);
  const files = new Map<string, string>();
  for (const lang of selection.langs) {
    files.set(lang, units.map((u) => `${u.byLang.get(lang)!.text}\n`).join(''));
  }
  return { output: files, omitted: selection.omitted, notices: [...selection.notices, ...notices], written: units.length };
}

/** Reads line-aligned files (one per language) into units: line i of every file is unit i. */
export function importMoses(files: readonly { readonly lang: string; readonly name: string; readonly text: string }[]): ImportedUnits {
  if (files.length < 2) throw new AllineaError('Moses import needs at least two files, one per language.');
  const lines = files.map((f) => {
    const l = f.text.replace(/^\uFEFF/, '').split(/\r?\n/);
    if (l[l.length - 1] === '') l.pop();
    return l;
  });
  const counts = lines.map((l) => l.length);
  if (new Set(counts).size > 1) {
    throw new AllineaError(`Moses files must be line-aligned, but ${files.map((f, i) => `${f.name} has ${counts[i]} line${counts[i] === 1 ? '' : 's'}`).join(' and ')}.`);
  }
  const units: ImportedUnit[] = lines[0]!.map((_, i) => ({
    variants: files.map((f, k) => ({ lang: normalizeLang(f.lang), text: lines[k]![i]! })).filter((v) => v.text.trim() !== ''),
  }));
  return { kind: 'units', units: units.filter((u) => u.variants.length > 0), notices: [] };
}
