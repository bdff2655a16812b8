/**
 * `npm run bench [-- NAME...]`: runs every benchmark module in bench/ (or the named ones)
 * and prints figures. Benchmarks never pass or fail on time; they report.
 * Each module is `bench/<name>.bench.ts` with a default export `() => Promise<void>`.
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';

const here = dirname(fileURLToPath(import.meta.url));
const wanted = process.argv.slice(2);
const modules = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .map((f) => f.replace(/\.bench\.ts$/, ''))
  .filter((name) => wanted.length === 0 || wanted.includes(name))
  .sort();

if (modules.length === 0) {
  console.error(`No benchmark matches ${wanted.join(', ')}.`);
  process.exit(2);
}
for (const name of modules) {
  console.log(`\n== ${name} ==`);
  const mod = (await import(pathToFileURL(join(here, `${name}.bench.ts`)).href)) as {
    default: () => Promise<void>;
  };
  await mod.default();
}
