/**
 * TMX import (1.1 to 1.4b, any number of languages per <tu>). Each <tuv> becomes a text in
 * its language; inline markup is flattened to its text (the native codes in <bpt>, <ept>,
 * <ph>, <it> and <ut> are dropped, the text of <hi> is kept) with a notice. Group data that
 * allinea's own export writes (x-status, x-origin, x-score props, <note>, tuid) is read back.
 * Safety: see xml-guard.ts; the size limit is checked before anything is parsed.
 *
 * Speed (a translation memory can hold millions of units): the body is validated and parsed
 * in runs of whole <tu>s (tmx-chunks.ts). A run in the strict subset of XML that tmx-scan.ts
 * accepts (nearly every memory) is read by it in one pass; any other run is validated and
 * parsed by fast-xml-parser. Either way <seg>, <prop> and <note> are kept as raw strings
 * instead of nodes. Plain text (no "<") is only decoded; content with inline markup or CDATA
 * is parsed again on its own. A document that cannot be cut safely, or that fails validation
 * anywhere, is read whole, which also gives the exact line and column of the first error.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { AllineaError } from '../errors.js';
import type { GroupOrigin, GroupStatus } from '../model/types.js';
import { bytesSource, cutTmxBody, cutTmxBodyBytes, type ByteSource } from './tmx-chunks.js';
import { flattenScanned, ScanNode, scanTmxRun } from './tmx-scan.js';
import type { ImportedUnit, ImportedUnits, Notice } from './types.js';
import { checkSize, decodeReferences, DEFAULT_MAX_IMPORT_BYTES, guardXml } from './xml-guard.js';
import { normalizeLang } from './lang-tag.js';

export { normalizeLang };

export interface TmxImportOptions {
  /** File name for messages. */
  readonly name?: string;
  /** Refuse inputs longer than this (characters; the CLI checks the file's bytes first). */
  readonly maxBytes?: number;
  /** Units per run validated and parsed at once (tests use small runs to exercise the cuts). */
  readonly unitsPerRun?: number;
  /** Counts how the runs were read: by tmx-scan.ts, or validated and parsed by fast-xml-parser. */
  readonly runStats?: { scanned: number; parsed: number };
}

type XmlNode = Record<string, unknown>;

const MAX_DEPTH = 64;
const UNITS_PER_RUN = 64; // small runs: their objects die young, which the collector handles cheaply
const CODE_ELEMENTS = new Set(['bpt', 'ept', 'ph', 'it', 'ut']);
const LEAVES = ['seg', 'prop', 'note'];

const COMMON = {
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: false,
  htmlEntities: false,
  cdataPropName: '#cdata',
  commentPropName: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  jPath: false, // callbacks get the matcher instead of a path string built for every tag
} as const;

/**
 * The document's structure. Whitespace between elements is dropped (trimValues), and the
 * leaves' content is kept raw, untrimmed (stop nodes are never trimmed).
 */
const STRUCTURE = new XMLParser({ ...COMMON, trimValues: true, stopNodes: LEAVES.map((tag) => `*.${tag}`) });
/** Mixed content of one leaf: every character of text counts. */
const MIXED = new XMLParser({ ...COMMON, trimValues: false });

/** A node of fast-xml-parser (preserveOrder) or of tmx-scan.ts. */
type AnyNode = XmlNode | ScanNode;

function tagOf(node: AnyNode): string | undefined {
  if (node instanceof ScanNode) return node.tag;
  for (const key in node) if (key !== ':@') return key;
  return undefined;
}

function children(node: AnyNode, tag: string): readonly AnyNode[] {
  if (node instanceof ScanNode) return node.tag === tag ? node.kids : [];
  const value = node[tag];
  return Array.isArray(value) ? (value as XmlNode[]) : [];
}

/** Children of a fast-xml-parser node. */
function xmlChildren(node: XmlNode, tag: string): XmlNode[] {
  const value = node[tag];
  return Array.isArray(value) ? (value as XmlNode[]) : [];
}

