/**
 * The pair scorer's match cache is sized to the pair (issue 13: a batch of small pairs spent its
 * time filling 3 MB caches). A cache only saves recomputation: every answer must equal the
 * uncached count, for pairs small enough to collide in a small cache and large enough for the full one.
 */
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { preparePair, SignalPairScorer } from '../../../src/core/align/signal-scorer.js';
import { sharedKeys } from '../../../src/core/align/sentence-features.js';
import { presplitDocument } from '../../../src/core/align/presplit.js';
import { SHARED_DIR } from '../../helpers/seeds.js';

const TB = join(SHARED_DIR, 'bench/alignment/textberg-dev');

describe.skipIf(!existsSync(TB))('SignalPairScorer cache', () => {
  for (const size of [3, 40, 600]) {
    it(`answers as the uncached count on ${size} sentences a side`, () => {
      const de = readFileSync(join(TB, 'dev.de'), 'utf8').split('\n').filter(Boolean).slice(0, size);
      const fr = readFileSync(join(TB, 'dev.fr'), 'utf8').split('\n').filter(Boolean).slice(0, size + 5);
      const pair = preparePair(presplitDocument('s', 'de', de), presplitDocument('t', 'fr', fr), []);
      const scorer = new SignalPairScorer(pair);
      // Asked twice in different orders, as the dynamic programme does.
      for (const pass of [0, 1]) {
        for (let k = 0; k < de.length * fr.length; k++) {
          const i = pass === 0 ? Math.floor(k / fr.length) : k % de.length;
          const j = pass === 0 ? k % fr.length : Math.floor(k / de.length) % fr.length;
          if (scorer.matches(i, j) !== sharedKeys(pair.source, i, pair.target, j)) throw new Error(`matches(${i}, ${j}) differs`);
        }
      }
      let matched = 0;
      for (let i = 0; i < 2 && i < de.length; i++) for (let j = 0; j < 3; j++) matched += sharedKeys(pair.source, i, pair.target, j);
      const den = pair.source.ownStart[2]! - pair.source.ownStart[0]! + pair.target.ownStart[3]! - pair.target.ownStart[0]!;
      if (de.length >= 2) expect(scorer.bead(0, 2, 0, 3)).toBe(den === 0 ? 0.1 : Math.min(1, (2 * matched) / den));
    });
  }
});
