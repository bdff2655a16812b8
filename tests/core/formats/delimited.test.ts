import { describe, expect, it } from 'vitest';
import { exportDelimited, importDelimited, neutraliseCell, restoreCell, runsAsFormula } from '../../../src/core/formats/delimited.js';
import { hostileFixture, seedsFixture } from './fixtures.js';

describe('TSV and CSV export', () => {
  it('writes a header of languages and one row per unit, with an empty cell for a missing language', () => {
    const result = exportDelimited('tsv', seedsFixture(), { status: 'all' });
    const rows = (result.output as string).split('\n').slice(0, -1).map((l) => l.split('\t'));
    expect(rows[0]).toEqual(['it', 'en', 'fr']);
    expect(rows.every((r) => r.length === 3)).toBe(true);
    expect(rows[1]).toEqual(['Non dimentichiamo. Non perdoniamo.', '', '«On ne pardonne pas. On n’oublie pas.» : Anonymous en croisade après l’attentat de Nice (VIDEOS)']);
    expect(rows).toHaveLength(1 + result.written);
  });

  it('neutralises cells a spreadsheet would run as formulas, unless --raw-cells', () => {
    const fx = hostileFixture();
    const tsv = exportDelimited('tsv', fx, {}).output as string;
    const cells = tsv.split('\n').flatMap((l) => l.split('\t'));
    expect(cells).toContain("'=SOMMA(A1:A9) è una formula.");
    expect(cells).toContain("'+39 è il prefisso & <b>non</b> un tag ]]> fine.");
    expect(cells).toContain("'@mention et ''-apostrophes.");
    for (const cell of cells) expect(runsAsFormula(cell)).toBe(false);
    const raw = exportDelimited('tsv', fx, { rawCells: true }).output as string;
    expect(raw.split('\n').map((l) => l.split('\t')[0])).toContain('=SOMMA(A1:A9) è una formula.');
  });

  it('never writes a tab or line break inside a cell', () => {
    const tsv = exportDelimited('tsv', hostileFixture(), {}).output as string;
    const lines = tsv.split('\n').slice(0, -1);
    for (const line of lines) expect(line.split('\t')).toHaveLength(2);
  });

  it('quotes CSV fields by RFC 4180, ends lines with CRLF, and adds a BOM on request', () => {
    const csv = exportDelimited('csv', hostileFixture(), { bom: true }).output as string;
    expect(csv.startsWith('\uFEFFit,fr\r\n')).toBe(true);
    expect(csv).toContain(`"'-Trattino ""doppio"" e 'singolo' in testa.",Tiret «double» et ‘simple’.\r\n`);
    const back = importDelimited('csv', csv);
    expect(back.units[2]!.variants).toEqual([
      { lang: 'it', text: '-Trattino "doppio" e \'singolo\' in testa.' },
      { lang: 'fr', text: 'Tiret «double» et ‘simple’.' },
    ]);
  });

  it('undoes exactly one apostrophe of neutralisation, so every text comes back', () => {
    for (const text of ['=1+1', "'=1+1", "''@x", '-', "'", "'a", 'plain', '@', "'''+", "'- Oui.", '- Oui.', "'-2", '-- Non.']) {
      expect(restoreCell(neutraliseCell(text))).toBe(text);
      expect(runsAsFormula(neutraliseCell(text))).toBe(false);
    }
  });
});

describe('TSV and CSV import', () => {
  it('reads a header of language codes and skips empty cells', () => {
    const units = importDelimited('tsv', 'it\tfr\ten\nCiao.\tSalut.\t\n\tBonjour.\tHello.\n').units;
    expect(units).toEqual([
      { variants: [{ lang: 'it', text: 'Ciao.' }, { lang: 'fr', text: 'Salut.' }] },
      { variants: [{ lang: 'fr', text: 'Bonjour.' }, { lang: 'en', text: 'Hello.' }] },
    ]);
  });

  it('says clearly when the header does not name languages', () => {
    expect(() => importDelimited('tsv', 'source\ttarget\nCiao\tSalut\n')).toThrow('Column 1 of the header row is "source", which is not a language code');
    expect(() => importDelimited('tsv', 'it\tit\nCiao\tSalut\n')).toThrow('Language "it" names two columns');
    expect(() => importDelimited('csv', '')).toThrow('The file is empty');
    expect(() => importDelimited('csv', 'it,fr\n"Ciao,Salut\n')).toThrow('The quoted field that starts on line 2 is never closed.');
  });

  it('reads a cell that goes on after its closing quote as Python\'s csv does, and says so', () => {
    // Python: csv.reader(io.StringIO('it\tfr\n"Ciao", disse.\tSalut.\n'), delimiter='\t') gives ['Ciao, disse.', 'Salut.'].
    const read = importDelimited('tsv', 'it\tfr\n"Ciao", disse.\tSalut.\n"Sì"\t"Oui"\n');
    expect(read.units.map((u) => u.variants.map((v) => v.text))).toEqual([['Ciao, disse.', 'Salut.'], ['Sì', 'Oui']]);
    expect(read.notices).toEqual([expect.objectContaining({ code: 'quoted-text', message: expect.stringMatching(/^1 cell began with a quote mark/) })]);
    // Quoted as writers quote them: no notice.
    expect(importDelimited('tsv', 'it\tfr\n"""Ciao"", disse."\tSalut.\n').notices).toEqual([]);
  });
});
