import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tokenizeSpans, tokenizeTexts } from '../../../src/core/align/sentence-features.js';
import { SEEDS_DIR, SHARED_DIR } from '../../helpers/seeds.js';

// The reference the fast tokenizer must reproduce: fold the whole sentence (lower case, NFD,
// marks removed), then run the token pattern (ASCII when nothing but ASCII letters remain).
const MARKS = /\p{M}+/gu;
const UNICODE =
  /(?:https?:\/\/|www\.)[^\s<>"«»“”]+[^\s<>"«»“”.,;:!?)\]]|[#@][\p{L}\p{N}_]+|\d{1,3}(?:[.,\u00a0\u202f\u2009 ]\d{3})+(?:[.,]\d+)?(?!\d)|\d+(?:[.,]\d+)?|\p{L}[\p{L}\p{N}]*|[?!:;«»“”„"()[\]…%€$£]/gu;
const ASCII =
  /(?:https?:\/\/|www\.)[^\s<>"«»“”]+[^\s<>"«»“”.,;:!?)\]]|[#@][a-z0-9_]+|\d{1,3}(?:[.,\u00a0\u202f\u2009 ]\d{3})+(?:[.,]\d+)?(?!\d)|\d+(?:[.,]\d+)?|[a-z][a-z0-9]*|[?!:;«»“”„"()[\]…%€$£]/g;
const OTHER_LETTER = /[^\x00-\x7f«»“”„…’‘–—\u00a0\u202f\u2009]/;

function referenceTokens(text: string): string[] {
  const folded = text.toLowerCase().normalize('NFD').replace(MARKS, '');
  return [...folded.matchAll(OTHER_LETTER.test(folded) ? UNICODE : ASCII)].map((m) => m[0]);
}

function tokens(texts: string[]): string[][] {
  const t = tokenizeTexts(texts);
  return texts.map((_, k) => Array.from(t.ids.subarray(t.start[k]!, t.start[k + 1]!), (id) => t.vocab[id]!));
}

describe('tokenizeTexts', () => {
  it('gives the tokens of folding each sentence and matching the token pattern, on the bench texts and the seeds', () => {
    const dir = join(SHARED_DIR, 'bench/alignment');
    const texts: string[] = [];
    for (const sub of ['textberg-dev', 'transread-dev']) {
      for (const f of readdirSync(join(dir, sub))) if (/\.(de|fr|en)$/.test(f)) texts.push(...readFileSync(join(dir, sub, f), 'utf8').split('\n'));
    }
    for (const f of readdirSync(SEEDS_DIR)) texts.push(...readFileSync(join(SEEDS_DIR, f), 'utf8').split(/\n+/));
    expect(texts.length).toBeGreaterThan(5000);
    expect(tokens(texts)).toEqual(texts.map(referenceTokens));
  });

  it('folds case and accents in place and leaves tags, URLs and other scripts to the pattern', () => {
    const texts = [
      'Élan, ÉCOLE; l’Être 9 200 € (3,5%) «Non»',
      'Voir https://Example.org/a?b=1, #OpParis et @Marie: WWW.Charlie.fr!',
      'Straße œuvre Ærø – Київ 2015 e\u0301te\u0301',
    ];
    expect(tokens(texts)).toEqual(texts.map(referenceTokens));
    expect(tokens(texts)[0]).toEqual(['elan', 'ecole', ';', 'l', 'etre', '9 200', '€', '(', '3,5', '%', ')', '«', 'non', '»']);
  });
});

/** Tokens of each span of `text` as strings (ids resolved through the vocabulary). */
function spanTokens(text: string, spans: [number, number][]): string[][] {
  const t = tokenizeSpans(text, spans);
  return spans.map((_, k) => Array.from(t.ids.subarray(t.start[k]!, t.start[k + 1]!), (id) => t.vocab[id]!));
}

describe('tokenizeSpans', () => {
  it('gives each span the tokens of its substring, where patterns could run across the boundary', () => {
    // Sentences joined with no separator: numbers, a URL prefix and "://" cut by a boundary, a
    // digit right after a sentence (the number pattern looks one character ahead).
    const sentences = ['Es kostet 9 200', ' Euro.', 'Dann 12,345', '678 sieh www', '.x.fr', ':', '//a.b 9', ',200 Fin'];
    const text = sentences.join('');
    const spans: [number, number][] = [];
    for (const s of sentences) spans.push([spans.length ? spans[spans.length - 1]![1] : 0, (spans.length ? spans[spans.length - 1]![1] : 0) + s.length]);
    expect(spanTokens(text, spans)).toEqual(spans.map(([s, e]) => referenceTokens(text.slice(s, e))));
    expect(tokenizeSpans(text, spans).lengths).toEqual(Int32Array.from(spans, ([s, e]) => e - s));
  });

  it('matches tokenizing each substring alone, for any text and any spans (property)', () => {
    const alphabet = fc.constantFrom(...'aAbéÉz09 ,.:/#@w\n«»’ßœ€%(-'.split(''), 'www.', 'http://', '9 200', '1,5', 'e\u0301');
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 60 }), fc.array(fc.nat(), { maxLength: 8 }), (parts, rawCuts) => {
        const text = parts.join('');
        const cuts = [...new Set([0, text.length, ...rawCuts.map((c) => c % (text.length + 1))])].sort((x, y) => x - y);
        // Spans from consecutive cuts, every other one skipped so that gaps occur too.
        const spans = cuts.slice(1).map((e, k) => [cuts[k]!, e] as [number, number]).filter((_, k) => k % 3 !== 2);
        expect(spanTokens(text, spans)).toEqual(spans.map(([s, e]) => referenceTokens(text.slice(s, e))));
      }),
      { numRuns: 2000 },
    );
  });
});
