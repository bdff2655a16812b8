/**
 * The alignment file schema (schema.ts) as a plain structural test, for the fast path:
 * true exactly when zod's `alignmentSchema` accepts the value. zod stays the schema of
 * record: it publishes the JSON Schema and explains every refusal, and a property test
 * keeps this function in step with it. Why a second copy: on a 100k-group file zod takes
 * longer than JSON.parse itself (it copies every object), and loading zod costs ~100 ms
 * of `allinea check`'s cold start; this test copies nothing and loads nothing.
 */
import type { Alignment } from './types.js';

const SHA256 = /^[0-9a-f]{64}$/;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isIndex(value: unknown): boolean {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}


function isName(value: unknown): boolean {
  return typeof value === 'string' && value.length > 0;
}

function isOptionalString(value: unknown): boolean {
  return value === undefined || typeof value === 'string';
}

function isSpans(value: unknown): boolean {
  if (!Array.isArray(value)) return false;
  for (let i = 0; i < value.length; i++) {
    const span: unknown = value[i];
    if (!Array.isArray(span) || span.length !== 2 || !isIndex(span[0]) || !isIndex(span[1])) return false;
  }
  return true;
}

function isIdRuns(value: unknown): boolean {
  if (!Array.isArray(value)) return false;
  for (let i = 0; i < value.length; i++) {
    const run: unknown = value[i];
    if (!Array.isArray(run) || run.length !== 2 || !isIndex(run[0]) || !isIndex(run[1]) || run[1] === 0) return false;
  }
  return true;
}

function isDocument(value: unknown, v2: boolean): boolean {
  if (!isObject(value)) return false;
  for (const key in value) {
    if (key !== 'id' && key !== 'path' && key !== 'lang' && key !== 'sha256' && key !== 'title' && key !== 'sentences' && !(v2 && key === 'ids')) return false;
  }
  if (v2 && value.ids !== undefined && !isIdRuns(value.ids)) return false;
  return (
    isName(value.id) &&
    isName(value.path) &&
    isName(value.lang) &&
    typeof value.sha256 === 'string' &&
    SHA256.test(value.sha256) &&
    isOptionalString(value.title) &&
    isSpans(value.sentences)
  );
}

function isMember(value: unknown): boolean {
  if (!isObject(value)) return false;
  for (const key in value) {
    if (key !== 'doc' && key !== 'sentences' && key !== 'texts') return false;
  }
  if (!isName(value.doc)) return false;
  const sentences = value.sentences;
  if (!Array.isArray(sentences) || sentences.length === 0) return false;
  for (let i = 0; i < sentences.length; i++) if (!isIndex(sentences[i])) return false;
  const texts = value.texts;
  if (texts === undefined) return true;
  if (!Array.isArray(texts)) return false;
  for (let i = 0; i < texts.length; i++) if (typeof texts[i] !== 'string') return false;
  return true;
}

function isGroup(value: unknown): boolean {
  if (!isObject(value)) return false;
  for (const key in value) {
    if (key !== 'id' && key !== 'status' && key !== 'origin' && key !== 'score' && key !== 'note' && key !== 'members') return false;
  }
  const { status, origin, score, members } = value;
  if (!isName(value.id)) return false;
  if (status !== 'confirmed' && status !== 'suggested' && status !== 'rejected') return false;
  if (origin !== 'manual' && origin !== 'auto') return false;
  if (score !== undefined && !(typeof score === 'number' && score >= 0 && score <= 1)) return false;
  if (!isOptionalString(value.note) || !Array.isArray(members)) return false;
  for (let i = 0; i < members.length; i++) if (!isMember(members[i])) return false;
  return true;
}

function isOverride(value: unknown, v2: boolean): boolean {
  if (!isObject(value)) return false;
  for (const key in value) if (key !== 'doc' && key !== 'op' && key !== 'at' && !(v2 && key === 'context')) return false;
  const context = value.context;
  if (context !== undefined && !(Array.isArray(context) && context.length === 2 && typeof context[0] === 'string' && typeof context[1] === 'string')) return false;
  return isName(value.doc) && (value.op === 'split' || value.op === 'join') && isIndex(value.at);
}

function isBookmark(value: unknown): boolean {
  if (!isObject(value)) return false;
  for (const key in value) if (key !== 'doc' && key !== 'sentence' && key !== 'note' && key !== 'text') return false;
  return isName(value.doc) && isIndex(value.sentence) && isOptionalString(value.note) && isOptionalString(value.text);
}

function isArrayOf(value: unknown, test: (item: unknown) => boolean): boolean {
  if (!Array.isArray(value)) return false;
  for (let i = 0; i < value.length; i++) if (!test(value[i])) return false;
  return true;
}

/** Whether `alignmentSchema` would accept the value (no copy is made, nothing is thrown). */
export function hasAlignmentShape(value: unknown): boolean {
  if (!isObject(value)) return false;
  for (const key in value) {
    if (key !== '$schema' && key !== 'format' && key !== 'version' && key !== 'documents' && key !== 'groups' && key !== 'overrides' && key !== 'bookmarks') return false;
  }
  const v2 = value.version === 2;
  return (
    isOptionalString(value.$schema) &&
    value.format === 'allinea-alignment' &&
    (value.version === 1 || v2) &&
    isArrayOf(value.documents, (d) => isDocument(d, v2)) &&
    isArrayOf(value.groups, isGroup) &&
    (value.overrides === undefined || isArrayOf(value.overrides, (o) => isOverride(o, v2))) &&
    (value.bookmarks === undefined || isArrayOf(value.bookmarks, isBookmark))
  );
}

/** The alignment a value of that shape holds, as zod's parse would give it (defaults filled in, `$schema` left out). */
export function alignmentFromShape(value: unknown): Alignment {
  const v = value as Alignment & { overrides?: Alignment['overrides']; bookmarks?: Alignment['bookmarks'] };
  return { format: v.format, version: v.version, documents: v.documents, groups: v.groups, overrides: v.overrides ?? [], bookmarks: v.bookmarks ?? [] };
}
