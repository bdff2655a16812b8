/**
 * The workbench's aligner runs in a worker thread from the sources and from the dist/ bundle
 * alike, and a worker that cannot start is reported, never replaced by a run on the UI thread.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { link } from '../../src/core/model/operations.js';
import { alignerWorkerUrl, rerunMode, runAligner, runInWorkerForTest, WorkerUnavailable } from '../../src/tui/workbench-files.js';
import { align } from '../../src/core/align/index.js';
import { synthetic } from '../core/session/rows-fixtures.js';
import { REPO_ROOT, seedsAlignment } from '../helpers/seeds.js';

const bundleDir = join(REPO_ROOT, 'node_modules', '.cache', `allinea-test-dist-${process.pid}`);
afterAll(() => rmSync(bundleDir, { recursive: true, force: true }));

describe('aligner worker entry', () => {
  it('is a JavaScript file in both layouts', () => {
    expect(alignerWorkerUrl('file:///p/src/tui/workbench-files.ts').pathname).toBe('/p/src/tui/aligner-worker-source.mjs');
    expect(alignerWorkerUrl('file:///p/dist/workbench-files-ABC123.js').pathname).toBe('/p/dist/aligner-worker.js');
  });

  it('runs from the sources in a worker (tsx registered inside it), with progress', async () => {
    const { alignment, texts } = seedsAlignment();
    const confirmed = link(alignment, [{ doc: 'it-000', sentence: 0 }, { doc: 'fr-003', sentence: 0 }]).alignment;
    const progress: number[] = [];
    const run = await runAligner(confirmed, texts, (done, total) => progress.push(done / total), new AbortController().signal);
    expect(run.suggestions.length).toBeGreaterThan(0);
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.at(-1)).toBe(1);
  });

  it('re-aligns a reviewed translation in parallel mode, even where auto mode would say comparable', async () => {
    // Shared names in scrambled order: auto mode sees no diagonal and would choose comparable.
    const names = ['Anna', 'Bruno', 'Carla', 'Dario', 'Elena', 'Fabio', 'Gino', 'Ilaria'];
    const own: Record<string, string> = {};
    names.forEach((name, s) => {
      own[`0:${s}`] = `${name} arriva alle ${s + 10} in stazione.`;
      own[`1:${s}`] = `${names[(s * 3) % names.length]} arrive à ${s + 30} heures.`;
    });
    const { alignment, texts } = synthetic([8, 8], [0, 1, 2].map((s) => ({ status: 'confirmed' as const, members: { 0: [s], 1: [s] } })), own);
    const docs = alignment.documents.map((d) => ({ id: d.id, lang: d.lang, text: texts.get(d.id)!, sentences: d.sentences }));
    expect(align(docs, {}).mode).toBe('comparable');
    expect(rerunMode(alignment)).toBe('parallel');
    const run = await runAligner(alignment, texts, () => undefined, new AbortController().signal);
    expect(run.mode).toBe('parallel');
    // The seeds (comparable articles) are decided again, as allinea align does.
    expect(rerunMode(seedsAlignment().alignment)).toBe('auto');
  });

  it('says so when the worker cannot start, instead of aligning on this thread', async () => {
    const dir = join(bundleDir, 'broken');
    mkdirSync(dir, { recursive: true });
    const { writeFileSync } = await import('node:fs');
    writeFileSync(join(dir, 'entry.mjs'), "import './no-such-module.mjs';\n");
    const progress: number[] = [];
    const missing = runInWorkerForTest([], {}, (d) => progress.push(d), new AbortController().signal, pathToFileURL(join(dir, 'missing.mjs')));
    await expect(missing).rejects.toBeInstanceOf(WorkerUnavailable);
    await expect(missing).rejects.toThrow(/missing\.mjs is missing/);
    const failing = runInWorkerForTest([], {}, (d) => progress.push(d), new AbortController().signal, pathToFileURL(join(dir, 'entry.mjs')));
    await expect(failing).rejects.toBeInstanceOf(WorkerUnavailable);
    await expect(failing).rejects.toThrow(/could not start/);
    expect(progress).toEqual([]);
  });

  it('runs from the dist/ bundle in a worker (the bundled aligner-worker.js next to the chunks)', async () => {
    const built = spawnSync(process.execPath, [join(REPO_ROOT, 'scripts', 'build.mjs'), '--outdir', bundleDir], { encoding: 'utf8' });
    expect(built.status, built.stderr).toBe(0);
    const chunk = readdirSync(bundleDir).find((f) => /^workbench-files-.*\.js$/.test(f));
    expect(chunk).toBeDefined();
    const bundled = (await import(pathToFileURL(join(bundleDir, chunk!)).href)) as typeof import('../../src/tui/workbench-files.js');
    expect(bundled.alignerWorkerUrl().pathname).toBe(join(bundleDir, 'aligner-worker.js'));
    const { alignment, texts } = seedsAlignment();
    let reports = 0;
    const run = await bundled.runAligner(alignment, texts, () => reports++, new AbortController().signal);
    expect(run.suggestions.length).toBeGreaterThan(0);
    expect(reports).toBeGreaterThan(0);
  }, 60_000);

  it('bundles Ink with the row cache patching the bundled copy of its Output', async () => {
    // Uses the bundle the previous test built.
    const chunk = readdirSync(bundleDir).find((f) => /^run-.*\.js$/.test(f));
    expect(chunk).toBeDefined();
    // The bundled Ink reads CI when its chunk loads: with CI=true (as CI runs) it would draw
    // nothing until exit. The user's terminal is not CI.
    process.env.CI = 'false';
    const bundled = (await import(pathToFileURL(join(bundleDir, chunk!)).href)) as typeof import('../../src/tui/run.js');
    const { EventEmitter } = await import('node:events');
    const { createI18n } = await import('../../src/i18n/index.js');
    const { seedsState } = await import('../core/session/helpers.js');
    const frames: string[] = [];
    const stdout = Object.assign(new EventEmitter(), { isTTY: true, columns: 100, rows: 30, write: (c: string) => (frames.push(c), true) });
    let pending: string | null = null;
    const stdin = Object.assign(new EventEmitter(), {
      isTTY: true,
      setEncoding() {},
      setRawMode() {},
      resume() {},
      pause() {},
      ref() {},
      unref() {},
      read: () => {
        const d = pending;
        pending = null;
        return d;
      },
    });
    const done = bundled.runWorkbench({
      initial: seedsState({ columns: 100, rows: 30 }),
      services: { save: async () => {}, writeRecovery: async () => {}, removeRecovery: async () => {}, runAligner: async () => ({ mode: 'x', suggestions: [] }) },
      i18n: createI18n('en'),
      stdin: stdin as never,
      stdout: stdout as never,
      stderr: process.stderr,
      writeRecoverySync: () => {},
    });
    await vi.waitFor(() => expect(frames.join('')).toContain('unaligned'), { timeout: 10_000 });
    const cache = await bundled.installInkRowCache();
    expect(cache.installed).toBe(true);
    expect(cache.stats().frames).toBeGreaterThan(0);
    pending = 'q';
    stdin.emit('readable');
    await expect(done).resolves.toBe(0);
  }, 30_000);

  it('stops at once when cancelled', async () => {
    const { alignment, texts } = seedsAlignment();
    const controller = new AbortController();
    const run = runAligner(alignment, texts, () => {}, controller.signal);
    setTimeout(() => controller.abort(), 20);
    const started = performance.now();
    await expect(run).rejects.toThrow('cancelled');
    expect(performance.now() - started).toBeLessThan(5000);
  });
});
