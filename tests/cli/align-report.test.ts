import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';
import { SHARED_DIR } from '../helpers/seeds.js';
import { LANGUAGE_SAMPLES } from '../core/corpus/language-samples.js';

const DATA = join(SHARED_DIR, 'bench/alignment');
const lines = (path: string): string[] => readFileSync(path, 'utf8').split('\n').filter((l) => l.trim());

/** A letter substitution: no word of the text is left a cognate of the original (numbers and punctuation stay). */
function cipher(text: string): string {
  const letters = 'abcdefghijklmnopqrstuvwxyzàâçéèêëîïôûùü';
  return text.replace(/\p{L}/gu, (ch) => {
    const k = letters.indexOf(ch.toLowerCase());
    return k < 0 ? ch : 'qwertyuiopasdfghjklzxcvbnm'[(k * 7) % 26]!;
  });
}

describe('allinea align: what it says on stderr about each pair', () => {
  it('parallel: the search route, bead size and how many sentences stayed unaligned', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'allinea-report-'));
    writeFileSync(join(dir, 'dev.de'), `${lines(join(DATA, 'textberg-dev/dev.de')).join('\n')}\n`);
    // Every 5th French sentence removed: about 70 German sentences have no counterpart.
    writeFileSync(join(dir, 'dev.fr'), `${lines(join(DATA, 'textberg-dev/dev.fr')).filter((_, k) => k % 5 !== 4).join('\n')}\n`);
    const r = await cli(['align', '--presplit', 'dev.de', 'dev.fr', '-o', 'dev.align.json'], { cwd: dir });
    expect(r.code).toBe(0);
    const m = /^(\S+) – (\S+): parallel, full matrix, beads up to 3 a side; unaligned: (\d+) of 468 \(\1\), (\d+) of 444 \(\2\)$/m.exec(r.stderr);
    expect(m, r.stderr).not.toBeNull();
    expect(Number(m![3])).toBeGreaterThan(40);
    expect(Number(m![3])).toBeLessThan(120);
    expect(r.stderr).not.toMatch(/warning/);
  });

  it('warns when documents forced into parallel mode have very uneven lengths', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'allinea-report-'));
    writeFileSync(join(dir, 'dev.de'), `${lines(join(DATA, 'textberg-dev/dev.de')).join('\n')}\n`);
    writeFileSync(join(dir, 'dev.fr'), `${lines(join(DATA, 'textberg-dev/dev.fr')).slice(0, 200).join('\n')}\n`);
    const r = await cli(['align', '--presplit', '--mode', 'parallel', 'dev.de', 'dev.fr', '-o', 'dev.align.json'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^ {2}warning: very uneven lengths: 468 against 200 sentences/m);
    expect(r.stderr).toMatch(/warning: \d+% of \S+'s sentences have no counterpart/);
  });

  it('says when the banded search lost its way and what it did instead (documents with nothing in common on the surface)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'allinea-report-'));
    writeFileSync(join(dir, 'candide.en'), `${lines(join(DATA, 'transread-dev/Candide.en')).join('\n')}\n`);
    writeFileSync(join(dir, 'candide.fr'), `${lines(join(DATA, 'transread-dev/Candide.fr')).map(cipher).join('\n')}\n`);
    const r = await cli(['align', '--presplit', '--mode', 'parallel', 'candide.en', 'candide.fr', '-o', 'c.align.json'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/parallel, band, weak guide, beads up to 3 a side/);
    expect(r.stderr).toMatch(/warning: weak guide: the banded search lost its way \(\d+% of sentences unaligned\), searched again with the full matrix \(\d+% unaligned\)/);
  });

  it('takes the language of a text too short to tell from its file name (book.en.txt, dev.de), and says so', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'allinea-report-'));
    writeFileSync(join(dir, 'a.en.txt'), 'The war was declared yesterday. The government said nothing.\n');
    writeFileSync(join(dir, 'a.fr.txt'), "La guerre a été déclarée hier. Le gouvernement n'a rien dit.\n");
    const r = await cli(['align', 'a.en.txt', 'a.fr.txt', '-o', 'x.align.json'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/^languages from the file names \(the texts are too short to tell\): a\.en en, a\.fr fr$/m);
    expect(r.stderr).toMatch(/^lexicons: en-fr \(bundled, MIT\)$/m);
    // Two short translated sentences, every shared word in order: parallel, not comparable.
    expect(r.stderr).toMatch(/^mode: parallel \(100% of \d shared rare words are in the same order/m);
    // A name that is no language tag (.txt alone, .md, .xx) leaves the language undetermined.
    writeFileSync(join(dir, 'notes.xx'), 'Short.\n');
    const u = await cli(['align', 'a.en.txt', 'notes.xx', '-o', 'y.align.json'], { cwd: dir });
    expect(u.stderr).toMatch(/^languages detected: notes und$/m);
  });

  it('names the detected languages (Icelandic as is) and warns where it cannot tell', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'allinea-report-'));
    writeFileSync(join(dir, 'vedur.txt'), LANGUAGE_SAMPLES.is!.replace(/\. /g, '.\n'));
    writeFileSync(join(dir, 'weather.txt'), LANGUAGE_SAMPLES.en!.replace(/\. /g, '.\n'));
    writeFileSync(join(dir, 'short.txt'), 'Bom dia, tudo bem com você?\n');
    const r = await cli(['align', 'vedur.txt', 'weather.txt', 'short.txt', '-o', 'l.align.json'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^languages detected: vedur is, weather en, short und$/m);
    expect(r.stderr).toMatch(/^ {2}warning: cannot tell the language of short \(perhaps .+\); give it with --lang/m);
  });
});
