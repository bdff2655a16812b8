/** XML 1.0 escaping for text that has already lost every character XML forbids (see clean-text.ts). */
import { removeForbidden } from './clean-text.js';

const TEXT: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };
const ATTRIBUTE: Record<string, string> = { ...TEXT, '"': '&quot;', '\t': '&#9;', '\n': '&#10;', '\r': '&#13;' };

/** Character data: `>` is escaped too, so `]]>` can never appear. `\r` is kept as a reference (parsers turn a raw one into `\n`). */
export function escapeText(text: string): string {
  return removeForbidden(text).text.replace(/[&<>\r]/g, (c) => (c === '\r' ? '&#13;' : TEXT[c]!));
}

/** A double-quoted attribute value; whitespace characters kept as references (parsers normalise raw ones to spaces). */
export function escapeAttribute(value: string): string {
  return removeForbidden(value).text.replace(/[&<>"\t\n\r]/g, (c) => ATTRIBUTE[c]!);
}
