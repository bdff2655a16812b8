/**
 * TSV and CSV exports read back by the readers people use on them: Python's csv module and
 * pandas, with their default settings. And the import reads what pandas writes.
 * pandas comes from Debian's python3-pandas where pip cannot reach PyPI (.ci/run installs it);
 * without pandas those cases are skipped and say so, the csv-module cases still run.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAlignment } from '../../../src/core/model/create.js';
import { link } from '../../../src/core/model/operations.js';
import { exportDelimited, importDelimited, neutraliseCell } from '../../../src/core/formats/delimited.js';
import { parseBeads } from '../../../src/core/formats/beads.js';
import { alignmentFromBeads } from '../../../src/core/formats/imported.js';
import { setStatus } from '../../../src/core/model/operations.js';
import { existsSync } from 'node:fs';
import { REPO, sha } from './fixtures.js';

const works = (python: string, code: string) => spawnSync(python, ['-c', code], { stdio: 'ignore' }).status === 0;
const PYTHON = ['python3', '/usr/bin/python3'].find((p) => works(p, 'import csv'));
const PANDAS = ['python3', '/usr/bin/python3'].find((p) => works(p, 'import pandas'));

/** Sentences of the kinds that broke readers or were spoiled: quotes first, dialogue dashes, formulas. */
const IT = [
  '"Non perdoniamo", dicono.',
  '- Sì, rispose.',
  '-- No, mai.',
  '"Ciao" e "addio" e basta."',
  'Il "Califfo" ha parlato.',
  '=SOMMA(A1:A9) è una formula.',
  '-2+3 fa uno.',
  "'Apostrofo iniziale.",
  '"',
  '+39 06 1234 è un numero.',
];
const FR = [
  '« Nous ne pardonnons pas », disent-ils.',
  '- Oui, dit-il.',
  '-- Non, jamais.',
  '"Bonjour" et "adieu".',
  'Le "Calife" a parlé.',
  '@mention en tête.',
  '- SOMME(A1) reste une formule.',
  '-cmd|\' /C calc\'!A0 est une attaque.',
  '""',
  'Fin.',
];

function fixture() {
  const doc = (id: string, lang: string, lines: string[]) => {
    const text = lines.join('\n');
    return { id, path: `${id}.txt`, lang, text, sha256: sha(text) };
  };
  const docs = [doc('it-1', 'it', IT), doc('fr-1', 'fr', FR)];
  const lines = (text: string) => {
    const spans: [number, number][] = [];
    let at = 0;
    for (const line of text.split('\n')) {
      spans.push([at, at + line.length]);
      at += line.length + 1;
    }
    return spans;
  };
  let alignment = createAlignment(docs, lines);
  for (let i = 0; i < IT.length; i++) alignment = link(alignment, [{ doc: 'it-1', sentence: i }, { doc: 'fr-1', sentence: i }], `g${i}`).alignment;
  return { alignment, texts: new Map(docs.map((d) => [d.id, d.text])) };
}

const READ = `
import csv, json, sys
kind, path, reader = sys.argv[1], sys.argv[2], sys.argv[3]
sep = '\\t' if kind == 'tsv' else ','
if reader == 'csv':
    with open(path, newline='', encoding='utf-8') as f:
        rows = list(csv.reader(f, delimiter=sep))
else:
    import pandas
    df = pandas.read_csv(path, sep=sep)
    df = df.astype(object).where(df.notna(), None)  # NaN (an empty cell) as null in JSON
    rows = [list(df.columns)] + df.values.tolist()
print(json.dumps(rows))
`;

function readWithPython(python: string, kind: 'tsv' | 'csv', text: string, reader: 'csv' | 'pandas'): string[][] {
  const dir = mkdtempSync(join(tmpdir(), 'allinea-py-'));
  const path = join(dir, `out.${kind}`);
  writeFileSync(path, text);
  return JSON.parse(execFileSync(python, ['-c', READ, kind, path, reader], { encoding: 'utf8' })) as string[][];
}

const expected = (raw: boolean) => [['it', 'fr'], ...IT.map((it, i) => [it, FR[i]!].map((c) => (raw ? c : neutraliseCell(c))))];

describe('neutralisation where a spreadsheet runs a formula, and only there', () => {
  it('leaves dialogue dashes alone, neutralises formulas, and counts what it changed', () => {
    const result = exportDelimited('tsv', fixture(), {});
    const changed = new Set(['=SOMMA(A1:A9) è una formula.', '-2+3 fa uno.', '+39 06 1234 è un numero.', '@mention en tête.', '- SOMME(A1) reste une formule.', "-cmd|' /C calc'!A0 est une attaque."]);
    for (const text of [...IT, ...FR]) expect(neutraliseCell(text) !== text, text).toBe(changed.has(text));
    expect(result.notices.find((n) => n.code === 'neutralised-cells')?.message).toMatch(/^prefixed 6 cells that a spreadsheet would run as a formula/);
  });
});