function attribute(node: AnyNode, name: string, file: string): string | undefined {
  const attrs = node instanceof ScanNode ? node.attrs : (node[':@'] as Record<string, unknown> | undefined);
  const value = attrs?.[name];
  return typeof value === 'string' ? decodeReferences(value, file) : undefined;
}

function parseWith(parser: XMLParser, text: string, file: string): XmlNode[] {
  try {
    return parser.parse(text) as XmlNode[];
  } catch (error) {
    // The parser's own limits (nesting depth, ...) end up here as plain errors.
    throw new AllineaError(`${file} cannot be read as XML: ${(error as Error).message.replace(/\.$/, '')}.`);
  }
}

/** The text content of mixed content, flattened; `markup.found` tells whether any element was met. */
function flatten(nodes: readonly XmlNode[], file: string, markup: { found: boolean }, depth = 0): string {
  if (depth > MAX_DEPTH) throw new AllineaError(`${file} nests elements more than ${MAX_DEPTH} deep inside a segment.`);
  let out = '';
  for (const node of nodes) {
    const tag = tagOf(node);
    if (tag === undefined) continue;
    if (tag === '#text') out += decodeReferences(String(node[tag]), file);
    else if (tag === '#cdata') out += xmlChildren(node, tag).map((c) => String(c['#text'] ?? '')).join('');
    else {
      markup.found = true;
      if (!CODE_ELEMENTS.has(tag)) out += flatten(xmlChildren(node, tag), file, markup, depth + 1);
    }
  }
  return out;
}

/** The text of a leaf (<seg>, <prop>, <note>) whose content the structure parser kept raw. */
function leafText(node: AnyNode, tag: string, file: string, markup: { found: boolean }): string {
  const raw = node instanceof ScanNode ? node.raw : xmlChildren(node, tag)[0]?.['#text'];
  if (typeof raw !== 'string' || raw === '') return '';
  if (!raw.includes('<')) return decodeReferences(raw, file);
  if (node instanceof ScanNode) return flattenScanned(raw, (text) => decodeReferences(text, file), (name) => CODE_ELEMENTS.has(name), markup);
  const [wrapper] = parseWith(MIXED, `<${tag}>${raw}</${tag}>`, file);
  return wrapper ? flatten(xmlChildren(wrapper, tag), file, markup) : '';
}

function validate(text: string, file: string): ReturnType<typeof XMLValidator.validate> {
  try {
    return XMLValidator.validate(text);
  } catch (error) {
    throw new AllineaError(`${file} cannot be read as XML: ${(error as Error).message.replace(/\.$/, '')}.`);
  }
}

function isWellFormed(text: string, file: string): boolean {
  return validate(text, file) === true;
}

/** Validates the whole document, and says what is wrong with it, with its line and column. */
function checkWellFormed(text: string, file: string): void {
  const valid = validate(text, file);
  if (valid !== true) {
    // The validator names unclosed elements as a JSON list ("Invalid '[ "tmx", "body" ]' found"): say it plainly.
    const open = /^Invalid '\[([^\]]*)\]' found/.exec(valid.err.msg)?.[1];
    const what = open !== undefined ? `it ends before ${open.replace(/[\s"]+/g, '').split(',').filter(Boolean).map((t) => `<${t}>`).join(' ')} ${open.includes(',') ? 'are' : 'is'} closed (is the file cut short?)` : valid.err.msg.replace(/\.$/, '');
    const where = open !== undefined ? '' : ` (line ${valid.err.line}${valid.err.col !== undefined ? `, column ${valid.err.col}` : ''})`;
    throw new AllineaError(`${file} is not well-formed XML: ${what}${where}.`);
  }
}

