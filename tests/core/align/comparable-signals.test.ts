/**
 * Comparable mode's signals and groups (issue 11 §4): what counts as shared content between
 * two sentences, and how pairwise links become groups over many documents.
 */
import { describe, expect, it } from 'vitest';
import { quantityMatch, statementSimilarity } from '../../../src/core/align/comparable.js';
import { groupComparableLinks } from '../../../src/core/align/comparable-groups.js';
import type { Lexicon } from '../../../src/core/align/lexicon.js';
import type { PairLink } from '../../../src/core/align/n-way.js';

const lexicon = (a: string, b: string, entries: Record<string, string[]>): Lexicon => ({ name: `${a}-${b}`, a, b, entries: new Map(Object.entries(entries)) });

describe('comparable signals', () => {
  // The seeds' "declared war" sentences (en-004 and it-000, the Italian one shortened).
  const en = { text: 'It has been over a month since Anonymous “declared war” on ISIS.', lang: 'en' };
  const it_ = { text: "Il gruppo di Hacktivists ha dichiarato per la seconda volta guerra all'Isis.", lang: 'it' };

  it('an English content word counts even when it is a German function word ("war")', () => {
    const withWar = statementSimilarity(en, it_, [lexicon('en', 'it', { declared: ['dichiarato'], war: ['guerra'] })]);
    const without = statementSimilarity(en, it_, [lexicon('en', 'it', { declared: ['dichiarato'] })]);
    expect(withWar).toBeGreaterThan(without + 0.05);
  });

  it('dictionary entries for articles and prepositions (as FreeDict has them) make nothing similar', () => {
    const a = { text: 'The mayor asked the regional government for help.', lang: 'en' };
    const b = { text: 'Il ponte principale resta chiuso per la piena.', lang: 'it' };
    const functionWords = lexicon('en', 'it', { the: ['il', 'lo', 'la', 'i', 'gli', 'le'], for: ['per'], a: ['un', 'una', 'a'] });
    expect(statementSimilarity(a, b, [functionWords])).toBe(0);
  });

  it('a match through a word of many senses weighs less than through a word of one', () => {
    const a = { text: 'They draw strength from the attack.', lang: 'en' };
    const b = { text: "Traggono forza dall'attacco.", lang: 'it' };
    const oneSense = statementSimilarity(a, b, [lexicon('en', 'it', { strength: ['forza'] })]);
    // Ambiguous both ways: "strength" has eight Italian words, "forza" four English ones.
    const manySenses = statementSimilarity(a, b, [
      lexicon('en', 'it', { strength: ['forza', 'vigore', 'potenza', 'resistenza', 'energia', 'solidita', 'robustezza', 'intensita'], force: ['forza'], power: ['forza', 'potenza'], might: ['forza'] }),
    ]);
    expect(manySenses).toBeLessThan(oneSense - 0.02);
    expect(manySenses).toBeGreaterThan(0);
  });

  it('counts of one thing that differ match in part; years and small numbers only exactly', () => {
    expect(quantityMatch('129', '132')).toBeGreaterThan(0.5); // the seeds' death tolls
    expect(quantityMatch('9200', '5500')).toBeGreaterThan(0); // the seeds' account lists
    expect(quantityMatch('9200', '5500')).toBeLessThan(quantityMatch('129', '132'));
    expect(quantityMatch('2015', '2016')).toBe(0);
    expect(quantityMatch('3', '4')).toBe(0);
    expect(quantityMatch('100', '300')).toBe(0);
  });

  it('a hashtag matches the word it names', () => {
    const a = { text: 'Anonymous launched #OpParis to coordinate the hackers.', lang: 'en' };
    const b = { text: 'The OpParis account was set up to coordinate the hackers.', lang: 'en' };
    const c = { text: 'The account was set up to coordinate the hackers.', lang: 'en' };
    expect(statementSimilarity(a, b)).toBeGreaterThan(statementSimilarity(a, c) + 0.05);
  });
});

const link = (a: string, i: number, b: string, j: number, score: number): PairLink => ({ a: { doc: a, sentences: [i] }, b: { doc: b, sentences: [j] }, score });
const sets = (groups: ReturnType<typeof groupComparableLinks>): string[][] => groups.map((g) => g.members.flatMap((m) => m.sentences.map((s) => `${m.doc}:${s}`)).sort());

describe('comparable groups over many documents', () => {
  it('three documents share a statement through a chain of two links; in a group of four each must link to two', () => {
    expect(sets(groupComparableLinks([link('A', 0, 'B', 0, 0.9), link('B', 0, 'C', 0, 0.8)], { maxPerDoc: 3 }))).toEqual([['A:0', 'B:0', 'C:0']]);
    const triangle = [link('A', 0, 'B', 0, 0.9), link('B', 0, 'C', 0, 0.8), link('A', 0, 'C', 0, 0.7)];
    // D linked to C only stays out (its link is the weakest chain: D's statement may be another).
    expect(sets(groupComparableLinks([...triangle, link('C', 0, 'D', 0, 0.6)], { maxPerDoc: 3 }))).toEqual([['A:0', 'B:0', 'C:0']]);
    expect(sets(groupComparableLinks([...triangle, link('C', 0, 'D', 0, 0.6), link('B', 0, 'D', 0, 0.5)], { maxPerDoc: 3 }))).toEqual([['A:0', 'B:0', 'C:0', 'D:0']]);
  });

  it('a statement said twice in one text takes both sentences into the group, up to maxPerDoc', () => {
    const twice = [link('A', 1, 'B', 1, 0.8), link('A', 1, 'B', 7, 0.78), link('A', 1, 'B', 9, 0.7)];
    expect(sets(groupComparableLinks(twice, { maxPerDoc: 2 }))).toEqual([['A:1', 'B:1', 'B:7']]);
  });

  it('two groups never merge through a rejected pair', () => {
    const links = [link('A', 0, 'B', 0, 0.9), link('B', 0, 'C', 0, 0.8)];
    const groups = groupComparableLinks(links, { maxPerDoc: 3, rejectedPairs: new Set(['A:0|C:0']) });
    expect(sets(groups)).toEqual([['A:0', 'B:0']]);
  });
});
