// Bundles the CLI into dist/ (ESM, code-split so lazy imports stay lazy). Run by `npm install`
// (prepare), `npm pack` (prepack) and `npm run build`. bin/allinea.js runs dist/ unless
// ALLINEA_FROM_SOURCE=1 (`npm run dev`) asks for the sources.
//
// The dependencies are bundled too: loading Ink, React and their ~100 small modules one by one
// (resolution, reads, the CommonJS lexer) was most of the workbench's time to first frame.
// CommonJS dependencies (react, react-reconciler, scheduler) call `require`, which an ES module
// does not have: every chunk starts with a createRequire shim. Ink's Output, which the
// workbench's row cache patches, must be the bundled copy: src/tui/ink-output.ts is replaced
// by a module importing it (see inkOutputPlugin).
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

// --outdir DIR builds elsewhere (tests build a throwaway bundle to check what dist/ runs).
const outdirArg = process.argv.indexOf('--outdir');
const outdir = outdirArg > 0 ? process.argv[outdirArg + 1] : new URL('../dist/', import.meta.url).pathname;
rmSync(outdir, { recursive: true, force: true });
// `prepare` passes --if-possible: a failed bundle must not fail `npm install`, since
// bin/allinea.js can always run the sources.
const ifPossible = process.argv.includes('--if-possible');

/** Ink's Output for the bundle, with the hash of Ink's original code (src/tui/ink-output.ts). */
const inkOutputPlugin = {
  name: 'allinea-ink-output',
  setup(builder) {
    builder.onResolve({ filter: /[\\/]ink-output\.js$/ }, (args) =>
      args.importer.includes(`${'src'}/tui/`) || args.importer.includes('src\\tui\\') ? { path: 'ink-output', namespace: 'allinea-ink-output' } : undefined,
    );
    builder.onLoad({ filter: /.*/, namespace: 'allinea-ink-output' }, async () => {
      const outputPath = join(dirname(createRequire(import.meta.url).resolve('ink')), 'output.js');
      const Output = (await import(pathToFileURL(outputPath).href)).default;
      const sourceHash = createHash('sha256').update(`${Output.prototype.get.toString()}\n${Output.prototype.write.toString()}`).digest('hex');
      return {
        resolveDir: dirname(outputPath),
        loader: 'js',
        contents: [
          `import Output from ${JSON.stringify(outputPath)};`,
          `export function outputSourceHash() { return ${JSON.stringify(sourceHash)}; }`,
          `export async function loadInkOutput() { return { Output, sourceHash: ${JSON.stringify(sourceHash)} }; }`,
        ].join('\n'),
      };
    });
  },
};

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
    // ESM builds first (jsonc-parser's "main" is a UMD build that requires files at run time).
    mainFields: ['module', 'main'],
    // Ink loads react-devtools-core only in development with DEV=true; tsx only runs the sources.
    external: ['react-devtools-core', 'tsx', 'tsx/*'],
    banner: { js: "import { createRequire as __allineaCreateRequire } from 'node:module'; const require = __allineaCreateRequire(import.meta.url);" },
    plugins: [inkOutputPlugin],
    jsx: 'automatic',
    sourcemap: true,
    logLevel: ifPossible ? 'silent' : 'warning',
  });
} catch (error) {
  if (!ifPossible) process.exit(1);
  rmSync(outdir, { recursive: true, force: true });
  console.warn(`allinea: fast-start bundle not built (${error.message.split('\n')[0]}); the CLI runs from sources.`);
}
