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
  it('have the same keys in English, Italian and French', () => {
    const en = [...flat.en.keys()].sort();
    expect([...flat.it.keys()].sort()).toEqual(en);
    expect([...flat.fr.keys()].sort()).toEqual(en);
  });

  it('have no empty strings and the same placeholders in every language', () => {
    for (const locale of LOCALES) {
      for (const [key, value] of flat[locale]) {
        expect(value.trim(), `${locale}: ${key}`).not.toBe('');
        expect(placeholders(value), `${locale}: ${key}`).toEqual(placeholders(flat.en.get(key)!));
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
    for (const key of used) expect(flat.en.has(key), key).toBe(true);
  });

  it('translate reducer messages, including keys passed as parameters', () => {
    const it = createI18n('it');
    expect(translateMessage(it.t, { key: 'msg.undone', params: { changeKey: 'change.link' }, tone: 'info' })).toBe('Annullato: collegamento.');
    const fr = createI18n('fr');
    expect(translateMessage(fr.t, { key: 'msg.linked', params: { count: 2, group: 'g1' }, tone: 'info' })).toBe('2 phrases liées dans le groupe g1.');
  });
});
