/**
 * Turns what an importer read into an alignment.
 *
 * Units (TMX, TSV, CSV): one new document per language, one sentence per line, in the
 * order the units come; a unit with two or more languages becomes a group. The caller
 * writes each document's text next to the alignment file.
 *
 * Beads (Vecalign/Bertalign beads, hunalign ladder): the two sentence files given with
 * them are the documents, one sentence per line; a bead with both sides becomes a group.
 */
import { AllineaError } from '../errors.js';
import { sanitizeForTerminal } from '../display/sanitize.js';
import type { Alignment, DocumentRef, Group, GroupOrigin, GroupStatus, Member, Span } from '../model/types.js';
import { cleanText } from './clean-text.js';
import type { Bead, ImportedUnit, Notice } from './types.js';

export interface NewDocument {
  readonly id: string;
  readonly lang: string;
  /** Where the caller will write the text, as stored in the alignment (relative to it). */
  readonly path: string;
  readonly text: string;
}

export interface BuiltAlignment {
  readonly alignment: Alignment;
  readonly texts: Map<string, string>;
  readonly notices: readonly Notice[];
}

export interface UnitsToAlignmentOptions {
  /** Stored path of the text file of a language's document. */
  readonly pathFor: (lang: string) => string;
  /** sha256 of a text (supplied by the caller: core does not hash). */
  readonly hash: (text: string) => string;
  /** Status of groups whose file does not say (default confirmed). */
  readonly status?: GroupStatus;
  /** Overrides the status read from the file. */
  readonly forceStatus?: GroupStatus;
  /** Title of each new document. */
  readonly titleFor?: (lang: string) => string;
}

const GROUP_ID = /^[^\s]{1,64}$/;
const LANGUAGE_TAG = /^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$/;

/** Gives each group its id from the file when usable and unique, else the next free "g<n>". */
function assignIds(wanted: readonly (string | undefined)[]): { ids: string[]; renamed: number } {
  const used = new Set<string>();
  const ok = wanted.map((id) => {
    if (id === undefined || !GROUP_ID.test(id) || used.has(id)) return false;
    used.add(id);
    return true;
  });
  let next = 1;
  let renamed = 0;
  const ids = wanted.map((id, i) => {
    if (ok[i]) return id!;
    if (id !== undefined) renamed++;
    while (used.has(`g${next}`)) next++;
    used.add(`g${next}`);
    return `g${next}`;
  });
  return { ids, renamed };
}

/**
 * The order of the new documents: every unit's language order respected where they agree
 * (a TMX's <tuv> order, a TSV's columns), ties broken by first appearance.
 */
export function languageOrder(units: Iterable<ImportedUnit>): string[] {
  const order = new LanguageOrder();
  for (const unit of units) order.add(unit.variants.map((v) => v.lang));
  return order.result();
}

/** languageOrder, fed one unit at a time. */
class LanguageOrder {
  private readonly first: string[] = [];
  private readonly after = new Map<string, Set<string>>(); // lang -> languages that must come after it
  private readonly before = new Map<string, number>(); // lang -> number of languages that must come before it

  add(unitLangs: readonly string[]): void {
    const { first, after, before } = this;
    const langs = unitLangs.length === 1 ? unitLangs : [...new Set(unitLangs)];
    for (const lang of langs) {
      if (!after.has(lang)) {
        first.push(lang);
        after.set(lang, new Set());
        before.set(lang, 0);
      }
    }
    for (let i = 0; i < langs.length; i++) {
      const a = langs[i]!;
      for (let k = i + 1; k < langs.length; k++) {
        const b = langs[k]!;
        if (!after.get(a)!.has(b)) {
          after.get(a)!.add(b);
          before.set(b, before.get(b)! + 1);
        }
      }
    }
  }

  result(): string[] {
    const { first, after } = this;
    const before = new Map(this.before);
    const order: string[] = [];
    const left = new Set(first);
    while (left.size > 0) {
      const next = first.find((l) => left.has(l) && before.get(l) === 0) ?? first.find((l) => left.has(l))!;
      left.delete(next);
      order.push(next);
      for (const b of after.get(next)!) before.set(b, before.get(b)! - 1);
    }
    return order;
  }
}

/**
 * A new document's text, one sentence per line, built as the sentences come. Sentences are
 * joined into blocks every few hundred: a sentence read from XML is often a slice of a larger
 * string (a run of the memory), and joining copies it out so that the run can be collected.
 */
class DocumentText {
  private readonly blocks: string[] = [];
  private pending: string[] = [];
  private at = 0;
  readonly spans: Span[] = [];

  /** Appends a sentence; returns its index. */
  add(sentence: string): number {
    this.pending.push(sentence);
    this.spans.push([this.at, this.at + sentence.length]);
    this.at += sentence.length + 1;
    if (this.pending.length === 64) this.flush();
    return this.spans.length - 1;
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    this.blocks.push(`${this.pending.join('\n')}\n`);
    this.pending = [];
  }

