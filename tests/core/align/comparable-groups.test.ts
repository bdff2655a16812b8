/**
 * Issue 11 §4, comparable groups: two groups that each hold a statement are not chained
 * into one through a single middling link between them (the seeds' "declared war on ISIS"
 * group took in a second topic group that way), while a confident link, or two direct links,
 * still join them.
 */
import { describe, expect, it } from 'vitest';
import { groupComparableLinks } from '../../../src/core/align/comparable-groups.js';
import type { PairLink } from '../../../src/core/align/n-way.js';

const link = (a: string, i: number, b: string, j: number, score: number): PairLink => ({ a: { doc: a, sentences: [i] }, b: { doc: b, sentences: [j] }, score });
const shapes = (links: readonly PairLink[]): string[] =>
  groupComparableLinks(links, { maxPerDoc: 3 }).map((g) => g.members.map((m) => `${m.doc}:${m.sentences.join(',')}`).join(' '));

describe('comparable groups', () => {
  // Two statements, each said by three texts: x:0 ~ y:0 ~ z:0 and w:1 ~ y:1 ~ z:1. Merged, every
  // document would link directly to most of the others (the document-level guard lets it pass).
  const statements = [link('x', 0, 'y', 0, 0.6), link('x', 0, 'z', 0, 0.58), link('w', 1, 'y', 1, 0.57), link('w', 1, 'z', 1, 0.56)];
  const apart = ['w:1 y:1 z:1', 'x:0 y:0 z:0'];

  it('one weak link between two groups does not chain them into one', () => {
    expect(shapes([...statements, link('x', 0, 'w', 1, 0.35)])).toEqual(apart);
  });

  it('a confident link joins two groups', () => {
    expect(shapes([...statements, link('x', 0, 'w', 1, 0.5)])).toHaveLength(1);
  });

  it('two weak direct links join two groups', () => {
    expect(shapes([...statements, link('x', 0, 'w', 1, 0.35), link('y', 0, 'w', 1, 0.34)])).toHaveLength(1);
  });

  it('a weak link still adds a single sentence to a group', () => {
    expect(shapes([...statements, link('x', 0, 'v', 2, 0.32), link('y', 0, 'v', 2, 0.31), link('z', 0, 'v', 2, 0.31)])).toEqual(['w:1 y:1 z:1', 'x:0 y:0 z:0 v:2']);
  });
});
