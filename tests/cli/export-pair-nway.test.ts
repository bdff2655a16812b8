import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';
import { parseBeads } from '../../src/core/align/beads.js';
import { scoreAlignments } from '../../src/core/align/bead-scoring.js';
import { TRILINGUAL, TRILINGUAL_LANGS, sentencesOf, truePairBeads } from '../fixtures/trilingual.js';

describe('allinea align a.en a.it a.fr, then export --pair', () => {
  it('writes en-fr beads refined out of the n-way groups, as exact as the en-fr alignment alone', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'allinea-nway-'));
    const article = TRILINGUAL[0]!;
    for (const lang of TRILINGUAL_LANGS) writeFileSync(join(dir, `a.${lang}`), `${sentencesOf(article, lang).join('\n')}\n`);
    const aligned = await cli(['align', '--presplit', '--mode', 'parallel', 'a.en', 'a.it', 'a.fr', '-o', 't.align.json'], { cwd: dir });
    expect(aligned.code, aligned.stderr).toBe(0);
    const three = await cli(['export', 't.align.json', '--to', 'beads', '--status', 'all', '--pair', 'a-en:a-fr', '-o', 'out/'], { cwd: dir });
    expect(three.code, three.stderr).toBe(0);
    expect(three.stderr).toMatch(/note: \d+ groups? of three or more documents refined into a-en-a-fr units/);
    const file = readFileSync(join(dir, 'out', 'corpus.beads'), 'utf8');
    const pred = parseBeads(file).filter((b) => b.source.length && b.target.length);
    const gold = truePairBeads(article, 'en', 'fr');
    // The English 2 : French 2 unit that the Italian merges comes out as two 1-1 beads.
    expect(file).toMatch(/^\[11\]:\[9\]$/m);
    expect(file).toMatch(/^\[12\]:\[10\]$/m);
    expect(scoreAlignments([{ gold, pred }]).strict.f1).toBeGreaterThan(0.97);
  });
});
