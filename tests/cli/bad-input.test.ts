/**
 * The standing bad-input matrix (issue 14): every command that reads a file, given every kind
 * of wrong, hostile or odd input in that place. Each row says the exit code a user should get;
 * and for every row: nothing hangs, stderr carries no stack frame and no raw escape byte, a
 * failure is one line ("allinea: ..." naming the file), and no existing file changes (a failure
 * creates nothing either). Commands run in-process (tests/helpers/cli.ts's way) to keep the
 * matrix fast; mounts (full disk, read-only) are made only where the machine allows them.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  allinea,
  FILE_KINDS,
  fileOfKind as kindFile,
  filesUnder,
  Fixture,
  kindOptions,
  MOUNTS,
  mountTmpfs as mountOn,
  readOnlyFolder as readOnlyIn,
  snapshot as snapshotOf,
  type FileKind,
  type Run,
} from '../helpers/bad-input.js';
import { REPO_ROOT, SEEDS_DIR } from '../helpers/seeds.js';

let fx: Fixture;
let root: string;
const put = (rel: string, data: string | Uint8Array): string => fx.put(rel, data);
const snapshot = (): Map<string, string> => snapshotOf(fx);
const fileOfKind = (kind: FileKind, name: string): string => kindFile(fx, kind, name);
const mountTmpfs = (rel: string, options: string): string => mountOn(fx, rel, options);
const readOnlyFolder = (rel: string): string | undefined => readOnlyIn(fx, rel);

const IT = readFileSync(join(SEEDS_DIR, '000_8f095107cca91a8d.txt'), 'utf8');
const FR = readFileSync(join(SEEDS_DIR, '003_f35f84bb321ab2af.txt'), 'utf8');

// --- the slots: where a command reads a file ----------------------------------------------

interface Slot {
  readonly name: string;
  /** The command line with `file` in the slot; `out` is a fresh folder for outputs. */
  readonly args: (file: string, out: string) => string[];
  readonly tty?: boolean;
  /** Exit codes that differ from 2 for a file kind. */
  readonly expect?: Partial<Record<FileKind, number>>;
  /** Where a failure may be reported instead of stderr (check's report on stdout). */
  readonly reportOn?: 'stdout';
  /** Kinds that are not bad input in this slot, left to their own tests. */
  readonly skip?: readonly FileKind[];
}

const good = {
  it: () => join(root, 'docs', 'it.txt'),
  fr: () => join(root, 'docs', 'fr.txt'),
  alignment: () => join(root, 'alignments', 'good.align.json'),
  beads: () => join(root, 'work', 'good.beads'),
  lexicon: () => join(root, 'work', 'it-fr.tsv'),
};

/** An alignment whose first document's path is `file` (the good alignment otherwise). */
function alignmentPointingAt(file: string, name: string): string {
  const data = JSON.parse(readFileSync(good.alignment(), 'utf8')) as { documents: { path: string }[] };
  data.documents[0]!.path = file;
  return put(`work/points-at-${name}.align.json`, JSON.stringify(data, null, 2));
}

/** A corpus folder whose corpus.json is `file`'s bytes (or nothing for missing/folder kinds). */
function corpusWithManifest(file: string, name: string): string {
  const dir = join(root, 'corpora', name);
  mkdirSync(dir, { recursive: true });
  cpSync(good.it(), join(dir, 'it.txt'));
  cpSync(good.fr(), join(dir, 'fr.txt'));
  const manifest = join(dir, 'corpus.json');
  if (file === '/dev/zero' || statSafe(file)?.isFIFO()) execFileSync('ln', ['-sf', file, manifest]);
  else if (statSafe(file)?.isFile() && statSafe(file)!.size < 1_000_000) cpSync(file, manifest);
  else if (statSafe(file)?.isDirectory()) mkdirSync(manifest, { recursive: true });
  else if (file.includes('line-50mb')) execFileSync('ln', ['-sf', file, manifest]);
  return dir;
}

