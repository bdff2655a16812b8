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

describe('allinea check --fix', () => {
  it('re-anchors a changed source, rewrites the file and then passes', async () => {
    const f = buildFixture();
    const source = join(f.dir, 'seeds', '001_80762caa75312a24.txt');
    writeFileSync(source, `Una frase nuova all'inizio.\n\n${readFile(source).replace('responsabile della morte', 'responsabile, secondo le stime, della morte')}`);
    const before = await cli(['check', '--format', 'json'], { cwd: f.dir });
    expect(before.code).toBe(1);
    const finding = JSON.parse(before.stdout).files[0].findings.find((x: { rule: string }) => x.rule === 'source-changed');
    expect(finding.message).toBe(
      'the text of document "it-001" (../seeds/001_80762caa75312a24.txt) changed since the file was written; re-anchoring would find all 1 grouped or bookmarked sentence again (0 exactly, 1 with a changed text) and re-attach sentence 1 of group g1 ("L’obiettivo è semplice: una chiamata alle armi (v…" now reads "L’obiettivo è semplice: una chiamata alle armi (v…") (allinea check --fix applies it)',
    );

    const fixed = await cli(['check', '--fix'], { cwd: f.dir });
    expect(fixed.code).toBe(0);
    expect(fixed.stdout).toContain('fixed: re-anchored "it-001": 0 sentences found exactly, 1 with a changed text');
    // The re-attachment to a changed text is listed with both texts and flagged for review.
    expect(fixed.stdout).toContain('changed: it-001 sentence 1 (group g1) is now sentence 2, whose text differs');
    expect(fixed.stdout).toContain('re-attached 1 grouped or bookmarked sentence of document "it-001" to a changed text');
    const text = readFile(f.file);
    const g1 = JSON.parse(text).groups[0];
    expect(g1.members[1].texts).toEqual(['L’obiettivo è semplice: una chiamata alle armi (virtuali), la dichiarazione di guerra contro l’Isis, responsabile, secondo le stime, della morte di 132 persone.']);

    const after = await cli(['check', '--format', 'json'], { cwd: f.dir });
    expect(after.code).toBe(0);
    expect(findingsOf('json', after.stdout)).toEqual([tollWarning(text)]);
  });

  it('applies a lossy re-anchoring only with --fix, lists what was lost and exits 1', async () => {
    const f = buildFixture();
    const source = join(f.dir, 'seeds', '000_8f095107cca91a8d.txt');
    const opening = 'Anche questa volta gli Anonymous di tutto il mondo si sono uniti per difendere la libertà e i diritti umani. ';
    editFile(source, opening, '');
    const check = await cli(['check'], { cwd: f.dir });
    expect(check.code).toBe(1);
    expect(check.stdout).toContain('lose sentence 0 of group g2 ("Anche questa volta gli Anonymous di tutto il mond…") and dissolve group g2');
    expect(readFile(f.file)).toContain('{"id": "g2"');

    const fixed = await cli(['check', '--fix'], { cwd: f.dir });
    expect(fixed.code).toBe(1);
    expect(fixed.stdout).toContain(`lost: it-000 sentence 0 (group g2): ${JSON.stringify(opening.trim())}`);
    expect(fixed.stdout).toContain('--fix re-anchored document "it-000" but could not find 1 of its grouped or bookmarked sentence again and dissolved group g2');
    expect(readFile(f.file)).not.toContain('{"id": "g2"');
    // The next run is clean again: the loss was reported once, by the run that made it.
    expect((await cli(['check'], { cwd: f.dir })).code).toBe(0);
  });

  it('never touches a file that does not parse', async () => {
    const f = buildFixture();
    editFile(f.file, '"version": 2,', '"version": 2');
    editFile(join(f.dir, 'seeds', '001_80762caa75312a24.txt'), 'responsabile della morte', 'responsabile della strage');
    const before = readFile(f.file);
    const result = await cli(['check', '--fix'], { cwd: f.dir });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('parse-error');
    expect(readFile(f.file)).toBe(before);
  });
});

