/**
 * Workbench responsiveness. (1) Key press to frame written: the real Ink app at 160×40 over
 * three documents of 100,000 sentences each (a fake TTY stdout records when each frame is
 * written). (2) Process start to first frame on the seeds and on a saved alignment of 3 × 100,000
 * sentences, in a real pseudo-terminal. (3) Key press to frame while the aligner re-aligns
 * 3 × 20,000 sentences in its worker thread, and how soon Esc stops it.
 * Prints figures only.
 */
import { spawn, spawnSync } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Alignment, Group, Span } from '../src/core/model/types.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SENTENCES = 100_000;
const COLUMNS = 160;
const ROWS = 40;

const WORDS = 'the of alignment corpus sentence Anonymous liberté guerra attentato Paris Nice hacker réseau notizia group video message justice citizens monde'.split(' ');

/** A document of `n` sentences of 4 to 4 + `maxExtraWords` pseudo-random words (from `words`), with its spans. */
export function syntheticDocument(n: number, seed: number, words: readonly string[] = WORDS, maxExtraWords = 36): { text: string; sentences: Span[] } {
  let x = seed;
  const next = () => (x = (x * 1103515245 + 12345) % 2147483648) / 2147483648;
  const parts: string[] = [];
  const sentences: Span[] = [];
  let offset = 0;
  for (let i = 0; i < n; i++) {
    const count = 4 + Math.floor(next() * maxExtraWords);
    const s: string[] = [];
    for (let w = 0; w < count; w++) s.push(words[Math.floor(next() * words.length)]!);
    const sentence = `${s.join(' ')} ${i}.`;
    sentences.push([offset, offset + sentence.length]);
    parts.push(sentence);
    offset += sentence.length + 1;
  }
  return { text: parts.join(' '), sentences };
}

function syntheticAlignment(): { alignment: Alignment; texts: Map<string, string> } {
  const ids = ['it-a', 'fr-b', 'en-c'];
  const docs = ids.map((id, k) => ({ id, ...syntheticDocument(SENTENCES, k + 7) }));
  // Every other sentence is in a group across the three documents; a third are suggestions.
  const groups: Group[] = [];
  for (let i = 0; i < SENTENCES; i += 2) {
    const suggested = i % 3 === 0;
    groups.push({
      id: `g${i / 2 + 1}`,
      status: suggested ? 'suggested' : 'confirmed',
      origin: suggested ? 'auto' : 'manual',
      ...(suggested ? { score: 0.5 } : {}),
      members: ids.map((doc) => ({ doc, sentences: [i] })),
    });
  }
  return {
    alignment: {
      format: 'allinea-alignment',
      version: 1,
      documents: docs.map((d) => ({ id: d.id, path: `${d.id}.txt`, lang: d.id.slice(0, 2), sha256: '0'.repeat(64), sentences: d.sentences })),
      groups,
      overrides: [],
      bookmarks: [],
    },
    texts: new Map(docs.map((d) => [d.id, d.text])),
  };
}

export class FakeStdout extends EventEmitter {
  readonly isTTY = true;
  columns = COLUMNS;
  rows = ROWS;
  onWrite: (() => void) | undefined;
  write(chunk: string): boolean {
    // The frame itself, not the synchronized-output brackets Ink writes around it.
    if (chunk !== '\u001b[?2026h' && chunk !== '\u001b[?2026l') this.onWrite?.();
    return true;
  }
}

/** The time of `stdout`'s next frame write, or -1 when none comes within `timeoutMs`. */
function nextWrite(stdout: FakeStdout, timeoutMs: number): Promise<number> {
  return new Promise<number>((resolve) => {
    const timeout = setTimeout(() => resolve(-1), timeoutMs);
    stdout.onWrite = () => {
      clearTimeout(timeout);
      stdout.onWrite = undefined;
      resolve(performance.now());
    };
  });
}

