/** Shared inputs of the segmentation tests: the seed articles and the golden sets. */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Span } from '../../../src/core/model/types.js';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, '../../..');

/** The golden sets live in ../shared beside the clone (read-only benchmark data). */
export const GOLDEN_DIR = resolve(repoRoot, '../shared/bench/segmentation');
export const HAVE_GOLDEN = existsSync(GOLDEN_DIR);

export interface GoldenCase {
  readonly id: string;
  readonly text: string;
  readonly expected: readonly string[];
}

export interface GoldenSet {
  readonly file: string;
  readonly lang: string;
  /** Minimum number of exact matches required (the targets). */
  readonly target: number;
}

export const GOLDEN_SETS: readonly GoldenSet[] = [
  { file: 'en.json', lang: 'en', target: 40 },
  { file: 'it.json', lang: 'it', target: 33 },
  { file: 'fr.json', lang: 'fr', target: 5 },
  { file: 'lt-fr.json', lang: 'fr', target: 32 },
];

export function readGolden(file: string): GoldenCase[] {
  return JSON.parse(readFileSync(join(GOLDEN_DIR, file), 'utf8')) as GoldenCase[];
}

const SEED_LANGS: Readonly<Record<string, string>> = { '000': 'it', '001': 'it', '002': 'en', '003': 'fr', '004': 'en' };

export interface Seed {
  readonly name: string;
  readonly lang: string;
  readonly text: string;
}

export function readSeeds(): Seed[] {
  const dir = join(repoRoot, 'seeds');
  return readdirSync(dir)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => {
      const lang = SEED_LANGS[name.slice(0, 3)];
      if (!lang) throw new Error(`No language known for seed ${name}.`);
      return { name, lang, text: readFileSync(join(dir, name), 'utf8') };
    });
}

export function readSeed(prefix: string): Seed {
  const seed = readSeeds().find((s) => s.name.startsWith(prefix));
  if (!seed) throw new Error(`No seed ${prefix}.`);
  return seed;
}

export function sentencesOf(text: string, spans: readonly Span[]): string[] {
  return spans.map(([start, end]) => text.slice(start, end));
}
