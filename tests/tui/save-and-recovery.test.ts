/**
 * Saves never overwrite another program's changes without asking, and a recovery file is never
 * deleted while it holds unsaved work (issue 12 §3, issue 10 §3).
 */
import { existsSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { link } from '../../src/core/model/operations.js';
import { reduce } from '../../src/core/session/reducer.js';
import { readAlignmentFile } from '../../src/io/alignment-file.js';
import { findRecovery, nodeServices, recoveryPath, saveAlignment, SaveConflict, setAsideRecovery } from '../../src/tui/workbench-files.js';
import { press, seedsState } from '../core/session/helpers.js';
import { seedsAlignment, tempWorkspace } from '../helpers/seeds.js';

function opened() {
  const dir = tempWorkspace();
  const path = join(dir, 'a.align.json');
  const { alignment, texts } = seedsAlignment();
  saveAlignment(path, alignment, texts);
  const edited = link(alignment, [{ doc: 'it-000', sentence: 0 }, { doc: 'fr-003', sentence: 0 }]).alignment;
  return { dir, path, alignment, texts, edited };
}

describe('saving a file that changed on disk', () => {
  it('refuses without asking, writes nothing, and writes when told to', async () => {
    const { path, texts, edited } = opened();
    const services = nodeServices(path, texts);
    // Another program (a git pull, a second workbench) rewrites the file.
    const theirs = readFileSync(path, 'utf8').replace('"groups": []', '"groups": []  ');
    writeFileSync(path, theirs);
    await expect(services.save(edited)).rejects.toBeInstanceOf(SaveConflict);
    expect(readFileSync(path, 'utf8')).toBe(theirs);
    await services.save(edited, { force: true });
    expect(readAlignmentFile(path).alignment.groups).toHaveLength(1);
    // Our own save is the new known version: saving again is no conflict.
    await services.save(edited);
  });

  it('a file created by someone else after the workbench opened a new alignment is a conflict too', async () => {
    const dir = tempWorkspace();
    const path = join(dir, 'new.align.json');
    const { alignment, texts } = seedsAlignment();
    const services = nodeServices(path, texts);
    saveAlignment(path, alignment, texts);
    await expect(services.save(alignment)).rejects.toThrow('changed on disk');
  });

  it('the workbench asks before overwriting: y saves with force, n and Esc keep the file and the work', () => {
    let s = press(seedsState(), 'space', 'tab', 'enter', 'ctrl+s');
    expect(s.effects.at(-1)).toMatchObject({ type: 'save' });
    s = reduce(s, { type: 'save-conflict', thenQuit: false });
    expect(s.mode).toBe('confirm-overwrite');
    expect(s.message).toMatchObject({ key: 'msg.confirmOverwrite', tone: 'error' });
    const no = press(s, 'n');
    expect(no.mode).toBe('normal');
    expect(no.message?.key).toBe('msg.overwriteDeclined');
    expect(no.effects.filter((e) => e.type === 'save')).toHaveLength(1);
    expect(press(s, 'escape').mode).toBe('normal');
    const yes = press(s, 'y');
    expect(yes.effects.at(-1)).toMatchObject({ type: 'save', force: true, thenQuit: false });
  });
});

describe('recovery files', () => {
  it('removes only the recovery file this session wrote', async () => {
    const { path, texts, edited } = opened();
    const recovery = recoveryPath(path);
    saveAlignment(recovery, edited, texts); // left by a crashed or concurrent session
    const services = nodeServices(path, texts);
    await services.removeRecovery(); // a clean quit
    expect(existsSync(recovery)).toBe(true);
    await services.writeRecovery(edited);
    await services.removeRecovery();
    expect(existsSync(recovery)).toBe(false);
    // Ours, then replaced by another workbench's: left alone.
    await services.writeRecovery(edited);
    const later = new Date(Date.now() + 5000);
    saveAlignment(recovery, edited, texts);
    utimesSync(recovery, later, later);
    await services.removeRecovery();
    expect(existsSync(recovery)).toBe(true);
  });

  it('a restored recovery file is the session\'s own: removed after saving', async () => {
    const { path, texts, edited } = opened();
    saveAlignment(recoveryPath(path), edited, texts);
    const services = nodeServices(path, texts, { adoptRecovery: true });
    await services.removeRecovery();
    expect(existsSync(recoveryPath(path))).toBe(false);
  });

  it('one older than the last save is not offered, and is set aside, not deleted, when it holds other work', () => {
    const { dir, path, alignment, texts, edited } = opened();
    const recovery = recoveryPath(path);
    saveAlignment(recovery, edited, texts);
    const past = new Date(Date.now() - 60_000);
    utimesSync(recovery, past, past); // then the alignment file changed (a git pull)
    expect(findRecovery(path, alignment)).toBeUndefined();
    const aside = setAsideRecovery(path, alignment, new Date('2026-12-01T10:20:30.456Z'));
    expect(aside).toBe(join(dir, 'a.align.recovery-2026-12-01T10-20-30Z.json'));
    expect(existsSync(recovery)).toBe(false);
    expect(readAlignmentFile(aside!).alignment.groups).toHaveLength(1);
  });

  it('one that holds exactly the saved alignment is removed: there is nothing unsaved in it', () => {
    const { dir, path, alignment, texts } = opened();
    saveAlignment(recoveryPath(path), alignment, texts);
    expect(setAsideRecovery(path, readAlignmentFile(path).alignment)).toBeUndefined();
    expect(readdirSync(dir).filter((f) => f.includes('recovery'))).toEqual([]);
  });
});
