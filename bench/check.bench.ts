/**
 * `npm run bench -- check`: how fast `allinea check` is.
 * - Throughput: a generated alignment of 2 documents × 200,000 sentences (Italian and English
 *   sentences from the seeds, with varied numbers, hashtags and quotes) and 100,000 groups,
 *   checked end to end (read, parse, schema, invariants, sources, quality rules, report):
 *   groups checked per second (target ≥ 50,000/s), with the time of each phase.
 * - Cold start: `node bin/allinea.js check` on a seeds-sized alignment, as CI runs it.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultRules } from '../src/core/check/config.js';
import { checkFile } from '../src/core/check/check-file.js';
import { checkQuality } from '../src/core/check/quality.js';
import { parseAlignment } from '../src/core/model/parse.js';
import { serializeAlignment } from '../src/core/model/serialize.js';
import type { Alignment, Group, Span } from '../src/core/model/types.js';
import { readCheckSources } from '../src/io/check-files.js';
import { sha256 } from '../src/io/hash.js';
import { runCli } from '../src/cli/program.js';
import { Readable } from 'node:stream';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const SENTENCES = 200_000;
const GROUPS = 100_000;

function seedSentences(file: string): string[] {
  return readFileSync(join(ROOT, 'seeds', file), 'utf8')
    .split(/(?<=[.!?»”])\s+|\n+/)
    .map((s) => s.trim().replace(/\s*\d[\d.,]*\s*/g, ' ').replace(/[#@]\w+/g, '').replace(/[«»“”"'‘’()[\]{}]/g, ''))
    .filter((s) => s.length > 20);
}

/**
 * Translation-like pairs: Italian and English seed sentences paired by length (the seeds are
 * comparable, not parallel), so the quality rules see what a real parallel file gives them:
 * mostly clean groups, a few warnings.
 */
function sentencePairs(): { it: string; en: string }[] {
  const byLength = (a: string, b: string) => a.length - b.length;
  const it = seedSentences('000_8f095107cca91a8d.txt').concat(seedSentences('001_80762caa75312a24.txt')).sort(byLength);
  const en = seedSentences('002_d4f6eed8031313f2.txt').concat(seedSentences('004_488846f04755260f.txt')).sort(byLength);
  const n = Math.min(it.length, en.length);
  return Array.from({ length: n }, (_, i) => ({ it: it[Math.floor((i * it.length) / n)]!, en: en[Math.floor((i * en.length) / n)]! }));
}

/** A document of `n` sentences; every third carries a number and a hashtag, every fifth a quotation. */
function makeDocument(pick: (i: number) => string, n: number, variant: (i: number) => string, quote: [string, string]): { text: string; spans: Span[] } {
  const parts: string[] = [];
  const spans: Span[] = [];
  let offset = 0;
  for (let i = 0; i < n; i++) {
    let sentence = pick(i);
    if (i % 3 === 0) sentence = `${sentence.replace(/[.!?]$/, '')} ${variant(i)}.`;
    if (i % 5 === 0) sentence = `${quote[0]}${sentence}${quote[1]}`;
    parts.push(sentence);
    spans.push([offset, offset + sentence.length]);
    offset += sentence.length + 1;
  }
  return { text: parts.join(' '), spans };
}

/** Writes the two texts and the alignment file under `dir`; exported for profiling. */
export function generate(dir: string): { file: string; bytes: number } {
  mkdirSync(join(dir, 'alignments'), { recursive: true });
  const pairs = sentencePairs();
  // Every 50th pair disagrees on its number, as a real file might.
  const it = makeDocument((i) => pairs[i % pairs.length]!.it, SENTENCES, (i) => `(${((i * 7) % 10_000).toLocaleString('it')} persone, #OpParis)`, ['«', '»']);
  const en = makeDocument((i) => pairs[i % pairs.length]!.en, SENTENCES, (i) => `(${((i * 7 + (i % 50 === 0 ? 1 : 0)) % 10_000).toLocaleString('en')} people, #OpParis)`, ['“', '”']);
  writeFileSync(join(dir, 'it.txt'), it.text);
  writeFileSync(join(dir, 'en.txt'), en.text);
  const groups: Group[] = [];
  for (let g = 0; g < GROUPS; g++) {
    const s = g * 2;
    groups.push({ id: `g${g + 1}`, status: g % 10 === 0 ? 'suggested' : 'confirmed', origin: 'auto', score: 0.9, members: [{ doc: 'it', sentences: [s] }, { doc: 'en', sentences: [s] }] });
  }
  const alignment: Alignment = {
    format: 'allinea-alignment',
    version: 1,
    documents: [
      { id: 'it', path: '../it.txt', lang: 'it', sha256: sha256(it.text), sentences: it.spans },
      { id: 'en', path: '../en.txt', lang: 'en', sha256: sha256(en.text), sentences: en.spans },
    ],
    groups,
    overrides: [],
    bookmarks: [],
  };
  const file = join(dir, 'alignments', 'large.align.json');
  const text = serializeAlignment(alignment, new Map([['it', it.text], ['en', en.text]]));
  writeFileSync(file, text);
  return { file, bytes: Buffer.byteLength(text) };
}

/** The seeds with a few groups, like the committed alignment, for the cold-start figure. */
async function seedsSizedAlignment(dir: string): Promise<string> {
  const { segment } = await import('../src/core/text/segment.js');
  const { createAlignment } = await import('../src/core/model/create.js');
  const { link } = await import('../src/core/model/operations.js');
  const { writeAlignmentFile } = await import('../src/io/alignment-file.js');
  const manifest = JSON.parse(readFileSync(join(ROOT, 'seeds', 'corpus.json'), 'utf8')) as { documents: { id: string; file: string; lang: string }[] };
  mkdirSync(join(dir, 'alignments'), { recursive: true });
  const docs = manifest.documents.map((d) => {
    const text = readFileSync(join(ROOT, 'seeds', d.file), 'utf8');
    return { id: d.id, path: join(ROOT, 'seeds', d.file), lang: d.lang, text, sha256: sha256(text) };
  });
  let alignment = createAlignment(docs, segment);
  for (let s = 0; s < 5; s++) alignment = link(alignment, [{ doc: 'it-000', sentence: s }, { doc: 'en-002', sentence: s }]).alignment;
  const file = join(dir, 'alignments', 'seeds.align.json');
  writeAlignmentFile(file, alignment, new Map(docs.map((d) => [d.id, d.text])));
  return file;
}

/** CPU time (user + system) of the waited-for child processes so far, from /proc (Linux only). */
function childrenCpuMs(): number | undefined {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8').replace(/^.*\) /, '').split(' ');
    // After "pid (comm) ", field 3 is state; cutime and cstime are fields 16 and 17 (1-based), in clock ticks (100/s).
    return ((Number(fields[13]) + Number(fields[14])) * 1000) / 100;
  } catch {
    return undefined;
  }
}

