/**
 * End to end, in tmux (CI=false in the pane so Ink draws): linking a sentence of a confirmed
 * group asks first and keeps the group and its note unless the user says yes; a re-align of
 * 3 × 20,000 sentences runs in its worker thread while the cursor moves, and Esc stops it.
 * Every step waits for a screen state, never a fixed time.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { link, setNote } from '../../src/core/model/operations.js';
import type { Alignment, Span } from '../../src/core/model/types.js';
import { readAlignmentFile } from '../../src/io/alignment-file.js';
import { createI18n, translateMessage, type Locale } from '../../src/i18n/index.js';
import { saveAlignment } from '../../src/tui/workbench-files.js';
import { REPO_ROOT, seedsAlignment, tempWorkspace } from '../helpers/seeds.js';
import { TmuxSession, hasTmux, cleanedAfterEach, shell } from './tmux.js';

const { sessions, folders } = cleanedAfterEach();

const STARTUP = 60_000;

function open(alignmentPath: string, lang: Locale, columns = 160, rows = 40): TmuxSession {
  const command = [
    'cd',
    shell(REPO_ROOT),
    '&&',
    'env CI=false TERM=xterm-256color',
    shell(process.execPath),
    'bin/allinea.js view --alignment',
    shell(alignmentPath),
    '--lang',
    lang,
    '; echo "EXITED:$?"; sleep 600',
  ].join(' ');
  const session = new TmuxSession(command, columns, rows);
  sessions.push(session);
  return session;
}

describe.skipIf(!hasTmux)('no silent loss, in a real terminal', () => {
  it.each(['en', 'it', 'fr'] as const)(
    'linking a sentence of a confirmed group asks; Esc keeps the group and its note; yes links; undo restores (%s)',
    async (lang) => {
      const t = createI18n(lang).t;
      const dir = tempWorkspace();
      folders.push(dir);
      const path = join(dir, 'alignments', 'a.align.json');
      const { alignment, texts } = seedsAlignment();
      const linked = link(alignment, [{ doc: 'it-000', sentence: 0 }, { doc: 'fr-003', sentence: 0 }], 'g1').alignment;
      saveAlignment(path, setNote(linked, 'g1', 'checked by Anna'), texts);

      const tmux = open(path, lang);
      await tmux.waitForText('■g1', STARTUP);
      // Mark it-000's first sentence (in confirmed g1), go to en-002 and link.
      tmux.keys('Space');
      await tmux.waitForText(t('ui.marks', { count: 1 }));
      tmux.keys('Tab', 'Tab');
      await tmux.waitFor((s) => (s.split('\n')[0] ?? '').includes('▶ en-002'), 'focus on en-002');
      tmux.keys('Enter');
      const question = translateMessage(t, {
        key: 'msg.confirmLoss',
        params: { whatKey: 'loss.dissolve-note', group: 'g1', count: 1, note: 'checked by Anna' },
        tone: 'info',
      });
      await tmux.waitForText(question.slice(0, 50));
      // Esc answers no: nothing changed.
      tmux.keys('Escape');
      await tmux.waitForText(t('msg.lossDeclined'));
      let screen = tmux.screen();
      expect(screen).not.toContain('■g2');
      expect(screen).toContain(`[${t('ui.unchanged')}]`);
      // Asked again, yes: linked into g2, g1 dissolved; undo brings g1 and its note back.
      tmux.keys('Enter');
      await tmux.waitForText(question.slice(0, 50));
      tmux.type('y');
      await tmux.waitForText(t('msg.linked', { count: 2, group: 'g2' }));
      await tmux.waitForText('■g2');
      tmux.type('u');
      await tmux.waitForText(t('msg.undone', { changeKey: t('change.link') }));
      screen = await tmux.waitFor((s) => s.includes('■g1') && !s.includes('■g2'), 'g1 back, g2 gone');
      tmux.type('q');
      await tmux.waitForText('EXITED:0');
      const saved = readAlignmentFile(path).alignment;
      expect(saved.groups).toHaveLength(1);
      expect(saved.groups[0]).toMatchObject({ id: 'g1', status: 'confirmed', note: 'checked by Anna' });
    },
    180_000,
  );
});

const WORDS = 'the of alignment corpus sentence Anonymous liberté guerra attentato Paris Nice hacker réseau notizia group video message justice citizens monde'.split(' ');

/** Three "translations" of n sentences (shared skeleton, half the words per language), saved as an alignment. */
function translations(dir: string, n: number): string {
  const docs = ['it', 'fr', 'en'].map((lang, k) => {
    let x = 7;
    const shared = () => (x = (x * 1103515245 + 12345) % 2147483648) / 2147483648;
    let y = 99 + 31 * k;
    const own = () => (y = (y * 1103515245 + 12345) % 2147483648) / 2147483648;
    const parts: string[] = [];
    const sentences: Span[] = [];
    let offset = 0;
    for (let i = 0; i < n; i++) {
      const words = 4 + Math.floor(shared() * 36);
      const s: string[] = [];
      for (let w = 0; w < words; w++) {
        const word = WORDS[Math.floor(shared() * WORDS.length)]!;
        s.push(own() < 0.5 ? word : `${WORDS[Math.floor(own() * WORDS.length)]!}${lang}`);
      }
      const sentence = `${s.join(' ')} ${i}.`;
      sentences.push([offset, offset + sentence.length]);
      parts.push(sentence);
      offset += sentence.length + 1;
    }
    return { id: `${lang}-${k}`, lang, text: parts.join(' '), sentences };
  });
  for (const d of docs) writeFileSync(join(dir, `${d.id}.txt`), d.text);
  const alignment: Alignment = {
    format: 'allinea-alignment',
    version: 1,
    documents: docs.map((d) => ({ id: d.id, path: `${d.id}.txt`, lang: d.lang, sha256: createHash('sha256').update(d.text).digest('hex'), sentences: d.sentences })),
    groups: [],
    overrides: [],
    bookmarks: [],
  };
  const path = join(dir, 'big.align.json');
  saveAlignment(path, alignment, new Map(docs.map((d) => [d.id, d.text])));
  return path;
}

