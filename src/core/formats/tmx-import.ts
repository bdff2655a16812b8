/**
 * TMX import (1.1 to 1.4b, any number of languages per <tu>). Each <tuv> becomes a text in
 * its language; inline markup is flattened to its text (the native codes in <bpt>, <ept>,
 * <ph>, <it> and <ut> are dropped, the text of <hi> is kept) with a notice. Group data that
 * allinea's own export writes (x-status, x-origin, x-score props, <note>, tuid) is read back.
 * Safety: see xml-guard.ts; the size limit is checked before anything is parsed.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { AllineaError } from '../errors.js';
import type { GroupOrigin, GroupStatus } from '../model/types.js';
import type { ImportedUnit, ImportedUnits, Notice } from './types.js';
import { checkSize, decodeReferences, DEFAULT_MAX_IMPORT_BYTES, guardXml } from './xml-guard.js';
import { normalizeLang } from './lang-tag.js';

export { normalizeLang };

export interface TmxImportOptions {
  /** File name for messages. */
  readonly name?: string;
  /** Refuse inputs longer than this (characters; the CLI checks the file's bytes first). */
  readonly maxBytes?: number;
}

type XmlNode = Record<string, unknown>;

const MAX_DEPTH = 64;
const CODE_ELEMENTS = new Set(['bpt', 'ept', 'ph', 'it', 'ut']);

function tagOf(node: XmlNode): string | undefined {
  return Object.keys(node).find((k) => k !== ':@');
}

function children(node: XmlNode, tag: string): XmlNode[] {
  const value = node[tag];
  return Array.isArray(value) ? (value as XmlNode[]) : [];
}

function elements(nodes: readonly XmlNode[], tag: string): XmlNode[] {
  return nodes.filter((n) => tagOf(n) === tag);
}

function attribute(node: XmlNode, name: string, file: string): string | undefined {
  const attrs = node[':@'] as Record<string, unknown> | undefined;
  const value = attrs?.[name];
  return typeof value === 'string' ? decodeReferences(value, file) : undefined;
}

/** The text content of mixed content, flattened; `markup.found` tells whether any element was met. */
function flatten(nodes: readonly XmlNode[], file: string, markup: { found: boolean }, depth = 0): string {
  if (depth > MAX_DEPTH) throw new AllineaError(`${file} nests elements more than ${MAX_DEPTH} deep inside a segment.`);
  let out = '';
  for (const node of nodes) {
    const tag = tagOf(node);
    if (tag === undefined) continue;
    if (tag === '#text') out += decodeReferences(String(node[tag]), file);
    else if (tag === '#cdata') out += children(node, tag).map((c) => String(c['#text'] ?? '')).join('');
    else {
      markup.found = true;
      if (!CODE_ELEMENTS.has(tag)) out += flatten(children(node, tag), file, markup, depth + 1);
    }
  }
  return out;
}

const STATUSES = new Set<GroupStatus>(['confirmed', 'suggested', 'rejected']);
const ORIGINS = new Set<GroupOrigin>(['manual', 'auto']);

function checkWellFormed(text: string, file: string): ReturnType<typeof XMLValidator.validate> {
  try {
    return XMLValidator.validate(text);
  } catch (error) {
    throw new AllineaError(`${file} cannot be read as XML: ${(error as Error).message.replace(/\.$/, '')}.`);
  }
}

export function importTmx(source: string, options: TmxImportOptions = {}): ImportedUnits {
  const file = options.name ?? 'The TMX file';
  checkSize(source.length, options.maxBytes ?? DEFAULT_MAX_IMPORT_BYTES, file);
  const text = guardXml(source.replace(/^\uFEFF/, ''), file);
  const valid = checkWellFormed(text, file);
  if (valid !== true) {
    throw new AllineaError(`${file} is not well-formed XML: ${valid.err.msg.replace(/\.$/, '')} (line ${valid.err.line}, column ${valid.err.col}).`);
  }
  const parser = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: '',
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: false,
    processEntities: false,
    htmlEntities: false,
    cdataPropName: '#cdata',
    commentPropName: false,
    ignoreDeclaration: true,
    ignorePiTags: true,
  });
  let top: XmlNode[];
  try {
    top = parser.parse(text) as XmlNode[];
  } catch (error) {
    // The parser's own limits (nesting depth, ...) end up here as plain errors.
    throw new AllineaError(`${file} cannot be read as XML: ${(error as Error).message.replace(/\.$/, '')}.`);
  }
  const roots = top.filter((n) => {
    const tag = tagOf(n);
    return tag !== undefined && tag !== '#text' && !tag.startsWith('?');
  });
  const root = roots[0];
  const rootTag = root ? tagOf(root) : undefined;
  if (!root || rootTag !== 'tmx') {
    throw new AllineaError(`${file} is not a TMX file: its root element is ${rootTag ? `<${rootTag}>` : 'missing'}, not <tmx>.`);
  }
  const body = elements(children(root, 'tmx'), 'body')[0];
  if (!body) throw new AllineaError(`${file} has no <body>, so it holds no translation units.`);

  const units: ImportedUnit[] = [];
  let flattened = 0;
  let noLang = 0;
  let emptySegs = 0;
  for (const tu of elements(children(body, 'body'), 'tu')) {
    const content = children(tu, 'tu');
    const props = new Map<string, string>();
    for (const p of elements(content, 'prop')) {
      const type = attribute(p, 'type', file);
      if (type) props.set(type, flatten(children(p, 'prop'), file, { found: false }).trim());
    }
    const notes = elements(content, 'note').map((n) => flatten(children(n, 'note'), file, { found: false }).trim()).filter((n) => n !== '');
    const variants: { lang: string; text: string }[] = [];
    for (const tuv of elements(content, 'tuv')) {
      const lang = attribute(tuv, 'xml:lang', file) ?? attribute(tuv, 'lang', file);
      if (!lang || lang.trim() === '') {
        noLang++;
        continue;
      }
      for (const seg of elements(children(tuv, 'tuv'), 'seg')) {
        const markup = { found: false };
        const segText = flatten(children(seg, 'seg'), file, markup).trim();
        if (markup.found) flattened++;
        if (segText === '') emptySegs++;
        else variants.push({ lang: normalizeLang(lang), text: segText });
      }
    }
    if (variants.length === 0) continue;
    const status = props.get('x-status') as GroupStatus | undefined;
    const origin = props.get('x-origin') as GroupOrigin | undefined;
    const score = props.has('x-score') ? Number(props.get('x-score')) : undefined;
    const id = attribute(tu, 'tuid', file)?.trim();
    units.push({
      ...(id ? { id } : {}),
      ...(status && STATUSES.has(status) ? { status } : {}),
      ...(origin && ORIGINS.has(origin) ? { origin } : {}),
      ...(score !== undefined && Number.isFinite(score) && score >= 0 && score <= 1 ? { score } : {}),
      ...(notes.length > 0 ? { note: notes.join(' / ') } : {}),
      variants,
    });
  }
  const notices: Notice[] = [];
  if (flattened > 0) {
    notices.push({ code: 'flattened-markup', message: `flattened inline markup in ${flattened} segment${flattened === 1 ? '' : 's'} to plain text (formatting codes dropped)` });
  }
  if (noLang > 0) notices.push({ code: 'no-language', message: `skipped ${noLang} <tuv> without xml:lang` });
  if (emptySegs > 0) notices.push({ code: 'empty-segments', message: `skipped ${emptySegs} empty segment${emptySegs === 1 ? '' : 's'}` });
  return { kind: 'units', units, notices };
}
