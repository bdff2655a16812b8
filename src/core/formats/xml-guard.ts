/**
 * Safe XML reading, before and after fast-xml-parser: no DTD is ever loaded and no entity
 * is ever expanded, which is what "billion laughs" and external-entity (XXE) attacks need.
 *
 * - A DOCTYPE with only an external id (`<!DOCTYPE tmx SYSTEM "tmx14.dtd">`, as OmegaT
 *   writes) is accepted and ignored: the DTD is not read.
 * - A DOCTYPE with an internal subset (where entities are declared) is refused, as is any
 *   other `<!DOCTYPE` or `<!ENTITY` in the file.
 * - The parser runs with entity processing off; `decodeReferences` then resolves only the
 *   five predefined entities and character references, and refuses any other entity.
 */
import { AllineaError } from '../errors.js';
import { sanitizeForTerminal } from '../display/sanitize.js';

export const DEFAULT_MAX_IMPORT_BYTES = 256 * 1024 * 1024;

export function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MiB`;
  if (bytes >= 1024) return `${Math.round((bytes / 1024) * 10) / 10} KiB`;
  return `${bytes} bytes`;
}

/** Refuses an input over the limit; `size` is in bytes when known, else in characters (never more than the bytes). */
export function checkSize(size: number, maxBytes: number, what: string): void {
  if (size > maxBytes) {
    throw new AllineaError(
      `${what} is ${formatSize(size)}, more than the import limit of ${formatSize(maxBytes)} (raise it with --max-size if you trust the file).`,
    );
  }
}

const ENTITY_REFUSAL =
  'declares XML entities (<!ENTITY>); allinea never expands entities, since that is how "billion laughs" and external-entity attacks work';

/** Length of the prolog's DOCTYPE starting at `start` (which points at "<!DOCTYPE"), and whether it has an internal subset. */
function scanDoctype(text: string, start: number): { end: number; subset: string | undefined } {
  let i = start + '<!DOCTYPE'.length;
  let quote: string | undefined;
  while (i < text.length) {
    const c = text[i]!;
    if (quote) {
      if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '[') {
      const close = text.indexOf(']', i);
      const subset = close < 0 ? text.slice(i + 1) : text.slice(i + 1, close);
      return { end: close < 0 ? text.length : text.indexOf('>', close) + 1 || text.length, subset };
    } else if (c === '>') return { end: i + 1, subset: undefined };
    i++;
  }
  throw new AllineaError('The <!DOCTYPE> declaration is never closed.');
}

/**
 * Checks the declarations and returns the text with an external-id-only DOCTYPE blanked out
 * (same length, line breaks kept, so the parser's line numbers stay right).
 */
export function guardXml(text: string, name: string): string {
  const doctype = text.indexOf('<!DOCTYPE');
  let out = text;
  if (doctype >= 0) {
    const { end, subset } = scanDoctype(text, doctype);
    if (subset !== undefined) {
      if (/<!ENTITY/.test(subset)) throw new AllineaError(`${name} ${ENTITY_REFUSAL}.`);
      throw new AllineaError(`${name} has an internal DTD subset in its <!DOCTYPE>, which allinea does not read; remove it and try again.`);
    }
    out = text.slice(0, doctype) + text.slice(doctype, end).replace(/[^\n]/g, ' ') + text.slice(end);
  }
  if (out.includes('<!ENTITY')) throw new AllineaError(`${name} ${ENTITY_REFUSAL}.`);
  if (out.includes('<!DOCTYPE')) throw new AllineaError(`${name} has more than one <!DOCTYPE> declaration.`);
  return out;
}

const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function isXmlChar(cp: number): boolean {
  return cp === 0x9 || cp === 0xa || cp === 0xd || (cp >= 0x20 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd) || (cp >= 0x10000 && cp <= 0x10ffff);
}

/** Resolves predefined entities and character references in raw text or an attribute value. */
export function decodeReferences(raw: string, name: string): string {
  if (!raw.includes('&')) return raw;
  return raw.replace(/&([^;&\s<]{0,32});?/g, (whole, ref: string) => {
    if (!whole.endsWith(';')) throw new AllineaError(`${name} is not well-formed XML: a "&" is not escaped (near "${sanitizeForTerminal(whole.slice(0, 20))}").`);
    const predefined = PREDEFINED[ref];
    if (predefined !== undefined) return predefined;
    const m = /^#(?:x([0-9a-fA-F]{1,6})|([0-9]{1,7}))$/.exec(ref);
    if (m) {
      const cp = m[1] !== undefined ? parseInt(m[1], 16) : parseInt(m[2]!, 10);
      if (!isXmlChar(cp)) throw new AllineaError(`${name} uses the character reference ${whole}, which XML 1.0 does not allow.`);
      return String.fromCodePoint(cp);
    }
    throw new AllineaError(`${name} uses the entity ${sanitizeForTerminal(whole)}, which is not defined; allinea reads only &lt; &gt; &amp; &quot; &apos; and character references.`);
  });
}
