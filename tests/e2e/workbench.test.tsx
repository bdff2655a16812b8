/**
 * End to end: the real program in tmux (CI=false inside the pane, so Ink draws), driven by
 * key presses, read from the screen. Skipped only when tmux is not installed.
 */
import { cpSync, existsSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_ALIGNMENT } from '../../src/cli/paths.js';
import { readAlignmentFile } from '../../src/io/alignment-file.js';
import { recoveryPath } from '../../src/tui/workbench-files.js';
import { createI18n, type Locale } from '../../src/i18n/index.js';
import { REPO_ROOT, SEEDS_DIR } from '../helpers/seeds.js';
import { TmuxSession, hasTmux, cleanedAfterEach, shell } from './tmux.js';
import { cleanup as inkCleanup, render as renderInk } from 'ink-testing-library';
import { I18nextProvider } from 'react-i18next';
import { Screen } from '../../src/tui/screen.js';
import { press, seedsState } from '../core/session/helpers.js';

const { sessions, folders } = cleanedAfterEach();

function workspace(): { dir: string; alignment: string } {
  const dir = mkdtempSync(join(tmpdir(), 'allinea-e2e-'));
  folders.push(dir);
  cpSync(SEEDS_DIR, join(dir, 'seeds'), { recursive: true });
  return { dir, alignment: join(dir, 'a.align.json') };
}

function start(dir: string, alignment: string, lang: Locale, columns = 160, rows = 40, env = ''): TmuxSession {
    const command = [
    'cd',
    shell(REPO_ROOT),
    '&&',
    `env CI=false TERM=xterm-256color ${env}`,
    shell(process.execPath),
    'bin/allinea.js view',
    shell(join(dir, 'seeds')),
    '--alignment',
    shell(alignment),
    '--lang',
    lang,
    '; echo "EXITED:$?"; sleep 600',
  ].join(' ');
  const session = new TmuxSession(command, columns, rows);
  sessions.push(session);
  return session;
}

const STARTUP = 60_000;

