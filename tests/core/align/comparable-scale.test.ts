/**
 * Comparable mode on large documents (issue 13): the candidate search must stay near-linear.
 * Counts the candidate pairs kept after scoring (options.debug), not time.
 */
import { describe, expect, it } from 'vitest';
import { alignComparablePair } from '../../../src/core/align/comparable.js';
import { presplitDocument } from '../../../src/core/align/presplit.js';
import { mulberry32 } from '../../helpers/prng.js';

/** Two documents of n sentences over a Zipfian vocabulary; half the target restates source sentences. */
function comparable(n: number): { source: string[]; target: string[]; restated: Map<number, number> } {
  const next = mulberry32(12345);
  const syl = 'ka ri to me sa lu ne po vi da ge ro mi tu se la fo be ni zu'.split(' ');
  const vocab = Array.from({ length: 20_000 }, (_, w) => Array.from({ length: 2 + (w % 3) }, () => syl[Math.floor(next() * syl.length)]).join(''));
  const word = () => vocab[Math.min(vocab.length - 1, Math.floor(Math.exp(next() * Math.log(vocab.length))) - 1)]!;
  const sentence = () => Array.from({ length: 8 + Math.floor(next() * 14) }, word);
  const source = Array.from({ length: n }, sentence);
  const restated = new Map<number, number>();
  const target = Array.from({ length: n }, (_, k) => {
    if (next() >= 0.5) return sentence();
    const from = Math.floor(next() * n);
    restated.set(k, from);
    const words = [...source[from]!];
    words[Math.floor(next() * words.length)] = word();
    return words;
  });
  const text = (ws: string[]) => `${ws.join(' ')}.`;
  return { source: source.map(text), target: target.map(text), restated };
}

function run(n: number): { scored: number; recall: number } {
  const { source, target, restated } = comparable(n);
  let scored = 0;
  const links = alignComparablePair(presplitDocument('a', 'en', source), presplitDocument('b', 'en', target), { debug: (pairs) => (scored = pairs.length) });
  const found = links.filter((l) => l.b.sentences.some((j) => l.a.sentences.includes(restated.get(j) ?? -1))).length;
  return { scored, recall: found / restated.size };
}

describe('comparable candidate search on large documents', () => {
  it('scores a bounded number of candidates per sentence, linearly in the size, and still finds the restatements', () => {
    const small = run(1500);
    const large = run(3000);
    expect(large.scored / small.scored).toBeLessThan(2.3);
    expect(large.scored).toBeLessThanOrEqual(4 * 3000);
    expect(small.recall).toBeGreaterThan(0.6);
    expect(large.recall).toBeGreaterThan(0.6);
  }, 60_000);
});
