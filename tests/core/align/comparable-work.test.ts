/**
 * Comparable mode's candidate search does work in proportion to the documents: sentences that
 * share only a stray number or name with a target are not scored, so the pairs scored do not
 * grow with the square of the document (they did on documents of long sentences).
 */
import { describe, expect, it } from 'vitest';
import { align } from '../../../src/core/align/index.js';
import { comparableWork } from '../../../src/core/align/comparable.js';
import { segment } from '../../../src/core/text/segment.js';
import { SHAPES } from '../../../bench/shape-inputs.js';

function pairsScored(bytes: number): { pairs: number; sentences: number } {
  const input = SHAPES.find((s) => s.name.startsWith('very long'))!.make(bytes);
  const docs = input.files.map((f, k) => ({ id: `d${k}`, lang: k === 0 ? 'en' : 'fr', text: f.text, sentences: segment(f.text, k === 0 ? 'en' : 'fr') }));
  const before = comparableWork.pairs;
  align(docs, { mode: 'comparable' });
  return { pairs: comparableWork.pairs - before, sentences: docs[0]!.sentences.length };
}

describe('comparable mode work', () => {
  it('scores about as many pairs per sentence at twice the size (documents of 10 kB sentences)', () => {
    const small = pairsScored(1024 * 1024);
    const large = pairsScored(2048 * 1024);
    expect(large.sentences).toBeGreaterThan(1.8 * small.sentences);
    expect(large.pairs).toBeLessThanOrEqual(2.3 * Math.max(small.pairs, small.sentences));
  }, 60_000);
});
