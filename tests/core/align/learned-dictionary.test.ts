import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBeads } from '../../../src/core/align/beads.js';
import { attestedTranslations, learnDictionary, learnDictionaryFromTokens } from '../../../src/core/align/learned-dictionary.js';
import { tokenizeTexts } from '../../../src/core/align/sentence-features.js';
import { presplitLines } from '../../../src/core/align/presplit.js';
import { SEEDS_DIR, SHARED_DIR } from '../../helpers/seeds.js';

const DATA = join(SHARED_DIR, 'bench/alignment');
const lines = (path: string): string[] => presplitLines(readFileSync(path, 'utf8'));

/** The gold 1-1 beads of a bench pair as sentence pairs. */
function goldPairs(source: string, target: string, gold: string): { source: string; target: string }[] {
  const s = lines(source);
  const t = lines(target);
  return parseBeads(readFileSync(gold, 'utf8'))
    .filter((b) => b.source.length === 1 && b.target.length === 1)
    .map((b) => ({ source: s[b.source[0]!]!, target: t[b.target[0]!]! }));
}

/**
 * The definition, counted with plain maps: words in a sentence pair co-occur once; a pair is kept
 * when it co-occurs at least minCount times with Dice at least minDice, both words in at most
 * maxDocFrequency of the pairs; each source word keeps its 3 best (ties: target word seen first).
 */
function referenceDictionary(pairs: { source: string; target: string }[], minCount: number, minDice: number): Map<string, string[]> {
  const words = (text: string): Set<string> =>
    new Set(text.toLowerCase().normalize('NFD').replace(/\p{M}+/gu, '').match(/\p{L}[\p{L}\p{N}]*/gu) ?? []);
  const bags = pairs.map((p) => ({ s: words(p.source), t: words(p.target) }));
  const firstSeen = new Map<string, number>();
  const srcCount = new Map<string, number>();
  const tgtCount = new Map<string, number>();
  for (const { s, t } of bags) {
    for (const w of s) srcCount.set(w, (srcCount.get(w) ?? 0) + 1);
    for (const w of t) {
      tgtCount.set(w, (tgtCount.get(w) ?? 0) + 1);
      if (!firstSeen.has(w)) firstSeen.set(w, firstSeen.size);
    }
  }
  const limit = Math.max(minCount, 0.25 * bags.length);
  const usable = (c: number): boolean => c >= minCount && c <= limit;
  const joint = new Map<string, Map<string, number>>();
  for (const { s, t } of bags) {
    for (const a of s) {
      if (!usable(srcCount.get(a)!)) continue;
      const row = joint.get(a) ?? new Map<string, number>();
      joint.set(a, row);
      for (const b of t) if (usable(tgtCount.get(b)!)) row.set(b, (row.get(b) ?? 0) + 1);
    }
  }
  const out = new Map<string, string[]>();
  for (const [a, row] of joint) {
    const kept = [...row]
      .filter(([, c]) => c >= minCount)
      .map(([b, c]) => ({ b, dice: (2 * c) / (srcCount.get(a)! + tgtCount.get(b)!) }))
      .filter((x) => x.dice >= minDice)
      .sort((x, y) => y.dice - x.dice || firstSeen.get(x.b)! - firstSeen.get(y.b)!);
    if (kept.length) out.set(a, kept.slice(0, 3).map((x) => x.b));
  }
  return out;
}

/**
 * Competitive linking, counted with plain maps: in each sentence pair, every pair of usable
 * words (seen at least minCount times, in at most a quarter of the pairs) ranked by the Dice of
 * its co-occurrence (ties: source word, then target word, by first appearance), linked when
 * neither word has a link yet; a pair is kept when linked in at least minLinks sentence pairs
 * with Dice of its links at least minDice; each source word keeps its 3 best.
 */