function statSafe(path: string) {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

const SLOTS: readonly Slot[] = [
  { name: 'split DOC', args: (f) => ['split', f], expect: { empty: 0 } },
  { name: 'align DOC', args: (f, out) => ['align', f, good.fr(), '-o', join(out, 'a.align.json'), '--no-bundled-lexicons'] },
  { name: 'align --lexicon', args: (f, out) => ['align', good.it(), good.fr(), '--lexicon', f, '-o', join(out, 'a.align.json'), '--no-bundled-lexicons'] },
  { name: 'align --manifest', args: (f, out) => ['align', '--manifest', f, '--out-dir', join(out, 'batch')] },
  { name: 'align FOLDER with corpus.json', args: (f, out) => ['align', corpusWithManifest(f, `m-${out.split('/').pop()}`), '-o', join(out, 'a.align.json'), '--no-bundled-lexicons'], expect: { missing: 0 } },
  { name: 'import --from tmx', args: (f, out) => ['import', f, '--from', 'tmx', '-o', join(out, 'i.align.json')] },
  { name: 'import --from tsv', args: (f, out) => ['import', f, '--from', 'tsv', '-o', join(out, 'i.align.json')] },
  { name: 'import --from csv', args: (f, out) => ['import', f, '--from', 'csv', '-o', join(out, 'i.align.json')] },
  { name: 'import --from json', args: (f, out) => ['import', f, '--from', 'json', '-o', join(out, 'i.align.json')] },
  { name: 'eval --gold', args: (f) => ['eval', '--gold', f, '--pred', good.beads()] },
  { name: 'eval --pred', args: (f) => ['eval', '--gold', good.beads(), '--pred', f] },
  // An empty file is an alignment with a problem (reported on stdout, exit 1); unreadable ones are I/O (exit 2).
  { name: 'check FILE', args: (f) => ['check', f], expect: { empty: 1 }, reportOn: 'stdout' },
  { name: 'check --config', args: (f) => ['check', good.alignment(), '--config', f] },
  { name: 'export FILE', args: (f, out) => ['export', f, '--to', 'tmx', '-o', join(out, 'e.tmx')] },
  { name: 'lexicon import', args: (f, out) => ['lexicon', 'import', f, '-o', join(out, 'l.tsv'), '--from', 'it', '--to', 'fr'] },
  { name: 'view DOC', args: (f) => ['view', f, good.fr(), '--alignment', join(root, 'never', 'v.align.json')], tty: true },
  // A missing alignment file with no corpus is a new alignment over the default corpus (issue 10 §5):
  // the workbench opens, which this harness cannot host (tests/tui/view-command.test.ts covers it).
  { name: 'view ALIGNMENT', args: (f) => ['view', '--alignment', f], tty: true, skip: ['missing'] },
  // A document path inside an alignment file: check reports it as a finding (exit 1, on stdout).
  { name: 'check: document path in the alignment', args: (f) => ['check', alignmentPointingAt(f, nameOf(f))], expect: Object.fromEntries(FILE_KINDS.map((k) => [k, 1])), reportOn: 'stdout' },
  // An empty document there is a drifted source (re-anchored and reported: tests/io/alignment-file, the model's drift tests).
  { name: 'export: document path in the alignment', args: (f, out) => ['export', alignmentPointingAt(f, nameOf(f)), '--to', 'tmx', '-o', join(out, 'e.tmx')], skip: ['empty'] },
  { name: 'view: document path in the alignment', args: (f) => ['view', '--alignment', alignmentPointingAt(f, nameOf(f))], tty: true, skip: ['empty'] },
  { name: 'eval: gold document path in the alignment', args: (f) => ['eval', '--gold', alignmentPointingAt(f, nameOf(f)), '--pred', good.alignment()] },
];

function nameOf(path: string): string {
  return path.replace(/[^A-Za-z0-9]+/g, '_').slice(-40);
}

// --- structured kinds: wrong content in a readable file --------------------------------

function goodAlignmentData(): Record<string, unknown> & { documents: Record<string, unknown>[]; groups: Record<string, unknown>[] } {
  return JSON.parse(readFileSync(good.alignment(), 'utf8')) as never;
}

function deep(n: number): string {
  return `${'['.repeat(n)}${']'.repeat(n)}`;
}

interface Case {
  readonly name: string;
  readonly args: (out: string) => string[];
  readonly code: number;
  readonly reportOn?: 'stdout';
  readonly stdin?: () => Buffer;
  readonly tty?: boolean;
  /** Checks on a successful run beyond the exit code. */
  readonly then?: (run: Run, out: string) => void | Promise<void>;
  readonly mayChange?: (path: string) => boolean;
}

function alignmentFile(name: string, edit: (data: ReturnType<typeof goodAlignmentData>) => unknown): string {
  const data = goodAlignmentData();
  const edited = edit(data) ?? data;
  return put(`work/${name}.align.json`, typeof edited === 'string' ? edited : JSON.stringify(edited, null, 2));
}

function jsonExport(name: string, edit: (data: { groups: { score: unknown; members: { sentences: unknown }[] }[] }) => void): string {
  const data = JSON.parse(readFileSync(join(root, 'work', 'good-export.json'), 'utf8')) as never;
  edit(data);
  return put(`work/${name}.json`, JSON.stringify(data));
}

const CASES: readonly Case[] = [
  // Text that is odd but valid: read and used.
  { name: 'split: BOM', args: () => ['split', put('kinds/bom.txt', `\uFEFF${IT}`)], code: 0, then: (r) => expect(r.stdout).not.toContain('\uFEFF') },
  { name: 'split: CRLF', args: () => ['split', put('kinds/crlf.txt', IT.replace(/\n/g, '\r\n'))], code: 0, then: (r) => expect(r.stdout).not.toContain('\r') },
  {
    name: 'split: unicode and spaces in the path',
    args: () => ['split', put('kinds/città con spazi/è un testo.txt', IT)],
    code: 0,
    then: (r) => expect(r.stdout).toContain('città con spazi/è un testo.txt'),
  },
  {
    name: 'split: escape sequences in a document on a terminal are neutralised',
    args: () => ['split', put('kinds/escapes.txt', 'Titolo \u001b]0;pwned\u0007 e \u001b[31mrosso\u001b[0m. Fine.\n')],
    tty: true,
    code: 0,
    then: (r) => {
      expect(r.stdout).not.toMatch(/\u001b|\u0007/);
      expect(r.stdout).toContain('␛');
    },
  },
  {
    name: 'split --format json on a terminal: C1 controls and bidi marks escaped, the value unchanged',
    args: () => ['split', '--format', 'json', put('kinds/c1.txt', 'Testo \u009b31m rosso \u202e inverso. Fine \u001b[0m.\n')],
    tty: true,
    code: 0,
    then: (r) => {
      expect(r.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e]/);
      expect((JSON.parse(r.stdout) as { sentences: { text: string }[] }).sentences.map((s) => s.text).join(' ')).toContain('\u009b31m rosso \u202e');
    },
  },
  {
    name: 'split --raw: escape sequences kept on request',
    args: () => ['split', '--raw', put('kinds/escapes-raw.txt', 'Titolo \u001b[31mrosso\u001b[0m. Fine.\n')],
    tty: true,
    code: 0,
    then: (r) => expect(r.stdout).toContain('\u001b[31m'),
  },
  {
    name: 'align: unicode and spaces in the paths',
    args: (out) => ['align', put('kinds/cartella è/it testo.txt', IT), put('kinds/cartella è/fr texte.txt', FR), '-o', join(out, 'sp a.align.json'), '--no-bundled-lexicons'],
    code: 0,
    then: (_, out) => expect(existsSync(join(out, 'sp a.align.json'))).toBe(true),
  },
  {
    name: 'import and export: unicode and spaces in the paths',
    args: (out) => ['import', put('kinds/memoria è/coppie it fr.tsv', 'it\tfr\nCiao.\tSalut.\n'), '--from', 'tsv', '-o', join(out, 'città', 'coppie è.align.json')],
    code: 0,
    then: async (_, out) => {
      const exported = await allinea(['export', join(out, 'città', 'coppie è.align.json'), '--to', 'tsv', '-o', join(out, 'città', 'coppie è.tsv')], root);
      expect(exported.code).toBe(0);
      expect(readFileSync(join(out, 'città', 'coppie è.tsv'), 'utf8')).toContain('Ciao.\tSalut.');
    },
  },
  // Standard input.
  { name: 'split -: standard input', args: () => ['split', '-'], stdin: () => Buffer.from(IT), code: 0, then: (r) => expect(r.stdout).toContain('== standard input (it,') },
  { name: 'split -: binary standard input', args: () => ['split', '-'], stdin: () => readFileSync(process.execPath).subarray(0, 9000), code: 2 },
  { name: 'split -: standard input over the limit', args: () => ['split', '-', '--max-input-size', '1k'], stdin: () => Buffer.from(IT), code: 2 },
  { name: 'split -: standard input is a terminal', args: () => ['split', '-'], tty: true, code: 2 },
  { name: 'split: - twice', args: () => ['split', '-', '-'], stdin: () => Buffer.from(IT), code: 2 },
  {
    name: 'align -: standard input, saved beside the alignment',
    args: (out) => ['align', good.it(), '-', '-o', join(out, 'std.align.json'), '--no-bundled-lexicons'],
    stdin: () => Buffer.from(FR),
    code: 0,
    then: (r, out) => {
      expect(readFileSync(join(out, 'std.stdin.txt'), 'utf8')).toBe(FR);
      expect(r.stderr).toContain('standard input saved as');
    },
  },
  { name: 'align -: without -o', args: () => ['align', good.it(), '-'], stdin: () => Buffer.from(FR), code: 2 },
  { name: 'check -: not a file', args: () => ['check', '-'], code: 2 },
  {
    name: 'export: a document path with escape sequences is echoed neutralised',
    args: (out) => ['export', alignmentPointingAt(join(root, 'kinds', 'x\u001b]0;pwned\u0007\u001b[2J.txt'), 'escaped-path'), '--to', 'tmx', '-o', join(out, 'e.tmx')],
    code: 2,
    then: (r) => expect(r.stderr).toContain('x␛'),
  },
  // Alignment files with wrong content.
  { name: 'check: truncated alignment', args: () => ['check', alignmentFile('truncated', () => readFileSync(good.alignment(), 'utf8').slice(0, 700))], code: 1, reportOn: 'stdout' },
  { name: 'export: truncated alignment', args: (out) => ['export', alignmentFile('truncated', () => readFileSync(good.alignment(), 'utf8').slice(0, 700)), '--to', 'tmx', '-o', join(out, 'x.tmx')], code: 2 },
  { name: 'export: wrong schema', args: (out) => ['export', alignmentFile('schema', (d) => ({ ...d, documents: 'none' })), '--to', 'json', '-o', join(out, 'x.json')], code: 2 },
  { name: 'export: wrong version', args: (out) => ['export', alignmentFile('version', (d) => ({ ...d, version: 99 })), '--to', 'json', '-o', join(out, 'x.json')], code: 2 },
  { name: 'check: wrong version', args: () => ['check', alignmentFile('version', (d) => ({ ...d, version: 99 }))], code: 1, reportOn: 'stdout' },
  {
    name: 'export: out-of-range sentence index',
    args: (out) => ['export', alignmentFile('range', (d) => void ((d.groups[0]!.members as { sentences: number[] }[])[0]!.sentences = [9999])), '--to', 'json', '-o', join(out, 'x.json')],
    code: 2,
  },
  {
    name: 'export: negative sentence index',
    args: (out) => ['export', alignmentFile('negative', (d) => void ((d.groups[0]!.members as { sentences: number[] }[])[0]!.sentences = [-1])), '--to', 'json', '-o', join(out, 'x.json')],
    code: 2,
  },
  { name: 'check: duplicate document ids', args: () => ['check', alignmentFile('dup-docs', (d) => void (d.documents[1]!.id = d.documents[0]!.id))], code: 1, reportOn: 'stdout' },
  { name: 'export: huge numbers', args: (out) => ['export', alignmentFile('huge', (d) => void ((d.groups[0]!.members as { sentences: number[] }[])[0]!.sentences = [1e300])), '--to', 'json', '-o', join(out, 'x.json')], code: 2 },
  { name: 'export: score 1e308', args: (out) => ['export', alignmentFile('score', (d) => void (d.groups[0]!.score = 1e308)), '--to', 'json', '-o', join(out, 'x.json')], code: 2 },
  { name: 'export: 100k-deep nesting', args: (out) => ['export', alignmentFile('deep', () => deep(100_000)), '--to', 'json', '-o', join(out, 'x.json')], code: 2 },
  { name: 'check: 100k-deep nesting', args: () => ['check', alignmentFile('deep', () => deep(100_000))], code: 1, reportOn: 'stdout' },
  { name: 'check --config: 100k-deep nesting', args: () => ['check', good.alignment(), '--config', put('work/deep-config.json', deep(100_000))], code: 2 },
  // Outputs.
  { name: 'export: output equal to the input', args: () => ['export', good.alignment(), '--to', 'json', '-o', good.alignment()], code: 2 },
  { name: 'export: output equal to a document', args: () => ['export', good.alignment(), '--to', 'tmx', '-o', join(root, 'seeds', '000_8f095107cca91a8d.txt')], code: 2 },
  { name: 'import: output equal to the input', args: () => ['import', join(root, 'work', 'good.tsv'), '--from', 'tsv', '-o', join(root, 'work', 'good.tsv')], code: 2 },
  { name: 'import: existing output without --force', args: () => ['import', join(root, 'work', 'good.tsv'), '--from', 'tsv', '-o', good.alignment()], code: 2 },
  { name: 'lexicon import: output equal to the input', args: () => ['lexicon', 'import', good.lexicon(), '-o', good.lexicon()], code: 2 },
  { name: 'lexicon import: existing output without --force', args: () => ['lexicon', 'import', good.lexicon(), '-o', good.beads(), '--from', 'it', '--to', 'fr'], code: 2 },
  { name: 'align: output is a document', args: () => ['align', good.it(), good.fr(), '-o', good.fr(), '--no-bundled-lexicons'], code: 2 },
  { name: 'align: bad --jobs', args: (out) => ['align', '--manifest', join(root, 'docs', 'manifest.tsv'), '--out-dir', out, '--jobs', 'many'], code: 2 },
  { name: 'align: bad --max-bead', args: (out) => ['align', good.it(), good.fr(), '--max-bead', '0', '-o', join(out, 'a.align.json')], code: 2 },
  { name: 'align: bad --max-input-size', args: (out) => ['align', good.it(), good.fr(), '--max-input-size', 'lots', '-o', join(out, 'a.align.json')], code: 2 },
  // Imports with wrong content.
  { name: 'import json: negative sentence indices', args: (out) => ['import', jsonExport('neg', (d) => void (d.groups[0]!.members[0]!.sentences = [-3])), '--from', 'json', '-o', join(out, 'i.align.json')], code: 2 },
  { name: 'import json: score far outside [0, 1]', args: (out) => ['import', jsonExport('score', (d) => void (d.groups[0]!.score = 57)), '--from', 'json', '-o', join(out, 'i.align.json')], code: 2 },
  { name: 'import json: huge index', args: (out) => ['import', jsonExport('huge', (d) => void (d.groups[0]!.members[0]!.sentences = [1e300])), '--from', 'json', '-o', join(out, 'i.align.json')], code: 2 },
  { name: 'import json: wrong version', args: (out) => ['import', put('work/v99.json', JSON.stringify({ format: 'allinea-export', version: 99, groups: [] })), '--from', 'json', '-o', join(out, 'i.align.json')], code: 2 },
  { name: 'import json: wrong schema', args: (out) => ['import', put('work/schema.json', JSON.stringify({ format: 'allinea-export', version: 1, groups: 'x' })), '--from', 'json', '-o', join(out, 'i.align.json')], code: 2 },
  { name: 'import json: 100k-deep nesting', args: (out) => ['import', put('work/deep.json', deep(100_000)), '--from', 'json', '-o', join(out, 'i.align.json')], code: 2 },
  { name: 'import json: truncated', args: (out) => ['import', put('work/cut.json', readFileSync(join(root, 'work', 'good-export.json'), 'utf8').slice(0, 300)), '--from', 'json', '-o', join(out, 'i.align.json')], code: 2 },
  { name: 'import tsv: truncated', args: (out) => ['import', put('work/cut.tsv', 'it\tfr\nCiao.\tSalut.\nCome va'), '--from', 'tsv', '-o', join(out, 'i.align.json')], code: 2 },
  { name: 'import csv: truncated inside a quoted cell', args: (out) => ['import', put('work/cut.csv', 'it,fr\nCiao.,Salut.\n"Come va, amico'), '--from', 'csv', '-o', join(out, 'i.align.json')], code: 2 },
  { name: 'import tsv: duplicate language columns', args: (out) => ['import', put('work/dup.tsv', 'it\tit\nCiao.\tSalve.\n'), '--from', 'tsv', '-o', join(out, 'i.align.json')], code: 2 },
  { name: 'import tsv: BOM and CRLF', args: (out) => ['import', put('work/bomcrlf.tsv', '\uFEFFit\tfr\r\nCiao.\tSalut.\r\n'), '--from', 'tsv', '-o', join(out, 'i.align.json')], code: 0 },
  { name: 'import tmx: truncated', args: (out) => ['import', put('work/cut.tmx', readFileSync(join(root, 'work', 'good.tmx'), 'utf8').slice(0, 400)), '--from', 'tmx', '-o', join(out, 'i.align.json')], code: 2 },
  { name: 'import tmx: escape bytes in a parse error', args: (out) => ['import', put('work/esc.tmx', '<?xml version="1.0"?><tmx version="1.4"><body><tu>\u001b]0;pwned\u0007<tuv'), '--from', 'tmx', '-o', join(out, 'i.align.json')], code: 2 },
  { name: 'import tmx: 100k-deep nesting', args: (out) => ['import', put('work/deep.tmx', `<tmx version="1.4"><body>${'<x>'.repeat(100_000)}${'</x>'.repeat(100_000)}</body></tmx>`), '--from', 'tmx', '-o', join(out, 'i.align.json')], code: 2 },
  {
    name: 'import: interrupted run named by the next one',
    args: (out) => interruptedImport(out),
    code: 0,
    mayChange: (path) => path.includes('/out/'),
    then: (r, out) => {
      expect(r.stderr).toContain('was interrupted');
      expect(existsSync(join(out, '.k.align.json.import-incomplete'))).toBe(false);
      expect(readFileSync(join(out, 'k.it.txt'), 'utf8')).toBe('Ciao.\nGrazie.\n');
    },
  },
  { name: 'align --lexicon: a gzip that unpacks past the limit', args: (out) => ['align', good.it(), good.fr(), '--lexicon', put('work/bomb.tsv.gz', gzipSync(Buffer.alloc(30 * 1024 * 1024, 'a'))), '--max-input-size', '10M', '-o', join(out, 'a.align.json'), '--no-bundled-lexicons'], code: 2 },
  { name: 'align --lexicon: not gzip at all', args: (out) => ['align', good.it(), good.fr(), '--lexicon', put('work/fake.tsv.gz', 'casa\tmaison\n'), '-o', join(out, 'a.align.json'), '--no-bundled-lexicons'], code: 2 },
  { name: 'align --lexicon: text without entries', args: (out) => ['align', good.it(), good.fr(), '--lexicon', put('work/prose.tsv', `${IT}`), '-o', join(out, 'a.align.json'), '--no-bundled-lexicons'], code: 2 },
  { name: 'lexicon import: /bin/ls', args: (out) => ['lexicon', 'import', '/bin/ls', '-o', join(out, 'l.tsv')], code: 2 },
  // Eval.
  { name: 'eval: huge bead index', args: () => ['eval', '--gold', good.beads(), '--pred', put('work/huge.beads', '[1e300]:[0]\n[99999999999999999999]:[1]\n')], code: 2 },
  { name: 'eval: empty gold', args: () => ['eval', '--gold', put('work/empty.beads', ''), '--pred', good.beads()], code: 2 },
  { name: 'eval: empty prediction', args: () => ['eval', '--gold', good.beads(), '--pred', put('work/empty2.beads', '\n\n')], code: 2 },
  { name: 'eval: negative bead index', args: () => ['eval', '--gold', good.beads(), '--pred', put('work/neg.beads', '[-1]:[0]\n')], code: 2 },
  { name: 'eval: good files', args: () => ['eval', '--gold', good.beads(), '--pred', good.beads()], code: 0 },
  // Manifests.
  { name: 'align: corpus.json with duplicate ids', args: (out) => ['align', corpusDir('dup', JSON.stringify({ documents: [{ id: 'a', file: 'it.txt', lang: 'it' }, { id: 'a', file: 'fr.txt', lang: 'fr' }] })), '-o', join(out, 'a.align.json')], code: 2 },
  { name: 'align: corpus.json wrong schema', args: (out) => ['align', corpusDir('schema', JSON.stringify({ documents: 'x' })), '-o', join(out, 'a.align.json')], code: 2 },
  { name: 'align: corpus.json naming a FIFO', args: (out) => ['align', corpusDir('fifo', JSON.stringify({ documents: [{ id: 'a', file: fileOfKind('fifo', 'manifest-doc'), lang: 'it' }, { id: 'b', file: 'fr.txt', lang: 'fr' }] })), '-o', join(out, 'a.align.json')], code: 2 },
  { name: 'align --manifest: line naming /dev/zero', args: (out) => ['align', '--manifest', put('work/zero-manifest.tsv', `set\t/dev/zero\t${good.fr()}\n`), '--out-dir', join(out, 'b')], code: 1 },
];

