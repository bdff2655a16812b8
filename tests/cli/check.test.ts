import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Alignment } from '../../src/core/model/types.js';
import { writeAlignmentFile } from '../../src/io/alignment-file.js';
import { cli } from '../helpers/cli.js';
import { REPO_ROOT } from '../helpers/seeds.js';
import { buildFixture, editFile, positionOf, readFile, type Fixture } from '../core/check/fixture.js';
import { FORMATS, findingsOf, sortTuples, type Tuple } from '../core/check/report-readers.js';

/** Position of `needle` within the first line of `text` that contains `lineNeedle`. */
function inLine(text: string, lineNeedle: string, needle: string): { line: number; column: number } {
  const lines = text.split('\n');
  const index = lines.findIndex((l) => l.includes(lineNeedle));
  if (index < 0) throw new Error(`no line contains ${lineNeedle}`);
  const column = lines[index]!.indexOf(needle);
  if (column < 0) throw new Error(`line ${index + 1} has no ${needle}`);
  return { line: index + 1, column: column + 1 };
}

/** Line of the n-th document object ("    {" lines in the documents list), column 5. */
function documentAt(text: string, n: number): { line: number; column: number } {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l.startsWith('  "documents"'));
  let seen = -1;
  for (let i = start + 1; i < lines.length; i++) {
    if (lines[i] === '    {' && ++seen === n) return { line: i + 1, column: 5 };
  }
  throw new Error(`no document ${n}`);
}

const t = (rule: string, severity: 'error' | 'warning', at: { line: number; column: number }): Tuple => [rule, severity, at.line, at.column];

/** The death-toll warning every copy of the fixture keeps (g1 is never broken). */
const tollWarning = (text: string) => t('number-mismatch', 'warning', inLine(text, '{"id": "g1"', '{"id"'));

function rewrite(f: Fixture, change: (a: Alignment) => Alignment): void {
  writeAlignmentFile(f.file, change(f.alignment), f.texts);
}

interface BrokenCase {
  readonly name: string;
  readonly breakIt: (f: Fixture) => void;
  readonly expected: (text: string, f: Fixture) => Tuple[];
  readonly exit: number;
}

const cases: BrokenCase[] = [
  {
    name: 'a valid alignment (the death tolls differ: one warning)',
    breakIt: () => {},
    expected: (text) => [tollWarning(text)],
    exit: 0,
  },
  {
    name: 'changed source text',
    breakIt: (f) => editFile(join(f.dir, 'seeds', '001_80762caa75312a24.txt'), 'responsabile della morte', 'responsabile, secondo le ultime stime, della morte'),
    expected: (text) => [t('source-changed', 'error', documentAt(text, 1)), tollWarning(text)],
    exit: 1,
  },
  {
    name: 'sentence index out of range',
    breakIt: (f) => rewrite(f, (a) => ({ ...a, groups: a.groups.map((g) => (g.id === 'g2' ? { ...g, members: [g.members[0]!, { doc: 'en-002', sentences: [999] }] } : g)) })),
    expected: (text) => [tollWarning(text), t('sentence-out-of-range', 'error', inLine(text, '{"id": "g2"', '999'))],
    exit: 1,
  },
  {
    name: 'a sentence in two live groups',
    breakIt: (f) =>
      rewrite(f, (a) => ({
        ...a,
        groups: [...a.groups, { id: 'g5', status: 'suggested', origin: 'auto', score: 0.7, members: [{ doc: 'it-000', sentences: [f.s.toll129] }, { doc: 'fr-003', sentences: [0] }] }],
      })),
    expected: (text) => {
      const g5 = inLine(text, '{"id": "g5"', '{"id"');
      const sentences = inLine(text, '{"id": "g5"', `"sentences": [${0}]`);
      return [
        tollWarning(text),
        t('number-mismatch', 'warning', g5),
        t('unreviewed-suggestion', 'warning', g5),
        t('length-ratio', 'warning', g5),
        t('sentence-in-two-groups', 'error', { line: sentences.line, column: inLine(text, '{"id": "g5"', `"sentences": [`).column + 14 }),
      ];
    },
    exit: 1,
  },
  {
    name: 'malformed JSON',
    breakIt: (f) => editFile(f.file, '{"id": "g2", "status": "confirmed", "origin"', '{"id": "g2", "status": "confirmed" "origin"'),
    expected: (text) => [t('parse-error', 'error', positionOf(text, '"confirmed" "origin"', 12))],
    exit: 1,
  },
  {
    name: 'missing document',
    breakIt: (f) => rmSync(join(f.dir, 'seeds', '004_488846f04755260f.txt')),
    expected: (text) => [t('document-missing', 'error', documentAt(text, 4)), tollWarning(text)],
    exit: 1,
  },
  {
    name: 'duplicate group ids',
    breakIt: (f) => editFile(f.file, '{"id": "g3"', '{"id": "g2"'),
    expected: (text) => {
      const lines = text.split('\n');
      const second = lines.findIndex((l, i) => l.includes('{"id": "g2"') && lines.findIndex((x) => x.includes('{"id": "g2"')) !== i);
      return [tollWarning(text), t('duplicate-group-id', 'error', { line: second + 1, column: 6 })];
    },
    exit: 1,
  },
  {
    name: 'a segmentation override that no longer fits',
    breakIt: (f) => {
      const [start, end] = f.alignment.documents[0]!.sentences[f.s.opening]!;
      // A split recorded in the middle of a word: no sentence starts there.
      rewrite(f, (a) => ({ ...a, overrides: [{ doc: 'it-000', op: 'split', at: start + Math.floor((end - start) / 2) }] }));
    },
    expected: (text) => [tollWarning(text), t('override-mismatch', 'error', inLine(text, '{"doc": "it-000", "op": "split"', '{"doc"'))],
    exit: 1,
  },
  {
    name: 'a group with one member',
    breakIt: (f) => rewrite(f, (a) => ({ ...a, groups: [...a.groups, { id: 'g5', status: 'confirmed', origin: 'manual', members: [{ doc: 'fr-003', sentences: [1] }] }] })),
    expected: (text) => [tollWarning(text), t('too-few-members', 'error', inLine(text, '{"id": "g5"', '"members"'))],
    exit: 1,
  },
  {
    name: 'a schema violation',
    breakIt: (f) => editFile(f.file, '{"id": "g2", "status": "confirmed"', '{"id": "g2", "status": "maybe"'),
    expected: (text) => [t('schema', 'error', inLine(text, '{"id": "g2"', '"status"'))],
    exit: 1,
  },
];

describe('allinea check: broken copies of a seeds alignment, every reporter', () => {
  for (const c of cases) {
    it(c.name, async () => {
      const f = buildFixture();
      c.breakIt(f);
      const text = readFile(f.file);
      const expected = sortTuples(c.expected(text, f));
      for (const format of FORMATS) {
        const result = await cli(['check', '--format', format], { cwd: f.dir });
        expect({ format, stderr: result.stderr, code: result.code }).toEqual({ format, stderr: '', code: c.exit });
        expect({ format, findings: findingsOf(format, result.stdout) }).toEqual({ format, findings: expected });
      }
    });
  }
});
