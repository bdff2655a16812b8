/**
 * `allinea align` says which lexicons it used, where they come from and their licence; the
 * ones installed by `allinea lexicon install` are used by default and --no-installed-lexicons
 * leaves them out (issue 11 §4).
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';
import { tempWorkspace } from '../helpers/seeds.js';

function lexiconDir(): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'allinea-lex-')), 'lexicons');
  mkdirSync(dir, { recursive: true });
  // The header `allinea lexicon install` writes, with the dictionary's licence.
  writeFileSync(
    join(dir, 'en-it.freedict.tsv'),
    '# allinea lexicon en-it: headword<TAB>translations (comma-separated), accent-folded.\n# Converted by "allinea lexicon install" from FreeDict eng-ita. Licence: GPL-2+; it applies to this file.\nwar\tguerra\ndeclared\tdichiarato\n',
  );
  return dir;
}

describe('allinea align: lexicons on stderr', () => {
  it('names the bundled and installed lexicons with their licences, and --no-installed-lexicons leaves the installed out', async () => {
    const dir = tempWorkspace();
    const env = { ALLINEA_LEXICON_DIR: lexiconDir() };
    const used = await cli(['align', 'seeds', '--mode', 'comparable', '-o', 'alignments/a.align.json'], { cwd: dir, env });
    expect(used.code).toBe(0);
    expect(used.stderr).toMatch(/^lexicons: en-fr, en-it \(bundled, MIT\); fr-it \(bundled, CC BY-SA 3\.0\); en-it \(installed, GPL-2\+\) — --no-installed-lexicons leaves the installed ones out$/m);
    const left = await cli(['align', 'seeds', '--mode', 'comparable', '--no-installed-lexicons', '-o', 'alignments/b.align.json'], { cwd: dir, env });
    expect(left.code).toBe(0);
    expect(left.stderr).toMatch(/^lexicons: en-fr, en-it \(bundled, MIT\); fr-it \(bundled, CC BY-SA 3\.0\)$/m);
    const none = await cli(['align', 'seeds', '--mode', 'comparable', '--no-bundled-lexicons', '-o', 'alignments/c.align.json'], { cwd: dir, env });
    expect(none.stderr).toMatch(/^lexicons: none$/m);
  }, 60_000);

  it('does not name a lexicon between languages the documents do not have (fr-it for de and fr)', async () => {
    // de-pt: a pair no lexicon covers; our own de-fr lexicon is bundled.
    const dir = mkdtempSync(join(tmpdir(), 'allinea-lex-pair-'));
    writeFileSync(join(dir, 'a.txt'), 'Der Krieg wurde erklärt. Die Gruppe hat es gesagt.\n');
    writeFileSync(join(dir, 'b.txt'), 'La guerre a été déclarée. Le groupe l’a dit.\n');
    const env = { ALLINEA_LEXICON_DIR: lexiconDir() };
    const result = await cli(['align', 'a.txt', 'b.txt', '--lang', 'de,pt', '-o', 'x.align.json'], { cwd: dir, env });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/^lexicons: none for de, pt$/m);
    const deFr = await cli(['align', 'a.txt', 'b.txt', '--lang', 'de,fr', '-o', 'z.align.json'], { cwd: dir, env });
    expect(deFr.stderr).toMatch(/^lexicons: de-fr \(bundled, MIT\)$/m);
    const itFr = await cli(['align', 'a.txt', 'b.txt', '--lang', 'it,fr', '-o', 'y.align.json'], { cwd: dir, env });
    expect(itFr.stderr).toMatch(/^lexicons: fr-it \(bundled, CC BY-SA 3\.0\)$/m);
  }, 60_000);
});
