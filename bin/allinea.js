#!/usr/bin/env node
// Starts allinea from the bundle in dist/ when it is up to date with src/ (fast start),
// otherwise from the TypeScript sources through tsx (always correct, slower to start).
import { existsSync, readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

const root = fileURLToPath(new URL('..', import.meta.url));
const bundle = join(root, 'dist', 'main.js');

function newestSourceMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    const mtime = entry.isDirectory() ? newestSourceMtime(path) : statSync(path).mtimeMs;
    if (mtime > newest) newest = mtime;
  }
  return newest;
}

function bundleIsFresh() {
  if (process.env.ALLINEA_FROM_SOURCE === '1' || !existsSync(bundle)) return false;
  const src = join(root, 'src');
  return !existsSync(src) || statSync(bundle).mtimeMs >= newestSourceMtime(src);
}

if (bundleIsFresh()) {
  await import(bundle);
} else {
  const { register } = await import('tsx/esm/api');
  // The package's own tsconfig, whatever the current folder is (tsx looks in the cwd by default).
  register({ tsconfig: join(root, 'tsconfig.json') });
  await import('../src/cli/main.ts');
}
