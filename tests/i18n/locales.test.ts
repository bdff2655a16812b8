import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KEYMAP } from '../../src/core/session/keymap.js';
import { LOCALES, createI18n, localeResource, translateMessage } from '../../src/i18n/index.js';
import { REPO_ROOT } from '../helpers/seeds.js';

function flatten(tree: Record<string, unknown>, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value as Record<string, unknown>, path)) out.set(k, v);
  }
  return out;
}

const flat = Object.fromEntries(LOCALES.map((l) => [l, flatten(localeResource(l))])) as Record<(typeof LOCALES)[number], Map<string, string>>;
const placeholders = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe('interface locales', () => {
  // Plural forms (i18next's key_one, key_many, key_other) differ by language: compared by base key.
  const PLURAL = /_(zero|one|two|few|many|other)$/;
  const baseKeys = (locale: (typeof LOCALES)[number]) => [...new Set([...flat[locale].keys()].map((k) => k.replace(PLURAL, '')))].sort();

  it('have the same keys in English, Italian and French', () => {
    const en = baseKeys('en');
    expect(baseKeys('it')).toEqual(en);
    expect(baseKeys('fr')).toEqual(en);
  });

  it('give every plural key each plural form its language has', () => {
    for (const locale of LOCALES) {
      const categories = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
      const plural = new Set([...flat[locale].keys()].filter((k) => PLURAL.test(k)).map((k) => k.replace(PLURAL, '')));
      for (const base of plural) for (const c of categories) expect(flat[locale].has(`${base}_${c}`), `${locale}: ${base}_${c}`).toBe(true);
    }
  });

  it('have no empty strings and the same placeholders in every language', () => {
    for (const locale of LOCALES) {
      for (const [key, value] of flat[locale]) {
        expect(value.trim(), `${locale}: ${key}`).not.toBe('');
        const english = flat.en.get(key) ?? flat.en.get(key.replace(/_(zero|one|two|few|many)$/, '_other'))!;
        expect(placeholders(value), `${locale}: ${key}`).toEqual(placeholders(english));
      }
    }
  });

  it('are really translated (Italian and French differ from English)', () => {
    const same = (locale: 'it' | 'fr') => [...flat.en].filter(([k, v]) => flat[locale].get(k) === v && v.length > 12).map(([k]) => k);
    expect(same('it')).toEqual([]);
    expect(same('fr')).toEqual([]);
  });

  it('describe every keymap binding and hint', () => {
    for (const binding of KEYMAP) {
      expect(flat.en.has(binding.description), binding.description).toBe(true);
      if (binding.hint) expect(flat.en.has(binding.description.replace(/^keys\./, 'hints.')), binding.command).toBe(true);
    }
  });

  it('hold every message key the workbench code uses', () => {
    const sources = ['src/core/session', 'src/tui', 'src/cli/commands']
      .flatMap((dir) => readdirSync(join(REPO_ROOT, dir)).map((f) => join(REPO_ROOT, dir, f)))
      .filter((f) => /\.(ts|tsx)$/.test(f))
      .map((f) => readFileSync(f, 'utf8'))
      .join('\n');
    const used = new Set([...sources.matchAll(/'((?:msg|ui|cli|hints|filter|change|section|status)\.[A-Za-z-]+)'/g)].map((m) => m[1]!));
    expect(used.size).toBeGreaterThan(30);
    // A key with plural forms exists as key_one / key_other.
    for (const key of used) expect(flat.en.has(key) || flat.en.has(`${key}_other`), key).toBe(true);
  });

  it('translate reducer messages, including keys passed as parameters', () => {
    const it = createI18n('it');
    expect(translateMessage(it.t, { key: 'msg.undone', params: { changeKey: 'change.link' }, tone: 'info' })).toBe('Annullato: collegamento.');
    const fr = createI18n('fr');
    expect(translateMessage(fr.t, { key: 'msg.linked', params: { count: 2, group: 'g1' }, tone: 'info' })).toBe('2 phrases liées dans le groupe g1.');
  });
});

describe('plural forms', () => {
  it('say "1 sentence marked", "1 gruppo suggerito", "1 phrase liée" and the plural for more', () => {
    const en = createI18n('en').t;
    const it = createI18n('it').t;
    const fr = createI18n('fr').t;
    expect(en('msg.marked', { count: 1 })).toBe('1 sentence marked.');
    expect(en('msg.marked', { count: 3 })).toBe('3 sentences marked.');
    expect(it('ui.countSuggested', { count: 1 })).toBe('1 suggerito');
    expect(it('ui.countSuggested', { count: 2 })).toBe('2 suggeriti');
    expect(it('msg.alignerDone', { count: 1, mode: 'parallel' })).toContain('1 gruppo suggerito');
    expect(fr('msg.linked', { count: 1, group: 'g1' })).toBe('1 phrase liée dans le groupe g1.');
    expect(fr('msg.linked', { count: 2, group: 'g1' })).toBe('2 phrases liées dans le groupe g1.');
    expect(fr('ui.marks', { count: 1_000_000 })).toBe('1000000 marquées');
  });
});