/** The <body> of a parsed document (or skeleton), after checking the root is <tmx>. */
function bodyOf(top: readonly XmlNode[], file: string): XmlNode {
  const root = top.find((n) => {
    const tag = tagOf(n);
    return tag !== undefined && tag !== '#text' && !tag.startsWith('?');
  });
  const rootTag = root ? tagOf(root) : undefined;
  if (!root || rootTag !== 'tmx') {
    throw new AllineaError(`${file} is not a TMX file: its root element is ${rootTag ? `<${rootTag}>` : 'missing'}, not <tmx>.`);
  }
  const body = xmlChildren(root, 'tmx').find((n) => tagOf(n) === 'body');
  if (!body) throw new AllineaError(`${file} has no <body>, so it holds no translation units.`);
  return body;
}

const STATUSES = new Set<GroupStatus>(['confirmed', 'suggested', 'rejected']);
const ORIGINS = new Set<GroupOrigin>(['manual', 'auto']);

/** Reads <tu> elements into units, counting what it flattens and skips. */
class UnitReader {
  private flattened = 0;
  private noLang = 0;
  private emptySegs = 0;
  private badScores = 0;

  /** `sink` receives each unit as soon as it is read: a memory's units need not all be held. */
  constructor(
    private readonly file: string,
    private readonly sink: (unit: ImportedUnit) => void,
  ) {}

  /** Reads the <tu> children among `nodes` (a body's content). */
  read(nodes: readonly AnyNode[]): void {
    for (const node of nodes) if (tagOf(node) === 'tu') this.readUnit(node);
  }

  private readUnit(tu: AnyNode): void {
    const file = this.file;
    let status: string | undefined;
    let origin: string | undefined;
    let score: string | undefined;
    let group: string | undefined;
    const notes: string[] = [];
    const variants: { lang: string; text: string; source?: string }[] = [];
    for (const child of children(tu, 'tu')) {
      const tag = tagOf(child);
      if (tag === 'prop') {
        const type = attribute(child, 'type', file);
        if (!type) continue;
        // Every typed prop is decoded, read or not, so a bad reference in any of them is reported.
        const value = leafText(child, 'prop', file, { found: false }).trim();
        if (type === 'x-status') status = value;
        else if (type === 'x-origin') origin = value;
        else if (type === 'x-score') score = value;
        else if (type === 'x-group') group = value;
      } else if (tag === 'note') {
        const note = leafText(child, 'note', file, { found: false }).trim();
        if (note !== '') notes.push(note);
      } else if (tag === 'tuv') {
        const lang = attribute(child, 'xml:lang', file) ?? attribute(child, 'lang', file);
        if (!lang || lang.trim() === '') {
          this.noLang++;
          continue;
        }
        let doc: string | undefined;
        let sentences: string | undefined;
        for (const seg of children(child, 'tuv')) {
          const segTag = tagOf(seg);
          if (segTag === 'prop') {
            const type = attribute(seg, 'type', file);
            if (type === 'x-document') doc = leafText(seg, 'prop', file, { found: false }).trim();
            else if (type === 'x-sentences') sentences = leafText(seg, 'prop', file, { found: false }).trim();
            continue;
          }
          if (segTag !== 'seg') continue;
          const markup = { found: false };
          const text = leafText(seg, 'seg', file, markup).trim();
          if (markup.found) this.flattened++;
          if (text === '') this.emptySegs++;
          else variants.push({ lang: normalizeLang(lang), text, ...(doc && sentences ? { source: `${doc}#${sentences}` } : {}) });
        }
      }
    }
    if (variants.length === 0) return;
    const parsed = score !== undefined && score !== '' ? Number(score) : undefined;
    // A score outside [0, 1] (or not a number) is not kept, and the notices say how many.
    const value = parsed !== undefined && Number.isFinite(parsed) && parsed >= 0 && parsed <= 1 ? parsed : undefined;
    if (parsed !== undefined && value === undefined) this.badScores++;
    const id = attribute(tu, 'tuid', file)?.trim();
    this.sink({
      ...(id ? { id } : {}),
      ...(status && STATUSES.has(status as GroupStatus) ? { status: status as GroupStatus } : {}),
      ...(origin && ORIGINS.has(origin as GroupOrigin) ? { origin: origin as GroupOrigin } : {}),
      ...(value !== undefined ? { score: value } : {}),
      ...(notes.length > 0 ? { note: notes.join(' / ') } : {}),
      ...(group ? { group } : {}),
      variants,
    });
  }

