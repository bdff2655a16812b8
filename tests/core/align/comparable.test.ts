import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { align, type Suggestion } from '../../../src/core/align/index.js';
import { parseTsvLexicon } from '../../../src/core/align/lexicon.js';
import { COMPARABLE_MAX_PER_DOC } from '../../../src/core/align/comparable.js';
import { REPO_ROOT, seedDocs } from '../../helpers/seeds.js';
import { segment } from '../../../src/core/text/segment.js';

// The real seeds, segmented by the real segmenter, with the bundled fr-it lexicon.
const docs = seedDocs().map((d) => ({ id: d.id, lang: d.lang, text: d.text, sentences: segment(d.text, d.lang) }));
const frIt = parseTsvLexicon(gunzipSync(readFileSync(join(REPO_ROOT, 'lexicons/fr-it.freedict.tsv.gz'))).toString('utf8'), {
  name: 'fr-it',
  a: 'fr',
  b: 'it',
});
const result = align(docs, { lexicons: [frIt] });

function sentence(lang: string, needle: string): { doc: string; index: number } {
  for (const d of docs) {
    if (d.lang !== lang) continue;
    const index = d.sentences.findIndex(([s, e]) => d.text.slice(s, e).includes(needle));
    if (index >= 0) return { doc: d.id, index };
  }
  throw new Error(`no ${lang} sentence contains ${needle}`);
}

function groupOf(ref: { doc: string; index: number }): Suggestion | undefined {
  return result.suggestions.find((s) => s.members.some((m) => m.doc === ref.doc && m.sentences.includes(ref.index)));
}

function together(a: { doc: string; index: number }, b: { doc: string; index: number }): boolean {
  const g = groupOf(a);
  return !!g && g.members.some((m) => m.doc === b.doc && m.sentences.includes(b.index));
}

describe('comparable mode on the seeds', () => {
  it('is picked automatically, with a reason', () => {
    expect(result.mode).toBe('comparable');
    expect(result.modeReason).toMatch(/order|differ/);
  });

  it('groups the Italian slogan with the French one', () => {
    const forget = sentence('it', 'Non dimentichiamo.');
    const forgive = sentence('it', 'Non perdoniamo.');
    const french = sentence('fr', 'On ne pardonne pas.');
    expect(together(forget, french)).toBe(true);
    expect(together(forgive, french)).toBe(true);
  });

  it('the slogan said twice in the French article (title and conclusion) joins the Italian slogan both times', () => {
    const group = groupOf(sentence('it', 'Non dimentichiamo.'));
    const title = sentence('fr', 'On ne pardonne pas.');
    const conclusion = sentence('fr', 'Nous ne pardonnons pas.');
    expect(title.index).not.toBe(conclusion.index);
    for (const fr of [title, conclusion]) expect(group?.members.some((m) => m.doc === fr.doc && m.sentences.includes(fr.index))).toBe(true);
    expect(together(sentence('it', 'Non perdoniamo.'), conclusion)).toBe(true);
  });

  it('the quotation both Italian articles give word for word is found', () => {
    expect(together(sentence('it', 'noi non perdoneremo, e faremo'), sentence('it', 'noi non perdoneremo e faremo'))).toBe(true);
  });

  it('links «Per difendere i nostri valori…» with «Pour défendre nos valeurs…»', () => {
    expect(together(sentence('it', 'Per difendere i nostri valori'), sentence('fr', 'Pour défendre nos valeurs'))).toBe(true);
  });

  it('links the two English sentences about suspended Twitter accounts (same-language paraphrase)', () => {
    const shutDown = sentence('en', 'Twitter has shut down thousands of ISIS-linked accounts');
    const suspension = sentence('en', 'successful suspension of thousands of ISIS-supporting accounts');
    expect(shutDown.doc).not.toBe(suspension.doc);
    expect(together(shutDown, suspension)).toBe(true);
  });

  it('leaves most sentences unaligned and builds consistent, small groups', () => {
    const total = docs.reduce((n, d) => n + d.sentences.length, 0);
    const used = new Set<string>();
    for (const s of result.suggestions) {
      expect(new Set(s.members.map((m) => m.doc)).size).toBe(s.members.length);
      expect(s.members.length).toBeGreaterThanOrEqual(2);
      expect(s.score).toBeGreaterThanOrEqual(0);
      expect(s.score).toBeLessThanOrEqual(1);
      for (const m of s.members) {
        expect(m.sentences.length).toBeLessThanOrEqual(COMPARABLE_MAX_PER_DOC);
        expect([...m.sentences].sort((x, y) => x - y)).toEqual(m.sentences);
        for (const i of m.sentences) {
          const key = `${m.doc}:${i}`;
          expect(used.has(key)).toBe(false);
          used.add(key);
        }
      }
    }
    expect(used.size).toBeLessThan(total / 2);
  });

  it('without a lexicon still finds the Twitter paraphrase (no cross-language word list needed)', () => {
    const plain = align(docs, { mode: 'comparable' });
    const g = plain.suggestions.find((s) =>
      s.members.some((m) => m.doc === sentence('en', 'Twitter has shut down').doc && m.sentences.includes(sentence('en', 'Twitter has shut down').index)),
    );
    expect(g?.members.some((m) => m.doc === sentence('en', 'successful suspension').doc)).toBe(true);
  });

  it('respects anchors: confirmed sentences are not suggested again, rejected links stay apart', () => {
    const slogan = groupOf(sentence('fr', 'On ne pardonne pas.'))!;
    const shutDown = sentence('en', 'Twitter has shut down');
    const suspension = sentence('en', 'successful suspension');
    const anchored = align(docs, {
      lexicons: [frIt],
      anchors: {
        confirmed: [slogan.members],
        rejected: [[{ doc: shutDown.doc, sentences: [shutDown.index] }, { doc: suspension.doc, sentences: [suspension.index] }]],
      },
    });
    const confirmedKeys = new Set(slogan.members.flatMap((m) => m.sentences.map((i) => `${m.doc}:${i}`)));
    for (const s of anchored.suggestions) {
      for (const m of s.members) for (const i of m.sentences) expect(confirmedKeys.has(`${m.doc}:${i}`)).toBe(false);
      const hasA = s.members.some((m) => m.doc === shutDown.doc && m.sentences.includes(shutDown.index));
      const hasB = s.members.some((m) => m.doc === suspension.doc && m.sentences.includes(suspension.index));
      expect(hasA && hasB).toBe(false);
    }
  });
});
