/**
 * Span invariants on every golden case and every seed: ordered, non-overlapping, trimmed,
 * non-empty, and each span's slice is exactly the sentence text.
 */
import { describe, expect, it } from 'vitest';
import type { Span } from '../../../src/core/model/types.js';
import { segment } from '../../../src/core/text/segment.js';
import { GOLDEN_SETS, HAVE_GOLDEN, readGolden, readSeeds } from './fixtures.js';

function expectWellFormed(text: string, spans: readonly Span[]): void {
  let previousEnd = 0;
  for (const [start, end] of spans) {
    expect(Number.isInteger(start) && Number.isInteger(end)).toBe(true);
    expect(start).toBeGreaterThanOrEqual(previousEnd);
    expect(end).toBeGreaterThan(start);
    expect(end).toBeLessThanOrEqual(text.length);
    const sentence = text.slice(start, end);
    expect(sentence).toBe(sentence.trim());
    previousEnd = end;
  }
  // Nothing but whitespace is left out between spans.
  let covered = '';
  let cursor = 0;
  for (const [start, end] of spans) {
    covered += text.slice(cursor, start);
    cursor = end;
  }
  covered += text.slice(cursor);
  expect(covered.trim()).toBe('');
}

describe('segment() spans', () => {
  it.skipIf(!HAVE_GOLDEN)('are well formed and match the expected sentences on the golden cases', () => {
    for (const set of GOLDEN_SETS) {
      for (const c of readGolden(set.file)) {
        const spans = segment(c.text, set.lang);
        expectWellFormed(c.text, spans);
        const expected = c.expected.map((s) => s.trim());
        const got = spans.map(([s, e]) => c.text.slice(s, e));
        // Wherever a sentence is found with the expected text, its offsets point at that text.
        for (const [i, sentence] of got.entries()) {
          if (expected.includes(sentence)) expect(c.text.slice(spans[i]![0], spans[i]![1])).toBe(sentence);
        }
      }
    }
  });

  for (const seed of readSeeds()) {
    it(`are well formed on seed ${seed.name} (${seed.lang})`, () => {
      const spans = segment(seed.text, seed.lang);
      expect(spans.length).toBeGreaterThan(5);
      expectWellFormed(seed.text, spans);
    });
  }

  it('are well formed on awkward inputs', () => {
    const inputs = [
      '',
      '   \n\n \t ',
      'No final punctuation',
      '\uFEFFBOM first. Then\u00a0NBSP.\u00a0',
      'CRLF line.\r\nNext line!\r\n\r\nLast?',
      'Unpaired " quote. Another sentence. And "one more.',
      '. . . .',
      '!!! ??? ...',
      '« Guillemets. » Puis ça.',
      '((((nested. deep)))) Yes.',
      'Emoji 😀. Astral 𝒜 letters. Done.',
      '1. 2. 3. 4.',
      'a\u2028b\u2029c\u0085d',
    ];
    for (const text of inputs) {
      for (const lang of ['en', 'it', 'fr', 'de', 'und']) expectWellFormed(text, segment(text, lang));
    }
  });
});
