/**
 * Which groups an export writes, and with which text per language. Every exporter goes
 * through here, so the rules are the same for all formats and every group left out is
 * reported with its reason:
 *
 * - Rejected groups are never written; suggested ones only with status `all`.
 * - Languages explicitly asked for (`langs`, `pair`) are required: a group without one of
 *   them is left out. Formats that need every column filled (Moses, JSONL) require every
 *   selected language even when none was asked for.
 * - A group must still link two languages after selection (a link between two Italian
 *   articles is not a translation unit).
 * - Several sentences of one document are joined with a space. Several documents of one
 *   language in a group (two Italian articles saying the same thing) are alternatives, not
 *   one text: row formats write one unit per combination (`expandUnits`), JSON keeps them all.
 */
import { AllineaError } from '../errors.js';
import type { Group } from '../model/types.js';
import { joinSentences } from './clean-text.js';
import type { ExportInput, Notice, Omission, SelectionOptions } from './types.js';

export interface Variant {
  readonly doc: string;
  readonly lang: string;
  readonly sentences: readonly number[];
  /** The sentences' text joined with a space, on one line, cleaned. */
  readonly text: string;
}

export interface SelectedGroup {
  readonly group: Group;
  /** Selected languages present in the group, in column order, each with its documents' variants. */
  readonly byLang: ReadonlyMap<string, readonly Variant[]>;
}

export interface Selection {
  /** Column languages, in order. */
  readonly langs: readonly string[];
  /** TMX srclang: the pair's source language, else "*all*". */
  readonly srclang: string;
  readonly groups: readonly SelectedGroup[];
  readonly omitted: readonly Omission[];
  readonly notices: readonly Notice[];
}

export interface SelectionPolicy {
  /** Require every selected language in every group, even when none was requested. */
  readonly requireAllLanguages?: boolean;
}

/** Languages of the alignment's documents, in document order, without repeats. */
export function alignmentLanguages(input: ExportInput): string[] {
  return [...new Set(input.alignment.documents.map((d) => d.lang))];
}

function resolveLanguages(input: ExportInput, options: SelectionOptions): { langs: string[]; explicit: boolean } {
  const available = alignmentLanguages(input);
  if (options.pair && options.langs) throw new AllineaError('Give either --langs or --pair, not both.');
  const requested = options.pair ? [...options.pair] : options.langs;
  if (!requested) return { langs: available, explicit: false };
  const langs: string[] = [];
  for (const want of requested) {
    const lang = available.find((l) => l.toLowerCase() === want.trim().toLowerCase());
    if (!lang) {
      throw new AllineaError(`No document of the alignment is in "${want}" (languages present: ${available.join(', ') || 'none'}).`);
    }
    if (langs.includes(lang)) throw new AllineaError(`Language "${lang}" is asked for twice.`);
    langs.push(lang);
  }
  if (langs.length < 2) throw new AllineaError('An export needs at least two languages.');
  return { langs, explicit: true };
}

/** `byLang` with its keys in column order (itself when they already are, as usual). */
function inOrder<V>(byLang: Map<string, V>, langs: readonly string[]): Map<string, V> {
  let column = 0;
  for (const lang of byLang.keys()) {
    while (column < langs.length && langs[column] !== lang) column++;
    if (column === langs.length) return new Map(langs.filter((l) => byLang.has(l)).map((l) => [l, byLang.get(l)!]));
  }
  return byLang;
}

