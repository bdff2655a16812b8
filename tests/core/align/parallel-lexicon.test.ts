import { describe, expect, it } from 'vitest';
import { scoreAlignments } from '../../../src/core/align/bead-scoring.js';
import type { Lexicon } from '../../../src/core/align/lexicon.js';
import { alignParallelBeads } from '../../../src/core/align/parallel-pair.js';
import { presplitDocument } from '../../../src/core/align/presplit.js';
import { dataSets } from '../../../bench/alignment-data.js';
import { mulberry32 } from '../../helpers/prng.js';

describe('lexicons in parallel mode', () => {
  // A general lexicon lists many senses of a word, each of which matches some neighbouring
  // sentence. Used in every pass, such a lexicon took Alice from 0.895 to 0.874 strict F1 here
  // (FreeDict en-fr did the same on all of transread-dev: 0.905 -> 0.889); used in the first
  // pass only, with the later passes matching through the dictionary learned from the document,
  // 0.892.
  it('a lexicon of wrong senses costs little: it guides the first pass, the learned dictionary the others', () => {
    const transread = dataSets().find((s) => s.name.startsWith('transread'))!;
    const alice = transread.pairs.find((p) => p.name.startsWith('Alice'))!;
    const words = (texts: readonly string[]): string[] => [...new Set(texts.join(' ').toLowerCase().match(/\p{L}{5,}/gu) ?? [])];
    const en = words(alice.source);
    const fr = words(alice.target);
    const random = mulberry32(7);
    // Every English word of the novel with six French words of the novel drawn at random.
    const noise: Lexicon = { name: 'noise', a: 'en', b: 'fr', entries: new Map(en.map((w) => [w, Array.from({ length: 6 }, () => fr[Math.floor(random() * fr.length)]!)])) };
    const f1 = (lexicons: readonly Lexicon[]): number =>
      scoreAlignments([{ gold: alice.gold, pred: alignParallelBeads(presplitDocument('s', 'en', alice.source), presplitDocument('t', 'fr', alice.target), { lexicons }) }]).strict.f1;
    const clean = f1([]);
    expect(clean).toBeGreaterThan(0.88);
    expect(f1([noise])).toBeGreaterThan(clean - 0.01);
  });
});
