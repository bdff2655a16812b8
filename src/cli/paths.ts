import { join } from 'node:path';
import { PACKAGE_ROOT } from '../io/package-root.js';

export { PACKAGE_ROOT };
export const DEFAULT_CORPUS = join(PACKAGE_ROOT, 'seeds');
export const DEFAULT_ALIGNMENT = join(PACKAGE_ROOT, 'alignments', 'seeds.align.json');
