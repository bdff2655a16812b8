import { existsSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { AllineaError } from '../core/errors.js';
import { PACKAGE_ROOT } from '../io/package-root.js';

export { PACKAGE_ROOT };
export const DEFAULT_CORPUS = join(PACKAGE_ROOT, 'seeds');
/** The repository's own alignment of the seeds: the default only inside the repository. */
export const DEFAULT_ALIGNMENT = join(PACKAGE_ROOT, 'alignments', 'seeds.align.json');
/** Where the seeds' alignment goes when allinea runs on them from any other folder. */
export const SEEDS_ALIGNMENT_NAME = 'seeds.align.json';

export function isInside(path: string, folder: string): boolean {
  const rel = relative(resolve(folder), resolve(path));
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/** A development checkout of allinea (a git clone or worktree), as opposed to an installed package. */
export function isCheckout(root: string = PACKAGE_ROOT): boolean {
  return existsSync(join(root, '.git'));
}

export interface SeedsAlignmentPath {
  readonly path: string;
  /** False when the path is the repository's committed alignment; true for a copy in the working folder. */
  readonly inWorkingFolder: boolean;
}

/**
 * The alignment file for the bundled seeds. The seeds are read-only sample data: inside the
 * repository (a checkout, working folder within it) it is the committed alignments/seeds.align.json;
 * anywhere else it is seeds.align.json in the working folder, and nothing under an installed
 * package's folder is ever written.
 */
export function seedsAlignmentPath(cwd: string, root: string = PACKAGE_ROOT): SeedsAlignmentPath {
  const inPackage = isInside(cwd, root);
  if (inPackage && isCheckout(root)) return { path: join(root, 'alignments', SEEDS_ALIGNMENT_NAME), inWorkingFolder: false };
  if (inPackage) {
    throw new AllineaError(`${resolve(cwd)} is inside allinea's installation, which allinea never writes to: run it from another folder, or name the alignment file with -o/--alignment.`);
  }
  return { path: join(resolve(cwd), SEEDS_ALIGNMENT_NAME), inWorkingFolder: true };
}
