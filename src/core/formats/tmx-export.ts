/**
 * TMX 1.4b export. Without --pair, one <tu> per group with one <tuv> per language and
 * srclang="*all*"; with --pair L1-L2, two-language units with srclang L1, for tools that
 * only read pairs. A group with two documents of one language becomes one <tu> per
 * combination ("g3", "g3.2"): many TM tools mishandle two <tuv>s of one language in a <tu>.
 *
 * No DOCTYPE is written: consumers (OmegaT, Trados, memoQ, Okapi) do not need one, and a
 * DOCTYPE naming a tmx14.dtd that is not beside the file makes validating parsers (Java's
 * default, lxml with DTD loading) fail. Validate with `xmllint --dtdvalid tmx14.dtd`.
 */
import { expandUnits, selectGroups } from './selection.js';
import type { ExportInput, ExportResult, SelectionOptions } from './types.js';
import { escapeAttribute as attr, escapeText as text } from './xml-escape.js';
import { cleanText } from './clean-text.js';

export interface TmxExportOptions extends SelectionOptions {
  /** allinea's version, for creationtoolversion. */
  readonly toolVersion: string;
  /** For the header's creationdate (callers honour SOURCE_DATE_EPOCH for reproducible files). */
  readonly creationDate: Date;
}

/** TMX dates: YYYYMMDDThhmmssZ, UTC. */
export function tmxDate(date: Date): string {
  return date.toISOString().replace(/\.\d+Z$/, 'Z').replace(/[-:]/g, '');
}

function prop(type: string, value: string, indent: string): string {
  return `${indent}<prop type="${attr(type)}">${text(value)}</prop>\n`;
}

export function exportTmx(input: ExportInput, options: TmxExportOptions): ExportResult {
  const selection = selectGroups(input, options);
  const { units, notices } = expandUnits(selection);
  const header = [
    `creationtool="allinea"`,
    `creationtoolversion="${attr(options.toolVersion)}"`,
    `segtype="sentence"`,
    `o-tmf="allinea-alignment"`,
    `adminlang="en"`,
    `srclang="${attr(selection.srclang)}"`,
    `datatype="plaintext"`,
    `o-encoding="UTF-8"`,
    `creationdate="${tmxDate(options.creationDate)}"`,
  ];
  // One string per unit, joined once at the end: appending every piece to one growing string
  // leaves millions of short-lived pieces for the garbage collector on a large alignment.
  const parts: string[] = [`<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4">\n  <header\n    ${header.join('\n    ')}/>\n  <body>\n`];
  for (const unit of units) {
    const { group } = unit;
    let out = `    <tu tuid="${attr(unit.id)}">\n`;
    const note = group.note !== undefined ? cleanText(group.note).text : '';
    if (note !== '') out += `      <note>${text(note)}</note>\n`;
    out += prop('x-status', group.status, '      ');
    out += prop('x-origin', group.origin, '      ');
    if (group.score !== undefined) out += prop('x-score', String(group.score), '      ');
    if (unit.id !== group.id) out += prop('x-group', group.id, '      ');
    out += prop('x-documents', [...unit.byLang.values()].map((v) => v.doc).join(' '), '      ');
    for (const [lang, variant] of unit.byLang) {
      out += `      <tuv xml:lang="${attr(lang)}">\n`;
      out += prop('x-document', variant.doc, '        ');
      out += prop('x-sentences', variant.sentences.join(' '), '        ');
      out += `        <seg>${text(variant.text)}</seg>\n      </tuv>\n`;
    }
    parts.push(`${out}    </tu>\n`);
  }
  parts.push(`  </body>\n</tmx>\n`);
  const out = parts.join('');
  return { output: out, omitted: selection.omitted, notices: [...selection.notices, ...notices], written: units.length };
}
