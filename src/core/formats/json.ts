/**
 * The plain JSON export, for downstream code: one object per group with the text of each
 * language and of each member document, ids, status and score, plus what was left out.
 * The shape is documented in docs/formats.md ("json"); `format`/`version` mark it.
 * `importJson` reads it back (each member's text in its language), for round trips.
 */
import { AllineaError } from '../errors.js';
import { excerpt } from '../display/sanitize.js';
import { normalizeLang } from './lang-tag.js';
import { selectGroups } from './selection.js';
import type { ExportInput, ExportResult, ImportedUnit, ImportedUnits, SelectionOptions } from './types.js';

export const JSON_EXPORT_FORMAT = 'allinea-export';
export const JSON_EXPORT_VERSION = 1;

export function exportJson(input: ExportInput, options: SelectionOptions = {}): ExportResult {
  const selection = selectGroups(input, options);
  const langs = new Set(selection.langs);
  const documents = input.alignment.documents
    .filter((d) => langs.has(d.lang))
    .map((d) => ({ id: d.id, lang: d.lang, path: d.path, ...(d.title !== undefined ? { title: d.title } : {}) }));
  const groups = selection.groups.map(({ group, byLang }) => {
    const variants = [...byLang.values()].flat();
    return {
      id: group.id,
      status: group.status,
      origin: group.origin,
      score: group.score ?? null,
      note: group.note ?? null,
      // One text per language: the first document's when a language has several (all are in members).
      text: Object.fromEntries([...byLang].map(([lang, vs]) => [lang, vs[0]!.text])),
      members: variants.map((v) => ({ doc: v.doc, lang: v.lang, sentences: v.sentences, text: v.text })),
    };
  });
  const data = {
    format: JSON_EXPORT_FORMAT,
    version: JSON_EXPORT_VERSION,
    status: options.status ?? 'confirmed',
    languages: selection.langs,
    documents,
    groups,
    omitted: selection.omitted.map((o) => ({ group: o.group, reason: o.reason, ...(o.langs ? { langs: o.langs } : {}), message: o.message })),
    notices: selection.notices,
  };
  return { output: `${JSON.stringify(data, null, 2)}\n`, omitted: selection.omitted, notices: selection.notices, written: groups.length };
}

type Json = unknown;

function fail(name: string, where: string, what: string): never {
  throw new AllineaError(`${name}: ${where} ${what}.`);
}

/** Reads an allinea JSON export back into units (one per group, one text per member). */
export function importJson(text: string, name = 'The JSON file'): ImportedUnits {
  let data: Json;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new AllineaError(`${name} is not valid JSON: ${excerpt((error as Error).message.replace(/\.$/, ''), 120)}.`);
  }
  const root = data as Record<string, Json>;
  if (typeof data !== 'object' || data === null || root.format !== JSON_EXPORT_FORMAT) {
    throw new AllineaError(`${name} is not an allinea JSON export (its "format" is not "${JSON_EXPORT_FORMAT}").`);
  }
  if (root.version !== JSON_EXPORT_VERSION) fail(name, '"version"', `is ${JSON.stringify(root.version)}; this allinea reads version ${JSON_EXPORT_VERSION}`);
  if (!Array.isArray(root.groups)) fail(name, '"groups"', 'must be a list');
  const units: ImportedUnit[] = (root.groups as Json[]).map((g, i) => {
    const at = `groups[${i}]`;
    if (typeof g !== 'object' || g === null) fail(name, at, 'must be an object');
    const group = g as Record<string, Json>;
    if (!Array.isArray(group.members)) fail(name, `${at}.members`, 'must be a list');
    const variants = (group.members as Json[]).map((m, k) => {
      const member = m as Record<string, Json> | null;
      if (typeof member?.lang !== 'string' || member.lang.trim() === '') fail(name, `${at}.members[${k}].lang`, 'must be a language tag');
      if (typeof member.text !== 'string') fail(name, `${at}.members[${k}].text`, 'must be a string');
      // The indices are not used (the text is), but wrong ones mean the file is not what it claims.
      const sentences = member.sentences;
      if (sentences !== undefined) {
        if (!Array.isArray(sentences) || sentences.length === 0) fail(name, `${at}.members[${k}].sentences`, 'must be a non-empty list of sentence numbers');
        const bad = (sentences as Json[]).findIndex((n) => typeof n !== 'number' || !Number.isSafeInteger(n) || n < 0);
        if (bad >= 0) fail(name, `${at}.members[${k}].sentences[${bad}]`, `is ${excerpt(JSON.stringify((sentences as Json[])[bad]) ?? 'undefined')}, not a sentence number (0 or more)`);
      }
      return { lang: normalizeLang(member.lang), text: member.text };
    });
    const status = group.status;
    const origin = group.origin;
    const score = group.score;
    if (score !== undefined && score !== null && !(typeof score === 'number' && score >= 0 && score <= 1)) {
      fail(name, `${at}.score`, `is ${excerpt(JSON.stringify(score) ?? 'undefined')}, not a score between 0 and 1`);
    }
    if (status !== undefined && status !== 'confirmed' && status !== 'suggested' && status !== 'rejected') {
      fail(name, `${at}.status`, `is ${excerpt(JSON.stringify(status) ?? 'undefined')}, not "confirmed", "suggested" or "rejected"`);
    }
    return {
      ...(typeof group.id === 'string' ? { id: group.id } : {}),
      ...(status === 'confirmed' || status === 'suggested' || status === 'rejected' ? { status } : {}),
      ...(origin === 'manual' || origin === 'auto' ? { origin } : {}),
      ...(typeof score === 'number' && score >= 0 && score <= 1 ? { score } : {}),
      ...(typeof group.note === 'string' && group.note !== '' ? { note: group.note } : {}),
      variants,
    };
  });
  return { kind: 'units', units, notices: [] };
}