/** Whether bin/allinea.js will start from dist/ (same rule as the bin: bundle newer than every source). */
function bundleIsFresh(): boolean {
  const bundle = join(ROOT, 'dist', 'main.js');
  if (!existsSync(bundle)) return false;
  let newest = 0;
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else newest = Math.max(newest, statSync(path).mtimeMs);
    }
  };
  walk(join(ROOT, 'src'));
  return statSync(bundle).mtimeMs >= newest;
}

function time<T>(run: () => T): [T, number] {
  const start = performance.now();
  const value = run();
  return [value, performance.now() - start];
}

const sink = { write: () => true, isTTY: false };

export default async function bench(): Promise<void> {
  const dir = mkdtempSync(join(os.tmpdir(), 'allinea-check-bench-'));
  try {
    const [{ file, bytes }, genMs] = time(() => generate(dir));
    console.log(`generated ${GROUPS.toLocaleString('en')} groups over 2 × ${SENTENCES.toLocaleString('en')} sentences (${(bytes / 1e6).toFixed(1)} MB) in ${genMs.toFixed(0)} ms`);

    const text = readFileSync(file, 'utf8');
    // A machine-speed reference, to read the figures below on a slow or busy machine.
    const jsonCpu0 = process.cpuUsage();
    const [, jsonWallMs] = time(() => JSON.parse(text));
    const jsonCpu = process.cpuUsage(jsonCpu0);
    const jsonMs = (jsonCpu.user + jsonCpu.system) / 1000;
    console.log(`reference: JSON.parse of the file alone ${jsonWallMs.toFixed(0)} ms wall, ${jsonMs.toFixed(0)} ms CPU (${(bytes / 1e6 / (jsonMs / 1000)).toFixed(0)} MB/s)`);
    const [parsed, parseMs] = time(() => parseAlignment(text));
    if (!parsed.ok) throw new Error('generated file does not parse');
    const [sources, sourcesMs] = time(() => readCheckSources(file, parsed.alignment));
    const rules = defaultRules();
    // As checkFile looks member texts up: each document resolved once, one slice per sentence.
    const byDoc = new Map(parsed.alignment.documents.map((d) => [d.id, { spans: d.sentences, text: sources.texts.get(d.id)! }]));
    const memberText = (doc: string, sentences: readonly number[]) => {
      const { spans, text } = byDoc.get(doc)!;
      if (sentences.length === 1) return text.slice(spans[sentences[0]!]![0], spans[sentences[0]!]![1]);
      return sentences.map((s) => text.slice(spans[s]![0], spans[s]![1])).join(' ');
    };
    const [quality, qualityMs] = time(() => checkQuality({ alignment: parsed.alignment, rules, memberText }));
    console.log(`phases: parse + schema + invariants ${parseMs.toFixed(0)} ms, read and hash sources ${sourcesMs.toFixed(0)} ms, quality rules ${qualityMs.toFixed(0)} ms (${quality.length.toLocaleString('en')} warnings)`);

    const host = {
      readSources: (a: Alignment) => readCheckSources(file, a),
      loadSegmenter: async () => (await import('../src/core/text/segment.js')).segment,
      writeAlignment: () => {
        throw new Error('not fixing');
      },
    };
    const [result, checkMs] = await (async () => {
      const start = performance.now();
      const r = await checkFile({ file, text, rules, host });
      return [r, performance.now() - start] as const;
    })();
    console.log(`checkFile: ${checkMs.toFixed(0)} ms, ${result.findings.length.toLocaleString('en')} findings, ${Math.round(GROUPS / (checkMs / 1000)).toLocaleString('en')} groups/s`);

    // End to end, as the command runs: wall time, and CPU time (what a busy CI machine cannot steal).
    const cpu0 = process.cpuUsage();
    const start = performance.now();
    const code = await runCli(['check', file, '--format', 'json'], { stdout: sink, stderr: sink, stdin: Readable.from([]), cwd: dir, env: {} });
    const cliMs = performance.now() - start;
    const cpu = process.cpuUsage(cpu0);
    const cpuMs = (cpu.user + cpu.system) / 1000;
    const rate = (ms: number) => Math.round(GROUPS / (ms / 1000)).toLocaleString('en');
    console.log(`allinea check (in process, json report), exit ${code}: ${cliMs.toFixed(0)} ms wall = ${rate(cliMs)} groups/s; ${cpuMs.toFixed(0)} ms CPU = ${rate(cpuMs)} groups/s (target ≥ 50,000/s)`);
    console.log(`the whole check costs ${(cpuMs / jsonMs).toFixed(1)}× a bare JSON.parse of the file (CPU); at a typical 300 MB/s JSON.parse that is ~${rate((cpuMs / jsonMs) * ((bytes / 1e6 / 300) * 1000))} groups/s`);

    // As a user ownRuns it: a fresh process (the in-process figure above shares a heap that already
    // holds this benchmark's copies of the file), start-up included.
    const ownRuns: number[] = [];
    const childCpu0 = childrenCpuMs();
    for (let i = 0; i < 3; i++) {
      const t0 = performance.now();
      spawnSync(process.execPath, [join(ROOT, 'bin', 'allinea.js'), 'check', file, '--format', 'json'], { cwd: dir, stdio: 'ignore' });
      ownRuns.push(performance.now() - t0);
    }
    const childCpu1 = childrenCpuMs();
    ownRuns.sort((a, b) => a - b);
    const childCpu = childCpu0 !== undefined && childCpu1 !== undefined ? `; CPU ${((childCpu1 - childCpu0) / 3).toFixed(0)} ms a run` : '';
    console.log(`allinea check in its own process (3 runs, start-up included): median ${ownRuns[1]!.toFixed(0)} ms wall = ${rate(ownRuns[1]!)} groups/s, best ${rate(ownRuns[0]!)} groups/s${childCpu} (target ≥ 50,000/s)`);

    // Cold start on a seeds-sized alignment (the committed one, or one built like it).
    let target = join(ROOT, 'alignments', 'seeds.align.json');
    if (!existsSync(target)) target = await seedsSizedAlignment(join(dir, 'small'));
    const cpuBefore = childrenCpuMs();
    const runs: number[] = [];
    for (let i = 0; i < 7; i++) {
      const t0 = performance.now();
      const child = spawnSync(process.execPath, [join(ROOT, 'bin', 'allinea.js'), 'check', target, '--format', 'json'], { cwd: ROOT, encoding: 'utf8' });
      runs.push(performance.now() - t0);
      if (child.status === 2) console.log(`cold start run failed: ${child.stderr.trim()}`);
    }
    const cpuAfter = childrenCpuMs();
    const cpuPerRun = cpuBefore !== undefined && cpuAfter !== undefined ? (cpuAfter - cpuBefore) / 7 : undefined;
    const bareCpuBefore = childrenCpuMs();
    const bare: number[] = [];
    for (let i = 0; i < 3; i++) {
      const t0 = performance.now();
      spawnSync(process.execPath, ['-e', '0']);
      bare.push(performance.now() - t0);
    }
    const bareCpuAfter = childrenCpuMs();
    const bareCpu = bareCpuBefore !== undefined && bareCpuAfter !== undefined ? (bareCpuAfter - bareCpuBefore) / 3 : undefined;
    runs.sort((a, b) => a - b);
    bare.sort((a, b) => a - b);
    const how = bundleIsFresh() ? 'from the dist/ bundle' : 'through tsx (dist/ missing or older than src/: npm run build)';
    const cpuNote = cpuPerRun !== undefined && bareCpu !== undefined ? `; CPU ${cpuPerRun.toFixed(0)} ms a run against ${bareCpu.toFixed(0)} ms for bare node` : '';
    console.log(
      `cold start: node bin/allinea.js check ${target.startsWith(ROOT) ? 'alignments/seeds.align.json' : '(seeds-sized file)'} ${how}: median ${runs[3]!.toFixed(0)} ms, min ${runs[0]!.toFixed(0)} ms wall; bare node ${bare[1]!.toFixed(0)} ms${cpuNote} (target < 300 ms)`,
    );
    console.log(`machine load average while measuring: ${os.loadavg().map((l) => l.toFixed(1)).join(', ')} on ${os.cpus().length} CPUs`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