  finish(): { text: string; spans: Span[] } {
    this.flush();
    return { text: this.blocks.join(''), spans: this.spans };
  }
}

/** A group as the builder makes it: its id is settled (and its members put in document order) at the end. */
type Building = { -readonly [K in keyof Omit<Group, 'members'>]: Group[K] } & { members: { doc: string; sentences: number[] }[] };

export function alignmentFromUnits(units: Iterable<ImportedUnit>, options: UnitsToAlignmentOptions): BuiltAlignment & { documents: NewDocument[] } {
  const builder = new UnitsAlignment(options);
  for (const unit of units) builder.add(unit);
  return builder.finish();
}

/**
 * alignmentFromUnits one unit at a time, for importers that stream their units (TMX): a unit
 * object dies as soon as it is added, and only its sentences and group data are kept.
 */
export class UnitsAlignment {
  private readonly lines = new Map<string, DocumentText>(); // lang -> its text so far
  // The final group objects, made as the units come (making them all at the end held every
  // unit's data twice at once, the largest moment of a large import's memory).
  private readonly grouped: Building[] = [];
  private readonly wantedIds: (string | undefined)[] = [];
  private readonly order = new LanguageOrder();
  private singles = 0;
  private dropped = 0;

  constructor(private readonly options: UnitsToAlignmentOptions) {}

  /**
   * The last group made, for allinea's own TMX: a unit naming it with x-group (one more
   * combination of its documents) joins it, and its sentences already there are not repeated.
   * The export writes such units right after the first one, so one group is remembered.
   */
  private last: { readonly id: string; readonly group: Building; readonly sources: Set<string> } | undefined;

  private continueLast(unit: ImportedUnit): void {
    const { group, sources } = this.last!;
    for (const variant of unit.variants) {
      if (variant.source !== undefined && sources.has(variant.source)) continue;
      const text = cleanText(variant.text).text;
      if (text === '' || !LANGUAGE_TAG.test(variant.lang)) {
        this.dropped++;
        continue;
      }
      let doc = this.lines.get(variant.lang);
      if (!doc) this.lines.set(variant.lang, (doc = new DocumentText()));
      const index = doc.add(text);
      if (variant.source !== undefined) sources.add(variant.source);
      const member = group.members.find((m) => m.doc === variant.lang);
      if (member) member.sentences.push(index);
      else group.members.push({ doc: variant.lang, sentences: [index] });
    }
    this.order.add(unit.variants.map((v) => v.lang));
  }

  add(unit: ImportedUnit): void {
    if (unit.group !== undefined && this.last?.id === unit.group) {
      this.continueLast(unit);
      return;
    }
    this.last = undefined;
    const { lines, options } = this;
    const members: Building['members'] = [];
    for (const variant of unit.variants) {
      if (!LANGUAGE_TAG.test(variant.lang)) {
        throw new AllineaError(`"${sanitizeForTerminal(variant.lang.slice(0, 40))}" is not a language tag (like it, fr or pt-BR), so it cannot name a document.`);
      }
      const text = cleanText(variant.text).text;
      if (text === '') {
        this.dropped++;
        continue;
      }
      let doc = lines.get(variant.lang);
      if (!doc) lines.set(variant.lang, (doc = new DocumentText()));
      const index = doc.add(text);
      const member = members.find((m) => m.doc === variant.lang);
      if (member) member.sentences.push(index);
      else members.push({ doc: variant.lang, sentences: [index] });
    }
    this.order.add(unit.variants.map((v) => v.lang));
    if (members.length >= 2) {
      this.grouped.push({
        id: '',
        status: options.forceStatus ?? unit.status ?? options.status ?? 'confirmed',
        origin: unit.origin ?? 'manual',
        ...(unit.score !== undefined ? { score: unit.score } : {}),
        ...(unit.note !== undefined && unit.note !== '' ? { note: unit.note } : {}),
        members,
      });
      this.wantedIds.push(unit.id);
      if (unit.id !== undefined && unit.variants.some((v) => v.source !== undefined)) {
        const sources = new Set<string>();
        for (const v of unit.variants) if (v.source !== undefined) sources.add(v.source);
        this.last = { id: unit.id, group: this.grouped[this.grouped.length - 1]!, sources };
      }
    } else if (members.length === 1) this.singles++;
  }

