import { segment } from '../../../src/core/text/segment.js';

/** The sentences of `text` as strings. */
export function sentences(text: string, lang: string): string[] {
  return segment(text, lang).map(([start, end]) => text.slice(start, end));
}
