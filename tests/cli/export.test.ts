import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';
import { writeSeedsWorkspace, xmllint } from '../core/formats/fixtures.js';
import { EXPORT_FORMATS } from '../../src/cli/commands/export.js';

let dir: string;
let before: string;
const env = { SOURCE_DATE_EPOCH: '1700000000' };

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'allinea-export-'));
  await writeSeedsWorkspace(dir);
  before = readFileSync(join(dir, 'seeds.align.json'), 'utf8');
});

describe('allinea export', () => {
  it('exports the seeds alignment to every format', async () => {
    for (const format of EXPORT_FORMATS) {
      const pair = format === 'beads' ? ['--pair', 'it-000:fr-003'] : format === 'moses' ? ['--pair', 'it-fr'] : [];
      const result = await cli(['export', 'seeds.align.json', '--to', format, '-o', `every/out-${format}`, ...pair], { cwd: dir, env });
      expect(result.stderr).toMatch(/^allinea: wrote [1-9]\d* /);
      expect(result.code).toBe(0);
    }
    expect(existsSync(join(dir, 'every', 'out-moses.it'))).toBe(true);
    expect(existsSync(join(dir, 'every', 'out-beads.beads'))).toBe(true);
    expect(readFileSync(join(dir, 'seeds.align.json'), 'utf8')).toBe(before);
  });

  it('writes a TMX that validates against the DTD, and says what it left out', async () => {
    const result = await cli(['export', 'seeds.align.json', '--to', 'tmx', '-o', 'seeds.tmx'], { cwd: dir, env });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      'allinea: wrote 4 translation units to seeds.tmx.\n' +
        'allinea: left out 3 groups: 1 with one language only, 1 suggested, 1 rejected (--verbose lists them)\n' +
        'allinea: note: 1 group has several documents of one language: written as one unit per combination.\n',
    );
    const lint = await xmllint(join(dir, 'seeds.tmx'));
    expect(lint.output).toBe('');
    expect(lint.status).toBe(0);
    expect(readFileSync(join(dir, 'seeds.tmx'), 'utf8')).toContain('creationdate="20231114T221320Z"');
  });

  it('writes single-file formats to standard output, and lists omissions with --verbose', async () => {
    const result = await cli(['export', 'seeds.align.json', '--to', 'jsonl', '--pair', 'it-fr', '--verbose'], { cwd: dir, env });
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(lines[0]).toEqual({ id: 'slogan', translation: { it: 'Non dimentichiamo. Non perdoniamo.', fr: '«On ne pardonne pas. On n’oublie pas.» : Anonymous en croisade après l’attentat de Nice (VIDEOS)' } });
    expect(result.stderr).toContain('allinea: left out 3 groups: 1 without fr, 1 suggested, 1 rejected:\n  group it-only has no fr text\n  group g1 is only suggested (use --status all to include it)\n  group nope is rejected\n');
  });

  it('writes Moses files into a folder, one per language, line-aligned', async () => {
    const result = await cli(['export', 'seeds.align.json', '--to', 'moses', '--langs', 'it,fr', '-o', 'moses/'], { cwd: dir, env });
    expect(result.code).toBe(0);
    const it = readFileSync(join(dir, 'moses', 'corpus.it'), 'utf8').split('\n');
    const fr = readFileSync(join(dir, 'moses', 'corpus.fr'), 'utf8').split('\n');
    expect(it.length).toBe(fr.length);
    expect(it[0]).toBe('Non dimentichiamo. Non perdoniamo.');
  });

  it('refuses to write over the alignment file or its documents, leaving them intact', async () => {
    const over = await cli(['export', 'seeds.align.json', '--to', 'json', '-o', 'seeds.align.json'], { cwd: dir, env });
    expect(over.code).toBe(2);
    expect(over.stderr).toBe(`allinea: Refusing to write ${join(dir, 'seeds.align.json')}: it is the alignment file or one of its documents.\n`);
    const doc = await cli(['export', 'seeds.align.json', '--to', 'tsv', '-o', 'seeds/000_8f095107cca91a8d.txt'], { cwd: dir, env });
    expect(doc.code).toBe(2);
    expect(readFileSync(join(dir, 'seeds.align.json'), 'utf8')).toBe(before);
    expect(readFileSync(join(dir, 'seeds', '000_8f095107cca91a8d.txt'), 'utf8')).toContain('Non perdoniamo.');
  });

  it('answers usage and input errors with one sentence and exit 2', async () => {
    const cases: [string[], RegExp][] = [
      [['export', 'seeds.align.json', '--to', 'xliff'], /Allowed choices are tmx, json, jsonl, tsv, csv, moses, beads/],
      [['export', 'missing.align.json', '--to', 'tmx'], /^allinea: Cannot read .*missing\.align\.json: it does not exist\.\n$/],
      [['export', 'seeds.align.json', '--to', 'tmx', '--pair', 'it'], /^allinea: --pair it: give two languages, e\.g\. --pair it-fr \(or pt-BR:en\)\.\n$/],
      [['export', 'seeds.align.json', '--to', 'tsv', '--langs', 'it,de'], /^allinea: No document of the alignment is in "de" \(languages present: it, en, fr\)\.\n$/],
      [['export', 'seeds.align.json', '--to', 'moses'], /^allinea: moses writes several files: name them with -o PREFIX/],
      [['export', 'seeds.align.json', '--to', 'beads', '--pair', 'it-fr', '-o', 'b'], /^allinea: Bead files index one document per language, but it has 2 \(it-000, it-001\): name the two documents, e\.g\. --pair it-000:fr-003\.\n$/],
    ];
    for (const [args, message] of cases) {
      const result = await cli(args, { cwd: dir, env });
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(message);
      expect(result.stderr).not.toContain('    at ');
    }
    const epoch = await cli(['export', 'seeds.align.json', '--to', 'tmx'], { cwd: dir, env: { SOURCE_DATE_EPOCH: 'yesterday' } });
    expect(epoch.stderr).toBe('allinea: SOURCE_DATE_EPOCH must be a whole number of seconds, not "yesterday".\n');
  });

  it('warns when a document changed since the alignment was saved, and exports its current text', async () => {
    const drift = mkdtempSync(join(tmpdir(), 'allinea-export-drift-'));
    await writeSeedsWorkspace(drift);
    const fr = join(drift, 'seeds', '003_f35f84bb321ab2af.txt');
    writeFileSync(fr, readFileSync(fr, 'utf8').replace('On ne pardonne pas. On n’oublie pas.', 'On ne pardonne jamais.'));
    // The aligned sentences lost or re-attached to a changed text: listed, nothing written, exit 1.
    const refused = await cli(['export', 'seeds.align.json', '--to', 'tsv', '--pair', 'it-fr', '-o', 'drifted.tsv'], { cwd: drift, env });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^allinea: warning: document "fr-003" changed since the alignment was saved; not exporting its current text; /);
    expect(refused.stderr).toContain('\n  changed: fr-003 sentence 1 (group slogan) is now sentence 1, whose text differs: "«On ne pardonne pas. On n’oublie pas.» : ');
    expect(refused.stderr).toContain('allinea: nothing was exported: review the changes (allinea check --fix seeds.align.json, or open it in the workbench) and save, or pass --allow-drift to export anyway.\n');
    expect(existsSync(join(drift, 'drifted.tsv'))).toBe(false);
    // --allow-drift: the same warning, and the export of the current text.
    const result = await cli(['export', 'seeds.align.json', '--to', 'tsv', '--pair', 'it-fr', '-o', '-', '--allow-drift'], { cwd: drift, env });
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/^allinea: warning: document "fr-003" changed since the alignment was saved; exporting its current text/);
    expect(result.stdout.split('\n')[1]).toBe('Non dimentichiamo. Non perdoniamo.\t«On ne pardonne jamais.» : Anonymous en croisade après l’attentat de Nice (VIDEOS)');
  });

  it('exports a document that only moved (identical sentence texts) with a warning and exit 0', async () => {
    const drift = mkdtempSync(join(tmpdir(), 'allinea-export-moved-'));
    await writeSeedsWorkspace(drift);
    const fr = join(drift, 'seeds', '003_f35f84bb321ab2af.txt');
    const before = await cli(['export', 'seeds.align.json', '--to', 'tsv', '--pair', 'it-fr', '-o', '-'], { cwd: drift, env });
    writeFileSync(fr, `Un paragraphe ajouté en tête.\n\n${readFileSync(fr, 'utf8').replace(/\n/g, '\r\n')}`);
    const result = await cli(['export', 'seeds.align.json', '--to', 'tsv', '--pair', 'it-fr', '-o', '-'], { cwd: drift, env });
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/^allinea: warning: document "fr-003" changed since the alignment was saved; exporting its current text; \d+ aligned sentences found again with their text at a new place\.\n/);
    expect(result.stdout).toBe(before.stdout);
  });

  it('has --help with the formats and examples', async () => {
    const result = await cli(['export', '--help'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('--to <format>');
    expect(result.stdout).toContain('allinea export alignments/seeds.align.json --to tmx --pair it-fr -o it-fr.tmx');
  });
});
