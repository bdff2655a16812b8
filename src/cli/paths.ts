import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

/** The package root (the folder holding package.json), wherever allinea is run from. */
export const PACKAGE_ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const DEFAULT_CORPUS = join(PACKAGE_ROOT, 'seeds');
export const DEFAULT_ALIGNMENT = join(PACKAGE_ROOT, 'alignments', 'seeds.align.json');
