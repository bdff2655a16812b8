/** Worker thread body: runs the automatic aligner off the UI thread and reports progress. */
import { parentPort, workerData } from 'node:worker_threads';
import { align } from '../core/align/index.js';
import type { AlignDocument, AlignOptions } from '../core/align/index.js';
import { bundledLexicons, installedLexicons } from '../io/lexicon-files.js';

const { docs, anchors } = workerData as { docs: AlignDocument[]; anchors: NonNullable<AlignOptions['anchors']> };
let last = 0;
// The bundled lexicons and those installed with `allinea lexicon install`, as `allinea align`
// uses them: the seeds' it-fr slogan needs fr-it.
const result = align(docs, {
  anchors,
  lexicons: [...bundledLexicons(), ...installedLexicons(process.env)],
  onProgress: (done, total) => {
    const now = Date.now();
    if (now - last < 50 && done < total) return;
    last = now;
    parentPort!.postMessage({ type: 'progress', done, total });
  },
});
parentPort!.postMessage({ type: 'done', mode: result.mode, suggestions: result.suggestions });
