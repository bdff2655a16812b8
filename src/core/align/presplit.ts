import type { AlignDocument } from './types.js';

/**
 * A pre-segmented document (one sentence per line, as alignment benchmarks distribute them):
 * the sentences joined by newlines, each span covering one sentence.
 */
export function presplitDocument(id: string, lang: string, sentences: readonly string[]): AlignDocument {
  let text = '';
  const spans: [number, number][] = [];
  for (const s of sentences) {
    spans.push([text.length, text.length + s.length]);
    text += `${s}\n`;
  }
  return { id, lang, text, sentences: spans };
}

/** The lines of a pre-segmented file's text (a final newline does not make an empty sentence). */
export function presplitLines(text: string): string[] {
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}
