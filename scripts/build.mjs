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
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

/**
 * The bundle carries copies of its dependencies, and their licences (MIT, ISC, BSD, Apache)
 * ask for their notices to travel with every copy: dist/THIRD-PARTY-NOTICES.md lists each
 * package the bundle took code from, with its version, licence and licence text.
 */
const MIT_TEXT = `MIT License

Copyright (c) <AUTHOR>

Permission is hereby granted, free of charge, to any person obtaining a copy of this software and
associated documentation files (the "Software"), to deal in the Software without restriction,
including without limitation the rights to use, copy, modify, merge, publish, distribute,
sublicense, and/or sell copies of the Software, and to permit persons to whom the Software is
furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all copies or
substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING BUT
NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND
NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES
OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN
CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.`;

function writeNotices(metafile) {
  const packages = new Map();
  for (const input of Object.keys(metafile.inputs)) {
    const at = input.lastIndexOf('node_modules/');
    if (at < 0) continue;
    const rest = input.slice(at + 'node_modules/'.length).split('/');
    const name = rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
    const root = input.slice(0, at) + 'node_modules/' + name;
    if (!packages.has(name)) packages.set(name, root);
  }
  const sections = [];
  for (const [name, root] of [...packages].sort(([a], [b]) => a.localeCompare(b))) {
    const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    const licence = typeof manifest.license === 'string' ? manifest.license : manifest.license?.type ?? 'UNKNOWN';
    const files = readdirSync(root).filter((f) => /^(licen[cs]e|copying)([-.][\w.-]*)?$/i.test(f)).sort();
    const author = typeof manifest.author === 'string' ? manifest.author : manifest.author?.name;
    // A few packages ship no licence file: their package.json names the licence; for MIT that
    // is the standard text with the author's name.
    const text =
      files.length > 0
        ? files.map((f) => readFileSync(join(root, f), 'utf8').trim()).join('\n\n')
        : licence === 'MIT'
          ? `${MIT_TEXT.replace('<AUTHOR>', author ?? name)}\n\n(${name} ships no licence file; the text is the standard MIT licence its package.json names.)`
          : `(${name} ships no licence file; its package.json says ${licence}.)`;
    sections.push(`## ${name} ${manifest.version}\n\nLicence: ${licence}\n\n\`\`\`\`text\n${text}\n\`\`\`\`\n`);
  }
  writeFileSync(
    join(outdir, 'THIRD-PARTY-NOTICES.md'),
    `# Third-party notices\n\nallinea's bundle (dist/) includes code from these ${sections.length} packages, under the licences below.\n\n${sections.join('\n')}`,
  );
}

try {
  const result = await build({
    metafile: true,
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
  writeNotices(result.metafile);
} catch (error) {
  if (!ifPossible) process.exit(1);
  rmSync(outdir, { recursive: true, force: true });
  console.warn(`allinea: fast-start bundle not built (${error.message.split('\n')[0]}); the CLI runs from sources.`);
}