function corpusDir(name: string, manifest: string): string {
  const dir = join(root, 'corpora', `c-${name}`);
  mkdirSync(dir, { recursive: true });
  cpSync(good.it(), join(dir, 'it.txt'));
  cpSync(good.fr(), join(dir, 'fr.txt'));
  writeFileSync(join(dir, 'corpus.json'), manifest);
  return dir;
}

/** An import killed after writing its documents, before its alignment: the journal it leaves, its documents. */
function interruptedImport(out: string): string[] {
  const output = join(out, 'k.align.json');
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'k.it.txt'), 'half\n');
  writeFileSync(join(out, '.k.align.json.import-incomplete'), JSON.stringify({ output, files: [join(out, 'k.it.txt'), join(out, 'k.fr.txt'), output] }));
  return ['import', join(root, 'work', 'good.tsv'), '--from', 'tsv', '-o', output];
}

// --- the checks every row holds ---------------------------------------------------------

const STACK = /^\s+at .+:\d+:\d+\)?$/m;

function holds(run: Run, code: number, row: string, reportOn?: 'stdout'): void {
  expect({ row, code: run.code }).toEqual({ row, code });
  expect(run.stderr, row).not.toMatch(STACK);
  expect(run.stderr, row).not.toContain('unexpected error');
  expect(run.stderr, row).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
  if (code === 0 || (code === 1 && reportOn === 'stdout')) return;
  if (code === 1 && /align --(manifest|out-dir)/.test(row)) return; // a batch reports each failed set on its own line
  expect(run.stderr, row).toMatch(/^allinea: [^\n]+\n$/);
  expect(run.stderr.length, row).toBeLessThan(700);
}