export class FakeStdin extends EventEmitter {
  readonly isTTY = true;
  private data: string | null = null;
  setEncoding(): void {}
  setRawMode(): void {}
  resume(): void {}
  pause(): void {}
  ref(): void {}
  unref(): void {}
  read(): string | null {
    const d = this.data;
    this.data = null;
    return d;
  }
  press(data: string): void {
    this.data = data;
    this.emit('readable');
  }
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function keyToFrame(): Promise<void> {
  process.env.CI = 'false'; // Ink draws nothing until exit when it believes it runs in CI.
  process.env.NODE_ENV ??= 'production'; // as the view command runs React
  const t0 = performance.now();
  const { alignment, texts } = syntheticAlignment();
  const built = performance.now() - t0;
  const React = await import('react');
  const { render } = await import('ink');
  const { I18nextProvider } = await import('react-i18next');
  const { createI18n } = await import('../src/i18n/index.js');
  const { createEditorState } = await import('../src/core/session/reducer.js');
  const { App } = await import('../src/tui/app.js');
  const { RENDER_OPTIONS } = await import('../src/tui/run.js');
  const { anchoredStdout } = await import('../src/tui/anchored-stdout.js');
  // As runWorkbench does before rendering.
  const rowCache = await (await import('../src/tui/ink-row-cache.js')).installInkRowCache();
  const stdout = new FakeStdout();
  const stdin = new FakeStdin();
  const initial = createEditorState({ alignment, texts, fileName: 'bench.align.json', size: { columns: COLUMNS, rows: ROWS }, colors: true });
  const services = {
    save: async () => {},
    writeRecovery: async () => {},
    removeRecovery: async () => {},
    runAligner: async () => ({ mode: 'comparable', suggestions: [] }),
  };
  const t1 = performance.now();
  const instance = render(
    React.createElement(I18nextProvider, { i18n: createI18n('en') }, React.createElement(App, { initial, services })),
    { stdout: anchoredStdout(stdout as unknown as NodeJS.WriteStream), stdin: stdin as unknown as NodeJS.ReadStream, ...RENDER_OPTIONS },
  );
  await sleep(50);
  const firstRender = performance.now() - t1;

  // A linguist's session: moving, paging, switching panes, marking, linking and undoing, jumping to the end.
  const pattern = ['j', 'j', 'j', '\u001b[6~', 'j', '\t', 'j', ' ', '\u001b[Z', ' ', 'a', 'u', 'k', '\u001b[5~', '\t', 'j', 'G', 'k', 'g', 'j'];
  const samples: number[] = [];
  const byKey = new Map<string, number[]>();
  const cpu: number[] = [];
  const presses = 400;
  /** Presses a key and waits for the frame: wall time to the frame (-1: none came) and CPU time. */
  const pressed = async (key: string): Promise<{ ms: number; cpuMs: number }> => {
    const written = nextWrite(stdout, 500);
    const start = performance.now();
    const cpu0 = process.cpuUsage();
    stdin.press(key);
    const end = await written;
    const used = process.cpuUsage(cpu0);
    // Past Ink's frame throttle, so every press renders on the leading edge.
    await sleep(20);
    return { ms: end < 0 ? -1 : end - start, cpuMs: (used.user + used.system) / 1000 };
  };
  for (let i = 0; i < presses; i++) {
    const key = pattern[i % pattern.length]!;
    const { ms, cpuMs } = await pressed(key);
    if (ms >= 0) {
      samples.push(ms);
      byKey.set(key, [...(byKey.get(key) ?? []), ms]);
      cpu.push(cpuMs);
    }
  }
  const cacheStats = rowCache.stats();

  // Paging back from the end through text no frame has shown: every row is new, none cached.
  const cold: number[] = [];
  await pressed('G');
  for (let i = 0; i < 60; i++) {
    const { ms } = await pressed('\u001b[5~');
    if (ms >= 0) cold.push(ms);
  }
  instance.unmount();

  // The same keys through the reducer and the view model alone (no Ink): the workbench's own share.
  const { reduce } = await import('../src/core/session/reducer.js');
  const { paneViews, countsOf } = await import('../src/core/session/selectors.js');
  const { keyEvents } = await import('../src/tui/key-name.js');
  const names: Record<string, string> = { '\u001b[6~': 'pagedown', '\u001b[5~': 'pageup', '\u001b[Z': 'shift+tab' };
  let state = initial;
  const own: number[] = [];
  const ownByKey = new Map<string, number[]>();
  for (let i = 0; i < presses; i++) {
    const key = pattern[i % pattern.length]!;
    const start = performance.now();
    const events = names[key] ? [{ name: names[key]!, text: '' }] : keyEvents(key, { ctrl: false, meta: false, shift: false, tab: key === '\t', return: false, escape: false } as never);
    for (const e of events) state = reduce(state, { type: 'key', ...e });
    paneViews(state);
    countsOf(state.history.present);
    own.push(performance.now() - start);
    ownByKey.set(key, [...(ownByKey.get(key) ?? []), performance.now() - start]);
  }
  console.log(`synthetic alignment: 3 documents × ${SENTENCES.toLocaleString('en')} sentences, ${alignment.groups.length.toLocaleString('en')} groups (built in ${built.toFixed(0)} ms)`);
  console.log(`Ink row cache: ${rowCache.installed ? 'installed' : 'not installed (Ink is not the version it was written for)'}`);
  console.log(`first render at ${COLUMNS}×${ROWS}: ${firstRender.toFixed(1)} ms`);
  console.log(
    `key press → frame written (${samples.length} presses): median ${percentile(samples, 50).toFixed(2)} ms, p95 ${percentile(samples, 95).toFixed(2)} ms, max ${Math.max(...samples).toFixed(2)} ms  (target ≤ 16 ms median, ≤ 30 ms p95)`,
  );
  console.log(`  of which editor state + view model (reducer, selectors, no Ink): median ${percentile(own, 50).toFixed(2)} ms, p95 ${percentile(own, 95).toFixed(2)} ms`);
  const label = (key: string) => ({ ' ': 'Space', '\t': 'Tab', '\u001b[6~': 'PgDn', '\u001b[5~': 'PgUp', '\u001b[Z': 'Shift-Tab' })[key] ?? key;
  const slowest = [...byKey]
    .map(([key, times]) => ({ key, median: percentile(times, 50), own: percentile(ownByKey.get(key) ?? [0], 50) }))
    .sort((a, b) => b.median - a.median)
    .slice(0, 5);
  console.log(`  slowest keys (median frame / own share): ${slowest.map((k) => `${label(k.key)} ${k.median.toFixed(1)}/${k.own.toFixed(1)} ms`).join(', ')}`);
  console.log(`  CPU time per press (less sensitive to a busy machine): median ${percentile(cpu, 50).toFixed(2)} ms, p95 ${percentile(cpu, 95).toFixed(2)} ms`);
  console.log(`  machine load average while measuring: ${(await import('node:os')).loadavg()[0]!.toFixed(2)} on ${(await import('node:os')).availableParallelism()} CPUs`);
  console.log(
    `paging through unseen text (PgUp from the end, ${cold.length} presses, every row new): median ${percentile(cold, 50).toFixed(2)} ms, p95 ${percentile(cold, 95).toFixed(2)} ms`,
  );
  console.log(
    `Ink row cache over the session: ${cacheStats.frames} frames from rows (${cacheStats.stockFrames} left to Ink), ${cacheStats.rowsBuilt} rows built, ${cacheStats.rowsReused} reused`,
  );
}

/**
 * Three "translations" of one synthetic text: the same sentence skeleton in every document,
 * half the words shared (cognates, names, numbers) and half replaced per language, plus an
 * extra sentence now and then, so the aligner takes its parallel route as on real translations.
 */
function translatedDocuments(n: number): { id: string; lang: string; text: string; sentences: Span[] }[] {
  return ['it', 'fr', 'en'].map((lang, k) => {
    let x = 7;
    const shared = () => (x = (x * 1103515245 + 12345) % 2147483648) / 2147483648;
    let y = 99 + 31 * k;
    const own = () => (y = (y * 1103515245 + 12345) % 2147483648) / 2147483648;
    const parts: string[] = [];
    const sentences: Span[] = [];
    let offset = 0;
    const push = (sentence: string) => {
      sentences.push([offset, offset + sentence.length]);
      parts.push(sentence);
      offset += sentence.length + 1;
    };
    for (let i = 0; i < n; i++) {
      const words = 4 + Math.floor(shared() * 36);
      const s: string[] = [];
      for (let w = 0; w < words; w++) {
        const word = WORDS[Math.floor(shared() * WORDS.length)]!;
        s.push(own() < 0.5 ? word : `${WORDS[Math.floor(own() * WORDS.length)]!}${lang}`);
      }
      if (own() < 0.03) push(`Una frase in più ${lang} ${i}.`);
      push(`${s.join(' ')} ${i}.`);
    }
    return { id: `${lang}-${k}`, lang, text: parts.join(' '), sentences };
  });
}

/**
 * Key press to frame WHILE the aligner re-aligns 3 documents × `n` sentences in its worker
 * thread (the real runAligner of the workbench, from the sources: the worker registers tsx),
 * then Esc during a run: time until the workbench says the run stopped.
 */
async function keyToFrameWhileRealigning(n: number): Promise<void> {
  process.env.CI = 'false';
  process.env.NODE_ENV ??= 'production';
  const React = await import('react');
  const { render } = await import('ink');
  const { I18nextProvider } = await import('react-i18next');
  const { createI18n } = await import('../src/i18n/index.js');
  const { createEditorState } = await import('../src/core/session/reducer.js');
  const { App } = await import('../src/tui/app.js');
  const { RENDER_OPTIONS } = await import('../src/tui/run.js');
  const { anchoredStdout } = await import('../src/tui/anchored-stdout.js');
  const { runAligner } = await import('../src/tui/workbench-files.js');
  const { createHash } = await import('node:crypto');
  await (await import('../src/tui/ink-row-cache.js')).installInkRowCache();
  const docs = translatedDocuments(n);
  const texts = new Map(docs.map((d) => [d.id, d.text]));
  const alignment: Alignment = {
    format: 'allinea-alignment',
    version: 1,
    documents: docs.map((d) => ({ id: d.id, path: `${d.id}.txt`, lang: d.lang, sha256: createHash('sha256').update(d.text).digest('hex'), sentences: d.sentences })),
    groups: [],
    overrides: [],
    bookmarks: [],
  };
  const stdout = new FakeStdout();
  const stdin = new FakeStdin();
  let state = createEditorState({ alignment, texts, fileName: 'realign.align.json', size: { columns: COLUMNS, rows: ROWS }, colors: true });
  const initial = state;
  const progressSeen = new Set<number>();
  const services = {
    save: async () => {},
    writeRecovery: async () => {},
    removeRecovery: async () => {},
    runAligner: (a: Alignment, onProgress: (done: number, total: number) => void, signal: AbortSignal) =>
      runAligner(a, texts, (done, total) => {
        progressSeen.add(Math.floor((100 * done) / total));
        onProgress(done, total);
      }, signal),
  };
  const stateChanged: (() => void)[] = [];
  const instance = render(
    React.createElement(I18nextProvider, { i18n: createI18n('en') }, React.createElement(App, { initial, services, onState: (s: typeof state) => { state = s; for (const f of stateChanged.splice(0)) f(); } })),
    { stdout: anchoredStdout(stdout as unknown as NodeJS.WriteStream), stdin: stdin as unknown as NodeJS.ReadStream, ...RENDER_OPTIONS },
  );
  await sleep(100);
  const untilState = async (test: () => boolean, timeoutMs: number): Promise<boolean> => {
    const end = performance.now() + timeoutMs;
    while (!test()) {
      if (performance.now() > end) return false;
      await new Promise<void>((r) => {
        stateChanged.push(r);
        setTimeout(r, 20);
      });
    }
    return true;
  };
  const press = async (key: string): Promise<number> => {
    const written = nextWrite(stdout, 2000);
    const start = performance.now();
    stdin.press(key);
    const end = await written;
    await sleep(20);
    return end < 0 ? -1 : end - start;
  };
  const pattern = ['j', 'j', 'j', '\u001b[6~', 'j', '\t', 'j', 'k', '\u001b[5~', 'j'];
  const samples: number[] = [];
  const runs: number[] = [];
  let missed = 0;
  let failure = '';
  // The same keys with no aligner running, first: the machine's own noise, for comparison.
  const idle: number[] = [];
  for (let i = 0; i < 150; i++) {
    const ms = await press(pattern[i % pattern.length]!);
    if (ms >= 0) idle.push(ms);
  }
  // Whole runs, pressing keys all along, until enough samples.
  for (let run = 0; run < 5 && samples.length < 300 && !failure; run++) {
    const started = performance.now();
    await press('A');
    if (!(await untilState(() => state.aligner.running, 5000))) {
      failure = 'the aligner did not start';
      break;
    }
    let i = 0;
    while (state.aligner.running) {
      const at = performance.now() - started;
      const ms = await press(pattern[i++ % pattern.length]!);
      if (ms < 0) missed++;
      else samples.push(ms);
      if (ms > 100 && process.env.WORKBENCH_BENCH_SLOW === '1') console.log(`    slow: ${ms.toFixed(0)} ms at ${at.toFixed(0)} ms (still running: ${state.aligner.running}, ${state.aligner.done}/${state.aligner.total})`);
    }
    runs.push(performance.now() - started);
    if (state.message?.tone === 'error') failure = `the run failed: ${JSON.stringify(state.message)}`;
  }
  // A run cancelled with Esc after a second of key presses.
  await press('A');
  await untilState(() => state.aligner.running, 5000);
  const until = performance.now() + 1000;
  let i = 0;
  while (performance.now() < until && state.aligner.running) await press(pattern[i++ % pattern.length]!);
  let cancelMs = Number.NaN;
  if (state.aligner.running) {
    const escAt = performance.now();
    stdin.press('\u001b');
    if (await untilState(() => !state.aligner.running, 5000)) cancelMs = performance.now() - escAt;
  }
  const cancelledMessage = state.message?.key;
  instance.unmount();
  const os = await import('node:os');
  console.log(`re-align of 3 documents × ${n.toLocaleString('en')} sentences in the worker thread (from the sources, worker registers tsx):`);
  if (failure) console.log(`  FAILED: ${failure}`);
  console.log(`  ${runs.length} runs, start to suggestions: ${runs.map((r) => `${(r / 1000).toFixed(1)} s`).join(', ')}; progress shown at ${progressSeen.size} distinct percentages`);
  if (samples.length > 0) {
    console.log(
      `  key press → frame while it runs (${samples.length} presses${missed ? `, ${missed} without a frame` : ''}): median ${percentile(samples, 50).toFixed(2)} ms, p95 ${percentile(samples, 95).toFixed(2)} ms, max ${Math.max(...samples).toFixed(2)} ms  (target p95 ≤ 50 ms)`,
    );
  }
  console.log(`  the same keys with no aligner running, just before (same load): median ${percentile(idle, 50).toFixed(2)} ms, p95 ${percentile(idle, 95).toFixed(2)} ms`);
  console.log(`  Esc during a run → run stopped: ${cancelMs.toFixed(0)} ms (message ${cancelledMessage})  (target ≤ 200 ms)`);
  console.log(`  machine load average: ${os.loadavg()[0]!.toFixed(2)} on ${os.availableParallelism()} CPUs`);
}

/** Start of `allinea view ARGS` until the first frame shows, in a pseudo-terminal (script(1)). */
async function startToFirstFrame(label: string, args: readonly string[], runs: number, targetMs: number, startedFrom: string): Promise<void> {
  if (runs <= 0) return;
  const times: number[] = [];
  for (let r = 0; r < runs; r++) {
    const command = `stty cols ${COLUMNS} rows ${ROWS}; exec ${JSON.stringify(process.execPath)} bin/allinea.js view ${args.map((a) => JSON.stringify(a)).join(' ')} --lang en`;
    const started = performance.now();
    const child = spawn('script', ['-qfec', command, '/dev/null'], { cwd: ROOT, env: { ...process.env, CI: 'false', TERM: 'xterm-256color' } });
    let seen = '';
    const ms = await new Promise<number>((resolve) => {
      const timer = setTimeout(() => resolve(Number.NaN), 60_000);
      child.stdout.on('data', (chunk: Buffer) => {
        seen += chunk.toString('utf8');
        if (seen.includes('unaligned')) {
          clearTimeout(timer);
          resolve(performance.now() - started);
        }
      });
    });
    child.stdin.write('q');
    await new Promise((r) => {
      const kill = setTimeout(() => child.kill('SIGTERM'), 3000);
      child.on('exit', () => {
        clearTimeout(kill);
        r(undefined);
      });
    });
    if (!Number.isFinite(ms)) console.log(`  ${label}: no first frame within 60 s; last output: ${JSON.stringify(seen.slice(-300))}`);
    times.push(ms);
  }
  const ok = times.filter((t) => Number.isFinite(t));
  if (ok.length === 0) return;
  console.log(
    `start → first frame, ${label} (${ok.length} runs, ${startedFrom}): median ${percentile(ok, 50).toFixed(0)} ms, min ${Math.min(...ok).toFixed(0)} ms, max ${Math.max(...ok).toFixed(0)} ms  (target ≤ ${targetMs} ms)`,
  );
}

/** Start-up on the seeds (a new alignment: segmenting them) and on a saved alignment of 3 × `n` sentences. */
async function startUp(runs: number, n: number): Promise<void> {
  if (runs <= 0) return;
  if (spawnSync('script', ['--version']).status !== 0) {
    console.log('start to first frame: skipped (script(1) is not installed)');
    return;
  }
  const { mkdtempSync, cpSync, writeFileSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { createHash } = await import('node:crypto');
  const { writeAlignmentFile } = await import('../src/io/alignment-file.js');
  const dir = mkdtempSync(join(tmpdir(), 'allinea-bench-'));
  try {
    cpSync(join(ROOT, 'seeds'), join(dir, 'seeds'), { recursive: true });
    const startedFrom = await prepareBundle();
    await startToFirstFrame('seeds', [join(dir, 'seeds'), '--alignment', join(dir, 'a.align.json')], runs, 800, startedFrom);
    // A saved alignment over three 100,000-sentence documents, every other sentence grouped.
    const docs = translatedDocuments(n);
    const groups: Group[] = [];
    for (let i = 0; i < n; i += 2) groups.push({ id: `g${i / 2 + 1}`, status: i % 3 === 0 ? 'suggested' : 'confirmed', origin: 'auto', score: 0.5, members: docs.map((d) => ({ doc: d.id, sentences: [i] })) });
    for (const d of docs) writeFileSync(join(dir, `${d.id}.txt`), d.text);
    const big: Alignment = {
      format: 'allinea-alignment',
      version: 1,
      documents: docs.map((d) => ({ id: d.id, path: `${d.id}.txt`, lang: d.lang, sha256: createHash('sha256').update(d.text).digest('hex'), sentences: d.sentences })),
      groups,
      overrides: [],
      bookmarks: [],
    };
    writeAlignmentFile(join(dir, 'big.align.json'), big, new Map(docs.map((d) => [d.id, d.text])));
    await startToFirstFrame(`saved alignment of 3 × ${n.toLocaleString('en')} sentences`, [join(dir, 'big.align.json')], Math.max(1, Math.ceil(runs / 2)), 2000, startedFrom);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Newest modification time under `dir`. */
async function newestMtime(dir: string): Promise<number> {
  const { readdirSync, statSync } = await import('node:fs');
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? await newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/**
 * Makes bin/allinea.js start from the dist/ bundle, as an installed allinea does: builds it
 * when it is missing or older than src/. Says which path the start-up figures measure.
 */
export async function prepareBundle(): Promise<string> {
  if (process.env.ALLINEA_FROM_SOURCE === '1') return 'from sources via tsx (ALLINEA_FROM_SOURCE=1)';
  const { existsSync, statSync } = await import('node:fs');
  const bundle = join(ROOT, 'dist', 'main.js');
  const newestSrc = await newestMtime(join(ROOT, 'src'));
  const fresh = () => existsSync(bundle) && statSync(bundle).mtimeMs >= newestSrc;
  if (fresh()) return 'from the dist/ bundle';
  const build = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT, encoding: 'utf8' });
  if (build.status === 0 && fresh()) return 'from the dist/ bundle, rebuilt for this run';
  return `from sources via tsx (the bundle could not be built: ${(build.stderr || build.stdout || '').split('\n')[0]})`;
}

export default async function run(): Promise<void> {
  // WORKBENCH_BENCH_PARTS=keys,realign,start picks parts (default: all).
  const parts = new Set((process.env.WORKBENCH_BENCH_PARTS ?? 'keys,realign,start').split(','));
  if (parts.has('keys')) await keyToFrame();
  if (parts.has('realign')) await keyToFrameWhileRealigning(Number(process.env.WORKBENCH_BENCH_REALIGN ?? 20_000));
  if (parts.has('start')) await startUp(Number(process.env.WORKBENCH_BENCH_STARTS ?? 5), 100_000);
}
