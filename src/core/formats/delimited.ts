/**
 * TSV and CSV: one column per language with a header row of language codes, one row per
 * unit. Cells hold one line (exports never write tabs or line breaks in a text).
 *
 * Dialects, chosen so that Python's csv module and pandas read the files back exactly with
 * their default settings (`csv.reader(f, delimiter="\t")`, `pandas.read_csv(path, sep="\t")`):
 * - TSV: tab-separated, LF line ends, UTF-8. A cell is quoted only when a reader would
 *   otherwise take it apart: when it starts with a double quote (readers open a quoted field
 *   there), or holds a tab or line break (exports never write those). A quoted cell is
 *   enclosed in double quotes with its quotes doubled, as Python's csv writer does; a quote
 *   inside an unquoted cell is plain text to every such reader, so cells like `il "Califfo"`
 *   stay as they are for tools that just split lines on tabs.
 * - CSV: RFC 4180 (quotes when needed, CRLF line ends).
 *
 * Formula neutralisation (spreadsheets open both formats): a cell a spreadsheet would run as
 * a formula (CSV injection) gets a leading apostrophe, and so does a cell that already starts
 * with apostrophes followed by such a text, which keeps it reversible: the importer takes
 * exactly one apostrophe off such cells and gets the original text back. A spreadsheet runs
 * a cell that starts with `=` or `@`, or with `+`/`-` directly followed by an operand
 * (`-2+3`, `+39 06`, `-cmd|...`, `+HYPERLINK(...)`). A sign followed by a space or another
 * dash is text (the dialogue dashes of French fiction: `- Oui.`, `-- Non.`), unless what
 * follows is a DDE call (`|`) or a function call (`- SUM(`), which a spreadsheet still runs.
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

/** A sign directly followed by an operand: a number, a name, a bracket, a quote, a reference. */
const SIGNED_OPERAND = /^[+-][^\s+-]/;
/** After signs and spaces: a DDE call (`cmd|' /C calc'!A0`) or a function call (`SUM(`). */
const CALL_AFTER_SIGNS = /^[+\-\s]+(?:[^|]*\||[\p{L}_][\p{L}\p{N}_.]*\s*\()/u;

/** Whether a spreadsheet opening the file would run the cell as a formula. */
export function runsAsFormula(cell: string): boolean {
  const first = cell[0];
  if (first === '=' || first === '@' || first === '\t' || first === '\r') return true;
  if (first !== '+' && first !== '-') return false;
  return SIGNED_OPERAND.test(cell) || CALL_AFTER_SIGNS.test(cell);
}

const withoutApostrophes = (cell: string) => cell.replace(/^'+/, '');

export function neutraliseCell(cell: string): string {
  return runsAsFormula(withoutApostrophes(cell)) ? `'${cell}` : cell;
}

export function restoreCell(cell: string): string {
  return cell.startsWith("'") && runsAsFormula(withoutApostrophes(cell)) ? cell.slice(1) : cell;
}

function csvField(cell: string): string {
  return /[",\r\n]|^\s|\s$/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

function tsvField(cell: string): string {
  return cell.startsWith('"') || /[\t\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
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
      ? rows.map((r) => `${r.map(tsvField).join('\t')}\n`).join('')
      : rows.map((r) => `${r.map(csvField).join(',')}\r\n`).join('');
  const more: Notice[] = neutralised > 0
    ? [{ code: 'neutralised-cells', message: `prefixed ${neutralised} cell${neutralised === 1 ? '' : 's'} that a spreadsheet would run as a formula with an apostrophe (--raw-cells keeps them as they are)` }]
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

const QUOTE = 34;
const CR = 13;
const LF = 10;

/**
 * Splits CSV text into rows of fields (RFC 4180; also accepts LF line ends). A quote opens a
 * quoted field only at the start of a field; elsewhere it is text. Text between delimiters
 * is taken in slices, not character by character.
 */
export function parseCsv(text: string, delimiter = ',', stats?: { textAfterQuote: number }): string[][] {
  const DELIMITER = delimiter.charCodeAt(0);
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
          // `"Ciao", disse.`: the cell goes on after its closing quote. Readers (Python's csv,
          // pandas) keep the rest and drop the two quote marks; so does this one, and says so.
          const after = text.charCodeAt(i);
          if (stats && i < n && after !== DELIMITER && after !== CR && after !== LF) stats.textAfterQuote++;
          break;
        }
        field += '"'; // a doubled quote
        from = quote + 2;
      }
    } else if (c === DELIMITER) {
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
        if (d === DELIMITER || d === CR || d === LF || d === QUOTE) break;
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

/** TSV as Python's csv module and pandas write it: quoted fields where needed, tab-separated. */
function parseTsv(text: string, stats?: { textAfterQuote: number }): string[][] {
  return parseCsv(text, '\t', stats);
}

/** pandas' to_csv writes its index as a first column with an empty header: leave it out. */
function withoutPandasIndex(rows: string[][]): string[][] {
  const header = rows[0];
  if (!header || header.length < 2 || header[0] !== '' || header[1]!.trim() === '') return rows;
  const body = rows.slice(1).filter((r) => r.some((c) => c !== ''));
  return body.every((r) => /^\d+$/.test(r[0] ?? '')) ? rows.map((r) => r.slice(1)) : rows;
}

export interface DelimitedImportOptions {
  /** Keep leading apostrophes instead of undoing the export's formula neutralisation. */
  readonly rawCells?: boolean;
}

/** Reads a TSV/CSV with a header row of language codes; each row becomes one unit. */
export function importDelimited(kind: Delimited, text: string, options: DelimitedImportOptions = {}): ImportedUnits {
  const stats = { textAfterQuote: 0 };
  const rows = withoutPandasIndex(kind === 'tsv' ? parseTsv(text.replace(/^\uFEFF/, ''), stats) : parseCsv(text.replace(/^\uFEFF/, ''), ',', stats));
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
  if (stats.textAfterQuote > 0) {
    const n = stats.textAfterQuote;
    notices.push({
      code: 'quoted-text',
      message: `${n} cell${n === 1 ? '' : 's'} began with a quote mark closed before the cell's end (like "Ciao", disse.): read as Python's csv reads ${n === 1 ? 'it' : 'them'}, without those two quote marks (a file written by csv, pandas or allinea export quotes such cells and keeps them)`,
    });
  }
  if (wide > 0) notices.push({ code: 'extra-cells', message: `ignored cells beyond the ${langs.length} named columns in ${wide} row${wide === 1 ? '' : 's'}` });
  return { kind: 'units', units, notices };
}