interface RowOptions {
  reportOn?: 'stdout';
  tty?: boolean;
  stdin?: () => Buffer;
  then?: (run: Run, out: string) => void | Promise<void>;
  /** Files the row is meant to replace (an interrupted import's left-overs). */
  mayChange?: (path: string) => boolean;
}

async function row(name: string, args: (out: string) => string[], code: number, options: RowOptions = {}) {
  const out = join(root, 'out', nameOf(name));
  const argv = args(out);
  const before = snapshot();
  const run = await allinea(argv, root, { ...(options.tty ? { tty: true } : {}), ...(options.stdin ? { stdin: options.stdin() } : {}) });
  // BAD_INPUT_DUMP=1 prints every row's answer, to read the messages as a user would.
  if (process.env.BAD_INPUT_DUMP) process.stdout.write(`${run.code}  ${name}\n    ${run.stderr.trimEnd().replace(/\n/g, '\n    ')}\n`);
  holds(run, code, name, options.reportOn);
  const after = snapshot();
  for (const [path, state] of before) {
    if (options.mayChange?.(path)) continue;
    expect({ row: name, path, state: after.get(path) }).toEqual({ row: name, path, state });
  }
  if (code !== 0) {
    const created = [...after.keys()].filter((p) => !before.has(p));
    expect({ row: name, created }).toEqual({ row: name, created: [] });
  }
  await options.then?.(run, out);
}