  finish(): BuiltAlignment & { documents: NewDocument[] } {
    const { lines, grouped, options, singles, dropped } = this;
    if (lines.size === 0) throw new AllineaError('The file holds no text to import.');

    const documents: NewDocument[] = [];
    const refs: DocumentRef[] = [];
    const texts = new Map<string, string>();
    for (const lang of this.order.result()) {
      const doc = lines.get(lang);
      if (!doc) continue;
      const { text, spans } = doc.finish();
      lines.delete(lang);
      const path = options.pathFor(lang);
      const title = options.titleFor?.(lang);
      documents.push({ id: lang, lang, path, text });
      refs.push({ id: lang, path, lang, sha256: options.hash(text), ...(title ? { title } : {}), sentences: spans });
      texts.set(lang, text);
    }
    const { ids, renamed } = assignIds(this.wantedIds);
    this.wantedIds.length = 0;
    // Members in the documents' order (a unit's languages may come in another).
    const rank = new Map(refs.map((d, k) => [d.id, k]));
    const byRank = (x: { doc: string }, y: { doc: string }) => rank.get(x.doc)! - rank.get(y.doc)!;
    for (let g = 0; g < grouped.length; g++) {
      const group = grouped[g]!;
      group.id = ids[g]!;
      const members = group.members;
      for (let k = 1; k < members.length; k++) {
        if (rank.get(members[k - 1]!.doc)! > rank.get(members[k]!.doc)!) {
          members.sort(byRank);
          break;
        }
      }
    }
    const groups: Group[] = grouped;
    const notices: Notice[] = [];
    if (singles > 0) notices.push({ code: 'single-language-units', message: `${singles} unit${singles === 1 ? ' has' : 's have'} text in one language only: kept as unlinked sentences` });
    if (dropped > 0) notices.push({ code: 'empty-texts', message: `skipped ${dropped} empty text${dropped === 1 ? '' : 's'}` });
    if (renamed > 0) notices.push({ code: 'renamed-groups', message: `${renamed} unit id${renamed === 1 ? ' was' : 's were'} repeated or unusable: those groups got new ids` });
    const alignment: Alignment = { format: 'allinea-alignment', version: 1, documents: refs, groups, overrides: [], bookmarks: [] };
    return { alignment, texts, documents, notices };
  }
}

/** Spans of the non-blank lines of a one-sentence-per-line text; `lineToSentence[i]` is -1 for blank lines. */
export function lineSentences(text: string): { spans: Span[]; lineToSentence: number[] } {
  const spans: Span[] = [];
  const lineToSentence: number[] = [];
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    let s = start;
    let e = end;
    while (s < e && /\s/.test(text[s]!)) s++;
    while (e > s && /\s/.test(text[e - 1]!)) e--;
    if (e > s) {
      lineToSentence.push(spans.length);
      spans.push([s, e]);
    } else lineToSentence.push(-1);
    start = end + 1;
  }
  return { spans, lineToSentence };
}

export interface LineDocument {
  readonly id: string;
  readonly lang: string;
  /** Stored path (relative to the alignment file). */
  readonly path: string;
  readonly text: string;
  /** For messages. */
  readonly name: string;
}

export interface BeadsToAlignmentOptions {
  readonly hash: (text: string) => string;
  /** Default `suggested`: bead files are usually an aligner's output, to be reviewed. */
  readonly status?: GroupStatus;
}

export function alignmentFromBeads(
  source: LineDocument,
  target: LineDocument,
  beads: readonly Bead[],
  options: BeadsToAlignmentOptions,
): BuiltAlignment {
  if (source.id === target.id) throw new AllineaError('The source and target documents need different ids.');
  const sides = [source, target].map((doc) => ({ doc, ...lineSentences(doc.text), used: new Map<number, number>() }));
  const groups: Group[] = [];
  let oneSided = 0;
  let blank = 0;
  beads.forEach((bead, b) => {
    const members: Member[] = [];
    [bead.source, bead.target].forEach((lines, side) => {
      const { doc, lineToSentence, used } = sides[side]!;
      const sentences: number[] = [];
      for (const line of lines) {
        if (!Number.isInteger(line) || line < 0 || line >= lineToSentence.length) {
          throw new AllineaError(`Bead ${b + 1} points at line ${line + 1} of ${doc.name}, which has ${lineToSentence.length} lines.`);
        }
        const previous = used.get(line);
        if (previous !== undefined) throw new AllineaError(`Line ${line + 1} of ${doc.name} is in beads ${previous + 1} and ${b + 1}.`);
        used.set(line, b);
        const s = lineToSentence[line]!;
        if (s < 0) blank++;
        else sentences.push(s);
      }
      if (sentences.length > 0) members.push({ doc: doc.id, sentences: sentences.sort((x, y) => x - y) });
    });
    if (members.length < 2) {
      oneSided++;
      return;
    }
    groups.push({ id: `g${groups.length + 1}`, status: options.status ?? 'suggested', origin: 'auto', members });
  });
  const documents: DocumentRef[] = sides.map(({ doc, spans }) => ({ id: doc.id, path: doc.path, lang: doc.lang, sha256: options.hash(doc.text), sentences: spans }));
  const notices: Notice[] = [];
  if (oneSided > 0) notices.push({ code: 'unaligned-beads', message: `${oneSided} bead${oneSided === 1 ? ' aligns' : 's align'} sentences with nothing: left unlinked` });
  if (blank > 0) notices.push({ code: 'blank-lines', message: `${blank} bead line${blank === 1 ? ' is' : 's are'} blank: not sentences, left out of their groups` });
  const alignment: Alignment = { format: 'allinea-alignment', version: 1, documents, groups, overrides: [], bookmarks: [] };
  return { alignment, texts: new Map([[source.id, source.text], [target.id, target.text]]), notices };
}
