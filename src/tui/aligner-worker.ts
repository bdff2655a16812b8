/** Worker thread body: runs the automatic aligner off the UI thread and reports progress. */
import { getPriority, setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { align } from '../core/align/index.js';
import type { AlignDocument, AlignOptions } from '../core/align/index.js';
import { bundledLexicons, installedLexicons } from '../io/lexicon-files.js';

// The screen comes first: on Linux a nice value belongs to the thread (NPTL), so this lowers
// the aligner's thread only, and on a busy machine key presses win the CPU over it. Elsewhere
// it would lower the whole process, the UI thread with it, so it is left alone there.
if (process.platform === 'linux') {
  try {
    setPriority(Math.min(19, getPriority() + 10));
  } catch {
    // Not allowed here: the aligner runs at the same priority as the screen.
  }
}
parentPort!.postMessage({ type: 'ready' });
const { docs, anchors, mode = 'auto' } = workerData as { docs: AlignDocument[]; anchors: NonNullable<AlignOptions['anchors']>; mode?: 'parallel' | 'auto' };
let last = 0;
// The bundled lexicons and those installed with `allinea lexicon install`, as `allinea align`
// uses them: the seeds' it-fr slogan needs fr-it.
const result = align(docs, {
  anchors,
  mode,
  lexicons: [...bundledLexicons(), ...installedLexicons(process.env)],
  onProgress: (done, total) => {
    const now = Date.now();
    if (now - last < 50 && done < total) return;
    last = now;
    parentPort!.postMessage({ type: 'progress', done, total });
  },
});
parentPort!.postMessage({ type: 'done', mode: result.mode, suggestions: result.suggestions });
