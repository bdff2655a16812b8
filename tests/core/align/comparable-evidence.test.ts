/**
 * Issue 11 §4, comparable evidence: two shared words make a statement in common when they are
 * a fair share of what the shorter sentence says, not when two long sentences on one subject
 * share two of their dozen words (on the seeds, "Al seguito dell'ennesima tragedia …
 * mantenere …" and a by-line "Follow … to be kept up to date …" linked on follow/keep).
 */
import { describe, expect, it } from 'vitest';
import { align } from '../../../src/core/align/index.js';
import { presplitDocument } from '../../../src/core/align/presplit.js';

const groups = (a: readonly string[], b: readonly string[]): string[] =>
  align([presplitDocument('a', 'en', a), presplitDocument('b', 'en', b)], { mode: 'comparable' }).suggestions.map((g) => g.members.map((m) => `${m.doc}:${m.sentences.join(',')}`).join(' '));

const fillerA = ['Bread prices rose again in the spring.', 'The council met on Monday to discuss the budget.', 'Teachers asked for smaller classes.'];
const fillerB = ['Fishermen complained about the new quotas.', 'A library opened near the station.', 'The museum extended its opening hours.'];

describe('comparable evidence', () => {
  it('two long sentences sharing only two of their words are not linked', () => {
    // Two rare names in the same order, each sentence the other's only partner (the highest
    // margin), nine content words a side: confidence 0.42, above the threshold.
    const a = [...fillerA, 'Marwick and Stelby visited northern villages where farmers described flooded orchards.'];
    const b = [...fillerB, 'Marwick questioned Stelby about pension costs, hospital spending and railway plans.'];
    expect(groups(a, b)).toEqual([]);
  });

  it('two short sentences sharing the same two words are linked', () => {
    const a = [...fillerA, 'Marwick met Stelby yesterday.'];
    const b = [...fillerB, 'Marwick welcomed Stelby warmly.'];
    expect(groups(a, b)).toEqual(['a:3 b:3']);
  });
});
