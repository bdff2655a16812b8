/**
 * `allinea check` starts fast because it loads only what it needs: no ink or react, no
 * i18next, and no zod unless a file fails the schema or a config file is read. Checked by
 * listing the modules a real run resolves (a module hook), not by timing.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/seeds.js';

const dir = mkdtempSync(join(os.tmpdir(), 'allinea-startup-'));
const log = join(dir, 'modules.log');
writeFileSync(
  join(dir, 'hooks.mjs'),
  `import { appendFileSync } from 'node:fs';
export async function resolve(specifier, context, next) {
  const result = await next(specifier, context);
  appendFileSync(${JSON.stringify(log)}, result.url + '\\n');
  return result;
}
`,
);
writeFileSync(join(dir, 'register.mjs'), `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(join(dir, 'hooks.mjs')).href)});\n`);

/** The packages a run of the CLI resolves, by name. */
function packagesLoaded(args: string[], cwd = REPO_ROOT): { status: number | null; packages: Set<string> } {
  writeFileSync(log, '');
  const child = spawnSync(process.execPath, ['--import', pathToFileURL(join(dir, 'register.mjs')).href, join(REPO_ROOT, 'bin', 'allinea.js'), ...args], { cwd, encoding: 'utf8' });
  const packageOf = (path: string) => /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(path)?.[1];
  const packages = new Set<string>();
  for (const url of readFileSync(log, 'utf8').split('\n')) {
    const name = packageOf(url);
    if (name !== undefined) packages.add(name);
    // The dist/ bundle carries its dependencies: a chunk's source map says which it holds.
    if (url.startsWith('file:') && url.includes('/dist/') && url.endsWith('.js') && existsSync(`${fileURLToPath(url)}.map`)) {
      const { sources } = JSON.parse(readFileSync(`${fileURLToPath(url)}.map`, 'utf8')) as { sources: string[] };
      for (const source of sources) {
        const bundled = packageOf(source.replace(/^(\.\.\/)+/, '/'));
        if (bundled !== undefined) packages.add(bundled);
      }
    }
  }
  return { status: child.status, packages };
}

describe('allinea check start-up', () => {
  it('checks the committed alignments without loading zod, ink, react or i18next', () => {
    const { status, packages } = packagesLoaded(['check', 'alignments/', '--format', 'json']);
    expect(status).toBe(0);
    expect(packages.has('commander')).toBe(true); // the hook sees packages at all
    for (const name of ['zod', 'ink', 'react', 'i18next', 'sentence-splitter']) expect(packages.has(name), name).toBe(false);
  });

  it('loads zod to explain a file that does not follow the schema', () => {
    const bad = join(dir, 'bad.align.json');
    writeFileSync(bad, JSON.stringify({ format: 'allinea-alignment', version: 3, documents: [], groups: [] }));
    const { status, packages } = packagesLoaded(['check', bad, '--format', 'json']);
    expect(status).toBe(1);
    expect(packages.has('zod')).toBe(true);
  });
});
