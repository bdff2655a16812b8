/**
 * The plain JSON export, for downstream code: one object per group with the text of each
 * language and of each member document, ids, status and score, plus what was left out.
 * The shape is documented in docs/formats.md ("json"); `format`/`version` mark it.
 */
import { selectGroups } from './selection.js';
import type { ExportInput, ExportResult, SelectionOptions } from './types.js';

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
