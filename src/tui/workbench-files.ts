/**
 * The workbench's files: saving the alignment (folder created if needed), the recovery file
 * next to it (`<name>.recovery.json`, same format, written atomically), and the aligner run.
 */
import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Alignment } from '../core/model/types.js';
import { readAlignmentFile, writeAlignmentFile } from '../io/alignment-file.js';
import type { AlignerRun, WorkbenchServices } from './services.js';

/** "alignments/seeds.align.json" -> "alignments/seeds.align.recovery.json". */
export function recoveryPath(alignmentPath: string): string {
  const name = basename(alignmentPath).replace(/\.json$/i, '');
  return join(dirname(alignmentPath), `${name}.recovery.json`);
}

export function saveAlignment(path: string, alignment: Alignment, texts: ReadonlyMap<string, string>): void {
  mkdirSync(dirname(path), { recursive: true });
  writeAlignmentFile(path, alignment, texts);
}

/**
 * The recovery file's alignment if it holds work newer than the alignment file over the same
 * documents (same ids and texts); undefined otherwise (a stale or foreign file is left alone).
 */
export function findRecovery(alignmentPath: string, current: Alignment): Alignment | undefined {
  const path = recoveryPath(alignmentPath);
  if (!existsSync(path)) return undefined;
  try {
    if (existsSync(alignmentPath) && statSync(path).mtimeMs <= statSync(alignmentPath).mtimeMs) return undefined;
    const recovered = readAlignmentFile(path).alignment;
    const same =
      recovered.documents.length === current.documents.length &&
      recovered.documents.every((d, i) => d.id === current.documents[i]!.id && d.sha256 === current.documents[i]!.sha256);
    return same ? recovered : undefined;
  } catch {
    return undefined;
  }
}

export function nodeServices(alignmentPath: string, texts: ReadonlyMap<string, string>): WorkbenchServices & { writeRecoverySync(a: Alignment): void } {
  const recovery = recoveryPath(alignmentPath);
  const writeRecoverySync = (alignment: Alignment) => saveAlignment(recovery, alignment, texts);
  return {
    save: async (alignment) => saveAlignment(alignmentPath, alignment, texts),
    writeRecovery: async (alignment) => writeRecoverySync(alignment),
    writeRecoverySync,
    removeRecovery: async () => rmSync(recovery, { force: true }),
    runAligner: (alignment, onProgress, signal) => runAligner(alignment, texts, onProgress, signal),
  };
}

/**
 * Runs the automatic aligner with confirmed groups as fixed anchors and rejected links
 * excluded. It runs in a worker thread so the screen keeps answering keys and shows progress;
 * cancelling terminates the worker. Where a worker cannot start, it runs in this thread.
 */
export async function runAligner(
  alignment: Alignment,
  texts: ReadonlyMap<string, string>,
  onProgress: (done: number, total: number) => void,
  signal: AbortSignal,
): Promise<AlignerRun> {
  const docs = alignment.documents.map((d) => ({ id: d.id, lang: d.lang, text: texts.get(d.id) ?? '', sentences: d.sentences.map((s) => [s[0], s[1]] as const) }));
  const membersOf = (status: string) =>
    alignment.groups.filter((g) => g.status === status).map((g) => g.members.map((m) => ({ doc: m.doc, sentences: [...m.sentences] })));
  const anchors = { confirmed: membersOf('confirmed'), rejected: membersOf('rejected') };
  try {
    return await runInWorker(docs, anchors, onProgress, signal);
  } catch (error) {
    if (signal.aborted || !(error instanceof WorkerUnavailable)) throw error;
  }
  const { align } = await import('../core/align/index.js');
  const result = align(docs, { anchors, onProgress, signal });
  return { mode: result.mode, suggestions: result.suggestions };
}

class WorkerUnavailable extends Error {}

/**
 * The worker module: next to this one when running from the sources; from the dist/ bundle
 * (flat chunks in <package>/dist), the package's own sources, which ship with it.
 */
function alignerWorkerUrl(): URL {
  const here = import.meta.url;
  return here.endsWith('.ts') ? new URL('./aligner-worker.ts', here) : new URL('../src/tui/aligner-worker.ts', here);
}

function runInWorker(
  docs: unknown,
  anchors: unknown,
  onProgress: (done: number, total: number) => void,
  signal: AbortSignal,
): Promise<AlignerRun> {
  return new Promise((resolvePromise, reject) => {
    let worker: Worker;
    try {
      const url = alignerWorkerUrl();
      if (!existsSync(fileURLToPath(url))) throw new Error(`${url.href} is missing`);
      // The worker is TypeScript run through tsx, like the sources.
      worker = new Worker(url, {
        workerData: { docs, anchors },
        execArgv: ['--import', import.meta.resolve('tsx/esm')],
      });
    } catch (error) {
      reject(new WorkerUnavailable(String(error)));
      return;
    }
    let started = false;
    const onAbort = () => {
      void worker.terminate();
      reject(new Error('cancelled'));
    };
    signal.addEventListener('abort', onAbort, { once: true });
    worker.on('message', (message: { type: 'progress'; done: number; total: number } | ({ type: 'done' } & AlignerRun)) => {
      started = true;
      if (message.type === 'progress') onProgress(message.done, message.total);
      else {
        signal.removeEventListener('abort', onAbort);
        resolvePromise({ mode: message.mode, suggestions: message.suggestions });
        void worker.terminate();
      }
    });
    worker.on('error', (error) => {
      signal.removeEventListener('abort', onAbort);
      reject(started ? error : new WorkerUnavailable(error.message));
    });
    worker.on('exit', (code) => {
      if (code !== 0 && !signal.aborted) reject(started ? new Error(`the aligner stopped (exit code ${code})`) : new WorkerUnavailable(`exit ${code}`));
    });
  });
}