describe.skipIf(!hasTmux)('re-align in a real terminal', () => {
  it('re-aligns 3 × 20,000 sentences in the worker while the cursor moves, and Esc stops it', async () => {
    const t = createI18n('en').t;
    const dir = mkdtempSync(join(tmpdir(), 'allinea-e2e-realign-'));
    folders.push(dir);
    mkdirSync(dir, { recursive: true });
    const path = translations(dir, 20_000);
    const tmux = open(path, 'en');
    await tmux.waitForText('unaligned', STARTUP);
    const aligning = /Aligning…/;
    const cursorAt = (screen: string, n: number) => new RegExp(`▸ +${n} `).test(screen);
    let cancelled = false;
    let line = 1;
    // A fast machine may finish a run before Esc arrives: then the next run is cancelled.
    for (let attempt = 0; attempt < 3 && !cancelled; attempt++) {
      tmux.type('A');
      await tmux.waitFor((s) => aligning.test(s), 'the aligner running');
      // The cursor moves while the aligner runs: the same screen shows both.
      tmux.type('jjj');
      line += 3;
      const moved = await tmux.waitFor((s) => cursorAt(s, line) || !aligning.test(s), `the cursor on sentence ${line}`);
      if (!aligning.test(moved)) continue;
      expect(cursorAt(moved, line)).toBe(true);
      tmux.keys('Escape');
      const after = await tmux.waitFor((s) => s.includes(t('msg.alignerCancelled')) || s.includes('The aligner finished'), 'the run stopped or finished');
      cancelled = after.includes(t('msg.alignerCancelled'));
      if (cancelled) expect(after).not.toMatch(aligning);
    }
    expect(cancelled).toBe(true);
    // The screen never said the worker could not start.
    expect(tmux.screen()).not.toContain('did not run');
    tmux.type('q');
    await tmux.waitFor((s) => s.includes('EXITED:0') || s.includes(t('msg.confirmQuit').slice(0, 20)), 'quit or its question');
    if (!tmux.screen().includes('EXITED:0')) {
      tmux.type('d');
      await tmux.waitForText('EXITED:0');
    }
  }, 240_000);
});