describe.skipIf(!hasTmux)('workbench in a real terminal', () => {
  it.each(['en', 'it', 'fr'] as const)(
    'builds and saves the slogan group with the keyboard alone (%s interface)',
    async (lang) => {
      const t = createI18n(lang).t;
      const { dir, alignment } = workspace();
      const tmux = start(dir, alignment, lang);
      await tmux.waitForText(t('ui.unaligned', { list: 'it-000' }), STARTUP);
      // Find the Italian "Non perdoniamo." with a search, and mark it.
      tmux.type('/');
      await tmux.waitForText(t('ui.promptSearch').trim());
      tmux.type('Non perdoniamo');
      await tmux.waitForText('Non perdoniamo', 10_000);
      tmux.keys('Enter');
      await tmux.waitForText(t('msg.found', { doc: 'it-000', sentence: 10 }).slice(0, 10));
      await tmux.waitFor((s) => /▸ +\d+ Non perdoniamo\./.test(s), 'cursor on the Italian slogan');
      tmux.keys('Space');
      await tmux.waitForText(t('ui.marks', { count: 1 }));
      // Find the French slogan; the cursor sentence joins the link.
      tmux.type('/');
      await tmux.waitForText(t('ui.promptSearch').trim());
      tmux.keys('C-u');
      tmux.type('ne pardonne');
      await tmux.waitFor((s) => s.includes(`${t('ui.promptSearch').trim()} ne pardonne`), 'the French search typed');
      tmux.keys('Enter');
      await tmux.waitFor((s) => s.includes('fr-003') && /▸ +\d+ «On ne pardonne/.test(s), 'cursor on the French slogan');
      tmux.keys('Enter');
      await tmux.waitForText(t('msg.linked', { count: 2, group: 'g1' }));
      await tmux.waitForText('■g1 Non perdoniamo.');
      tmux.keys('C-s');
      await tmux.waitForText(t('msg.saved', { file: 'a.align.json' }));
      tmux.type('q');
      const after = await tmux.waitForText('EXITED:0');
      // The alternate screen was left: the workbench is gone from the terminal.
      expect(after).not.toContain('it-000');

      const saved = readAlignmentFile(alignment).alignment;
      expect(saved.groups).toHaveLength(1);
      const group = saved.groups[0]!;
      expect(group).toMatchObject({ id: 'g1', status: 'confirmed', origin: 'manual' });
      expect(group.members.map((m) => m.doc)).toEqual(['it-000', 'fr-003']);
      expect(group.members[0]!.texts).toEqual(['Non perdoniamo.']);
      expect(group.members[1]!.texts![0]).toMatch(/^«On ne pardonne pas\. On n’oublie pas\.»/);
    },
    180_000,
  );

  it('follows terminal resizes and says when the terminal is too small', async () => {
    const { dir, alignment } = workspace();
    const tmux = start(dir, alignment, 'en');
    const first = await tmux.waitForText('en-004', STARTUP);
    expect(first.split('\n')[0]).toContain('fr-003');
    tmux.resize(70, 20);
    await tmux.waitFor((s) => {
      const top = s.split('\n')[0] ?? '';
      return top.includes('it-000') && top.includes('it-001') && !top.includes('en-002');
    }, 'two panes at 70 columns');
    tmux.keys('Tab', 'Tab', 'Tab');
    await tmux.waitFor((s) => (s.split('\n')[0] ?? '').includes('▶ fr-003'), 'the pane window following the focus');
    tmux.resize(40, 10);
    await tmux.waitForText('The terminal is too small');
    tmux.resize(160, 40);
    await tmux.waitFor((s) => (s.split('\n')[0] ?? '').includes('en-004') && !s.includes('too small'), 'all five panes again');
    tmux.type('q');
    await tmux.waitForText('EXITED:0');
  }, 120_000);

  it('redraws only what changed and leaves no stale rows: after many moves the screen is the fresh frame of that state', async () => {
    const { dir, alignment } = workspace();
    const tmux = start(dir, alignment, 'en');
    await tmux.waitForText('unaligned', STARTUP);
    // The same presses, as tmux key names and as keymap names for the reducer.
    const moves: [string, string][] = [
      ...Array.from({ length: 14 }, (): [string, string] => ['j', 'j']),
      ['Tab', 'tab'], ['PageDown', 'pagedown'], ['j', 'j'], ['j', 'j'], ['BTab', 'shift+tab'], ['k', 'k'], ['k', 'k'],
      ['Tab', 'tab'], ['Tab', 'tab'], ['G', 'G'], ['k', 'k'], ['g', 'g'], ['PageDown', 'pagedown'], ['Tab', 'tab'], ['j', 'j'],
    ];
    for (const [key] of moves) tmux.keys(key);
    const state = press(seedsState(), ...moves.map(([, name]) => name));
    const { lastFrame } = renderInk(
      <I18nextProvider i18n={createI18n('en')}>
        <Screen state={state} />
      </I18nextProvider>,
    );
    // The document panes (headers and bodies); the status lines name files that differ.
    const paneRows = (frame: string) => frame.replace(/\u001b\[[0-9;]*m/g, '').split('\n').slice(0, 37).map((l) => l.trimEnd()).join('\n');
    const expected = paneRows(lastFrame() ?? '');
    inkCleanup();
    expect(expected).toContain('▶ fr-003');
    const screen = await tmux.waitFor((s) => paneRows(s) === expected, 'the panes as a fresh render draws them', 20_000);
    expect(paneRows(screen)).toBe(expected);
    tmux.type('q');
    await tmux.waitForText('EXITED:0');
  }, 120_000);

  it('opens the help overlay with every key description', async () => {
    const { dir, alignment } = workspace();
    const tmux = start(dir, alignment, 'en');
    await tmux.waitForText('unaligned', STARTUP);
    tmux.type('?');
    const help = await tmux.waitForText('keyboard help');
    expect(help).toContain('Mark or unmark the sentence under the cursor');
    expect(help).toContain('Ctrl-S');
    tmux.keys('Escape');
    await tmux.waitFor((s) => !s.includes('keyboard help') && s.includes('unaligned'), 'help closed');
    tmux.type('q');
    await tmux.waitForText('EXITED:0');
  }, 120_000);
});

// A developer's own unsaved seeds work (a recovery file) must never be touched by the tests.
const seedsRecovery = existsSync(recoveryPath(DEFAULT_ALIGNMENT));

describe.skipIf(!hasTmux || seedsRecovery)('allinea with no arguments', () => {
  it('opens the bundled seeds from another folder, saving to seeds.align.json there (never into the package)', async () => {
    const before = existsSync(DEFAULT_ALIGNMENT) ? statSync(DEFAULT_ALIGNMENT).mtimeMs : undefined;
    const elsewhere = mkdtempSync(join(tmpdir(), 'allinea-elsewhere-'));
    const command = `cd ${JSON.stringify(elsewhere)} && env CI=false TERM=xterm-256color ${JSON.stringify(process.execPath)} ${JSON.stringify(join(REPO_ROOT, 'bin', 'allinea.js'))} --lang en; echo "EXITED:$?"; sleep 600`;
    const tmux = new TmuxSession(command);
    sessions.push(tmux);
    const screen = await tmux.waitForText('seeds.align.json', STARTUP);
    for (const id of ['it-000', 'it-001', 'en-002', 'fr-003', 'en-004']) expect(screen.split('\n')[0]).toContain(id);
    // It says where a save goes: the current folder (the path may wrap on a narrow screen).
    expect(screen.replace(/\s+/g, '')).toContain('Sampleseeds(read-only)');
    tmux.type('q');
    await tmux.waitForText('EXITED:0');
    // Opening and quitting without changes writes nothing, here or in the package.
    expect(existsSync(DEFAULT_ALIGNMENT) ? statSync(DEFAULT_ALIGNMENT).mtimeMs : undefined).toBe(before);
    expect(existsSync(join(elsewhere, 'seeds.align.json'))).toBe(false);
  }, 120_000);
});

describe.skipIf(!hasTmux)('workbench recovery', () => {
  it('restores unsaved work after the program is killed', async () => {
    const { dir, alignment } = workspace();
    const recovery = join(dir, 'a.align.recovery.json');
    let tmux = start(dir, alignment, 'en');
    await tmux.waitForText('unaligned', STARTUP);
    tmux.keys('Space');
    await tmux.waitForText('1 marked');
    tmux.keys('Tab');
    await tmux.waitFor((s) => (s.split('\n')[0] ?? '').includes('▶ it-001'), 'focus on the second pane');
    tmux.keys('Enter');
    await tmux.waitForText('[modified]');
    // Autosave writes the recovery file a couple of seconds after the change.
    await vi.waitFor(() => expect(existsSync(recovery)).toBe(true), { timeout: 20_000, interval: 100 });
    const pid = tmux.programPid();
    expect(pid).toBeDefined();
    process.kill(pid!, 'SIGKILL');
    await tmux.waitForText('EXITED:137');
    expect(existsSync(alignment)).toBe(false);

    tmux = start(dir, alignment, 'en');
    await tmux.waitForText('Unsaved work restored from a.align.recovery.json', STARTUP);
    await tmux.waitForText('■g1');
    tmux.keys('C-s');
    await tmux.waitForText('Saved a.align.json.');
    tmux.type('q');
    await tmux.waitForText('EXITED:0');
    expect(existsSync(recovery)).toBe(false);
    const saved = readAlignmentFile(alignment).alignment;
    expect(saved.groups.map((g) => g.members.map((m) => `${m.doc}:${m.sentences.join(',')}`))).toEqual([['it-000:0', 'it-001:0']]);
  }, 180_000);

  it('writes unsaved work to the recovery file when the terminal is closed', async () => {
    const { dir, alignment } = workspace();
    const recovery = join(dir, 'a.align.recovery.json');
    // Autosave is pushed far away: only the signal handler can write the recovery file here.
    const tmux = start(dir, alignment, 'en', 160, 40, 'ALLINEA_AUTOSAVE_MS=600000');
    await tmux.waitForText('unaligned', STARTUP);
    tmux.keys('Space', 'Tab');
    await tmux.waitFor((s) => (s.split('\n')[0] ?? '').includes('▶ it-001'), 'focus on the second pane');
    tmux.keys('Enter');
    await tmux.waitForText('[modified]');
    // Closing the terminal sends SIGHUP: the work is written at once, not after the autosave delay.
    tmux.kill();
    await vi.waitFor(() => expect(existsSync(recovery)).toBe(true), { timeout: 10_000, interval: 50 });
    expect(readAlignmentFile(recovery).alignment.groups).toHaveLength(1);
  }, 120_000);
});
