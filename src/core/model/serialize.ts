/**
 * Writes an alignment file in a stable, diff-friendly layout: fixed key order, one group,
 * override or bookmark per line, each document's segmentation on one line. Member texts
 * are filled in from the sources so that a reviewer reads the aligned sentences in a diff.
 */
import type { Alignment, Bookmark, Group, Member } from './types.js';

/** Text of each document by id; when given, member and bookmark texts are (re)written. */
export type TextsById = ReadonlyMap<string, string>;

const j = JSON.stringify;

function memberJson(member: Member, alignment: Alignment, texts?: TextsById): string {
  const doc = alignment.documents.find((d) => d.id === member.doc);
  const text = texts?.get(member.doc);
  const memberTexts =
    doc && text !== undefined
      ? member.sentences.map((s) => {
          const span = doc.sentences[s];
          return span ? text.slice(span[0], span[1]) : '';
        })
      : member.texts;
  return `{"doc": ${j(member.doc)}, "sentences": ${j(member.sentences)}${memberTexts ? `, "texts": ${j(memberTexts)}` : ''}}`;
}

function groupJson(group: Group, alignment: Alignment, texts?: TextsById): string {
  const parts = [`"id": ${j(group.id)}`, `"status": ${j(group.status)}`, `"origin": ${j(group.origin)}`];
  if (group.score !== undefined) parts.push(`"score": ${j(group.score)}`);
  if (group.note !== undefined) parts.push(`"note": ${j(group.note)}`);
  parts.push(`"members": [${group.members.map((m) => memberJson(m, alignment, texts)).join(', ')}]`);
  return `{${parts.join(', ')}}`;
}

function bookmarkJson(bookmark: Bookmark, alignment: Alignment, texts?: TextsById): string {
  const doc = alignment.documents.find((d) => d.id === bookmark.doc);
  const text = texts?.get(bookmark.doc);
  const span = doc?.sentences[bookmark.sentence];
  const sentenceText = span && text !== undefined ? text.slice(span[0], span[1]) : bookmark.text;
  const parts = [`"doc": ${j(bookmark.doc)}`, `"sentence": ${bookmark.sentence}`];
  if (bookmark.note !== undefined) parts.push(`"note": ${j(bookmark.note)}`);
  if (sentenceText !== undefined) parts.push(`"text": ${j(sentenceText)}`);
  return `{${parts.join(', ')}}`;
}

function list(lines: string[], indent: string): string {
  return lines.length === 0 ? '[]' : `[\n${lines.map((l) => indent + l).join(',\n')}\n  ]`;
}

export function serializeAlignment(alignment: Alignment, texts?: TextsById): string {
  return [...serializeAlignmentChunks(alignment, texts)].join('');
}

/** Groups per chunk of serializeAlignmentChunks. */
const GROUPS_PER_CHUNK = 2000;

/**
 * serializeAlignment in pieces (their concatenation is exactly serializeAlignment's string), so
 * that a file of a million groups is written without its whole text in memory at once.
 */
export function* serializeAlignmentChunks(alignment: Alignment, texts?: TextsById): Generator<string> {
  const documents = alignment.documents.map((doc) => {
    const head = [`"id": ${j(doc.id)}`, `"path": ${j(doc.path)}`, `"lang": ${j(doc.lang)}`, `"sha256": ${j(doc.sha256)}`];
    if (doc.title !== undefined) head.push(`"title": ${j(doc.title)}`);
    const spans = doc.sentences.map(([s, e]) => `[${s}, ${e}]`).join(', ');
    return `{\n      ${head.join(',\n      ')},\n      "sentences": [${spans}]\n    }`;
  });
  yield ['{', `  "format": "allinea-alignment",`, `  "version": 1,`, `  "documents": ${list(documents, '    ')},`, ''].join('\n');
  documents.length = 0;
  const { groups } = alignment;
  if (groups.length === 0) yield '  "groups": [],\n';
  else {
    for (let start = 0; start < groups.length; start += GROUPS_PER_CHUNK) {
      const lines: string[] = [];
      for (let g = start; g < Math.min(groups.length, start + GROUPS_PER_CHUNK); g++) lines.push(`    ${groupJson(groups[g]!, alignment, texts)}`);
      yield `${start === 0 ? '  "groups": [\n' : ',\n'}${lines.join(',\n')}`;
    }
    yield '\n  ],\n';
  }
  yield [
    `  "overrides": ${list(alignment.overrides.map((o) => `{"doc": ${j(o.doc)}, "op": ${j(o.op)}, "at": ${o.at}}`), '    ')},`,
    `  "bookmarks": ${list(alignment.bookmarks.map((b) => bookmarkJson(b, alignment, texts)), '    ')}`,
    '}',
    '',
  ].join('\n');
}
