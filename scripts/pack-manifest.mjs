// The package.json that ships: `npm pack` (prepack) strips what only a clone of the repository
// can use, and postpack puts the developer's file back. Stripped: the `prepare` script (it runs
// scripts/build.mjs, which is not shipped; npm would warn about it on every install). A clone,
// and `npm install github:…`, keep it: there it builds dist/.
//   node scripts/pack-manifest.mjs strip     (prepack, after the build)
//   node scripts/pack-manifest.mjs restore   (postpack)
// The original is kept in .package.json.prepack until restored; a pack that was interrupted
// before postpack is repaired by the next strip or restore.
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';

const root = new URL('../', import.meta.url);
const manifest = new URL('package.json', root);
const backup = new URL('.package.json.prepack', root);
const mode = process.argv[2];

if (existsSync(backup)) renameSync(backup, manifest); // the developer's file, from a pack that did not finish
if (mode === 'strip') {
  const text = readFileSync(manifest, 'utf8');
  const pkg = JSON.parse(text);
  delete pkg.scripts?.prepare;
  writeFileSync(backup, text);
  writeFileSync(manifest, `${JSON.stringify(pkg, null, 2)}\n`);
} else if (mode !== 'restore') {
  console.error('usage: node scripts/pack-manifest.mjs strip|restore');
  process.exit(2);
}