beforeAll(async () => {
  fx = new Fixture();
  root = fx.root;
  writeFileSync(join(fx.big, 'line-50mb.txt'), Buffer.alloc(50 * 1024 * 1024, 'a'));
  put('docs/it.txt', IT);
  put('docs/fr.txt', FR);
  mkdirSync(join(root, 'work'), { recursive: true });
  put('docs/manifest.tsv', 'it.txt\tfr.txt\n');
  put('work/good.beads', '[0]:[0]\n[1]:[1]\n[2, 3]:[2]\n');
  put('work/it-fr.tsv', 'casa\tmaison\nguerra\tguerre\n');
  put('work/good.tsv', 'it\tfr\nCiao.\tSalut.\nGrazie.\tMerci.\n');
  // The committed seeds alignment: real confirmed groups over the seeds (copied with them).
  cpSync(SEEDS_DIR, join(root, 'seeds'), { recursive: true });
  mkdirSync(join(root, 'alignments'), { recursive: true });
  cpSync(join(SEEDS_DIR, '..', 'alignments', 'seeds.align.json'), good.alignment());
  expect((await allinea(['check', good.alignment()], root)).code).toBe(0);
  expect((await allinea(['export', good.alignment(), '--to', 'json', '--status', 'all', '-o', join(root, 'work', 'good-export.json')], root)).code).toBe(0);
  expect((await allinea(['export', good.alignment(), '--to', 'tmx', '--status', 'all', '-o', join(root, 'work', 'good.tmx')], root)).code).toBe(0);
}, 60_000);

