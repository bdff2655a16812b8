import type { Alignment, DocumentRef, Span } from './types.js';

export interface SourceDocument {
  readonly id: string;
  /** Path relative to the alignment file (POSIX separators). */
  readonly path: string;
  readonly lang: string;
  readonly title?: string;
  readonly text: string;
  readonly sha256: string;
}

export type SegmentFn = (text: string, lang: string) => Span[];

/** A new alignment over documents, segmented, with no groups yet. */
export function createAlignment(docs: readonly SourceDocument[], segment: SegmentFn): Alignment {
  const documents: DocumentRef[] = docs.map((doc) => ({
    id: doc.id,
    path: doc.path,
    lang: doc.lang,
    sha256: doc.sha256,
    ...(doc.title ? { title: doc.title } : {}),
    sentences: segment(doc.text, doc.lang),
  }));
  return { format: 'allinea-alignment', version: 1, documents, groups: [], overrides: [], bookmarks: [] };
}

/** The text of sentence `index` of a document. */
export function sentenceText(text: string, doc: DocumentRef, index: number): string {
  const span = doc.sentences[index];
  return span ? text.slice(span[0], span[1]) : '';
}
