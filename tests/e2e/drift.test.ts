/**
 * End to end: the workbench opening the committed seeds alignment after a seed changed
 * (issue 14). It must say what moved and what was lost, and treat the adjusted alignment as
 * unsaved work (the file on disk still describes the old text).
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, SEEDS_DIR } from '../helpers/seeds.js';
import { TmuxSession, hasTmux, cleanedAfterEach, shell } from './tmux.js';

const { sessions, folders } = cleanedAfterEach();

describe.skipIf(!hasTmux)('workbench on a drifted source', () => {
  it('lists what was lost and moved, and marks the alignment unsaved', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'allinea-e2e-drift-'));
    folders.push(dir);
    cpSync(SEEDS_DIR, join(dir, 'seeds'), { recursive: true });
    mkdirSync(join(dir, 'alignments'));
    const alignment = join(dir, 'alignments', 'seeds.align.json');
    cpSync(join(REPO_ROOT, 'alignments', 'seeds.align.json'), alignment);
    const before = readFileSync(alignment, 'utf8');
    // "Nous n’oublions pas." (second sentence of group g9's French member) is deleted, and a
    // paragraph is inserted at the start: every later sentence moves.
    const fr = join(dir, 'seeds', '003_f35f84bb321ab2af.txt');
    writeFileSync(fr, `Un paragraphe ajouté.\n\n${readFileSync(fr, 'utf8').replace(' Nous n’oublions pas.', '')}`);

    const command = ['cd', shell(REPO_ROOT), '&&', 'env CI=false TERM=xterm-256color', shell(process.execPath), 'bin/allinea.js view', shell(join(dir, 'seeds')), '--alignment', shell(alignment), '--lang en', '; echo "EXITED:$?"; sleep 600'].join(' ');
    const tmux = new TmuxSession(command, 200, 40);
    sessions.push(tmux);
    const screen = await tmux.waitForText('Source texts changed in fr-003', 60_000);
    expect(screen).toContain('[modified]');
    expect(screen.replace(/\s+/g, ' ')).toContain('Lost: 1 (g9 «Nous n’oublions pas.»)');
    // Quitting asks first: the adjusted alignment is unsaved work.
    tmux.type('q');
    await tmux.waitForText('There are unsaved changes. Save before quitting?');
    // Quit without saving: the file on disk is as it was (and the program has ended before cleanup).
    tmux.type('d');
    await tmux.waitForText('EXITED:0');
    expect(readFileSync(alignment, 'utf8')).toBe(before);
  }, 120_000);
});