afterAll(() => fx?.cleanup());

describe('bad input matrix: every file slot x every kind of file', () => {
  for (const slot of SLOTS) {
    it(slot.name, async () => {
      for (const kind of FILE_KINDS) {
        if (slot.skip?.includes(kind)) continue;
        const file = fileOfKind(kind, nameOf(slot.name));
        const code = slot.expect?.[kind] ?? 2;
        await row(`${slot.name} <- ${kind}`, (out) => [...slot.args(file, out), ...kindOptions(kind)], code, {
          ...(slot.reportOn ? { reportOn: slot.reportOn } : {}),
          ...(slot.tty ? { tty: true } : {}),
        });
      }
    });
  }
});

describe('bad input matrix: wrong content, odd text, outputs', () => {
  for (const c of CASES) {
    it(c.name, async () => {
      await row(c.name, c.args, c.code, {
        ...(c.reportOn ? { reportOn: c.reportOn } : {}),
        ...(c.tty ? { tty: true } : {}),
        ...(c.stdin ? { stdin: c.stdin } : {}),
        ...(c.then ? { then: c.then } : {}),
        ...(c.mayChange ? { mayChange: c.mayChange } : {}),
      });
    });
  }
});

describe('bad input matrix: outputs that cannot be written', () => {
  const targets: [string, (dir: string) => string[]][] = [
    ['align -o', (dir) => ['align', good.it(), good.fr(), '-o', join(dir, 'sub', 'a.align.json'), '--no-bundled-lexicons']],
    ['align - -o', (dir) => ['align', good.it(), '-', '-o', join(dir, 's.align.json'), '--no-bundled-lexicons']],
    ['align --out-dir', (dir) => ['align', '--manifest', join(root, 'docs', 'manifest.tsv'), '--out-dir', join(dir, 'batch')]],
    ['import -o', (dir) => ['import', join(root, 'work', 'good.tsv'), '--from', 'tsv', '-o', join(dir, 'i.align.json')]],
    ['export -o', (dir) => ['export', good.alignment(), '--to', 'tmx', '--status', 'all', '-o', join(dir, 'e.tmx')]],
    ['export moses -o', (dir) => ['export', good.alignment(), '--to', 'moses', '--status', 'all', '-o', join(dir, 'corpus')]],
    ['lexicon import -o', (dir) => ['lexicon', 'import', good.lexicon(), '-o', join(dir, 'l.tsv')]],
  ];
  it.skipIf(process.getuid?.() === 0 && !MOUNTS)('a read-only folder: one sentence, exit 2', async () => {
    const dir = readOnlyFolder('readonly')!;
    for (const [name, args] of targets) await row(`read-only: ${name}`, () => args(dir), 2, { stdin: () => Buffer.from(FR) });
  });
  it.skipIf(!MOUNTS)('a full disk (a 4 KiB tmpfs): one sentence, exit 2, nothing half-written left', async () => {
    const dir = mountTmpfs('full', 'size=4k');
    writeFileSync(join(dir, 'filler'), Buffer.alloc(4096, 'x'));
    // A batch goes on past a set it cannot write and ends with exit 1 and a line per failed set.
    for (const [name, args] of targets) await row(`full disk: ${name}`, () => args(dir), name === 'align --out-dir' ? 1 : 2, { stdin: () => Buffer.from(FR) });
    expect(filesUnder(dir)).toEqual([join(dir, 'filler')]);
  });
});

