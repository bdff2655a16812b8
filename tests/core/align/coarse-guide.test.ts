/**
 * The coarse guide on long repetitive text: a document drawn from one dev document's gold beads
 * in random blocks of 20 (each sentence some 300 times, 2% dropped on either side), so every key
 * is in hundreds of blocks. Before the finer warpings counted a key's work within the band row
 * (frequencyCutoff's reach), they kept a few dozen keys and the guide strayed: 14% of its points
 * more than 20 sentences off the gold path at 130,000 sentences (strict F1 0.06 at 1,000,000).
 */
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DATA, dataSets } from '../../../bench/alignment-data.js';
import { coarseGuide, frequencyCutoff } from '../../../src/core/align/coarse-guide.js';
import { presplitDocument } from '../../../src/core/align/presplit.js';
import { preparePair } from '../../../src/core/align/signal-scorer.js';
import { mulberry32 } from '../../helpers/prng.js';

describe.skipIf(!existsSync(DATA))('coarse guide on long repetitive text', () => {
  it('stays within 20 sentences of the gold path almost everywhere', () => {
    const dev = dataSets().find((s) => s.name.startsWith('textberg'))!.pairs[0]!;
    const units = dev.gold.filter((b) => b.source.length + b.target.length > 0).map((b) => ({ s: b.source.map((i) => dev.source[i]!), t: b.target.map((j) => dev.target[j]!) }));
    const random = mulberry32(3);
    const source: string[] = [];
    const target: string[] = [];
    const goldTarget: number[] = []; // for each source sentence, where its bead starts in the target
    while (source.length < 130_000) {
      const start = Math.floor(random() * (units.length - 20));
      for (let k = start; k < start + 20; k++) {
        const dropS = random() < 0.02;
        const dropT = !dropS && random() < 0.02;
        if (!dropS) for (const s of units[k]!.s) (goldTarget.push(target.length), source.push(s));
        if (!dropT) target.push(...units[k]!.t);
      }
    }
    const features = preparePair(presplitDocument('s', 'de', source), presplitDocument('t', 'fr', target), []);
    const { points } = coarseGuide(features.source, features.target);
    const off = points.filter(([i, j]) => Math.abs(j - (i < source.length ? goldTarget[i]! : target.length)) > 20).length;
    expect(points.length).toBeGreaterThan(source.length / 2);
    expect(off / points.length).toBeLessThan(0.05);
  });
});

describe('frequencyCutoff', () => {
  it('counts a key’s block pairs within a band row (reach), not against every target block', () => {
    // 100 keys in 300 blocks a side: 90,000 pairs each over the full matrix, 900 in a band row of 1%.
    const counts = Array<number>(100).fill(300);
    const postingStart = Int32Array.from([0, ...counts.map((_, k) => (k + 1) * 300)]);
    const sourceBlocks = Int32Array.from(counts);
    expect(frequencyCutoff(postingStart, sourceBlocks, counts.length, 8, 1_000_000)).toBeLessThan(300); // full matrix: over budget, keys dropped
    expect(frequencyCutoff(postingStart, sourceBlocks, counts.length, 8, 1_000_000, 0.01)).toBeGreaterThanOrEqual(300);
  });
});