export function selectGroups(input: ExportInput, options: SelectionOptions = {}, policy: SelectionPolicy = {}): Selection {
  const { langs, explicit } = resolveLanguages(input, options);
  const required = explicit || policy.requireAllLanguages ? langs : [];
  const status = options.status ?? 'confirmed';
  const docs = new Map(input.alignment.documents.map((d) => [d.id, d]));
  const groups: SelectedGroup[] = [];
  const omitted: Omission[] = [];
  let removedChars = 0;

  for (const group of input.alignment.groups) {
    if (group.status === 'rejected') {
      omitted.push({ group: group.id, reason: 'rejected', message: `group ${group.id} is rejected` });
      continue;
    }
    if (group.status === 'suggested' && status === 'confirmed') {
      omitted.push({ group: group.id, reason: 'suggested', message: `group ${group.id} is only suggested (use --status all to include it)` });
      continue;
    }
    const byLang = new Map<string, Variant[]>();
    let empty = false;
    for (const member of group.members) {
      const doc = docs.get(member.doc);
      if (!doc || !langs.includes(doc.lang)) continue;
      const text = input.texts.get(doc.id);
      if (text === undefined) throw new AllineaError(`The text of document "${doc.id}" is not available.`);
      const cleaned = joinSentences(
        member.sentences.map((s) => {
          const span = doc.sentences[s];
          return span ? text.slice(span[0], span[1]) : '';
        }),
      );
      removedChars += cleaned.removed;
      if (cleaned.text === '') {
        empty = true;
        continue;
      }
      const variant: Variant = { doc: doc.id, lang: doc.lang, sentences: member.sentences, text: cleaned.text };
      const same = byLang.get(doc.lang);
      if (same) same.push(variant);
      else byLang.set(doc.lang, [variant]);
    }
    const missing = required.filter((l) => !byLang.has(l));
    const emptyNote = empty ? ' (a text was empty after cleaning)' : '';
    if (missing.length > 0) {
      omitted.push({ group: group.id, reason: 'missing-language', langs: missing, message: `group ${group.id} has no ${missing.join(', ')} text${emptyNote}` });
      continue;
    }
    if (byLang.size < 2) {
      const only = [...byLang.keys()];
      const reason = empty ? 'empty-text' : 'single-language';
      const what = only.length === 0 ? 'no text in the selected languages' : `text in ${only[0]} only`;
      omitted.push({ group: group.id, reason, message: `group ${group.id} has ${what}${emptyNote}` });
      continue;
    }
    groups.push({ group, byLang: inOrder(byLang, langs) });
  }

  const notices: Notice[] = [];
  if (removedChars > 0) {
    notices.push({
      code: 'removed-characters',
      message: `removed ${removedChars} control or non-XML character${removedChars === 1 ? '' : 's'} from the texts`,
    });
  }
  const srclang = options.pair ? langs[0]! : '*all*';
  return { langs, srclang, groups, omitted, notices };
}

/** A row of a row format: one variant per language. */
export interface Unit {
  /** The group id; "g3.2", "g3.3", ... for further combinations of a group with several documents of one language. */
  readonly id: string;
  readonly group: Group;
  readonly byLang: ReadonlyMap<string, Variant>;
}

/** One unit per combination of documents (one unit for the usual group with one document per language). */
export function expandUnits(selection: Selection): { units: Unit[]; notices: Notice[] } {
  const units: Unit[] = [];
  let expanded = 0;
  for (const { group, byLang } of selection.groups) {
    if ([...byLang.values()].every((variants) => variants.length === 1)) {
      // The usual group: one document per language, one unit.
      units.push({ id: group.id, group, byLang: new Map([...byLang].map(([lang, variants]) => [lang, variants[0]!])) });
      continue;
    }
    let combos: Map<string, Variant>[] = [new Map()];
    for (const [lang, variants] of byLang) {
      combos = combos.flatMap((combo) => variants.map((v) => new Map(combo).set(lang, v)));
    }
    if (combos.length > 1) expanded++;
    combos.forEach((combo, k) => units.push({ id: k === 0 ? group.id : `${group.id}.${k + 1}`, group, byLang: combo }));
  }
  const notices: Notice[] =
    expanded > 0
      ? [
          {
            code: 'expanded-groups',
            message: `${expanded} group${expanded === 1 ? ' has' : 's have'} several documents of one language: written as one unit per combination`,
          },
        ]
      : [];
  return { units, notices };
}

/** "left out 3 groups: 2 without fr, 1 suggested" (empty string when nothing was left out). */
export function summarizeOmissions(omitted: readonly Omission[]): string {
  if (omitted.length === 0) return '';
  const counts = new Map<string, number>();
  for (const o of omitted) {
    const key =
      o.reason === 'missing-language' ? `without ${o.langs?.join(', ')}`
      : o.reason === 'single-language' ? 'with one language only'
      : o.reason === 'empty-text' ? 'with empty text'
      : o.reason;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const parts = [...counts].sort((a, b) => b[1] - a[1]).map(([key, n]) => `${n} ${key}`);
  return `left out ${omitted.length} group${omitted.length === 1 ? '' : 's'}: ${parts.join(', ')}`;
}
