import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBeads, type BeadPair } from '../../../src/core/align/beads.js';
import { scoreAlignments } from '../../../src/core/align/bead-scoring.js';
import { alignParallelBeads } from '../../../src/core/align/parallel-pair.js';
import { presplitDocument, presplitLines } from '../../../src/core/align/presplit.js';
import { SHARED_DIR } from '../../helpers/seeds.js';

const DATA = join(SHARED_DIR, 'bench/alignment/transread-dev');
const NOVELS = ['AlicesAdventuresInWonderland', 'Candide', 'DuCoteDeChezSwann', 'Emma', 'JaneEyre'];

const lines = (path: string): string[] => presplitLines(readFileSync(path, 'utf8'));
const document = presplitDocument;

/**
 * The five gold novels twice over, one after the other (about 6.5k sentences a side, so the
 * aligner takes its long-document route: coarse guide, band, re-solved edges, guided second
 * pass), with one side of every 29th bead dropped so that the path has to bend.
 */
function longPair(): { source: string[]; target: string[]; gold: BeadPair[] } {
  const source: string[] = [];
  const target: string[] = [];
  const gold: BeadPair[] = [];
  let k = 0;
  for (let round = 0; round < 2; round++) {
    for (const novel of NOVELS) {
      const s = lines(join(DATA, `${novel}.en`));
      const t = lines(join(DATA, `${novel}.fr`));
      for (const b of parseBeads(readFileSync(join(DATA, `${novel}.gold`), 'utf8'))) {
        k++;
        const src = k % 29 === 0 ? [] : b.source.map((i) => s[i]!);
        const tgt = k % 29 === 14 ? [] : b.target.map((j) => t[j]!);
        if (src.length === 0 && tgt.length === 0) continue;
        gold.push({
          source: src.map((_, x) => source.length + x),
          target: tgt.map((_, y) => target.length + y),
        });
        source.push(...src);
        target.push(...tgt);
      }
    }
  }
  return { source, target, gold };
}

describe('parallel mode on long documents (banded search)', () => {
  const { source, target, gold } = longPair();
  const pred = alignParallelBeads(document('en', 'en', source), document('fr', 'fr', target));

  it('is long enough to take the banded route', () => {
    expect(source.length * target.length).toBeGreaterThan(25_000_000);
  });

  it('covers every sentence exactly once, in order', () => {
    expect(pred.flatMap((b) => b.source)).toEqual(source.map((_, i) => i));
    expect(pred.flatMap((b) => b.target)).toEqual(target.map((_, j) => j));
  });

  it('aligns about as well as on the separate novels (strict F1 0.809, lax 0.934 when written)', () => {
    const s = scoreAlignments([{ gold, pred }]);
    expect(s.strict.f1).toBeGreaterThan(0.78);
    expect(s.lax.f1).toBeGreaterThan(0.92);
  });
});