  notices(): Notice[] {
    const notices: Notice[] = [];
    const { flattened, noLang, emptySegs, badScores } = this;
    if (flattened > 0) {
      notices.push({ code: 'flattened-markup', message: `flattened inline markup in ${flattened} segment${flattened === 1 ? '' : 's'} to plain text (formatting codes dropped)` });
    }
    if (noLang > 0) notices.push({ code: 'no-language', message: `skipped ${noLang} <tuv> without xml:lang` });
    if (emptySegs > 0) notices.push({ code: 'empty-segments', message: `skipped ${emptySegs} empty segment${emptySegs === 1 ? '' : 's'}` });
    if (badScores > 0) notices.push({ code: 'bad-score', message: `dropped ${badScores} x-score value${badScores === 1 ? '' : 's'} that ${badScores === 1 ? 'is' : 'are'} not a number from 0 to 1` });
    return notices;
  }
}

/**
 * Reads the body run by run; returns undefined (having read nothing) when the document
 * cannot be cut or some piece is not well-formed, for the whole-document path to take over.
 */
function readInRuns(text: string, file: string, unitsPerRun: number, sink: (unit: ImportedUnit) => void, stats: TmxImportOptions['runStats']): UnitReader | undefined {
  const pieces = cutTmxBody(text, unitsPerRun);
  if (!pieces || !isWellFormed(pieces.skeleton, file)) return undefined;
  const scanned: boolean[] = [];
  for (const run of pieces.runs) {
    const ok = checkRun(run, file);
    if (ok === undefined) return undefined;
    scanned.push(ok);
  }
  const body = bodyOf(parseWith(STRUCTURE, pieces.skeleton, file), file);
  if (children(body, 'body').length > 0) return undefined; // the cut was not this body's content
  const reader = new UnitReader(file, sink);
  pieces.runs.forEach((run, i) => reader.read(runNodes(run, scanned[i]!, file, stats)!)); // the same string the check accepted
  return reader;
}

/**
 * Whether a run is well-formed: true when tmx-scan.ts accepts it (it is then read by it),
 * false when fast-xml-parser's validator does (it is then parsed by fast-xml-parser),
 * undefined when it is not well-formed.
 */
function checkRun(run: string, file: string): boolean | undefined {
  if (scanTmxRun(run, false) !== undefined) return true;
  return isWellFormed(`<body>${run}</body>`, file) ? false : undefined;
}

/** The body-level nodes of a well-formed run, by the reader checkRun chose. */
function runNodes(run: string, scanned: boolean, file: string, stats: TmxImportOptions['runStats']): readonly AnyNode[] | undefined {
  if (scanned) {
    if (stats) stats.scanned++;
    return scanTmxRun(run, true);
  }
  if (stats) stats.parsed++;
  const [wrapper] = parseWith(STRUCTURE, `<body>${run}</body>`, file);
  return wrapper ? xmlChildren(wrapper, 'body') : [];
}

export function importTmx(source: string, options: TmxImportOptions = {}): ImportedUnits {
  const units: ImportedUnit[] = [];
  const notices = readTmxUnits(source, options, (unit) => units.push(unit));
  return { kind: 'units', units, notices };
}

/**
 * importTmx for large memories: each unit goes to `sink` as it is read (in document order),
 * so that the caller can keep what it needs and let the rest go. Well-formedness is checked
 * before the first unit is delivered (all the runs, else the whole document, for the exact
 * position of an error); an error found later (a bad character reference, markup nested too
 * deep) still throws, and the caller must then drop what it received. Returns the notices.
 */