function referenceLinkedDictionary(pairs: { source: string; target: string }[], minCount: number, minLinks: number, minDice: number): Map<string, string[]> {
  const words = (text: string): string[] => [...new Set(text.toLowerCase().normalize('NFD').replace(/\p{M}+/gu, '').match(/\p{L}[\p{L}\p{N}]*/gu) ?? [])];
  const bags = pairs.map((p) => ({ s: words(p.source), t: words(p.target) }));
  const seenS = new Map<string, number>();
  const seenT = new Map<string, number>();
  const srcCount = new Map<string, number>();
  const tgtCount = new Map<string, number>();
  for (const { s, t } of bags) {
    for (const w of s) {
      srcCount.set(w, (srcCount.get(w) ?? 0) + 1);
      if (!seenS.has(w)) seenS.set(w, seenS.size);
    }
    for (const w of t) {
      tgtCount.set(w, (tgtCount.get(w) ?? 0) + 1);
      if (!seenT.has(w)) seenT.set(w, seenT.size);
    }
  }
  const limit = Math.max(minCount, 0.25 * bags.length);
  const usable = (c: number): boolean => c >= minCount && c <= limit;
  const cooc = new Map<string, number>();
  const pairKey = (a: string, b: string): string => `${a}\u0000${b}`;
  for (const { s, t } of bags) for (const a of s) for (const b of t) if (usable(srcCount.get(a)!) && usable(tgtCount.get(b)!)) cooc.set(pairKey(a, b), (cooc.get(pairKey(a, b)) ?? 0) + 1);
  const links = new Map<string, number>();
  for (const { s, t } of bags) {
    const ranked = s
      .flatMap((a) => t.filter((b) => cooc.has(pairKey(a, b))).map((b) => ({ a, b, dice: (2 * cooc.get(pairKey(a, b))!) / (srcCount.get(a)! + tgtCount.get(b)!) })))
      .sort((x, y) => y.dice - x.dice || seenS.get(x.a)! - seenS.get(y.a)! || seenT.get(x.b)! - seenT.get(y.b)!);
    const linkedA = new Set<string>();
    const linkedB = new Set<string>();
    for (const { a, b } of ranked) {
      if (linkedA.has(a) || linkedB.has(b)) continue;
      linkedA.add(a);
      linkedB.add(b);
      links.set(pairKey(a, b), (links.get(pairKey(a, b)) ?? 0) + 1);
    }
  }
  const byWord = new Map<string, { b: string; dice: number }[]>();
  for (const [k, l] of links) {
    const [a, b] = k.split('\u0000') as [string, string];
    const dice = (2 * l) / (srcCount.get(a)! + tgtCount.get(b)!);
    if (l < minLinks || dice < minDice) continue;
    byWord.set(a, [...(byWord.get(a) ?? []), { b, dice }]);
  }
  return new Map([...byWord].map(([a, list]) => [a, list.sort((x, y) => y.dice - x.dice || seenT.get(x.b)! - seenT.get(y.b)!).slice(0, 3).map((x) => x.b)]));
}

const sorted = (m: Map<string, string[]>): [string, string[]][] => [...m].sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0));

