#!/usr/bin/env node
// Starts allinea. The package runs its bundle (dist/, built by `npm run build`, `npm install`
// in a clone, and `npm pack`). Developers run the TypeScript sources by an explicit choice:
// ALLINEA_FROM_SOURCE=1 (or `npm run dev`). File times decide nothing: npm unpacks a package
// in any order, so they say nothing about which copy is current.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

const root = fileURLToPath(new URL('..', import.meta.url));
const bundle = join(root, 'dist', 'main.js');
const fromSource = process.env.ALLINEA_FROM_SOURCE === '1';

if (!fromSource && existsSync(bundle)) {
  await import(bundle);
} else if (existsSync(join(root, 'tsconfig.json')) && existsSync(join(root, 'src', 'cli', 'main.ts'))) {
  const { register } = await import('tsx/esm/api');
  // The package's own tsconfig, whatever the current folder is (tsx looks in the cwd by default).
  register({ tsconfig: join(root, 'tsconfig.json') });
  await import('../src/cli/main.ts');
} else {
  const why = fromSource ? 'ALLINEA_FROM_SOURCE=1 is set but the TypeScript sources are not here' : `${bundle} is missing`;
  process.stderr.write(`allinea: cannot start: ${why}; reinstall allinea (or run npm run build in a clone).\n`);
  process.exitCode = 2;
}