describe('allinea check: options', () => {
  it('--max-warnings fails a run with more warnings than allowed', async () => {
    const f = buildFixture();
    expect((await cli(['check', '--max-warnings', '1'], { cwd: f.dir })).code).toBe(0);
    const strict = await cli(['check', '--max-warnings', '0'], { cwd: f.dir });
    expect(strict.code).toBe(1);
    expect(strict.stdout).toContain('✖ more than 0 warnings (--max-warnings)');
    const github = await cli(['check', '--max-warnings', '0', '--format', 'github'], { cwd: f.dir });
    expect(github.stdout.trim().split('\n').at(-1)).toBe('allinea check: 0 errors and 1 warning in 1 of 1 file; more than 0 warnings (--max-warnings)');
  });

  it('--shard I/N deals the sorted files round-robin, each to exactly one shard', async () => {
    const f = buildFixture();
    for (const name of ['b', 'c', 'd']) cpSync(f.file, join(f.dir, 'alignments', `${name}.align.json`));
    mkdirSync(join(f.dir, 'alignments', 'nested'));
    cpSync(f.file, join(f.dir, 'alignments', 'nested', 'e.align.json'));
    writeFileSync(join(f.dir, 'alignments', 'notes.json'), '{}');
    const filesOf = async (args: string[]) => JSON.parse((await cli(['check', ...args, '--format', 'json'], { cwd: f.dir })).stdout).files.map((x: { file: string }) => x.file);
    expect(await filesOf([])).toEqual(['alignments/b.align.json', 'alignments/c.align.json', 'alignments/d.align.json', 'alignments/nested/e.align.json', 'alignments/seeds.align.json']);
    expect(await filesOf(['--shard', '1/2'])).toEqual(['alignments/b.align.json', 'alignments/d.align.json', 'alignments/seeds.align.json']);
    expect(await filesOf(['--shard', '2/2'])).toEqual(['alignments/c.align.json', 'alignments/nested/e.align.json']);
    expect(await filesOf(['alignments/**/e.align.json', 'alignments/[bc].align.json'])).toEqual(['alignments/b.align.json', 'alignments/c.align.json', 'alignments/nested/e.align.json']);
    expect(await filesOf(['alignments/seeds.align.json', 'alignments/*.align.json', '--shard', '3/3'])).toEqual(['alignments/d.align.json']);
  });

  it('usage, config and I/O problems exit 2 with one sentence', async () => {
    const f = buildFixture();
    const run = (args: string[]) => cli(['check', ...args], { cwd: f.dir });
    const cases: [string[], string][] = [
      [['--shard', '3/2'], "allinea: option '--shard <i/n>' argument '3/2' is invalid. it must look like 2/3: this run's shard, from 1, and the number of shards.\n"],
      [['--max-warnings', 'many'], "allinea: option '--max-warnings <n>' argument 'many' is invalid. it must be a whole number, 0 or more.\n"],
      [['nowhere/'], 'allinea: Cannot check nowhere/: it does not exist.\n'],
      [['seeds'], 'allinea: There are no .align.json files in seeds.\n'],
      [['alignments/**/*.tmx'], 'allinea: No files match alignments/**/*.tmx.\n'],
      [['--config', 'missing.json'], `allinea: Cannot read ${join(f.dir, 'missing.json')}: it does not exist.\n`],
    ];
    for (const [args, stderr] of cases) {
      const result = await run(args);
      expect({ args, code: result.code, stderr: result.stderr.replace(/ \(run with --help for usage\)\n$/, '\n') }).toEqual({ args, code: 2, stderr });
    }
    const format = await run(['--format', 'xml']);
    expect(format.code).toBe(2);
    expect(format.stderr).toContain("argument 'xml' is invalid. Allowed choices are pretty, json, github, junit, sarif.");
    const empty = await cli(['check'], { cwd: join(f.dir, 'seeds') });
    expect([empty.code, empty.stderr]).toEqual([2, `allinea: Nothing to check in ${join(f.dir, 'seeds')}: there is no alignments/ folder and no *.align.json file here; name the files or folders to check, e.g. allinea check seeds.align.json.\n`]);
  });

  it('reads allinea.config.json from the working folder or above, or --config', async () => {
    const f = buildFixture();
    writeFileSync(join(f.dir, 'allinea.config.json'), JSON.stringify({ rules: { 'number-mismatch': 'off' } }));
    const quiet = await cli(['check', '--format', 'json'], { cwd: f.dir });
    expect([quiet.code, findingsOf('json', quiet.stdout)]).toEqual([0, []]);
    const fromBelow = await cli(['check', '../alignments', '--format', 'json'], { cwd: join(f.dir, 'seeds') });
    expect(findingsOf('json', fromBelow.stdout)).toEqual([]);

    writeFileSync(join(f.dir, 'strict.json'), JSON.stringify({ rules: { 'number-mismatch': 'error' } }));
    const strict = await cli(['check', '--config', 'strict.json', '--format', 'json'], { cwd: f.dir });
    expect([strict.code, findingsOf('json', strict.stdout)]).toEqual([1, [['number-mismatch', 'error', ...Object.values(inLine(readFile(f.file), '{"id": "g1"', '{"id"'))]]]);

    writeFileSync(join(f.dir, 'allinea.config.json'), JSON.stringify({ rules: { 'number-mismatch': 'warning' } }));
    const bad = await cli(['check'], { cwd: f.dir });
    expect([bad.code, bad.stderr]).toEqual([2, 'allinea: allinea.config.json: rules.number-mismatch: must be "off", "warn", "error" or ["warn", { options }].\n']);
    writeFileSync(join(f.dir, 'allinea.config.json'), '{ rules: }');
    const syntax = await cli(['check'], { cwd: f.dir });
    expect(syntax.code).toBe(2);
    expect(syntax.stderr).toMatch(/^allinea: .*allinea\.config\.json is not valid JSON: .+\.\n$/);
  });
});

