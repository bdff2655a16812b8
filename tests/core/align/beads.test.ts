import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatBeads, parseBeads } from '../../../src/core/align/beads.js';
import { scoreAlignments } from '../../../src/core/align/bead-scoring.js';
import { SHARED_DIR } from '../../helpers/seeds.js';

describe('bead files', () => {
  it('parses Vecalign/Bertalign beads, including empty sides, and writes them back', () => {
    const text = '[0]:[0]\n[1, 2]:[1]\n[]:[2]\n[3]:[]\n';
    const beads = parseBeads(text);
    expect(beads).toEqual([
      { source: [0], target: [0] },
      { source: [1, 2], target: [1] },
      { source: [], target: [2] },
      { source: [3], target: [] },
    ]);
    expect(formatBeads(beads)).toBe(text);
  });

  it('reads the real textberg-dev gold file', () => {
    const gold = parseBeads(readFileSync(join(SHARED_DIR, 'bench/alignment/textberg-dev/dev.defr'), 'utf8'));
    expect(gold).toHaveLength(422);
    expect(gold[6]).toEqual({ source: [6], target: [6, 7, 8] });
  });

  it('names the line of a malformed bead', () => {
    expect(() => parseBeads('[0]:[0]\n[1 : 2]\n')).toThrow(/Line 2/);
  });
});

describe('strict and lax scoring', () => {
  it('matches a hand-computed case', () => {
    const gold = parseBeads('[0]:[0]\n[1, 2]:[1]\n[3]:[2]\n[]:[3]\n[4]:[4]\n');
    const pred = parseBeads('[0]:[0]\n[1]:[1]\n[2]:[]\n[3]:[2, 3]\n[4]:[4]\n');
    const s = scoreAlignments([{ gold, pred }]);
    // Precision over 5 predicted beads: strict hits [0]:[0], [4]:[4]; lax adds [1]:[1] (link 1-1)
    // and [3]:[2,3] (link 3-2); [2]:[] has no link.
    expect(s.strict.precision).toBeCloseTo(2 / 5);
    expect(s.lax.precision).toBeCloseTo(4 / 5);
    // Recall over the 4 gold beads with both sides, against the 4 predicted with both sides:
    // strict [0]:[0], [4]:[4]; lax adds [1,2]:[1] and [3]:[2].
    expect(s.strict.recall).toBeCloseTo(2 / 4);
    expect(s.lax.recall).toBeCloseTo(4 / 4);
    expect(s.strict.f1).toBeCloseTo((2 * 0.4 * 0.5) / 0.9);
    expect(s.counts).toMatchObject({ predicted: 5, gold: 4 });
  });

  it('pools counts over documents and ignores beads empty on both sides', () => {
    const a = { gold: parseBeads('[0]:[0]\n'), pred: parseBeads('[0]:[0]\n[]:[]\n') };
    const b = { gold: parseBeads('[0]:[0]\n[1]:[1]\n'), pred: parseBeads('[0, 1]:[0, 1]\n') };
    const s = scoreAlignments([a, b]);
    expect(s.counts.predicted).toBe(2);
    expect(s.strict.precision).toBeCloseTo(1 / 2);
    expect(s.strict.recall).toBeCloseTo(1 / 3);
    expect(s.lax.recall).toBeCloseTo(1);
  });
});
