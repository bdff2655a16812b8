/**
 * One shape at one size, in its own process (so that its memory is its own): writes the
 * shape's files, runs the stages asked for and prints one JSON line of figures.
 * Usage: node --import tsx bench/shapes-worker.ts <dir> <shape> <bytes> <stage,...>
 * Stages: segment, split (the CLI in a child process), load, workbench, parallel, comparable,
 * check, import, export (check and export read the parallel stage's alignment).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { SHAPES, sourceBytes, tmxOf } from './shape-inputs.js';

export interface StageFigure {
  /** Wall time, ms. */
  readonly ms: number;
  /** CPU time (user + system), ms. */
  readonly cpuMs: number;
  /** Input bytes the MiB/s figure is per. */
  readonly bytes: number;
  /** Peak RSS of the process measured (split: the CLI's own), MiB. */
  readonly rssMiB?: number;
  readonly note?: string;
}

const ROOT = fileURLToPath(new URL('..', import.meta.url));

async function measure(bytes: number, work: () => unknown | Promise<unknown>): Promise<StageFigure> {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const note = await work();
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  return { ms, cpuMs: (cpu.user + cpu.system) / 1000, bytes, ...(typeof note === 'string' ? { note } : {}) };
}

function nullStreams(cwd: string) {
  let err = '';
  return {
    streams: {
      stdout: { write: () => true, isTTY: false },
      stderr: { write: (s: string) => ((err += s), true), isTTY: false },
      stdin: Readable.from([]) as Readable & { isTTY?: boolean },
      cwd,
      env: { NO_COLOR: '1' },
    },
    stderr: () => err,
  };
}

async function cli(args: string[], cwd: string): Promise<void> {
  const { runCli } = await import('../src/cli/program.js');
  const { streams, stderr } = nullStreams(cwd);
  const code = await runCli(args, streams);
  if (code !== 0) throw new Error(`allinea ${args.join(' ')} exited ${code}: ${stderr().slice(0, 300)}`);
}

/**
 * `allinea ARGS` as a user runs it: the bundle in its own process, timed by /usr/bin/time (CPU
 * of the whole process, start-up included). Output goes to `out` when given.
 */
function bundleRun(allineaArgs: readonly string[], bytes: number, out?: string): StageFigure {
  const args = ['-f', '%e %U %S %M', process.execPath, join(ROOT, 'bin', 'allinea.js'), ...allineaArgs];
  const res = spawnSync('/usr/bin/time', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 30, env: { ...process.env, NO_COLOR: '1' } });
  if (res.error) throw new Error(`allinea ${allineaArgs[0]} could not start: ${res.error.message}`);
  if (out) writeFileSync(out, res.stdout ?? '');
  if (res.status !== 0) throw new Error(`allinea ${allineaArgs[0]} failed: ${res.stderr.slice(0, 300)}`);
  const [e, u, sys, m] = res.stderr.trim().split('\n').at(-1)!.split(' ').map(Number);
  return { ms: e! * 1000, cpuMs: (u! + sys!) * 1000, bytes, rssMiB: m! / 1024 };
}

