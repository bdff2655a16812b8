/**
 * Writes an alignment file (format version 2) in a stable, diff-friendly layout: fixed key
 * order, one group, override or bookmark per line, each document's segmentation on one line.
 * Member texts are filled in from the sources so that a reviewer reads the aligned sentences
 * in a diff. Sentences are named by their stable id (sentence-ids.ts): a split or join
 * changes its document's lines and the group holding the sentence, not every later group.
 */
import { overrideContext } from './text-match.js';
import { idRuns, usableIds } from './sentence-ids.js';
import type { Alignment, Bookmark, DocumentRef, Group, Member, SegmentationOverride } from './types.js';

/** Text of each document by id; when given, member and bookmark texts are (re)written. */
export type TextsById = ReadonlyMap<string, string>;

const j = JSON.stringify;

/** Per document: its ref, its text, and its ids when they are not the indices. */
interface DocInfo {
  readonly doc: DocumentRef;
  readonly text: string | undefined;
  readonly ids: readonly number[] | undefined;
}

function memberJson(member: Member, info: DocInfo | undefined): string {
  const doc = info?.doc;
  const text = info?.text;
  const memberTexts =
    doc && text !== undefined
      ? member.sentences.map((s) => {
          const span = doc.sentences[s];
          return span ? text.slice(span[0], span[1]) : '';
        })
      : member.texts;
  const ids = info?.ids;
  const sentences = ids ? member.sentences.map((s) => ids[s] ?? s) : member.sentences;
  return `{"doc": ${j(member.doc)}, "sentences": ${j(sentences)}${memberTexts ? `, "texts": ${j(memberTexts)}` : ''}}`;
}

function groupJson(group: Group, docs: ReadonlyMap<string, DocInfo>): string {
  const parts = [`"id": ${j(group.id)}`, `"status": ${j(group.status)}`, `"origin": ${j(group.origin)}`];
  if (group.score !== undefined) parts.push(`"score": ${j(group.score)}`);
  if (group.note !== undefined) parts.push(`"note": ${j(group.note)}`);
  parts.push(`"members": [${group.members.map((m) => memberJson(m, docs.get(m.doc))).join(', ')}]`);
  return `{${parts.join(', ')}}`;
}

function bookmarkJson(bookmark: Bookmark, info: DocInfo | undefined): string {
  const span = info?.doc.sentences[bookmark.sentence];
  const sentenceText = span && info?.text !== undefined ? info.text.slice(span[0], span[1]) : bookmark.text;
  const parts = [`"doc": ${j(bookmark.doc)}`, `"sentence": ${info?.ids?.[bookmark.sentence] ?? bookmark.sentence}`];
  if (bookmark.note !== undefined) parts.push(`"note": ${j(bookmark.note)}`);
  if (sentenceText !== undefined) parts.push(`"text": ${j(sentenceText)}`);
  return `{${parts.join(', ')}}`;
}

function overrideJson(o: SegmentationOverride, info: DocInfo | undefined): string {
  const text = info?.text;
  const context = text !== undefined && o.at <= text.length ? overrideContext(text, o.at) : o.context;
  return `{"doc": ${j(o.doc)}, "op": ${j(o.op)}, "at": ${o.at}${context ? `, "context": ${j(context)}` : ''}}`;
}

function list(lines: string[], indent: string): string {
  return lines.length === 0 ? '[]' : `[\n${lines.map((l) => indent + l).join(',\n')}\n  ]`;
}

export function serializeAlignment(alignment: Alignment, texts?: TextsById): string {
  return [...serializeAlignmentChunks(alignment, texts)].join('');
}

/**
 * Groups per chunk of serializeAlignmentChunks. Small: a chunk's lines live until it is
 * written, and lines that outlive two young-generation collections move to the old
 * generation, which then grows until a full collection. With 2,000 groups per chunk, writing
 * 100,000 groups grew the heap by some 120 MB of such dead lines (peak RSS of an import).
 */
const GROUPS_PER_CHUNK = 200;

/**
 * serializeAlignment in pieces (their concatenation is exactly serializeAlignment's string), so
 * that a file of a million groups is written without its whole text in memory at once.
 */
export function* serializeAlignmentChunks(alignment: Alignment, texts?: TextsById): Generator<string> {
  const docs = new Map<string, DocInfo>();
  for (const doc of alignment.documents) if (!docs.has(doc.id)) docs.set(doc.id, { doc, text: texts?.get(doc.id), ids: usableIds(doc) });
  const documents = alignment.documents.map((doc) => {
    const head = [`"id": ${j(doc.id)}`, `"path": ${j(doc.path)}`, `"lang": ${j(doc.lang)}`, `"sha256": ${j(doc.sha256)}`];
    if (doc.title !== undefined) head.push(`"title": ${j(doc.title)}`);
    const spans = doc.sentences.map(([s, e]) => `[${s}, ${e}]`).join(', ');
    const ids = docs.get(doc.id)?.doc === doc ? docs.get(doc.id)!.ids : undefined;
    const idLine = ids ? `,\n      "ids": [${idRuns(ids).map(([first, count]) => `[${first}, ${count}]`).join(', ')}]` : '';
    return `{\n      ${head.join(',\n      ')},\n      "sentences": [${spans}]${idLine}\n    }`;
  });
  yield ['{', `  "format": "allinea-alignment",`, `  "version": 2,`, `  "documents": ${list(documents, '    ')},`, ''].join('\n');
  documents.length = 0;
  const { groups } = alignment;
  if (groups.length === 0) yield '  "groups": [],\n';
  else {
    for (let start = 0; start < groups.length; start += GROUPS_PER_CHUNK) {
      const lines: string[] = [];
      for (let g = start; g < Math.min(groups.length, start + GROUPS_PER_CHUNK); g++) lines.push(`    ${groupJson(groups[g]!, docs)}`);
      yield `${start === 0 ? '  "groups": [\n' : ',\n'}${lines.join(',\n')}`;
    }
    yield '\n  ],\n';
  }
  yield [
    `  "overrides": ${list(alignment.overrides.map((o) => overrideJson(o, docs.get(o.doc))), '    ')},`,
    `  "bookmarks": ${list(alignment.bookmarks.map((b) => bookmarkJson(b, docs.get(b.doc))), '    ')}`,
    '}',
    '',
  ].join('\n');
}
