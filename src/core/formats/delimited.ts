/**
 * TSV and CSV: one column per language with a header row of language codes, one row per
 * unit. Cells hold one line (exports never write tabs or line breaks in a text), so TSV
 * needs no quoting; CSV follows RFC 4180 (quotes when needed, CRLF line ends).
 *
 * Formula neutralisation: a spreadsheet runs a cell starting with = + - or @ as a formula
 * (CSV injection). By default such cells get a leading apostrophe, and so do cells that
 * already start with apostrophes followed by one of those, which keeps it reversible: the
 * importer takes exactly one apostrophe off such cells and gets the original text back.
 */
import { AllineaError } from '../errors.js';
import { sanitizeForTerminal } from '../display/sanitize.js';
import { expandUnits, selectGroups } from './selection.js';
import { normalizeLang } from './lang-tag.js';
import type { ExportInput, ExportResult, ImportedUnit, ImportedUnits, Notice, SelectionOptions } from './types.js';

export type Delimited = 'tsv' | 'csv';

export interface DelimitedExportOptions extends SelectionOptions {
  /** Write cells exactly as they are, even those a spreadsheet would run as formulas. */
  readonly rawCells?: boolean;
  /** Start the file with a UTF-8 byte order mark (Excel needs it to read UTF-8 CSV). */
  readonly bom?: boolean;
}

const FORMULA = /^'*[=+\-@]/;
const NEUTRALISED = /^'+[=+\-@]/;

export function neutraliseCell(cell: string): string {
  return FORMULA.test(cell) ? `'${cell}` : cell;
}

export function restoreCell(cell: string): string {
  return NEUTRALISED.test(cell) ? cell.slice(1) : cell;
}

function csvField(cell: string): string {
  return /[",\r\n]|^\s|\s$/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

export function exportDelimited(kind: Delimited, input: ExportInput, options: DelimitedExportOptions = {}): ExportResult {
  const selection = selectGroups(input, options);
  const { units, notices } = expandUnits(selection);
  const neutralise = options.rawCells ? (c: string) => c : neutraliseCell;
  let neutralised = 0;
  const rows = [selection.langs.slice()];
  for (const unit of units) {
    rows.push(
      selection.langs.map((lang) => {
        const text = unit.byLang.get(lang)?.text ?? '';
        const cell = neutralise(text);
        if (cell !== text) neutralised++;
        return cell;
      }),
    );
  }
  const output =
    kind === 'tsv'
      ? rows.map((r) => `${r.join('\t')}\n`).join('')
      : rows.map((r) => `${r.map(csvField).join(',')}\r\n`).join('');
  const more: Notice[] = neutralised > 0
    ? [{ code: 'neutralised-cells', message: `prefixed ${neutralised} cell${neutralised === 1 ? '' : 's'} starting with = + - @ with an apostrophe so spreadsheets do not run them (--raw-cells to keep them as they are)` }]
    : [];
  return {
    output: (options.bom ? '\uFEFF' : '') + output,
    omitted: selection.omitted,
    notices: [...selection.notices, ...notices, ...more],
    written: units.length,
  };
}

/** Number of line feeds in text[from, to). */
function countLineFeeds(text: string, from: number, to: number): number {
  let n = 0;
  for (let at = text.indexOf('\n', from); at >= 0 && at < to; at = text.indexOf('\n', at + 1)) n++;
  return n;
}

const COMMA = 44;
const QUOTE = 34;
const CR = 13;
const LF = 10;

/**
 * Splits CSV text into rows of fields (RFC 4180; also accepts LF line ends). A quote opens a
 * quoted field only at the start of a field; elsewhere it is text. Text between delimiters
 * is taken in slices, not character by character.
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  let line = 1;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === QUOTE && field === '') {
      const quoteLine = line;
      let from = i + 1;
      for (;;) {
        const quote = text.indexOf('"', from);
        if (quote < 0) throw new AllineaError(`The quoted field that starts on line ${quoteLine} is never closed.`);
        field += text.slice(from, quote);
        line += countLineFeeds(text, from, quote);
        if (text.charCodeAt(quote + 1) !== QUOTE) {
          i = quote + 1;
          break;
        }
        field += '"'; // a doubled quote
        from = quote + 2;
      }
    } else if (c === COMMA) {
      row.push(field);
      field = '';
      i++;
    } else if (c === CR || c === LF) {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += c === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
      line++;
    } else {
      let end = i + 1;
      while (end < n) {
        const d = text.charCodeAt(end);
        if (d === COMMA || d === CR || d === LF || d === QUOTE) break;
        end++;
      }
      field += text.slice(i, end); // a quote that is not at the start of a field is text: the next slice starts with it
      i = end;
    }
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

function parseTsv(text: string): string[][] {
  const lines = text.split(/\r?\n/);
  if (lines[lines.length - 1] === '') lines.pop();
  return lines.map((l) => l.split('\t'));
}

export interface DelimitedImportOptions {
  /** Keep leading apostrophes instead of undoing the export's formula neutralisation. */
  readonly rawCells?: boolean;
}

/** Reads a TSV/CSV with a header row of language codes; each row becomes one unit. */
export function importDelimited(kind: Delimited, text: string, options: DelimitedImportOptions = {}): ImportedUnits {
  const rows = kind === 'tsv' ? parseTsv(text.replace(/^\uFEFF/, '')) : parseCsv(text.replace(/^\uFEFF/, ''));
  const header = rows[0];
  if (!header || header.every((h) => h.trim() === '')) throw new AllineaError('The file is empty: the first row must name the languages, one per column.');
  const langs = header.map((h) => normalizeLang(h));
  langs.forEach((lang, c) => {
    if (!/^[A-Za-z]{2,3}([-_][A-Za-z0-9]{1,8})*$/.test(lang)) {
      throw new AllineaError(`Column ${c + 1} of the header row is "${sanitizeForTerminal(lang.slice(0, 40))}", which is not a language code (the first row must name the language of each column, e.g. it, fr, en).`);
    }
    if (langs.indexOf(lang) !== c) throw new AllineaError(`Language "${lang}" names two columns of the header row.`);
  });
  const units: ImportedUnit[] = [];
  const notices: Notice[] = [];
  let wide = 0;
  rows.slice(1).forEach((row) => {
    if (row.length > langs.length && row.slice(langs.length).some((c) => c.trim() !== '')) wide++;
    const variants = langs
      .map((lang, c) => {
        const cell = (row[c] ?? '').trim();
        return { lang, text: options.rawCells ? cell : restoreCell(cell) };
      })
      .filter((v) => v.text !== '');
    if (variants.length > 0) units.push({ variants });
  });
  if (wide > 0) notices.push({ code: 'extra-cells', message: `ignored cells beyond the ${langs.length} named columns in ${wide} row${wide === 1 ? '' : 's'}` });
  return { kind: 'units', units, notices };
}