describe('bad input matrix: standard input of a real process', () => {
  // In-process rows feed a stream; these two run allinea as a shell pipeline would.
  const run = (args: string[], input: string) =>
    spawnSync(process.execPath, ['--import', pathToFileURL(join(REPO_ROOT, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href, join(REPO_ROOT, 'src', 'cli', 'main.ts'), ...args], { cwd: root, input, encoding: 'utf8', timeout: 60_000 });

  it('split - reads a pipe; /dev/stdin (a pipe, not a file) is refused with the way to read it', () => {
    const piped = run(['split', '-'], IT);
    expect([piped.status, piped.stderr]).toEqual([0, '']);
    expect(piped.stdout).toMatch(/^== standard input \(it, \d+ sentences\)\n/);
    const named = run(['split', '/dev/stdin'], IT);
    expect(named.status).toBe(2);
    expect(named.stderr).toMatch(/^allinea: Cannot read \/dev\/stdin: it is (a named pipe \(FIFO\)|a socket), not a regular file; to read standard input, give - as the file name\.\n$/);
  });
});

describe('bad input matrix: an import that stops half-way', () => {
  it('leaves a journal that the next run and check name, and the next import completes', async () => {
    // A document path that is a folder makes the second document's save fail after the first
    // was written: the same state as a kill between the two writes.
    const out = join(root, 'out', 'half-way');
    mkdirSync(join(out, 'h.fr.txt'), { recursive: true });
    const tsv = join(root, 'work', 'good.tsv');
    const stopped = await allinea(['import', tsv, '--from', 'tsv', '-o', join(out, 'h.align.json'), '--force'], root);
    expect(stopped.code).toBe(2);
    expect(stopped.stderr).toMatch(/^allinea: Cannot write [^\n]*h\.fr\.txt: it is a folder\.\n$/);
    expect(existsSync(join(out, 'h.align.json'))).toBe(false);
    expect(existsSync(join(out, '.h.align.json.import-incomplete'))).toBe(true);
    rmSync(join(out, 'h.fr.txt'), { recursive: true });
    const again = await allinea(['import', tsv, '--from', 'tsv', '-o', join(out, 'h.align.json')], root);
    expect(again.code).toBe(0);
    expect(again.stderr).toContain('was interrupted; its files');
    expect(existsSync(join(out, '.h.align.json.import-incomplete'))).toBe(false);
    expect((await allinea(['check', join(out, 'h.align.json')], root)).code).toBe(0);
  });

  it('check warns about an alignment whose import never finished', async () => {
    const out = join(root, 'out', 'half-way-check');
    mkdirSync(out, { recursive: true });
    const tsv = join(root, 'work', 'good.tsv');
    expect((await allinea(['import', tsv, '--from', 'tsv', '-o', join(out, 'c.align.json')], root)).code).toBe(0);
    writeFileSync(join(out, '.c.align.json.import-incomplete'), JSON.stringify({ output: join(out, 'c.align.json'), files: [] }));
    const checked = await allinea(['check', join(out, 'c.align.json')], root);
    expect(checked.stderr).toMatch(/^allinea: warning: an import into [^\n]*c\.align\.json was interrupted[^\n]*\n$/);
  });
});

describe('bad input matrix: random bytes in every file slot', () => {
  // Bytes and near-valid text (fragments of the real formats, cut and mixed): whatever comes,
  // an answer in one sentence with exit 0, 1 or 2, never an unexpected error.
  const FRAGMENTS = ['{"format":"allinea-alignment","version":1,', '"documents":[', '{"id":"a","path":"x"}', '<tmx version="1.4"><body><tu>', '<tuv xml:lang="it"><seg>', '</seg></tuv>', '</tu>', 'it\tfr\n', 'Ciao.\tSalut.\n', '"a,b",', '[0, 1]:[0]\n', '[-1]:[', '0\t0\t0.5\n', '\u001b[31m', '\uFEFF', '\r\n', '\u0000', ']}', '1e999', '{"format":"allinea-export","version":1,"groups":[{"members":[{"lang":"it","text":"x","sentences":[0]}]}]}'];
  const content = fc.oneof(
    fc.uint8Array({ maxLength: 300 }).map((b) => Buffer.from(b)),
    fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 12 }).map((parts) => Buffer.from(parts.join(''))),
  );
  const slots: [string, (f: string, out: string) => string[]][] = [
    ['split', (f) => ['split', f]],
    ['import tmx', (f, out) => ['import', f, '--from', 'tmx', '-o', join(out, 'r.align.json')]],
    ['import tsv', (f, out) => ['import', f, '--from', 'tsv', '-o', join(out, 'r.align.json')]],
    ['import csv', (f, out) => ['import', f, '--from', 'csv', '-o', join(out, 'r.align.json')]],
    ['import json', (f, out) => ['import', f, '--from', 'json', '-o', join(out, 'r.align.json')]],
    ['import jsonl', (f, out) => ['import', f, '--from', 'jsonl', '-o', join(out, 'r.align.json')]],
    ['import ladder', (f, out) => ['import', f, '--from', 'ladder', '--source', good.it(), '--target', good.fr(), '-o', join(out, 'r.align.json')]],
    ['eval --pred', (f) => ['eval', '--gold', good.beads(), '--pred', f]],
    ['check', (f) => ['check', f]],
    ['export', (f, out) => ['export', f, '--to', 'json', '-o', join(out, 'r.json')]],
    ['lexicon import', (f, out) => ['lexicon', 'import', f, '-o', join(out, 'r.tsv'), '--from', 'it', '--to', 'fr']],
  ];
  for (const [name, args] of slots) {
    it(name, async () => {
      let n = 0;
      await fc.assert(
        fc.asyncProperty(content, async (bytes) => {
          const file = put(`fuzz/${nameOf(name)}-${n}.txt`, bytes);
          const out = join(root, 'out', 'fuzz', `${nameOf(name)}-${n++}`);
          const run = await allinea(args(file, out), root);
          expect([0, 1, 2]).toContain(run.code);
          expect(run.stderr).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
          expect(run.stderr).not.toContain('unexpected error');
          expect(run.stderr).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
          if (run.code === 2) expect(run.stderr).toMatch(/^allinea: [^\n]+\n$/);
          if (run.code !== 0) expect(existsSync(out) ? filesUnder(out) : []).toEqual([]); // a failure leaves nothing
        }),
        { numRuns: 40 },
      );
    });
  }
});