async function main(): Promise<void> {
  const [dir, shapeName, bytesArg, stagesArg] = process.argv.slice(2);
  const shape = SHAPES.find((s) => s.name === shapeName);
  if (!dir || !shape || !bytesArg || !stagesArg) throw new Error('usage: shapes-worker <dir> <shape> <bytes> <stages>');
  const input = shape.make(Number(bytesArg));
  const docsDir = join(dir, 'docs');
  mkdirSync(docsDir, { recursive: true });
  for (const f of input.files) writeFileSync(join(docsDir, f.name), f.text);
  const srcBytes = sourceBytes(input);
  const allBytes = input.files.reduce((n, f) => n + Buffer.byteLength(f.text), 0);
  const tiny = input.files.length > 2;
  const sources = input.files.filter((_, i) => i % 2 === 0);
  const figures: Record<string, StageFigure> = {};
  const parallelOut = join(dir, tiny ? 'parallel' : 'parallel.align.json');

  for (const stage of stagesArg.split(',')) {
    if (stage === 'segment') {
      const { segment } = await import('../src/core/text/segment.js');
      segment(sources[0]!.text.slice(0, 20_000), shape.lang[0]); // warm-up
      // Best of five: the machine is shared, and a run can be as short as 50 ms.
      const runs = [];
      for (let r = 0; r < 5; r++) runs.push(await measure(srcBytes, () => sources.reduce((n, f) => n + segment(f.text, shape.lang[0]).length, 0) && undefined));
      figures[stage] = runs.reduce((a, b) => (b.ms < a.ms ? b : a));
    } else if (stage === 'split') {
      // As a user runs it: the installed command in its own process, output to a file.
      // Tens of thousands of tiny files do not fit on a command line (E2BIG): they are given as
      // a folder holding the source side, as a user would give them.
      let inputs = sources.map((f) => join(docsDir, f.name));
      if (tiny) {
        const sourceDir = join(dir, 'sources');
        mkdirSync(sourceDir, { recursive: true });
        for (const f of sources) writeFileSync(join(sourceDir, f.name), f.text);
        inputs = [sourceDir];
      }
      const out = join(dir, 'split.out');
      const runs: StageFigure[] = [];
      for (let r = 0; r < 2; r++) runs.push(bundleRun(['split', '-f', 'lines', '-l', shape.lang[0], ...inputs], srcBytes, out));
      figures[stage] = runs.reduce((a, b) => (b.ms < a.ms ? b : a));
    } else if (stage === 'load') {
      const { loadCorpus } = await import('../src/io/corpus.js');
      // Best of two, as for segmentation: the files were written a moment ago and the machine is shared.
      const runs = [];
      for (let r = 0; r < 2; r++) runs.push(await measure(allBytes, () => void loadCorpus([docsDir], { cwd: dir })));
      figures[stage] = runs.reduce((a, b) => (b.cpuMs! < a.cpuMs! ? b : a));
    } else if (stage === 'workbench') {
      figures[stage] = await measure(allBytes, () => firstFrame(docsDir, join(dir, 'view.align.json'), dir));
    } else if (stage === 'parallel' || stage === 'comparable') {
      const out = stage === 'parallel' ? parallelOut : join(dir, tiny ? 'comparable' : 'comparable.align.json');
      let args = ['align', docsDir, '--mode', stage, '-o', out];
      if (tiny) {
        // Many small pairs: the batch mode (one job).
        const lines: string[] = [];
        for (let i = 0; i < input.files.length; i += 2) lines.push(`docs/${input.files[i]!.name}\tdocs/${input.files[i + 1]!.name}`);
        writeFileSync(join(dir, 'manifest.tsv'), `${lines.join('\n')}\n`);
        // Each pair's languages, as a manifest user gives them (too short to detect reliably).
        // Through the bundle, as a user runs it: in this worker the sources run under tsx, whose
        // loader hooks answer each of the many dynamic imports of thousands of sets (most of the
        // time there: 17.6 s against 4.7 s for 1,786 pairs).
        args = ['align', '--manifest', join(dir, 'manifest.tsv'), '--out-dir', out, '--mode', stage, '--lang', shape.lang.join(',')];
        figures[stage] = bundleRun(args, allBytes);
        continue;
      }
      figures[stage] = await measure(allBytes, () => cli(args, dir));
    } else if (stage === 'check') {
      figures[stage] = await measure(allBytes, () => cli(['check', parallelOut, '--format', 'json'], dir));
    } else if (stage === 'export') {
      // Batch output is named after the manifest's first file ("000000.en.txt" -> "000000.en").
      const file = tiny ? join(parallelOut, `${input.files[0]!.name.replace(/\.txt$/, '')}.align.json`) : parallelOut;
      figures[stage] = await measure(tiny ? 0 : allBytes, () => cli(['export', file, '--to', 'tmx', '-s', 'all', '-o', join(dir, 'export.tmx')], dir));
      if (tiny) figures[stage] = { ...figures[stage]!, note: 'one small pair' };
    } else if (stage === 'import') {
      const tmx = join(dir, 'units.tmx');
      const text = tmxOf(input, shape.lang);
      writeFileSync(tmx, text);
      figures[stage] = await measure(Buffer.byteLength(text), () => cli(['import', tmx, '--from', 'tmx', '-o', join(dir, 'imported', 'units.align.json')], dir));
    } else {
      throw new Error(`unknown stage ${stage}`);
    }
  }
  process.stdout.write(`${JSON.stringify({ figures, rssMiB: process.resourceUsage().maxRSS / 1024, sentences: input.pairs.length, files: input.files.length })}\n`);
}