describe.skipIf(!PYTHON)('read back by Python csv (default settings)', () => {
  for (const kind of ['tsv', 'csv'] as const) {
    for (const raw of [false, true]) {
      it(`${kind}${raw ? ' --raw-cells' : ''}: every row and cell comes back exactly`, () => {
        const out = exportDelimited(kind, fixture(), { rawCells: raw }).output as string;
        expect(readWithPython(PYTHON!, kind, out, 'csv')).toEqual(expected(raw));
      });
    }
  }
  it('TSV cells with a quote inside stay unquoted for tools that split on tabs', () => {
    const out = exportDelimited('tsv', fixture(), {}).output as string;
    expect(out).toContain('Il "Califfo" ha parlato.\tLe "Calife" a parlé.\n');
    expect(out).toContain('"""Non perdoniamo"", dicono."\t« Nous ne pardonnons pas », disent-ils.\n');
  });
});

describe.skipIf(!PANDAS)(`read back by pandas (default settings)${PANDAS ? '' : ' — SKIPPED: pandas is not installed (apt-get install python3-pandas)'}`, () => {
  for (const kind of ['tsv', 'csv'] as const) {
    it(`${kind}: every row and cell comes back exactly`, () => {
      const out = exportDelimited(kind, fixture(), {}).output as string;
      expect(readWithPython(PANDAS!, kind, out, 'pandas')).toEqual(expected(false));
    });

    it(`import reads what pandas' to_csv writes (${kind}, quoted cells, index column) without leaving quotes in`, () => {
      const dir = mkdtempSync(join(tmpdir(), 'allinea-pd-'));
      const path = join(dir, `in.${kind}`);
      const write = `
import pandas, json, sys
rows = json.loads(sys.stdin.read())
pandas.DataFrame(rows, columns=['it', 'fr']).to_csv(sys.argv[1], sep='\\t' if sys.argv[2] == 'tsv' else ',')
`;
      execFileSync(PANDAS!, ['-c', write, path, kind], { input: JSON.stringify(IT.map((it, i) => [it, FR[i]])) });
      const units = importDelimited(kind, readFileSync(path, 'utf8'), { rawCells: true }).units;
      expect(units.map((u) => u.variants.map((v) => v.text))).toEqual(IT.map((it, i) => [it, FR[i]].map((t) => t!.trim())));
    });
  }
});

const NOVELS = join(REPO, '..', 'shared', 'bench', 'alignment', 'transread-dev');

/** A novel's gold alignment (English-French, transread-dev), every group confirmed. */
function novel(name: string) {
  const read = (ext: string) => readFileSync(join(NOVELS, `${name}.${ext}`), 'utf8');
  const doc = (lang: string) => ({ id: `${name}-${lang}`, lang, path: `${name}.${lang}`, text: read(lang), name: `${name}.${lang}` });
  const built = alignmentFromBeads(doc('en'), doc('fr'), parseBeads(read('gold')), { hash: sha });
  let alignment = built.alignment;
  for (const g of alignment.groups) alignment = setStatus(alignment, g.id, 'confirmed');
  return { alignment, texts: new Map(alignment.documents.map((d) => [d.id, read(d.lang)])) };
}

describe.skipIf(!PANDAS || !existsSync(NOVELS))(`real novels (transread-dev) read back by pandas and csv${PANDAS ? '' : ' — SKIPPED: pandas is not installed'}`, () => {
  for (const name of ['DuCoteDeChezSwann', 'Candide', 'AlicesAdventuresInWonderland']) {
    it(`${name}: every row comes back, and dialogue dashes are not neutralised`, () => {
      const result = exportDelimited('tsv', novel(name), {});
      const out = result.output as string;
      const rows = out.split('\n').slice(0, -1).map((line) => line.split('\t').map((cell) => (cell.startsWith('"') ? cell.slice(1, -1).replace(/""/g, '"') : cell)));
      expect(rows).toHaveLength(1 + result.written);
      for (const reader of ['csv', 'pandas'] as const) {
        const back = readWithPython(PANDAS!, 'tsv', out, reader);
        expect(back.length, reader).toBe(rows.length);
        expect(back, reader).toEqual(reader === 'pandas' ? rows.map((r) => r.map((c) => (c === '' ? null : c))) : rows);
      }
      for (const cell of rows.flat()) if (/^-+\s/.test(cell)) expect(cell.startsWith("'")).toBe(false);
    });
  }
});
