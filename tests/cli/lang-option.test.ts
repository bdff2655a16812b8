/** --lang: one tag for all documents or one per document; typos are refused in one sentence. */
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { languageListProblem, languageTagProblem, parseLanguageOption } from '../../src/core/corpus/language-tag.js';
import { cli } from '../helpers/cli.js';

describe('language tags', () => {
  it('accepts ISO 639-1 codes, 3-letter codes, subtags and und; refuses the rest', () => {
    for (const ok of ['it', 'fr', 'de', 'pt-BR', 'zh-Hant', 'sr-Latn', 'ckb', 'und', 'EN']) expect(languageTagProblem(ok), ok).toBeUndefined();
    for (const bad of ['klingon', 'xx', 'i', 'en_US', '', 'en,de', 'it-']) expect(languageTagProblem(bad), bad).toBeDefined();
    expect(parseLanguageOption('en,de')).toEqual({ tags: ['en', 'de'] });
    expect(parseLanguageOption('en, xx')).toHaveProperty('problem');
    expect(languageListProblem(['en', 'de'], 2)).toBeUndefined();
    expect(languageListProblem(['en'], 5)).toBeUndefined();
    expect(languageListProblem(['en', 'de'], 3)).toMatch(/2 languages for 3 documents/);
  });
});

describe('allinea align --lang', () => {
  const dir = mkdtempSync(join(tmpdir(), 'allinea-lang-'));
  writeFileSync(join(dir, 'a.txt'), 'The cat sleeps on the mat. The dog barks at night. Rain has fallen for three days.\n');
  writeFileSync(join(dir, 'b.txt'), 'Die Katze schläft auf der Matte. Der Hund bellt in der Nacht. Es regnet seit drei Tagen.\n');

  it('gives each document its own language from a list, in the order given', async () => {
    const r = await cli(['align', 'a.txt', 'b.txt', '--lang', 'en,de', '-o', 'ab.align.json'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const saved = JSON.parse(readFileSync(join(dir, 'ab.align.json'), 'utf8')) as { documents: { lang: string }[] };
    expect(saved.documents.map((d) => d.lang)).toEqual(['en', 'de']);
  });

  it('refuses an unknown tag and a list of the wrong length, in one sentence, writing nothing', async () => {
    for (const lang of ['klingon', 'en,xx', 'en,de,fr']) {
      const r = await cli(['align', 'a.txt', 'b.txt', '--lang', lang, '-o', `bad-${lang.length}.align.json`], { cwd: dir });
      expect(r.code, lang).toBe(2);
      expect(r.stderr.trim().split('\n'), lang).toHaveLength(1);
      expect(r.stderr).toMatch(/--lang/);
      expect(existsSync(join(dir, `bad-${lang.length}.align.json`))).toBe(false);
    }
  });
});

describe('allinea lexicon import', () => {
  it('asks for --from/--to when the file name does not give the languages, and checks them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'allinea-lexlang-'));
    writeFileSync(join(dir, 'my.tsv'), 'casa\tmaison\ncane\tchien\n');
    const silent = await cli(['lexicon', 'import', 'my.tsv'], { cwd: dir });
    expect(silent.code).toBe(2);
    expect(silent.stderr).toMatch(/^allinea: Cannot tell the languages of .*my\.tsv from its name: give --from .* and --to /);
    expect(readdirSync(dir)).toEqual(['my.tsv']);
    const wrong = await cli(['lexicon', 'import', 'my.tsv', '--from', 'it', '--to', 'zz'], { cwd: dir });
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('--to: "zz" is not a language tag');
    const ok = await cli(['lexicon', 'import', 'my.tsv', '--from', 'it', '--to', 'fr'], { cwd: dir });
    expect(ok.code, ok.stderr).toBe(0);
    expect(existsSync(join(dir, 'it-fr.tsv'))).toBe(true);
  });
});
