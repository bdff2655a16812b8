import type { AlignDocument } from './types.js';

/**
 * A pre-segmented document (one sentence per line, as alignment benchmarks distribute them):
 * the sentences joined by newlines, each span covering one sentence.
 */
export function presplitDocument(id: string, lang: string, sentences: readonly string[]): AlignDocument {
  const spans: [number, number][] = [];
  let at = 0;
  for (const s of sentences) {
    spans.push([at, at + s.length]);
    at += s.length + 1;
  }
  // One join builds a flat string; appending 100k times builds a rope that the first read
  // of a character has to flatten.
  const text = sentences.length ? [...sentences, ''].join('\n') : '';
  return { id, lang, text, sentences: spans };
}

/** The lines of a pre-segmented file's text (a final newline does not make an empty sentence). */
export function presplitLines(text: string): string[] {
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}
