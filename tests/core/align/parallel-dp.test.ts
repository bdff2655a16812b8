import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { alignParallel, DEFAULT_PARALLEL_PARAMS, type Bead } from '../../../src/core/align/parallel.js';
import { presplitDocument, presplitLines } from '../../../src/core/align/presplit.js';
import { preparePair, SignalPairScorer } from '../../../src/core/align/signal-scorer.js';
import type { AlignDocument } from '../../../src/core/align/types.js';
import { SHARED_DIR } from '../../helpers/seeds.js';

const DATA = join(SHARED_DIR, 'bench/alignment');
const presplit = (id: string, lang: string, path: string): AlignDocument => presplitDocument(id, lang, presplitLines(readFileSync(path, 'utf8')));

/**
 * The DP has a fast path (pair matches precomputed over the band, bead shapes of up to 2 a side
 * written out) and a general one (any bead size, similarity asked of the scorer). On the same
 * pair they must find the same beads with the same scores. The scorer only gives a bead's
 * similarity, not which sentence matched, so the per-sentence evidence term is off for this
 * comparison; the two loops over pair matches are compared with it on.
 */
function both(a: AlignDocument, b: AlignDocument, maxBead: number): { fast: Bead[]; general: Bead[] } {
  const prepared = preparePair(a, b, []);
  const common = {
    sourceLengths: a.sentences.map(([s, e]) => e - s),
    targetLengths: b.sentences.map(([s, e]) => e - s),
    scorer: new SignalPairScorer(prepared),
    features: prepared,
    maxBead,
    params: { ...DEFAULT_PARALLEL_PARAMS, evidenceWeight: 0 },
  };
  return { fast: alignParallel({ ...common, featureSimilarity: true }), general: alignParallel({ ...common, featureSimilarity: false }) };
}

function loops(a: AlignDocument, b: AlignDocument): { pairs: Bead[]; general: Bead[] } {
  const prepared = preparePair(a, b, []);
  const common = {
    sourceLengths: a.sentences.map(([s, e]) => e - s),
    targetLengths: b.sentences.map(([s, e]) => e - s),
    scorer: new SignalPairScorer(prepared),
    features: prepared,
    maxBead: 2,
    featureSimilarity: true,
    // A ratio and skip costs as the second pass of an omission-heavy pair gets them.
    lengthRatio: 1.01,
    skipCosts: [4.5, 6] as const,
  };
  return { pairs: alignParallel(common), general: alignParallel({ ...common, generalLoop: true }) };
}

describe('parallel DP: the precomputed-similarity path agrees with the scorer path', () => {
  const pairs: [string, AlignDocument, AlignDocument][] = [
    // Full matrix (468 × 554).
    ['textberg-dev', presplit('de', 'de', join(DATA, 'textberg-dev/dev.de')), presplit('fr', 'fr', join(DATA, 'textberg-dev/dev.fr'))],
    // Banded: coarse guide, band, re-solved edges (1524 × 1346).
    ['Candide', presplit('en', 'en', join(DATA, 'transread-dev/Candide.en')), presplit('fr', 'fr', join(DATA, 'transread-dev/Candide.fr'))],
  ];
  for (const [name, a, b] of pairs) {
    for (const maxBead of [1, 2, 3]) {
      it(`${name}, beads of up to ${maxBead} a side`, () => {
        const { fast, general } = both(a, b, maxBead);
        expect(fast.length).toBeGreaterThan(Math.min(a.sentences.length, b.sentences.length) / 3);
        expect(fast).toEqual(general);
      });
    }
    it(`${name}: the 2-a-side loop and the general loop agree with the evidence term, a given ratio and skip costs`, () => {
      const { pairs, general } = loops(a, b);
      expect(DEFAULT_PARALLEL_PARAMS.evidenceWeight).toBeGreaterThan(0);
      expect(pairs.length).toBeGreaterThan(Math.min(a.sentences.length, b.sentences.length) / 3);
      expect(pairs).toEqual(general);
    });
  }
});
