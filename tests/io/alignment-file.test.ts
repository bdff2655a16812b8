import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openAlignment, readAlignmentFile, writeAlignmentFile } from '../../src/io/alignment-file.js';
import { openWorkspace } from '../../src/io/workspace.js';
import { link } from '../../src/core/model/operations.js';
import { segment } from '../../src/core/text/segment.js';
import { findSentence, tempWorkspace } from '../helpers/seeds.js';

function created() {
  const dir = tempWorkspace();
  const alignmentPath = join(dir, 'alignments', 'seeds.align.json');
  const ws = openWorkspace({ corpus: ['seeds'], alignmentPath, cwd: dir, segment });
  return { dir, alignmentPath, ws };
}

describe('alignment files on disk', () => {
  it('creates a workspace from the corpus, then saves, reloads and validates it', () => {
    const { alignmentPath, ws } = created();
    expect(ws.isNew).toBe(true);
    expect(ws.alignment.documents[0]!.path).toBe('../seeds/000_8f095107cca91a8d.txt');
    const it0 = findSentence(ws.alignment, ws.texts, 'it-000', 'Non perdoniamo.');
    const fr3 = findSentence(ws.alignment, ws.texts, 'fr-003', 'On ne pardonne pas');
    const linked = link(ws.alignment, [{ doc: 'it-000', sentence: it0 }, { doc: 'fr-003', sentence: fr3 }]).alignment;
    mkdirSync(join(alignmentPath, '..'), { recursive: true });
    writeAlignmentFile(alignmentPath, linked, ws.texts);
    const reopened = openWorkspace({ corpus: [], alignmentPath, cwd: '/', segment });
    expect(reopened.isNew).toBe(false);
    expect(reopened.reanchored).toEqual([]);
    expect(reopened.alignment.documents).toEqual(linked.documents);
    expect(reopened.alignment.groups[0]!.members[0]!.texts).toEqual(['Non perdoniamo.']);
  });

  it('names the file, line and column of a problem in one sentence', () => {
    const { alignmentPath, ws } = created();
    mkdirSync(join(alignmentPath, '..'), { recursive: true });
    writeAlignmentFile(alignmentPath, ws.alignment, ws.texts);
    const text = readFileSync(alignmentPath, 'utf8');
    writeFileSync(alignmentPath, text.replace('"lang": "fr"', '"lang": 7'));
    const line = text.split('\n').findIndex((l) => l.includes('"lang": "fr"')) + 1;
    expect(() => readAlignmentFile(alignmentPath)).toThrow(
      new RegExp(`^${alignmentPath.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:${line}:7: documents\\[3\\]\\.lang: .*\\.$`),
    );
  });

  it('refuses a file whose document is missing, and re-anchors one whose text changed', () => {
    const { dir, alignmentPath, ws } = created();
    mkdirSync(join(alignmentPath, '..'), { recursive: true });
    const fr3 = findSentence(ws.alignment, ws.texts, 'fr-003', 'On ne pardonne pas');
    const it0 = findSentence(ws.alignment, ws.texts, 'it-000', 'Non perdoniamo.');
    writeAlignmentFile(alignmentPath, link(ws.alignment, [{ doc: 'it-000', sentence: it0 }, { doc: 'fr-003', sentence: fr3 }]).alignment, ws.texts);
    const frPath = join(dir, 'seeds', '003_f35f84bb321ab2af.txt');
    const frText = readFileSync(frPath, 'utf8');
    writeFileSync(frPath, `Avant-propos.\n${frText}`);
    const opened = openAlignment(alignmentPath, segment);
    expect(opened.reanchored).toEqual([expect.objectContaining({ doc: 'fr-003', lost: [] })]);
    const member = opened.alignment.groups[0]!.members.find((m) => m.doc === 'fr-003')!;
    expect(member.sentences).toEqual([fr3 + 1]);
    rmSync(join(dir, 'seeds', '002_d4f6eed8031313f2.txt'));
    expect(() => openAlignment(alignmentPath, segment)).toThrow(/document "en-002" cannot be opened: Cannot read .* it does not exist \(if the documents moved, give the folder they are in: allinea view FILE\.align\.json FOLDER\)\.$/);
  });
});
