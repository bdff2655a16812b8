import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';

describe('allinea lexicon list', () => {
  it('lists the bundled lexicons with sizes and licences, then the installed ones', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'allinea-lexlist-')), 'lexicons');
    const none = await cli(['lexicon', 'list'], { env: { ALLINEA_LEXICON_DIR: dir } });
    expect(none.code).toBe(0);
    expect(none.stdout).toMatch(/^ {2}en-fr +[\d,]+ headwords +MIT +en-fr\.core\.tsv\.gz$/m);
    expect(none.stdout).toMatch(/^ {2}fr-it +41,\d{3} headwords +CC BY-SA 3\.0 +fr-it\.freedict\.tsv\.gz$/m);
    expect(none.stdout).toMatch(/^installed in .*lexicons \(used unless --no-installed-lexicons\):\n {2}none \(allinea lexicon install/m);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'en-it.freedict.tsv'), '# allinea lexicon en-it\n# Converted by "allinea lexicon install" from FreeDict eng-ita. Licence: GPL-2+; it applies to this file.\nwar\tguerra\npeace\tpace\n');
    const one = await cli(['lexicon', 'list'], { env: { ALLINEA_LEXICON_DIR: dir } });
    expect(one.stdout).toMatch(/^ {2}en-it +2 headwords +GPL-2\+ +en-it\.freedict\.tsv$/m);
  });
});
