/**
 * End to end in tmux, the row view as the main review view: translations open in it (and
 * `--view` chooses), rows following one document still reach every suggestion with
 * confirm-and-next, and `/` with n searches there, the typed letters staying text.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readAlignmentFile } from '../../src/io/alignment-file.js';
import { createI18n, type Locale } from '../../src/i18n/index.js';
import { REPO_ROOT, SEEDS_DIR } from '../helpers/seeds.js';
import { TmuxSession, hasTmux, cleanedAfterEach, shell } from './tmux.js';

const { sessions, folders } = cleanedAfterEach();

const STARTUP = 60_000;

function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'allinea-e2e-review-'));
  folders.push(dir);
  return dir;
}

/** A copy of the seeds with the curated alignment (17 confirmed groups, many without it-000). */
function curatedSeeds(): string {
  const dir = folder();
  cpSync(SEEDS_DIR, join(dir, 'seeds'), { recursive: true });
  mkdirSync(join(dir, 'alignments'));
  const file = join(dir, 'alignments', 'seeds.align.json');
  cpSync(join(REPO_ROOT, 'alignments', 'seeds.align.json'), file);
  return file;
}

function start(args: string[], lang: Locale, cwd = REPO_ROOT): TmuxSession {
  const command = ['cd', shell(cwd), '&&', 'env CI=false TERM=xterm-256color', shell(process.execPath), shell(join(REPO_ROOT, 'bin', 'allinea.js')), 'view', ...args.map(shell), '--lang', lang, '; echo "EXITED:$?"; sleep 600'].join(' ');
  const session = new TmuxSession(command, 160, 40);
  sessions.push(session);
  return session;
}

const prefix = (text: string) => text.split('§')[0]!;
const cursorLine = (screen: string) => screen.split('\n').find((l) => l.startsWith('▸')) ?? '';
const header = (screen: string) => screen.split('\n')[0] ?? '';