/** `allinea view` on the folder until its first frame is written (the view command's path, in this process). */
async function firstFrame(corpus: string, alignmentPath: string, cwd: string): Promise<string> {
  process.env.CI = 'false';
  process.env.NODE_ENV ??= 'production';
  const { FakeStdout, FakeStdin } = await import('./workbench.bench.js');
  const React = await import('react');
  const { render } = await import('ink');
  const { I18nextProvider } = await import('react-i18next');
  const { createI18n } = await import('../src/i18n/index.js');
  const { createEditorState } = await import('../src/core/session/reducer.js');
  const { App } = await import('../src/tui/app.js');
  const { RENDER_OPTIONS } = await import('../src/tui/run.js');
  const { anchoredStdout } = await import('../src/tui/anchored-stdout.js');
  const { installInkRowCache } = await import('../src/tui/ink-row-cache.js');
  const { openWorkspace } = await import('../src/io/workspace.js');
  const { segment } = await import('../src/core/text/segment.js');
  await installInkRowCache();
  const workspace = openWorkspace({ corpus: [corpus], alignmentPath, cwd, segment });
  const initial = createEditorState({ alignment: workspace.alignment, saved: workspace.alignment, texts: workspace.texts, fileName: 'view.align.json', size: { columns: 160, rows: 40 }, colors: true });
  const services = {
    save: async () => {},
    writeRecovery: async () => {},
    removeRecovery: async () => {},
    runAligner: async () => ({ mode: 'comparable' as const, suggestions: [] }),
  };
  const stdout = new FakeStdout();
  const stdin = new FakeStdin();
  const framed = new Promise<void>((resolve) => {
    stdout.onWrite = () => {
      stdout.onWrite = undefined;
      resolve();
    };
  });
  const instance = render(
    React.createElement(I18nextProvider, { i18n: createI18n('en') }, React.createElement(App, { initial, services } as never)),
    { stdout: anchoredStdout(stdout as unknown as NodeJS.WriteStream), stdin: stdin as unknown as NodeJS.ReadStream, ...RENDER_OPTIONS },
  );
  await framed;
  instance.unmount();
  return `${workspace.alignment.documents.length} documents`;
}

/** Comparable mode on two generated documents of `n` sentences (bench/shape-inputs.ts comparablePair). */
async function comparableScale(n: number): Promise<void> {
  const { comparablePair } = await import('./shape-inputs.js');
  const { align } = await import('../src/core/align/index.js');
  const { presplitDocument } = await import('../src/core/align/presplit.js');
  const { source, target, restated } = comparablePair(n);
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const result = align([presplitDocument('a', 'en', source), presplitDocument('b', 'en', target)], { mode: 'comparable' });
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(c0);
  let correct = 0;
  for (const s of result.suggestions) {
    const a = s.members.find((m) => m.doc === 'a');
    const b = s.members.find((m) => m.doc === 'b');
    if (a && b && b.sentences.some((j) => a.sentences.includes(restated.get(j) ?? -1))) correct++;
  }
  process.stdout.write(
    `${JSON.stringify({ n, ms, cpuMs: (cpu.user + cpu.system) / 1000, rssMiB: process.resourceUsage().maxRSS / 1024, suggestions: result.suggestions.length, precision: correct / Math.max(1, result.suggestions.length), recall: correct / restated.size })}\n`,
  );
}

if (process.argv[2] === '--comparable-scale') {
  comparableScale(Number(process.argv[3])).catch((error: unknown) => {
    process.stdout.write(`${JSON.stringify({ error: error instanceof Error ? error.message : String(error) })}\n`);
    process.exitCode = 1;
  });
} else main().catch((error: unknown) => {
  process.stdout.write(`${JSON.stringify({ error: error instanceof Error ? error.message : String(error) })}\n`);
  process.exitCode = 1;
});
