/**
 * End to end in tmux: documents whose language cannot be told (`und`) open with a notice that
 * says so and names --doc-lang, in the interface language.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createI18n, type Locale } from '../../src/i18n/index.js';
import { docLangNotice, undeterminedNotice } from '../../src/cli/commands/view.js';
import { REPO_ROOT } from '../helpers/seeds.js';
import { TmuxSession, hasTmux, cleanedAfterEach, shell } from './tmux.js';

const { sessions, folders } = cleanedAfterEach();

/** Two documents of numbers and symbols only: no language detector can tell them. */
function numbersOnly(): string {
  const dir = mkdtempSync(join(tmpdir(), 'allinea-e2e-und-'));
  folders.push(dir);
  writeFileSync(join(dir, 'a.txt'), '12 34 56. 78 90 12.\n2024 - 2025.\n');
  writeFileSync(join(dir, 'b.txt'), '12 34 56. 78 90 12.\n2024 - 2025.\n');
  return dir;
}

describe('the notice for undetermined languages', () => {
  it('names the documents, and --doc-lang only where it still helps', () => {
    const docs = [
      { id: 'a', lang: 'und' },
      { id: 'b', lang: 'it' },
      { id: 'c', lang: 'und' },
    ];
    expect(undeterminedNotice({ documents: docs }, true)).toEqual({ key: 'msg.undeterminedLanguageNew', params: { docs: 'a, c' }, tone: 'error' });
    expect(undeterminedNotice({ documents: docs }, false)?.key).toBe('msg.undeterminedLanguage');
    expect(undeterminedNotice({ documents: docs.slice(1, 2) }, true)).toBeUndefined();
    for (const lang of ['en', 'it', 'fr'] as const) {
      const t = createI18n(lang).t;
      for (const key of ['msg.undeterminedLanguageNew', 'msg.undeterminedLanguage']) {
        const text = t(key, { docs: 'a, c' });
        expect(text, `${lang} ${key}`).toContain('a, c');
        expect(text, `${lang} ${key}`).toContain('--doc-lang');
      }
    }
  });

  describe.skipIf(!hasTmux)('in a real terminal', () => {
    it.each(['en', 'fr'] as const)(
      'opens documents of undetermined language with the notice (%s interface)',
      async (lang: Locale) => {
        const dir = numbersOnly();
        const t = createI18n(lang).t;
        const command = ['cd', shell(dir), '&&', 'env CI=false TERM=xterm-256color', shell(process.execPath), shell(join(REPO_ROOT, 'bin', 'allinea.js')), 'view', 'a.txt', 'b.txt', '--lang', lang, '; echo "EXITED:$?"; sleep 600'].join(' ');
        const tmux = new TmuxSession(command, 200, 30);
        sessions.push(tmux);
        // The notice's start is enough: the status line cuts it to the terminal's width.
        const start = t('msg.undeterminedLanguageNew', { docs: 'a, b' }).slice(0, 60);
        const screen = await tmux.waitForText(start, 60_000);
        expect(screen).toContain('und');
        tmux.type('q');
        await tmux.waitForText('EXITED:0');
      },
      90_000,
    );
  });
});

describe('--doc-lang for an alignment that already exists', () => {
  it('is said not to apply, naming the languages the file keeps', () => {
    const workspace = { isNew: false, alignment: { documents: [{ lang: 'it' }, { lang: 'fr' }, { lang: 'it' }] } };
    expect(docLangNotice('de', workspace, 'a.align.json')).toEqual({ key: 'msg.docLangNotApplied', params: { lang: 'de', file: 'a.align.json', langs: 'it, fr' }, tone: 'error' });
    expect(docLangNotice('de', { ...workspace, isNew: true }, 'a.align.json')).toBeUndefined();
    expect(docLangNotice(undefined, workspace, 'a.align.json')).toBeUndefined();
    expect(docLangNotice('it', { isNew: false, alignment: { documents: [{ lang: 'it' }] } }, 'a.align.json')).toBeUndefined();
    for (const lang of ['en', 'it', 'fr'] as const) expect(createI18n(lang).t('msg.docLangNotApplied', { lang: 'de', file: 'a.align.json', langs: 'it, fr' })).toContain('--doc-lang de');
  });
});
