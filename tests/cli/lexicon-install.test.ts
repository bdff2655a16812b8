import { existsSync, mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';
import { debianLicence } from '../../src/cli/commands/lexicon.js';
import { installedLexiconDir, loadLexicons } from '../../src/io/lexicon-files.js';

const DEP5 = `Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/

Files: debian/*
Copyright: 2020 someone
License: GPL-3+

Files: afr-deu/*
License: GPL-2+

Files: eng-ita/*
Copyright: FreeDict
License: GPL-2+

Files: fra-ita/*
License: CC-BY-SA-3.0
`;

describe('allinea lexicon install', () => {
  it('reads the licence of the dictionary itself from the package copyright file, not the packaging', () => {
    expect(debianLicence(DEP5, 'eng-ita')).toBe('GPL-2+');
    expect(debianLicence(DEP5, 'fra-ita')).toBe('CC-BY-SA-3.0');
    expect(debianLicence(undefined, 'eng-ita')).toBeUndefined();
  });

  it('installs into ALLINEA_LEXICON_DIR, else XDG_DATA_HOME, else ~/.local/share', () => {
    expect(installedLexiconDir({ ALLINEA_LEXICON_DIR: '/x' })).toBe('/x');
    expect(installedLexiconDir({ XDG_DATA_HOME: '/d', HOME: '/h' })).toBe(join('/d', 'allinea', 'lexicons'));
    expect(installedLexiconDir({ HOME: '/h' })).toBe(join('/h', '.local', 'share', 'allinea', 'lexicons'));
    expect(installedLexiconDir({})).toBeUndefined();
  });

  it('align loads installed lexicons beside the bundled ones (and neither with --no-bundled-lexicons)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'allinea-lex-'));
    mkdirSync(join(dir, 'lex'));
    writeFileSync(join(dir, 'lex', 'en-it.freedict.tsv'), '# test\ndog\tcane\n');
    const env = { ALLINEA_LEXICON_DIR: join(dir, 'lex') };
    const withInstalled = loadLexicons([], dir, { bundled: true, env });
    expect(withInstalled.some((l) => l.a === 'en' && l.b === 'it' && l.entries.get('dog')?.includes('cane'))).toBe(true);
    expect(loadLexicons([], dir, { bundled: false, env })).toHaveLength(0);
  });

  it('explains what to install when Debian has no dictionary installed for the pair', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'allinea-lex-'));
    const r = await cli(['lexicon', 'install', 'is-fi'], { cwd: dir, env: { ALLINEA_LEXICON_DIR: join(dir, 'lex') } });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/FreeDict isl-fin is not installed \(Debian package dict-freedict-isl-fin; install it with: apt-get install dict-freedict-isl-fin, or run this command with --apt\)/);
    expect(r.stderr).toMatch(/No FreeDict dictionary for is-fi is installed/);
    expect(existsSync(join(dir, 'lex'))).toBe(false);
  });

  it.skipIf(!existsSync('/usr/share/dictd/freedict-eng-ita.index'))('converts an installed FreeDict pair (both directions) and says which licence applies', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'allinea-lex-'));
    const r = await cli(['lexicon', 'install', 'en-it'], { cwd: dir, env: { ALLINEA_LEXICON_DIR: join(dir, 'lex') } });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/Installed \d+ entries \(en → it, licence GPL-2\+\)/);
    const file = readFileSync(join(dir, 'lex', 'en-it.freedict.tsv'), 'utf8');
    expect(file).toMatch(/^# .*Licence: GPL-2\+; it applies to this file/m);
  });
});