describe.skipIf(!hasTmux)('the row view as the main review view', () => {
  it.each(['en', 'it'] as const)(
    'rows following it-000 reach every suggestion, those between other documents too (%s interface)',
    async (lang) => {
      const t = createI18n(lang).t;
      const file = curatedSeeds();
      const before = readAlignmentFile(file).alignment;
      const tmux = start([file, '--view', 'rows'], lang);
      // The seeds' groups cross: rows follow the leading document.
      await tmux.waitFor((s) => header(s).includes(t('ui.rowsOrderLead', { doc: 'it-000' })), 'rows following it-000', STARTUP);
      tmux.type('A');
      const aligned = await tmux.waitForText(prefix(t('msg.alignerDone', { count: 0, mode: '§' })), 120_000);
      expect(aligned).toContain('it-000');
      tmux.type('g');
      await tmux.waitFor((s) => /^▸.\S? +1 /.test(cursorLine(s)), 'the first row');
      const done = prefix(t('msg.rowReviewDone', { group: '§' }));
      const none = t('msg.rowNotGroup');
      for (let n = 0; n < 20; n++) {
        const screen = tmux.screen();
        if (screen.includes(done) || screen.includes(none)) break;
        tmux.keys('Enter');
        await tmux.waitFor((s) => s !== screen, 'the next row or the end of the review');
      }
      await tmux.waitFor((s) => s.includes(done) || s.includes(none), 'the end of the review');
      tmux.keys('C-s');
      await tmux.waitForText(t('msg.saved', { file: 'seeds.align.json' }));
      tmux.type('q');
      await tmux.waitForText('EXITED:0');
      const saved = readAlignmentFile(file).alignment;
      // Nothing is left unconfirmed, the suggestions without it-000 included; nothing was lost.
      expect(saved.groups.filter((g) => g.status === 'suggested').map((g) => g.id)).toEqual([]);
      const added = saved.groups.filter((g) => !before.groups.some((b) => b.id === g.id));
      expect(added.length).toBeGreaterThan(0);
      expect(added.some((g) => !g.members.some((m) => m.doc === 'it-000'))).toBe(true);
      for (const g of before.groups.filter((x) => x.status === 'confirmed')) expect(saved.groups.find((x) => x.id === g.id)).toEqual(g);
    },
    240_000,
  );

  it.each(['en', 'fr'] as const)(
    'searches with / and n in the row view; the letters typed are the pattern, not commands (%s interface)',
    async (lang) => {
      const t = createI18n(lang).t;
      const file = curatedSeeds();
      const original = readFileSync(file, 'utf8');
      const tmux = start([file, '--view', 'rows'], lang);
      await tmux.waitFor((s) => (s.split('\n')[1] ?? '').includes('◆ it-000'), 'the row view', STARTUP);
      // "Anonymous" holds A (re-align), n, o (lead), y (accept), m (merge), u (undo), s (split).
      tmux.type('/');
      tmux.type('Anonymous');
      tmux.keys('Enter');
      // "Found in it-000, sentence 7 (3 of 32)." or the same in a group's note: sentence and index.
      const escape = (x: string) => x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      const pattern = (key: string) =>
        new RegExp(escape(t(key, { doc: 'it-000', group: '¤', sentence: '§', index: '±', total: '¤' })).replace('§', '(\\d+)').replace('±', '(\\d+)').replaceAll('¤', '\\S+?'));
      const patterns = [pattern('msg.foundOf'), pattern('msg.foundInNote')];
      const matchOf = (screen: string) => {
        for (const p of patterns) {
          const m = p.exec(screen);
          if (m) return { sentence: Number(m[1]), index: Number(m[2]) };
        }
        return undefined;
      };
      // The detail line names the cursor row's sentences: the match is in the cursor's row.
      const inCursorRow = (screen: string, sentence: number) => new RegExp(`it-000 (\\d+,)*${sentence}\\b`).test(screen);
      const first = await tmux.waitFor((s) => matchOf(s) !== undefined, 'the first match');
      const m1 = matchOf(first)!;
      expect(inCursorRow(first, m1.sentence)).toBe(true);
      tmux.type('n');
      const second = await tmux.waitFor((s) => matchOf(s)?.index === m1.index + 1, 'the next match');
      expect(inCursorRow(second, matchOf(second)!.sentence)).toBe(true);
      tmux.type('n');
      const third = await tmux.waitFor((s) => matchOf(s)?.index === m1.index + 2, 'the match after');
      expect(inCursorRow(third, matchOf(third)!.sentence)).toBe(true);
      expect(matchOf(third)!.sentence).toBeGreaterThan(m1.sentence);
      tmux.type('N');
      await tmux.waitFor((s) => matchOf(s)?.index === m1.index + 1, 'the previous match');
      // Nothing changed: q quits at once, and the file is as it was.
      tmux.type('q');
      await tmux.waitForText('EXITED:0');
      expect(readFileSync(file, 'utf8')).toBe(original);
    },
    240_000,
  );

  it('a pair of translations opens in the row view; --view panes opens the panes', async () => {
    const t = createI18n('en').t;
    const dir = folder();
    const it_ = ['Il gatto dorme.', 'Il cane abbaia forte.', 'Piove da tre giorni.', 'La casa è vuota.', 'Domani partiamo per Roma.', 'Tutti sono contenti.'];
    const fr = ['Le chat dort.', 'Le chien aboie fort.', 'Il pleut depuis trois jours.', 'La maison est vide.', 'Demain nous partons pour Rome.', 'Tout le monde est content.'];
    writeFileSync(join(dir, 'it.txt'), `${it_.join(' ')}\n`);
    writeFileSync(join(dir, 'fr.txt'), `${fr.join(' ')}\n`);
    const rows = start(['it.txt', 'fr.txt', '--doc-lang', 'it'], 'en', dir);
    await rows.waitFor((s) => header(s).startsWith(` ${prefix(t('ui.rowsTitle', { position: 1, total: 12, confirmed: 0, groups: 0 }).replace('1/12', '§'))}1/12`), 'the row view, first of 12 rows', STARTUP);
    rows.type('q');
    await rows.waitForText('EXITED:0');
    const panes = start(['it.txt', 'fr.txt', '--doc-lang', 'it', '--view', 'panes'], 'en', dir);
    await panes.waitForText(prefix(t('ui.unaligned', { list: '§' })), STARTUP);
    expect(header(panes.screen())).not.toContain(prefix(t('ui.rowsTitle', { position: '§', total: 0, confirmed: 0, groups: 0 })));
    panes.type('q');
    await panes.waitForText('EXITED:0');
  }, 180_000);
});
