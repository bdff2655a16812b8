/**
 * The workbench's files: saving the alignment (folder created if needed), the recovery file
 * next to it (`<name>.recovery.json`, same format, written atomically), and the aligner run.
 */
import { existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Alignment } from '../core/model/types.js';
import { preferredView } from '../core/session/rows-state.js';
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

/** What identifies one version of a file on disk (an atomic rewrite changes the inode too). */
function fingerprint(path: string): string {
  try {
    const st = statSync(path);
    return `${st.ino}:${st.size}:${st.mtimeMs}`;
  } catch {
    return 'missing';
  }
}

/** The alignment file changed on disk since the workbench read or last saved it. */
export class SaveConflict extends Error {
  override readonly name = 'SaveConflict';
}

export interface NodeServicesOptions {
  /** The recovery file was restored into this session: it is this session's to replace and remove. */
  readonly adoptRecovery?: boolean;
}

export function nodeServices(
  alignmentPath: string,
  texts: ReadonlyMap<string, string>,
  options: NodeServicesOptions = {},
): WorkbenchServices & { writeRecoverySync(a: Alignment): void } {
  const recovery = recoveryPath(alignmentPath);
  // The file as this session knows it: taken right after it was read (or found missing).
  let known = fingerprint(alignmentPath);
  let ownRecovery = options.adoptRecovery ? fingerprint(recovery) : undefined;
  const writeRecoverySync = (alignment: Alignment) => {
    saveAlignment(recovery, alignment, texts);
    ownRecovery = fingerprint(recovery);
  };
  return {
    save: async (alignment, saveOptions = {}) => {
      if (!saveOptions.force && fingerprint(alignmentPath) !== known) {
        throw new SaveConflict(`${basename(alignmentPath)} changed on disk since it was read`);
      }
      saveAlignment(alignmentPath, alignment, texts);
      known = fingerprint(alignmentPath);
    },
    writeRecovery: async (alignment) => writeRecoverySync(alignment),
    writeRecoverySync,
    // Only the recovery file this session wrote: one left by another workbench, or set aside
    // by a crash this session did not restore, still holds someone's unsaved work.
    removeRecovery: async () => {
      if (ownRecovery !== undefined && fingerprint(recovery) === ownRecovery) rmSync(recovery, { force: true });
      ownRecovery = undefined;
    },
    runAligner: (alignment, onProgress, signal) => runAligner(alignment, texts, onProgress, signal),
  };
}

/**
 * A recovery file that is not restored (older than the alignment file's last save, or over
 * documents that changed) may still hold unsaved work: it is renamed aside, never deleted or
 * overwritten, unless it holds nothing the alignment file does not. Returns the new name.
 */
export function setAsideRecovery(alignmentPath: string, current: Alignment, now: Date = new Date()): string | undefined {
  const path = recoveryPath(alignmentPath);
  if (!existsSync(path)) return undefined;
  try {
    const recovered = readAlignmentFile(path).alignment;
    if (JSON.stringify(recovered) === JSON.stringify(current)) {
      rmSync(path, { force: true });
      return undefined;
    }
  } catch {
    // Unreadable: kept aside like any other, for a person to look at.
  }
  const stamp = now.toISOString().replace(/[:.]/g, '-').replace(/-\d{3}Z$/, 'Z');
  const aside = path.replace(/\.recovery\.json$/, `.recovery-${stamp}.json`);
  renameSync(path, aside);
  return aside;
}

/**
 * Runs the automatic aligner with confirmed groups as fixed anchors and rejected links
 * excluded. It always runs in a worker thread, so the screen keeps answering keys and shows
 * progress; cancelling terminates the worker at once. When the worker cannot start, the run
 * fails with a WorkerUnavailable error that says why (never a silent run on the UI thread,
 * which would freeze the screen for as long as the aligner takes).
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
  return runInWorker(docs, anchors, onProgress, signal, alignerWorkerUrl(), rerunMode(alignment));
}

/**
 * The mode of a re-run: an alignment whose groups already follow the documents' order, with
 * sentence counts close (what opens in the row view), is a translation and stays parallel;
 * otherwise the aligner decides again, as `allinea align` does. Without this, pressing A on a
 * reviewed translation could swap its one-to-one suggestions for a comparable search.
 */
export function rerunMode(alignment: Alignment): 'parallel' | 'auto' {
  return alignment.groups.some((g) => g.status !== 'rejected') && preferredView(alignment) === 'rows' ? 'parallel' : 'auto';
}

/** The worker thread could not be started (its entry is missing or failed to load). */
export class WorkerUnavailable extends Error {
  override readonly name = 'WorkerUnavailable';
}

/**
 * The worker's JavaScript entry. From the sources (this module is a .ts file run by tsx or
 * vitest) it is aligner-worker-source.mjs, which registers tsx inside the worker; from the
 * dist/ bundle (flat chunks) it is the bundled dist/aligner-worker.js beside this chunk.
 */
export function alignerWorkerUrl(here: string = import.meta.url): URL {
  return /\.[mc]?tsx?$/.test(new URL(here).pathname) ? new URL('./aligner-worker-source.mjs', here) : new URL('./aligner-worker.js', here);
}

function runInWorker(
  docs: unknown,
  anchors: unknown,
  onProgress: (done: number, total: number) => void,
  signal: AbortSignal,
  url: URL = alignerWorkerUrl(),
  mode: 'parallel' | 'auto' = 'auto',
): Promise<AlignerRun> {
  return new Promise((resolvePromise, reject) => {
    if (signal.aborted) {
      reject(new Error('cancelled'));
      return;
    }
    let worker: Worker;
    try {
      if (!existsSync(fileURLToPath(url))) throw new Error(`${fileURLToPath(url)} is missing`);
      worker = new Worker(url, { workerData: { docs, anchors, mode } });
    } catch (error) {
      reject(new WorkerUnavailable(`the aligner's worker thread could not start: ${error instanceof Error ? error.message : String(error)}`));
      return;
    }
    let started = false;
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      signal.removeEventListener('abort', onAbort);
      fn();
    };
    const onAbort = () => {
      void worker.terminate();
      settle(() => reject(new Error('cancelled')));
    };
    signal.addEventListener('abort', onAbort, { once: true });
    // Started means the worker's modules loaded and it said so ('ready'): an error before
    // that is a worker that cannot start, not an aligner failure.
    worker.on('message', (message: { type: 'ready' } | { type: 'progress'; done: number; total: number } | ({ type: 'done' } & AlignerRun)) => {
      started = true;
      if (message.type === 'ready') return;
      if (message.type === 'progress') {
        if (!settled) onProgress(message.done, message.total);
      } else {
        settle(() => resolvePromise({ mode: message.mode, suggestions: message.suggestions }));
        void worker.terminate();
      }
    });
    worker.on('error', (error) => {
      settle(() => reject(started ? error : new WorkerUnavailable(`the aligner's worker thread could not start: ${error.message}`)));
    });
    worker.on('exit', (code) => {
      settle(() => reject(new Error(`the aligner stopped (exit code ${code})`)));
    });
  });
}

/** For tests: runs a worker from a given entry (to check how a failing entry is reported). */
export const runInWorkerForTest = runInWorker;
