/**
 * Issue 11 §4, comparable links beyond one-to-one on two shared words: a pair resting on one
 * matched word when it stands out (across languages only), a sentence linked to the neighbour
 * of its partner (many-to-one in the same story), and our held-out corpus.
 */
import { describe, expect, it } from 'vitest';
import { align } from '../../../src/core/align/index.js';
import { sameLemma } from '../../../src/core/align/comparable.js';
import type { Lexicon } from '../../../src/core/align/lexicon.js';
import { presplitDocument } from '../../../src/core/align/presplit.js';
import { segment } from '../../../src/core/text/segment.js';
import { bundledLexicons } from '../../../src/io/lexicon-files.js';
import { FLOOD_ARTICLES } from '../../fixtures/comparable-flood.js';
import { HEIST_ARTICLES, HEIST_PAIRS } from '../../fixtures/comparable-heist.js';
import { seedDocs } from '../../helpers/seeds.js';
import { SEED_STATEMENT_PAIRS } from '../../fixtures/seeds-comparable.js';

type Members = readonly { doc: string; sentences: readonly number[] }[];
const has = (g: Members, [doc, s]: readonly [string, number]): boolean => g.some((m) => m.doc === doc && m.sentences.includes(s));
const together = (groups: readonly Members[], a: readonly [string, number], b: readonly [string, number]): boolean => groups.some((g) => has(g, a) && has(g, b));
const groupsOf = (docs: Parameters<typeof align>[0], lexicons: readonly Lexicon[]): Members[] => align(docs, { mode: 'comparable', lexicons }).suggestions.map((g) => g.members);

/** Each annotated pair names sentences that exist (`sizes`: sentences per document), in two documents, once. */
function expectAnnotation(sizes: ReadonlyMap<string, number>, pairs: readonly (readonly [readonly [string, number], readonly [string, number]])[]): void {
  const seen = new Set<string>();
  for (const [a, b] of pairs) {
    expect(a[0]).not.toBe(b[0]);
    expect(a[1]).toBeLessThan(sizes.get(a[0])!);
    expect(b[1]).toBeLessThan(sizes.get(b[0])!);
    const key = [a.join(':'), b.join(':')].sort().join('|');
    expect(seen.has(key)).toBe(false);
    seen.add(key);
  }
}

describe('comparable links', () => {
  it('across languages, one matched word links two sentences that have no other partner', () => {
    // A one-entry English-Italian lexicon: "harvest" is all the farmers' sentences share.
    const harvest: Lexicon = { name: 'en-it harvest', a: 'en', b: 'it', entries: new Map([['harvest', ['raccolto']]]) };
    const docs = FLOOD_ARTICLES.filter((a) => a.id !== 'fr-flood').map((a) => presplitDocument(a.id, a.lang, a.sentences));
    expect(together(groupsOf(docs, [harvest]), ['en-flood', 7], ['it-flood', 7])).toBe(true);
  });

  it('in one language, one shared word is not enough, however alone the two sentences are', () => {
    // "avalanche" is all they share, and neither has another partner (the margin is at its
    // highest): across languages this would be a link, in one language it is chance.
    const docs = [
      presplitDocument('a', 'en', ['Bread prices rose again in the spring.', 'The council met on Monday to discuss the budget.', 'An avalanche buried the road.', 'Teachers asked for smaller classes.']),
      presplitDocument('b', 'en', ['Fishermen complained about the new quotas.', 'A library opened near the station.', 'Rescuers reached the avalanche.', 'The museum extended its opening hours.']),
    ];
    expect(groupsOf(docs, [])).toEqual([]);
  });

  it('a sentence saying what two neighbouring sentences of the other article say links to both (the Charlie Hebdo vow, seeds)', () => {
    const docs = seedDocs().map((d) => ({ id: d.id, lang: d.lang, text: d.text, sentences: segment(d.text, d.lang) }));
    const find = (id: string, needle: string): [string, number] => {
      const d = docs.find((x) => x.id === id)!;
      const i = d.sentences.findIndex(([s, e]) => d.text.slice(s, e).includes(needle));
      expect(i).toBeGreaterThanOrEqual(0);
      return [id, i];
    };
    const vow = find('it-000', 'Charlie Habdo');
    const groups = groupsOf(docs, bundledLexicons());
    expect(together(groups, vow, find('it-001', 'Per difendere i nostri valori'))).toBe(true);
    expect(together(groups, vow, find('it-001', 'redazione del giornale satirico Charlie Hebdo'))).toBe(true);
  });

  it('the seeds annotation names sentences of the default segmentation, in two different articles, each pair once', () => {
    expectAnnotation(new Map(seedDocs().map((d) => [d.id, segment(d.text, d.lang).length])), SEED_STATEMENT_PAIRS.map(({ a, b }) => [a, b] as const));
  });

  it('sameLemma: a short word is the start of a long one only when the ending is short', () => {
    expect(sameLemma('work', 'worked')).toBe(true);
    expect(sameLemma('oublier', 'oublions')).toBe(true);
    expect(sameLemma('dichiarato', 'dichiarazione')).toBe(true);
    expect(sameLemma('opera', 'operazione')).toBe(false);
    expect(sameLemma('operaio', 'operazione')).toBe(false);
    expect(sameLemma('back', 'backlash')).toBe(false);
  });
});

describe('comparable mode on our held-out corpus (four reports of an invented museum theft)', () => {
  const docs = HEIST_ARTICLES.map((a) => presplitDocument(a.id, a.lang, a.sentences));

  it('the annotation names sentences that exist, in two different reports, each pair once', () => {
    expectAnnotation(new Map(HEIST_ARTICLES.map((a) => [a.id, a.sentences.length])), HEIST_PAIRS);
  });

  it('with the bundled fr-it lexicon: the Italian-French and Italian-Italian pairs found, every group correct', () => {
    const groups = groupsOf(docs, bundledLexicons());
    const lang = new Map(HEIST_ARTICLES.map((a) => [a.id, a.lang]));
    const romance = HEIST_PAIRS.filter(([a, b]) => lang.get(a[0]) !== 'en' && lang.get(b[0]) !== 'en');
    const found = romance.filter(([a, b]) => together(groups, a, b)).length;
    expect(found).toBeGreaterThanOrEqual(romance.length - 1);
    const correct = groups.filter((g) => g.every((m) => m.sentences.some((s) => HEIST_PAIRS.some(([a, b]) => (a[0] === m.doc && a[1] === s && has(g, b)) || (b[0] === m.doc && b[1] === s && has(g, a))))));
    expect(correct.length / groups.length).toBeGreaterThanOrEqual(0.75);
  });
});
