/**
 * The workbench opened on the bundled seeds from a folder outside the repository: it starts
 * from a copy of the curated alignment (its confirmed groups and notes), says the file is not
 * saved yet (not "saved": ./seeds.align.json does not exist), and the first save writes it
 * there with document paths that reach the bundled seeds.
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_ALIGNMENT } from '../../src/cli/paths.js';
import { openAlignment } from '../../src/io/alignment-file.js';
import { segment } from '../../src/core/text/segment.js';
import { REPO_ROOT } from '../helpers/seeds.js';
import { hasTmux, TmuxSession, cleanedAfterEach, shell } from './tmux.js';

const { sessions } = cleanedAfterEach();

describe.skipIf(!hasTmux)('the workbench on the seeds outside the repository', () => {
  it('starts from the curated alignment, shows "not saved yet", and the first save writes ./seeds.align.json', async () => {
    const work = mkdtempSync(join(tmpdir(), 'allinea-outside-'));
    const curated = openAlignment(DEFAULT_ALIGNMENT, segment).alignment.groups.filter((g) => g.status === 'confirmed');
    expect(curated.length).toBeGreaterThan(0);
    const command = `cd ${shell(work)} && env CI=false TERM=xterm-256color ALLINEA_FROM_SOURCE=1 ${shell(process.execPath)} ${shell(join(REPO_ROOT, 'bin', 'allinea.js'))} --lang en; echo "EXITED:$?"; sleep 600`;
    const tmux = new TmuxSession(command, 140, 35);
    sessions.push(tmux);
    await tmux.waitForText(`${curated.length} confirmed`, 90_000);
    await tmux.waitForText('seeds.align.json [not saved yet]');
    expect(existsSync(join(work, 'seeds.align.json'))).toBe(false);
    tmux.keys('C-s');
    await tmux.waitForText('Saved seeds.align.json');
    await tmux.waitForText('seeds.align.json [saved]');
    tmux.type('q');
    await tmux.waitForText('EXITED:0');
    const saved = openAlignment(join(work, 'seeds.align.json'), segment).alignment;
    expect(saved.groups.filter((g) => g.status === 'confirmed').map((g) => [g.id, g.note ?? null])).toEqual(curated.map((g) => [g.id, g.note ?? null]));
    expect(saved.documents.every((d) => !d.path.startsWith('alignments') && d.path.includes('seeds/'))).toBe(true);
  }, 180_000);
});
