/**
 * End to end in tmux: the row view over the seeds' real suggestions (`allinea align`), reviewed
 * with confirm-and-next, and a sentence shifted to the neighbouring row, with the question a
 * confirmed group gets first. The interface language matters for the text on screen, so each
 * flow runs in more than one.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readAlignmentFile } from '../../src/io/alignment-file.js';
import { createI18n, type Locale } from '../../src/i18n/index.js';
import { REPO_ROOT, SEEDS_DIR } from '../helpers/seeds.js';
import { TmuxSession, hasTmux, cleanedAfterEach, shell } from './tmux.js';

const { sessions, folders } = cleanedAfterEach();

const STARTUP = 60_000;

/** A copy of the seeds and an alignment file holding the aligner's suggestions for them. */
function alignedWorkspace(): { dir: string; alignment: string } {
  const dir = mkdtempSync(join(tmpdir(), 'allinea-e2e-rows-'));
  folders.push(dir);
  cpSync(SEEDS_DIR, join(dir, 'seeds'), { recursive: true });
  const alignment = join(dir, 'a.align.json');
  const run = spawnSync(process.execPath, [join(REPO_ROOT, 'bin', 'allinea.js'), 'align', join(dir, 'seeds'), '-o', alignment], { encoding: 'utf8' });
  expect(run.status, run.stderr).toBe(0);
  return { dir, alignment };
}

function start(alignment: string, lang: Locale): TmuxSession {
  const command = ['cd', shell(REPO_ROOT), '&&', 'env CI=false TERM=xterm-256color', shell(process.execPath), 'bin/allinea.js view', shell(alignment), '--lang', lang, '; echo "EXITED:$?"; sleep 600'].join(' ');
  const session = new TmuxSession(command, 160, 40);
  sessions.push(session);
  return session;
}

/** The screen line of the row under the cursor. */
const cursorLine = (screen: string) => screen.split('\n').find((l) => l.startsWith('▸')) ?? '';

