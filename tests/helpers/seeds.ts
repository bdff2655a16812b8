/** Test fixtures built from the real seed articles (the repository's bundled corpus). */
import { mkdtempSync, cpSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createAlignment } from '../../src/core/model/create.js';
import type { Alignment } from '../../src/core/model/types.js';
import { segment } from '../../src/core/text/segment.js';
import { sha256 } from '../../src/io/hash.js';
import { manifestSchema } from '../../src/core/corpus/manifest.js';

export const REPO_ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const SEEDS_DIR = join(REPO_ROOT, 'seeds');
export const SHARED_DIR = resolve(REPO_ROOT, '..', 'shared');

export interface SeedDoc {
  id: string;
  file: string;
  lang: string;
  title?: string;
  text: string;
}

export function seedDocs(): SeedDoc[] {
  const manifest = manifestSchema.parse(JSON.parse(readFileSync(join(SEEDS_DIR, 'corpus.json'), 'utf8')));
  return manifest.documents.map((d) => ({ ...d, text: readFileSync(join(SEEDS_DIR, d.file), 'utf8') }));
}

/** A fresh alignment over the seeds, paths relative to a file in `<dir>/alignments/`. */
export function seedsAlignment(docs: SeedDoc[] = seedDocs()): { alignment: Alignment; texts: Map<string, string> } {
  const alignment = createAlignment(
    docs.map((d) => ({ id: d.id, path: `../seeds/${d.file}`, lang: d.lang, ...(d.title ? { title: d.title } : {}), text: d.text, sha256: sha256(d.text) })),
    segment,
  );
  return { alignment, texts: new Map(docs.map((d) => [d.id, d.text])) };
}

/** Index of the first sentence of `doc` whose text includes `needle`. */
export function findSentence(alignment: Alignment, texts: Map<string, string>, doc: string, needle: string): number {
  const ref = alignment.documents.find((d) => d.id === doc)!;
  const text = texts.get(doc)!;
  const i = ref.sentences.findIndex(([s, e]) => text.slice(s, e).includes(needle));
  if (i < 0) throw new Error(`no sentence of ${doc} contains ${needle}`);
  return i;
}

/** A temp folder holding a copy of seeds/ and an empty alignments/ folder. */
export function tempWorkspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'allinea-test-'));
  cpSync(SEEDS_DIR, join(dir, 'seeds'), { recursive: true });
  cpSync(join(REPO_ROOT, 'package.json'), join(dir, 'package.json'));
  return dir;
}
