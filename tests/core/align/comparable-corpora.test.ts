import { describe, expect, it } from 'vitest';
import { align } from '../../../src/core/align/index.js';
import { presplitDocument } from '../../../src/core/align/presplit.js';
import { bundledLexicons } from '../../../src/io/lexicon-files.js';
import { FLOOD_ARTICLES, FLOOD_PAIRS } from '../../fixtures/comparable-flood.js';
import type { Lexicon } from '../../../src/core/align/lexicon.js';

type Members = readonly { doc: string; sentences: readonly number[] }[];
const has = (g: Members, [doc, s]: readonly [string, number]): boolean => g.some((m) => m.doc === doc && m.sentences.includes(s));

const docs = FLOOD_ARTICLES.map((a) => presplitDocument(a.id, a.lang, a.sentences));
const groupsWith = (lexicons: readonly Lexicon[]): Members[] => align(docs, { mode: 'comparable', lexicons }).suggestions.map((g) => g.members);
const found = (groups: Members[]): number => FLOOD_PAIRS.filter(([a, b]) => groups.some((g) => has(g, a) && has(g, b))).length;
const correct = (groups: Members[]): number =>
  groups.filter((g) => g.every((m) => m.sentences.some((s) => FLOOD_PAIRS.some(([a, b]) => (a[0] === m.doc && a[1] === s && has(g, b)) || (b[0] === m.doc && b[1] === s && has(g, a)))))).length;

describe('comparable mode on our own comparable corpus (three reports of one invented flood)', () => {
  it('the annotation names sentences that exist, in two different reports', () => {
    const sizes = new Map(FLOOD_ARTICLES.map((a) => [a.id, a.sentences.length]));
    for (const [a, b] of FLOOD_PAIRS) {
      expect(a[0]).not.toBe(b[0]);
      expect(a[1]).toBeLessThan(sizes.get(a[0])!);
      expect(b[1]).toBeLessThan(sizes.get(b[0])!);
    }
  });

  it('with the bundled fr-it lexicon: most Italian-French statement pairs found, every suggested group correct', () => {
    const docs = FLOOD_ARTICLES.map((a) => presplitDocument(a.id, a.lang, a.sentences));
    const groups = align(docs, { mode: 'comparable', lexicons: bundledLexicons() }).suggestions.map((g) => g.members);
    const itFr = FLOOD_PAIRS.filter(([a, b]) => a[0] === 'it-flood' && b[0] === 'fr-flood');
    const found = itFr.filter(([a, b]) => groups.some((g) => has(g, a) && has(g, b))).length;
    expect(found / itFr.length).toBeGreaterThanOrEqual(0.8);
    const correct = groups.filter((g) => g.every((m) => m.sentences.some((s) => FLOOD_PAIRS.some(([a, b]) => (a[0] === m.doc && a[1] === s && has(g, b)) || (b[0] === m.doc && b[1] === s && has(g, a))))));
    expect(correct.length / groups.length).toBeGreaterThanOrEqual(0.75);
  });

  it('with the bundled lexicon only, English pairs too: names, numbers and cognates link most statements across all three reports', () => {
    const groups = groupsWith(bundledLexicons());
    expect(found(groups) / FLOOD_PAIRS.length).toBeGreaterThanOrEqual(0.6);
    expect(correct(groups) / groups.length).toBeGreaterThanOrEqual(0.75);
  });

  it('dictionary entries for function words, as FreeDict has them, add no links', () => {
    const plain = groupsWith(bundledLexicons());
    const functionWords: Lexicon = {
      name: 'en-it function words',
      a: 'en',
      b: 'it',
      entries: new Map(Object.entries({ the: ['il', 'lo', 'la', 'i', 'gli', 'le'], of: ['di', 'da'], to: ['a', 'per', 'verso'], on: ['su', 'sopra'], in: ['in', 'a'], a: ['un', 'una', 'a'], for: ['per'], its: ['suo', 'sua'] })),
    };
    expect(groupsWith([...bundledLexicons(), functionWords])).toEqual(plain);
  });
});
