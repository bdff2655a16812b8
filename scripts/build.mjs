// Bundles the CLI into dist/ (ESM, code-split so lazy imports stay lazy; dependencies stay
// external). Run by `npm install` (prepare) and `npm run build`. bin/allinea.js uses dist/
// when it is newer than src/, and runs the sources through tsx otherwise, so a stale
// build never hides an edit.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';

// --outdir DIR builds elsewhere (tests build a throwaway bundle to check what dist/ runs).
const outdirArg = process.argv.indexOf('--outdir');
const outdir = outdirArg > 0 ? process.argv[outdirArg + 1] : new URL('../dist/', import.meta.url).pathname;
rmSync(outdir, { recursive: true, force: true });
// `prepare` passes --if-possible: a failed bundle must not fail `npm install`, since
// bin/allinea.js can always run the sources.
const ifPossible = process.argv.includes('--if-possible');
try {
  await build({
  entryPoints: {
    main: new URL('../src/cli/main.ts', import.meta.url).pathname,
    // The workbench's aligner runs in a worker thread, which needs a JavaScript file of its
    // own: src/tui/workbench-files.ts starts dist/aligner-worker.js when it runs bundled.
    'aligner-worker': new URL('../src/tui/aligner-worker.ts', import.meta.url).pathname,
  },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20.19',
  packages: 'external',
  jsx: 'automatic',
  sourcemap: true,
  logLevel: ifPossible ? 'silent' : 'warning',
  });
} catch (error) {
  if (!ifPossible) process.exit(1);
  rmSync(outdir, { recursive: true, force: true });
  console.warn(`allinea: fast-start bundle not built (${error.message.split('\n')[0]}); the CLI runs from sources.`);
}
