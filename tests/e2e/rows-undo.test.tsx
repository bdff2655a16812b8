/**
 * End to end in tmux: in the row view, x makes the sentence under the cursor a row of its own
 * and u brings it back with the cursor on the restored row (it used to land on the next row).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeAlignmentFile } from '../../src/io/alignment-file.js';
import { sha256 } from '../../src/io/hash.js';
import { createI18n } from '../../src/i18n/index.js';
import { REPO_ROOT } from '../helpers/seeds.js';
import { synthetic } from '../core/session/rows-fixtures.js';
import { TmuxSession, hasTmux, cleanedAfterEach, shell } from './tmux.js';

const { sessions, folders } = cleanedAfterEach();

const cursorLine = (screen: string) => screen.split('\n').find((l) => l.startsWith('▸')) ?? '';

/** Two documents on disk and an alignment whose second row holds two sentences of d0. */
function translation(): string {
  const dir = mkdtempSync(join(tmpdir(), 'allinea-e2e-undo-'));
  folders.push(dir);
  const { alignment, texts } = synthetic([5, 4], [
    { members: { 0: [0], 1: [0] } },
    { members: { 0: [1, 2], 1: [1] } },
    { members: { 0: [3], 1: [2] } },
    { members: { 0: [4], 1: [3] } },
  ]);
  for (const [id, text] of texts) writeFileSync(join(dir, `${id}.txt`), text);
  const file = join(dir, 'x.align.json');
  writeAlignmentFile(file, { ...alignment, documents: alignment.documents.map((d) => ({ ...d, sha256: sha256(texts.get(d.id)!) })) }, texts);
  return file;
}

describe.skipIf(!hasTmux)('row view undo in a real terminal', () => {
  it('x then u puts the cursor back on the restored row', async () => {
    const t = createI18n('en').t;
    const file = translation();
    const command = ['env CI=false TERM=xterm-256color', shell(process.execPath), shell(join(REPO_ROOT, 'bin', 'allinea.js')), 'view', shell(file), '--view', 'rows', '--lang', 'en', '; echo "EXITED:$?"; sleep 600'].join(' ');
    const tmux = new TmuxSession(command, 140, 30);
    sessions.push(tmux);
    const header = (screen: string) => screen.split('\n')[0] ?? '';
    await tmux.waitFor((s) => cursorLine(s).includes('D0S0') && header(s).includes('Rows 1/4'), 'the first row under the cursor', 60_000);
    // Down to the second row (D0S1 and D0S2 of d0), to its second sentence, and x: keys are read in order.
    tmux.type('jjx');
    const detached = await tmux.waitFor((s) => header(s).includes('Rows 3/5'), 'D0S2 on a row of its own');
    expect(cursorLine(detached)).toContain('D0S2');
    expect(detached).toContain(t('msg.rowDetached', { sentence: 3, doc: 'd0' }));
    tmux.type('u');
    const undone = await tmux.waitFor((s) => s.includes(t('msg.undone', { changeKey: t('change.row-move') })), 'the undo message');
    expect(header(undone)).toContain('Rows 2/4');
    expect(cursorLine(undone)).toContain('D0S1');
    tmux.type('q');
    await tmux.waitForText('EXITED:0');
  }, 120_000);
});