describe.skipIf(!hasTmux)('row view in a real terminal', () => {
  it.each(['en', 'it'] as const)(
    "reviews the seeds' suggestions row by row with confirm-and-next (%s interface)",
    async (lang) => {
      const t = createI18n(lang).t;
      const { alignment } = alignedWorkspace();
      const suggested = readAlignmentFile(alignment).alignment.groups.filter((g) => g.status === 'suggested').map((g) => g.id);
      expect(suggested.length).toBeGreaterThan(2);
      const tmux = start(alignment, lang);
      await tmux.waitForText(t('ui.unaligned', { list: 'it-000' }).split(':')[0]!, STARTUP);
      tmux.type('R');
      await tmux.waitForText(t('ui.rowsTitle', { position: 1, total: 0, confirmed: 0, groups: 0 }).split(' ')[0]!);
      await tmux.waitFor((s) => (s.split('\n')[1] ?? '').includes('◆ it-000'), 'the column titles, it-000 leading');
      // Enter on a 1:0 row goes to the first unconfirmed row; then each Enter confirms and moves on.
      tmux.keys('Enter');
      await tmux.waitFor((s) => cursorLine(s).startsWith('▸?'), 'the cursor on a suggested row');
      const done = t('msg.rowReviewDone', { group: '§' }).split('§')[0]!;
      const accepted = t('msg.accepted', { group: '§' }).split('§')[0]!;
      // Then the same in the other row order (O): nothing is left to confirm there.
      for (const phase of ['lead', 'all'] as const) {
        for (let n = 0; n < suggested.length + 1; n++) {
          const before = tmux.screen();
          tmux.keys('Enter');
          const screen = await tmux.waitFor((s) => s !== before && (s.includes(done) || s.includes(accepted) || s.includes(t('msg.rowNotGroup'))), 'a confirmation');
          if (screen.includes(done) || screen.includes(t('msg.rowNotGroup'))) break;
        }
        if (phase === 'lead') {
          // The other order (every document's sentences, or the leading document's only).
          tmux.type('O');
          await tmux.waitFor((s) => s.includes(t('msg.rowOrderAll')) || s.includes(t('msg.rowOrderLead', { doc: 'it-000' })), 'the order switched');
        }
      }
      await tmux.waitFor((s) => cursorLine(s).startsWith('▸✓'), 'the cursor on a confirmed row');
      tmux.keys('C-s');
      await tmux.waitForText(t('msg.saved', { file: 'a.align.json' }));
      tmux.type('q');
      await tmux.waitForText('EXITED:0');
      const saved = readAlignmentFile(alignment).alignment;
      expect(saved.groups.filter((g) => g.status === 'suggested').map((g) => g.id)).toEqual([]);
      expect(saved.groups.map((g) => g.id).sort()).toEqual([...suggested].sort());
    },
    240_000,
  );

  it.each(['en', 'fr'] as const)(
    'shifts a sentence to the neighbouring row, asking first when it leaves a confirmed group (%s interface)',
    async (lang) => {
      const t = createI18n(lang).t;
      const { alignment } = alignedWorkspace();
      const before = readAlignmentFile(alignment).alignment;
      const tmux = start(alignment, lang);
      await tmux.waitForText(t('ui.unaligned', { list: 'it-000' }).split(':')[0]!, STARTUP);
      tmux.type('R');
      await tmux.waitFor((s) => (s.split('\n')[1] ?? '').includes('◆ it-000'), 'the row view');
      tmux.keys('Enter');
      const first = await tmux.waitFor((s) => cursorLine(s).startsWith('▸?'), 'the first suggested row');
      const row = Number(/^▸\?.? +(\d+)/.exec(cursorLine(first))![1]);
      // The document to shift from: the last column with two or more sentences in this row's
      // group (the status line lists the group's members: "· en-004 1,3,9").
      const columns = [...(first.split('\n')[1] ?? '').matchAll(/([a-z]{2}-\d{3}) · /g)].map((m) => m[1]!);
      const members = new Map([...(first.split('\n').find((l) => /^ g\S+ /.test(l)) ?? '').matchAll(/· ([a-z]{2}-\d{3}) ([\d,]+)/g)].map((m) => [m[1]!, m[2]!.split(',').length]));
      const doc = [...columns].reverse().find((d) => (members.get(d) ?? 0) >= 2)!;
      expect(doc, first).toBeDefined();
      // Confirm it (the cursor goes on), come back, focus that document's column.
      tmux.keys('Enter');
      await tmux.waitFor((s) => /^▸[?✓ ]/.test(cursorLine(s)) && !cursorLine(s).includes(` ${row} `), 'the cursor on the next row');
      // Back up row by row (rows of unaligned sentences may lie between) to the confirmed one.
      const onConfirmed = (s: string): boolean => new RegExp(`^▸✓.? +${row} `).test(cursorLine(s));
      for (let up = 0; up < 8 && !onConfirmed(tmux.screen()); up++) {
        const from = cursorLine(tmux.screen());
        tmux.type('k');
        await tmux.waitFor((s) => cursorLine(s) !== from, 'the cursor one row up');
      }
      await tmux.waitFor(onConfirmed, 'back on the confirmed row');
      // (The focused column is underlined, which a plain capture does not show; keys are read in
      // order, and the question below names the shift.)
      tmux.keys(...Array.from({ length: columns.indexOf(doc) }, () => 'Tab'));
      tmux.type('J');
      const ask = t('msg.rowAskLeaveConfirmed', { group: '§' }).split('§')[0]!;
      await tmux.waitForText(ask);
      tmux.keys('Escape');
      await tmux.waitForText(t('msg.rowKept'));
      tmux.type('J');
      await tmux.waitForText(ask);
      tmux.type('y');
      const moved = await tmux.waitFor((s) => s.includes(t('msg.rowShiftedDown', { doc, sentence: '§' }).split('§')[0]!), 'the shift done');
      expect(moved).toContain(doc);
      tmux.keys('C-s');
      await tmux.waitForText(t('msg.saved', { file: 'a.align.json' }));
      tmux.type('q');
      await tmux.waitForText('EXITED:0');
      const saved = readAlignmentFile(alignment).alignment;
      // The confirmed group lost its last sentence of that document to the next row: another
      // suggestion, or (when that row holds an unaligned sentence) a group made by the move,
      // which is the user's own and so confirmed too.
      const confirmed = saved.groups.filter((g) => g.status === 'confirmed' && before.groups.some((b) => b.id === g.id));
      expect(confirmed).toHaveLength(1);
      const now = confirmed[0]!;
      const was = before.groups.find((g) => g.id === now.id)!;
      const sentencesWas = was.members.find((m) => m.doc === doc)!.sentences;
      const sentencesNow = now.members.find((m) => m.doc === doc)?.sentences ?? [];
      expect(sentencesNow).toEqual(sentencesWas.slice(0, -1));
      const movedSentence = sentencesWas[sentencesWas.length - 1]!;
      const receiver = saved.groups.find((g) => g.members.some((m) => m.doc === doc && m.sentences.includes(movedSentence)))!;
      expect(receiver.id).not.toBe(now.id);
      expect(saved.groups.filter((g) => g.status === 'confirmed' && g.id !== now.id && g.id !== receiver.id)).toEqual([]);
      expect(readFileSync(alignment, 'utf8')).toContain('"confirmed"');
    },
    240_000,
  );

  it('re-aligns from the cursor row onward, keeping the confirmed row as it is', async () => {
    const t = createI18n('en').t;
    const { alignment } = alignedWorkspace();
    const before = readAlignmentFile(alignment).alignment;
    const tmux = start(alignment, 'en');
    await tmux.waitForText('unaligned', STARTUP);
    tmux.type('R');
    await tmux.waitFor((s) => (s.split('\n')[1] ?? '').includes('◆ it-000'), 'the row view');
    tmux.keys('Enter');
    await tmux.waitFor((s) => cursorLine(s).startsWith('▸?'), 'the first suggested row');
    tmux.keys('Enter');
    await tmux.waitForText(t('msg.accepted', { group: '§' }).split('§')[0]!);
    tmux.type('F');
    await tmux.waitForText(t('msg.rowRealignStarted', { row: '§', count: 0 }).split('§')[0]!);
    const done = await tmux.waitForText(t('msg.alignerDone', { count: 0, mode: '§' }).split('§')[0]!, 120_000);
    // The confirmed row is still confirmed (it may sit above the window: the cursor row leads it).
    expect(done.split('\n')[0]).toMatch(/ 1\/\d+ confirmed/);
    tmux.keys('C-s');
    await tmux.waitForText(t('msg.saved', { file: 'a.align.json' }));
    tmux.type('q');
    await tmux.waitForText('EXITED:0');
    const saved = readAlignmentFile(alignment).alignment;
    const confirmed = saved.groups.filter((g) => g.status === 'confirmed');
    expect(confirmed).toHaveLength(1);
    // The confirmed row is the suggestion it was, untouched by the re-align.
    expect(confirmed[0]!.members.map((m) => [m.doc, m.sentences])).toEqual(before.groups.find((g) => g.id === confirmed[0]!.id)!.members.map((m) => [m.doc, m.sentences]));
    expect(saved.groups.length).toBeGreaterThan(1);
    const check = spawnSync(process.execPath, [join(REPO_ROOT, 'bin', 'allinea.js'), 'check', alignment], { encoding: 'utf8' });
    // The saved file passes `allinea check` (warnings only, exit 0).
    expect(check.status, check.stdout + check.stderr).toBe(0);
  }, 240_000);
});
