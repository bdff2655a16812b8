/** An alignment whose documents moved opens with a folder to look for them in. */
import { cpSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { segment } from '../../src/core/text/segment.js';
import { readAlignmentFile, writeAlignmentFile } from '../../src/io/alignment-file.js';
import { openWorkspace } from '../../src/io/workspace.js';
import { seedsAlignment, tempWorkspace } from '../helpers/seeds.js';

function moved() {
  const dir = tempWorkspace();
  const path = join(dir, 'alignments', 'a.align.json');
  mkdirSync(join(dir, 'alignments'), { recursive: true });
  const { alignment, texts } = seedsAlignment();
  writeAlignmentFile(path, alignment, texts);
  // The corpus moves: seeds/ becomes corpus/2026/ and one file is renamed.
  mkdirSync(join(dir, 'corpus'));
  renameSync(join(dir, 'seeds'), join(dir, 'corpus', '2026'));
  const first = alignment.documents[0]!.path.split('/').pop()!;
  renameSync(join(dir, 'corpus', '2026', first), join(dir, 'corpus', '2026', 'renamed.txt'));
  return { dir, path, alignment };
}

describe('documents that moved', () => {
  it('cannot be opened without a folder, and the error says how', () => {
    const { dir, path } = moved();
    expect(() => openWorkspace({ corpus: [], alignmentPath: path, cwd: dir, segment })).toThrow(/give the folder they are in/);
  });

  it('are found by name, or by content when renamed, in the folder given; saving records where', () => {
    const { dir, path, alignment } = moved();
    const workspace = openWorkspace({ corpus: [], alignmentPath: path, cwd: dir, segment, searchIn: [join(dir, 'corpus')] });
    expect(workspace.relocated?.map((r) => r.doc)).toEqual(alignment.documents.map((d) => d.id));
    expect(workspace.relocated![0]!.to).toBe('../corpus/2026/renamed.txt');
    expect(workspace.alignment.documents.map((d) => d.sentences)).toEqual(alignment.documents.map((d) => d.sentences));
    expect(workspace.reanchored).toEqual([]);
    // Unsaved until saved: the file still names the old places.
    expect(workspace.onDisk).toBeDefined();
    writeAlignmentFile(path, workspace.alignment, workspace.texts);
    expect(readAlignmentFile(path).alignment.documents[0]!.path).toBe('../corpus/2026/renamed.txt');
    expect(openWorkspace({ corpus: [], alignmentPath: path, cwd: dir, segment }).relocated).toBeUndefined();
  });

  it('a folder that does not hold them still fails, naming where it looked', () => {
    const { dir, path } = moved();
    rmSync(join(dir, 'corpus'), { recursive: true });
    mkdirSync(join(dir, 'elsewhere'));
    cpSync(join(dir, 'alignments'), join(dir, 'elsewhere', 'x'), { recursive: true });
    expect(() => openWorkspace({ corpus: [], alignmentPath: path, cwd: dir, segment, searchIn: [join(dir, 'elsewhere')] })).toThrow(/not found in .*elsewhere either/);
  });
});
