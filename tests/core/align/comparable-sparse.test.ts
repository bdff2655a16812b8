/**
 * Long sentences are scored through the token pairs that can match (sparseSimilarity) instead
 * of every pair: the same figures as the dense reading, on real text with a real lexicon.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contentTokens, denseSimilarity, sparseSimilarity, stemmedTranslations } from '../../../src/core/align/comparable-similarity.js';
import { parseTsvLexicon } from '../../../src/core/align/lexicon.js';
import { stopwordsFor } from '../../../src/core/align/stopwords.js';
import { segment } from '../../../src/core/text/segment.js';
import { REPO_ROOT, seedDocs } from '../../helpers/seeds.js';

const frIt = parseTsvLexicon(gunzipSync(readFileSync(join(REPO_ROOT, 'lexicons/fr-it.freedict.tsv.gz'))).toString('utf8'), { name: 'fr-it', a: 'fr', b: 'it' });
const sentencesOf = (lang: string) =>
  seedDocs()
    .filter((d) => d.lang === lang)
    .flatMap((d) => segment(d.text, d.lang).map(([s, e]) => d.text.slice(s, e)));
const italian = sentencesOf('it');
const french = sentencesOf('fr');
const itTokens = (text: string) => contentTokens(text, stemmedTranslations([frIt], 'it', 'fr'), stopwordsFor('it'));
const frTokens = (text: string) => contentTokens(text, stemmedTranslations([frIt], 'fr', 'it'), stopwordsFor('fr'));
const idf = (key: string) => 1 + (key.length % 5) / 2;

describe('sparse scoring of long sentences', () => {
  it('gives the dense reading\'s score and matched tokens, on long texts made of the seeds (it against fr, and it against it)', () => {
    const pick = (pool: readonly string[]) => fc.array(fc.integer({ min: 0, max: pool.length - 1 }), { minLength: 1, maxLength: 6 }).map((ix) => ix.map((i) => pool[i]!).join(' '));
    fc.assert(
      fc.property(pick(italian), pick(french), pick(italian), (a, b, c) => {
        for (const [xs, ys] of [[itTokens(a), frTokens(b)], [itTokens(a), itTokens(c)], [frTokens(b), itTokens(a)]] as const) {
          expect(sparseSimilarity(xs, ys, idf)).toEqual(denseSimilarity(xs, ys, idf));
        }
      }),
      { numRuns: 12, seed: 7, endOnFailure: true },
    );
  });

  it('finds the same statement in two long texts, and scores unrelated ones low', () => {
    const long = italian.slice(0, 20).join(' ');
    const xs = itTokens(long);
    expect(xs.length).toBeGreaterThan(150);
    expect(sparseSimilarity(xs, itTokens(long), idf).score).toBeGreaterThan(0.9);
    expect(sparseSimilarity(xs, itTokens(long), idf)).toEqual(denseSimilarity(xs, itTokens(long), idf));
  });
});
