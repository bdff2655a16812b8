/**
 * Segmentation work must grow linearly with the input on every shape (issue 13): the counter of
 * characters examined by the line passes (scan.ts) is compared at n and 2n lines. Not a timing.
 */
import { describe, expect, it } from 'vitest';
import { segment } from '../../../src/core/text/segment.js';
import { scanWork } from '../../../src/core/text/scan.js';

/** Characters examined per character of input, and the sentences found. */
function workOf(text: string, lang = 'en'): { work: number; sentences: number } {
  scanWork.chars = 0;
  const sentences = segment(text, lang).length;
  return { work: scanWork.chars, sentences };
}

const WORDS = 'the committee met on day and agreed plan for region Mr. Smith said it was done'.split(' ');

function lines(n: number, line: (i: number) => string, separator = '\n'): string {
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(line(i));
  return out.join(separator);
}

const SHAPES: Record<string, (n: number) => string> = {
  'one sentence per line, no punctuation, no quotes': (n) => lines(n, (i) => `The committee met on day ${i} and agreed on the plan`),
  'one sentence per line, full stop, no quotes': (n) => lines(n, (i) => `The committee met on day ${i} and agreed on the plan.`),
  'one sentence per line, CRLF': (n) => lines(n, (i) => `Le comité s'est réuni le jour ${i}.`, '\r\n'),
  'one sentence per line, one quote mark in the whole text': (n) => `"${lines(n, (i) => `The committee met on day ${i}`)}`,
  'one long line of sentences with abbreviations': (n) =>
    lines(n, (i) => `${WORDS[i % WORDS.length]} and Mr. Brown met Dr. Green on day ${i} with Prof. White`, ' '),
};

describe('segmentation work is linear in the input', () => {
  for (const [shape, make] of Object.entries(SHAPES)) {
    it(shape, () => {
      const n = 4000;
      const small = make(n);
      const large = make(2 * n);
      const a = workOf(small);
      const b = workOf(large);
      expect(a.sentences).toBeGreaterThan(0);
      // Twice the input: about twice the work (a quadratic path gives about four times).
      expect(b.work / a.work).toBeLessThan(2.3);
      // And a small constant number of looks per character, whatever the size.
      expect(b.work / large.length).toBeLessThan(4);
    });
  }
});