export function readTmxUnits(source: string, options: TmxImportOptions, sink: (unit: ImportedUnit) => void): Notice[] {
  const file = options.name ?? 'The TMX file';
  checkSize(source.length, options.maxBytes ?? DEFAULT_MAX_IMPORT_BYTES, file);
  const text = guardXml(source.replace(/^\uFEFF/, ''), file);
  let reader = readInRuns(text, file, Math.max(1, options.unitsPerRun ?? UNITS_PER_RUN), sink, options.runStats);
  if (!reader) {
    checkWellFormed(text, file);
    reader = new UnitReader(file, sink);
    reader.read(children(bodyOf(parseWith(STRUCTURE, text, file), file), 'body'));
  }
  return reader.notices();
}

/**
 * readTmxUnits on the bytes of a UTF-8 file, without ever decoding it whole: a memory with any
 * character beyond Latin-1 would otherwise take two bytes per character as one string, on top
 * of the file's bytes. Each run is decoded on its own, validated, then decoded again and parsed.
 * The bytes may be a ByteSource (the CLI reads the file a run at a time, so that it is never
 * held whole either). Each run is decoded and read in one pass, units going to `sink` as they
 * come. Returns undefined when the file cannot be read this way (UTF-16, a comment or DTD,
 * bytes that are not UTF-8, a piece that is not well-formed...), possibly after delivering
 * some units, which the caller must then drop: it decodes the file and calls readTmxUnits,
 * which reports any error with its exact position.
 */
export function readTmxUnitsFromUtf8(bytes: Uint8Array | ByteSource, options: TmxImportOptions, sink: (unit: ImportedUnit) => void): Notice[] | undefined {
  const file = options.name ?? 'The TMX file';
  const source = bytes instanceof Uint8Array ? bytesSource(bytes) : bytes;
  checkSize(source.size, options.maxBytes ?? DEFAULT_MAX_IMPORT_BYTES, file);
  const lead = source.read(0, 3);
  const skip = lead[0] === 0xef && lead[1] === 0xbb && lead[2] === 0xbf ? 3 : 0;
  const body: ByteSource = skip === 0 ? source : { size: source.size - skip, read: (a, b) => source.read(a + skip, b + skip) };
  const first = body.read(0, 2);
  if ((first[0] === 0xff && first[1] === 0xfe) || (first[0] === 0xfe && first[1] === 0xff)) return undefined;
  const ranges = cutTmxBodyBytes(body, Math.max(1, options.unitsPerRun ?? UNITS_PER_RUN));
  if (!ranges) return undefined;
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const decode = (range: readonly [number, number]): string | undefined => {
    try {
      const piece = body.read(range[0], range[1]);
      return piece.length === range[1] - range[0] ? decoder.decode(piece) : undefined;
    } catch {
      return undefined;
    }
  };
  const head = decode(ranges.head);
  const tail = decode(ranges.tail);
  if (head === undefined || tail === undefined) return undefined;
  const skeleton = head + tail;
  if (!isWellFormed(skeleton, file)) return undefined;
  const bodyNode = bodyOf(parseWith(STRUCTURE, skeleton, file), file);
  if (children(bodyNode, 'body').length > 0) return undefined;
  // One pass: each run is read as soon as it is known to be well-formed. After an error in
  // reading (a bad reference), the later runs are still checked, so that a document that is
  // not well-formed further on is reported as the whole-document path reports it.
  const reader = new UnitReader(file, sink);
  let failure: unknown;
  for (const range of ranges.runs) {
    const run = decode(range);
    if (run === undefined) return undefined;
    if (failure !== undefined) {
      if (checkRun(run, file) === undefined) return undefined;
      continue;
    }
    let nodes: readonly AnyNode[] | undefined = scanTmxRun(run, true);
    if (nodes !== undefined) {
      if (options.runStats) options.runStats.scanned++;
    } else if (isWellFormed(`<body>${run}</body>`, file)) nodes = runNodes(run, false, file, options.runStats);
    else return undefined;
    try {
      reader.read(nodes!);
    } catch (error) {
      failure = error;
    }
  }
  if (failure !== undefined) throw failure;
  return reader.notices();
}