describe('allinea check: reporters', () => {
  it('pretty uses colour only on a terminal without NO_COLOR', async () => {
    const f = buildFixture();
    const tty = await cli(['check'], { cwd: f.dir, tty: true, env: { NO_COLOR: '' } });
    expect(tty.stdout).toContain('\u001b[33mwarning\u001b[0m');
    const noColor = await cli(['check'], { cwd: f.dir, tty: true, env: { NO_COLOR: '1' } });
    const piped = await cli(['check'], { cwd: f.dir, tty: false, env: { NO_COLOR: '' } });
    for (const out of [noColor.stdout, piped.stdout]) {
      expect(out).not.toContain('\u001b');
      expect(out).toBe(
        `alignments/seeds.align.json\n  ${inLine(readFile(f.file), '{"id": "g1"', '{').line}:5  warning  group "g1": numbers differ: 129 in it-000 but not in it-001; 132 in it-001 but not in it-000  number-mismatch\n\n⚠ 1 problem (0 errors and 1 warning) in 1 of 1 file\n`,
      );
    }
  });

  it('github escapes file names and messages and ends with a summary line', async () => {
    const f = buildFixture();
    const odd = join(f.dir, 'alignments', 'a,b:c%.align.json');
    cpSync(f.file, odd);
    editFile(odd, '{"id": "g3"', '{"id": "g2"');
    const result = await cli(['check', '--format', 'github'], { cwd: f.dir });
    const line = inLine(readFile(odd), '{"id": "g1"', '{').line;
    expect(result.stdout.split('\n')).toEqual([
      `::warning file=alignments/a%2Cb%3Ac%25.align.json,line=${line},col=5,title=number-mismatch::group "g1": numbers differ: 129 in it-000 but not in it-001; 132 in it-001 but not in it-000`,
      `::error file=alignments/a%2Cb%3Ac%25.align.json,line=${line + 2},col=6,title=duplicate-group-id::group id "g2" is used twice`,
      `::warning file=alignments/seeds.align.json,line=${line},col=5,title=number-mismatch::group "g1": numbers differ: 129 in it-000 but not in it-001; 132 in it-001 but not in it-000`,
      'allinea check: 1 error and 2 warnings in 2 of 2 files',
      '',
    ]);
  });

  it('junit has one testcase per file, a failure for files with errors, and is valid XML', async () => {
    const f = buildFixture();
    const broken = join(f.dir, 'alignments', 'broken <&>.align.json');
    writeFileSync(broken, readFile(f.file).slice(0, 500));
    const result = await cli(['check', '--format', 'junit'], { cwd: f.dir });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites name="allinea check" tests="2" failures="1" errors="0" time="0">/);
    expect(result.stdout).toContain('<testcase classname="allinea.check" name="alignments/broken &lt;&amp;&gt;.align.json" time="0">');
    expect(result.stdout).toContain('<failure type="error" message="1 error and 0 warnings">alignments/broken &lt;&amp;&gt;.align.json:');
    expect(result.stdout).toContain('<system-out>alignments/seeds.align.json:');
    expect(findingsOf('junit', result.stdout).map((x) => x[0])).toEqual(['parse-error', 'number-mismatch']);
  });

  it('sarif 2.1.0 has the required structure: tool.driver.rules and located results', async () => {
    const f = buildFixture();
    editFile(f.file, '{"id": "g3"', '{"id": "g2"');
    const result = await cli(['check', '--format', 'sarif'], { cwd: f.dir });
    const log = JSON.parse(result.stdout);
    expect(log.version).toBe('2.1.0');
    expect(log.$schema).toBe('https://json.schemastore.org/sarif-2.1.0.json');
    expect(log.runs).toHaveLength(1);
    const run = log.runs[0];
    expect(run.tool.driver.name).toBe('allinea');
    const ids = run.tool.driver.rules.map((r: { id: string }) => r.id);
    expect(ids).toContain('duplicate-group-id');
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of run.tool.driver.rules) {
      expect(rule.shortDescription.text.length).toBeGreaterThan(0);
      expect(['error', 'warning', 'note', 'none']).toContain(rule.defaultConfiguration.level);
    }
    expect(run.results).toHaveLength(2);
    for (const r of run.results) {
      expect(ids[r.ruleIndex]).toBe(r.ruleId);
      expect(['error', 'warning']).toContain(r.level);
      expect(r.message.text.length).toBeGreaterThan(0);
      const location = r.locations[0].physicalLocation;
      expect(location.artifactLocation).toEqual({ uri: 'alignments/seeds.align.json', uriBaseId: '%SRCROOT%' });
      expect(Number.isInteger(location.region.startLine) && location.region.startLine >= 1).toBe(true);
      expect(Number.isInteger(location.region.startColumn) && location.region.startColumn >= 1).toBe(true);
    }
  });
});