describe('learnDictionary', () => {
  const novels = ['AlicesAdventuresInWonderland', 'Candide', 'DuCoteDeChezSwann', 'Emma', 'JaneEyre'];
  const enFr = novels.flatMap((n) => goldPairs(join(DATA, 'transread-dev', `${n}.en`), join(DATA, 'transread-dev', `${n}.fr`), join(DATA, 'transread-dev', `${n}.gold`)));
  const deFr = goldPairs(join(DATA, 'textberg-dev/dev.de'), join(DATA, 'textberg-dev/dev.fr'), join(DATA, 'textberg-dev/dev.defr'));

  it('learns what the definition counts, on the gold pairs of both bench sets', () => {
    expect(enFr.length).toBeGreaterThan(1000);
    for (const [pairs, minCount, minDice] of [[enFr, 3, 0.3], [deFr, 2, 0.3], [enFr, 2, 0.5]] as const) {
      const learned = learnDictionary(pairs, { minCount, minDice });
      expect(learned.size).toBeGreaterThan(20);
      expect(sorted(learned)).toEqual(sorted(referenceDictionary(pairs, minCount, minDice)));
    }
  });

  it('links competitively as the definition does, on the gold pairs of both bench sets', () => {
    for (const [pairs, minCount, minLinks] of [[enFr, 3, 2], [deFr, 3, 2], [deFr, 2, 3]] as const) {
      const learned = learnDictionary(pairs, { minCount, minLinks, minDice: 0.3, competitiveLinking: true });
      expect(learned.size).toBeGreaterThan(20);
      expect(sorted(learned)).toEqual(sorted(referenceLinkedDictionary(pairs, minCount, minLinks, 0.3)));
    }
  });

  it('with competitive linking, a word that co-occurs with another word\'s translation keeps only its own', () => {
    // Each German word co-occurs with both French words in every pair where it appears; plain
    // co-occurrence gives "expedition" both translations, links give each word its own.
    const pairs = [
      ...Array.from({ length: 4 }, () => ({ source: 'Expedition Nepal', target: 'expédition Népal' })),
      ...Array.from({ length: 4 }, () => ({ source: 'Expedition Regierung', target: 'expédition gouvernement' })),
      ...Array.from({ length: 24 }, (_, k) => ({ source: `Wort${k} anderes${k}`, target: `mot${k} autre${k}` })),
    ];
    expect(learnDictionary(pairs, { minCount: 3, minDice: 0.3 }).get('expedition')).toEqual(['expedition', 'nepal', 'gouvernement']);
    expect(learnDictionary(pairs, { minCount: 3, minDice: 0.3, competitiveLinking: true }).get('expedition')).toEqual(['expedition']);
  });

  it('finds real translations among them', () => {
    const learned = learnDictionary(enFr, { minCount: 3, minDice: 0.3 });
    expect(learned.get('said')).toContain('dit');
  });

  it('learns the same from the aligner\'s tokens as from the texts (bench pairs, and seed paragraphs with accents, numbers and a few tags)', () => {
    // Seed paragraphs paired with the next one: nonsense as translations, but with accents,
    // numbers, quotes and a few tags, and words repeated enough to pass the thresholds.
    const seeds = readdirSync(SEEDS_DIR).flatMap((f) => readFileSync(join(SEEDS_DIR, f), 'utf8').split(/\n+/).filter((x) => x.trim()));
    const seedPairs = seeds.slice(1).map((target, k) => ({ source: seeds[k]!, target }));
    for (const [pairs, minCount] of [[enFr, 3], [deFr, 2], [seedPairs, 2]] as const) {
      const source = tokenizeTexts(pairs.map((p) => p.source));
      const target = tokenizeTexts(pairs.map((p) => p.target));
      const fromTokens = learnDictionaryFromTokens(source, target, pairs.map((_, k) => [k, k] as const), { minCount, minDice: 0.3 });
      const fromTexts = learnDictionary(pairs, { minCount, minDice: 0.3 });
      expect(fromTexts.size).toBeGreaterThan(10);
      // Same entries in the same order (the order of first appearance decides ties).
      expect([...fromTokens]).toEqual([...fromTexts]);
    }
  });

  it('keeps of a lexicon the senses the beads attest in at least a share of the beads holding the word', () => {
    const source = tokenizeTexts(['The bank was closed.', 'He sat on the bank.', 'The bank opened late.', 'The bank lent money.', 'A river.']);
    const target = tokenizeTexts(['La banque était fermée.', 'Il était assis sur la rive.', 'La banque a ouvert tard.', 'La banque a prêté de l’argent.', 'Une rivière.']);
    const lexicon = new Map([
      ['bank', ['banque', 'rive', 'banc']],
      ['river', ['riviere', 'fleuve']],
    ]);
    const examples = [0, 1, 2, 3, 4].map((k) => [k, k] as const);
    // bank: banque in 3 of its 4 beads, rive in 1, banc in none; river: rivière in its only bead.
    expect([...attestedTranslations(source, target, examples, lexicon, 0.3)]).toEqual([
      ['bank', ['banque']],
      ['river', ['riviere']],
    ]);
    // With no share required, the chance sense counts too.
    expect(attestedTranslations(source, target, examples, lexicon, 0).get('bank')).toEqual(['banque', 'rive']);
  });
});
