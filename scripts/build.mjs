// Bundles the CLI into dist/ (ESM, code-split so lazy imports stay lazy; dependencies stay
// external). Run by `npm install` (prepare), `npm pack` (prepack) and `npm run build`.
// bin/allinea.js runs dist/ unless ALLINEA_FROM_SOURCE=1 (`npm run dev`) asks for the sources.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';

const outdir = new URL('../dist/', import.meta.url).pathname;
rmSync(outdir, { recursive: true, force: true });
// `prepare` passes --if-possible: a failed bundle must not fail `npm install`, since
// bin/allinea.js can always run the sources.
const ifPossible = process.argv.includes('--if-possible');
try {
  await build({
  entryPoints: { main: new URL('../src/cli/main.ts', import.meta.url).pathname },
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