describe('allinea check: start-up', () => {
  /**
   * Every module the check command can load: the static imports of check.ts and of the modules
   * its action imports dynamically, followed transitively (other commands' lazy imports, which
   * only their own actions run, are not followed).
   */
  function importGraph(entry: string): Set<string> {
    const seen = new Set<string>();
    const edges = (file: string, dynamic: boolean) => {
      const source = readFileSync(file, 'utf8').replace(/^\s*import type .*$/gm, '');
      const pattern = dynamic ? /(?:^import [^;]*? from |^export [^;]*? from |import\()\s*'([^']+)'/gm : /(?:^import [^;]*? from |^export [^;]*? from |^import )\s*'([^']+)'/gm;
      return [...source.matchAll(pattern)].map((m) => m[1]!);
    };
    const visit = (file: string, dynamic = false) => {
      if (seen.has(file)) return;
      seen.add(file);
      for (const spec of edges(file, dynamic)) {
        if (spec.startsWith('.')) visit(join(file, '..', spec).replace(/\.js$/, '.ts'));
        else seen.add(spec);
      }
    };
    visit(entry, true);
    return seen;
  }

  it('does not load ink, react, i18next or the aligner', () => {
    const graph = [...importGraph(join(REPO_ROOT, 'src', 'cli', 'commands', 'check.ts'))];
    expect(graph.length).toBeGreaterThan(10);
    expect(graph.filter((m) => /^(ink|react|i18next|react-i18next)(\/|$)/.test(m))).toEqual([]);
    expect(graph.filter((m) => m.includes('/src/tui/') || (m.includes('/src/core/align/') && !m.endsWith('text-signals.ts')))).toEqual([]);
  });

  it('runs as a real process: a broken file fails with an annotation at the right line', () => {
    const f = buildFixture();
    editFile(f.file, '{"id": "g3"', '{"id": "g2"');
    const { GITHUB_STEP_SUMMARY: _notOurs, ...env } = process.env; // when CI runs the tests, keep its job summary clean
    const child = spawnSync(process.execPath, [join(REPO_ROOT, 'bin', 'allinea.js'), 'check', '--format', 'github'], { cwd: f.dir, encoding: 'utf8', env });
    expect(child.status).toBe(1);
    const line = inLine(readFile(f.file), '{"id": "g2"', '{').line + 1;
    expect(child.stdout).toContain(`::error file=alignments/seeds.align.json,line=${line},col=6,title=duplicate-group-id::group id "g2" is used twice\n`);
  });
});

describe('allinea check: recorded texts', () => {
  it('reports member texts that no longer match the source (same hash) and --fix rewrites them', async () => {
    const f = buildFixture();
    editFile(f.file, '"Molti membri dell\'Isis,', '"Molti dei membri dell\'Isis,');
    const text = readFile(f.file);
    const result = await cli(['check', '--format', 'json'], { cwd: f.dir });
    expect(result.code).toBe(1);
    const findings = JSON.parse(result.stdout).files[0].findings;
    expect(findings.map((x: { rule: string; line: number; column: number; message: string }) => [x.rule, x.line, x.column, x.message.split(';')[0]])).toEqual([
      ['number-mismatch', ...Object.values(inLine(text, '{"id": "g1"', '{"id"')), 'group "g1": numbers differ: 129 in it-000 but not in it-001'],
      ['source-changed', ...Object.values(inLine(text, '{"id": "g3"', '"Molti dei')), '1 sentence text recorded for document "it-000" no longer matches its source (first in group g3)'],
    ]);
    expect(findings[1].message).toContain('re-anchoring would find all 3 grouped or bookmarked sentences again (2 exactly, 1 with a changed text)');

    expect((await cli(['check', '--fix'], { cwd: f.dir })).code).toBe(0);
    expect(readFile(f.file)).toContain('"Molti membri dell\'Isis,');
    expect((await cli(['check'], { cwd: f.dir })).code).toBe(0);
  });
});

describe('allinea check: GitHub step summary', () => {
  it('appends totals, files and findings to $GITHUB_STEP_SUMMARY with --format github', async () => {
    const f = buildFixture();
    editFile(f.file, '{"id": "g3"', '{"id": "g2"');
    const summaryFile = join(f.dir, 'summary.md');
    writeFileSync(summaryFile, '# earlier step\n');
    const result = await cli(['check', '--format', 'github'], { cwd: f.dir, env: { GITHUB_STEP_SUMMARY: summaryFile } });
    expect(result.code).toBe(1);
    const text = readFile(f.file);
    const g1 = inLine(text, '{"id": "g1"', '{').line;
    expect(readFile(summaryFile)).toBe(
      [
        '# earlier step',
        '### allinea check',
        '',
        '❌ 1 error and 1 warning in 1 of 1 file.',
        '',
        '| file | errors | warnings |',
        '|---|---:|---:|',
        '| alignments/seeds.align.json | 1 | 1 |',
        '',
        '| place | severity | rule | message |',
        '|---|---|---|---|',
        `| alignments/seeds.align.json:${g1}:5 | warning | number-mismatch | group "g1": numbers differ: 129 in it-000 but not in it-001; 132 in it-001 but not in it-000 |`,
        `| alignments/seeds.align.json:${g1 + 2}:6 | error | duplicate-group-id | group id "g2" is used twice |`,
        '',
      ].join('\n'),
    );
    // Other formats leave it alone; an unwritable summary is a note on stderr, not a failure.
    await cli(['check', '--format', 'json'], { cwd: f.dir, env: { GITHUB_STEP_SUMMARY: summaryFile } });
    expect(readFile(summaryFile).match(/### allinea check/g)).toHaveLength(1);
    const unwritable = await cli(['check', '--format', 'github'], { cwd: f.dir, env: { GITHUB_STEP_SUMMARY: join(f.dir, 'no', 'such', 'summary.md') } });
    expect([unwritable.code, unwritable.stderr]).toEqual([1, `allinea: Cannot write ${join(f.dir, 'no', 'such', 'summary.md')}: it does not exist; the step summary was skipped.\n`]);
  });
});
