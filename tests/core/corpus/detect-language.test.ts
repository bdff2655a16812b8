import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectLanguage, guessLanguage } from '../../../src/core/corpus/detect-language.js';
import { SEEDS_DIR } from '../../helpers/seeds.js';
import { LANGUAGE_SAMPLES } from './language-samples.js';

describe('language detection', () => {
  // Icelandic came out as Swedish ("sv") with franc-min, which has no Icelandic profile.
  for (const [lang, text] of Object.entries(LANGUAGE_SAMPLES)) {
    it(`tells ${lang} from a paragraph`, () => {
      expect(detectLanguage(text)).toBe(lang);
    });
  }

  it('detects the seed articles as they are declared', () => {
    const manifest = JSON.parse(readFileSync(join(SEEDS_DIR, 'corpus.json'), 'utf8')) as { documents: { file: string; lang: string }[] };
    expect(readdirSync(SEEDS_DIR).length).toBeGreaterThan(manifest.documents.length);
    for (const d of manifest.documents) expect(detectLanguage(readFileSync(join(SEEDS_DIR, d.file), 'utf8'))).toBe(d.lang);
  });

  it('says it cannot tell with too little text', () => {
    expect(detectLanguage('ok')).toBe('und');
    expect(guessLanguage('ok')).toEqual({ lang: 'und', sure: false, candidates: [] });
  });

  it('is unsure, and names candidates, on a line too short to tell among 414 languages', () => {
    const line = 'Bom dia, tudo bem com você?';
    const guess = guessLanguage(line);
    expect(guess.sure).toBe(false);
    expect(guess.candidates.length).toBeGreaterThan(1);
    expect(detectLanguage(line)).toBe('und');
  });

  it('prefers the widely used language when a regional neighbour scores the same (Spanish, not Asturian)', () => {
    expect(guessLanguage(LANGUAGE_SAMPLES.es!)).toMatchObject({ lang: 'es', sure: true });
  });

  it('says "und" for texts too short to be sure, as the full guess does, at every length', () => {
    for (const text of Object.values(LANGUAGE_SAMPLES)) {
      for (let length = 0; length <= Math.min(text.length, 400); length += 7) {
        const prefix = text.slice(0, length);
        const guess = guessLanguage(prefix);
        expect(detectLanguage(prefix), JSON.stringify(prefix)).toBe(guess.sure ? guess.lang : 'und');
      }
    }
  });
});
