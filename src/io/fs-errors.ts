import { existsSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { AllineaError } from '../core/errors.js';

/** Turns a Node file-system error into one sentence a user can act on. */
export function describeFsError(error: unknown, path: string, action: 'read' | 'write' = 'read'): AllineaError {
  if (error instanceof AllineaError) return error; // already one sentence (a refused special file)
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const reason =
    code === 'ENOENT' ? 'it does not exist'
    : code === 'EACCES' || code === 'EPERM' ? 'permission denied'
    : code === 'EISDIR' ? 'it is a folder'
    : code === 'ENOTDIR' ? 'a part of the path is not a folder'
    : code === 'ENOSPC' ? 'the disk is full'
    : code === 'EDQUOT' ? 'the disk quota is used up'
    : code === 'EROFS' ? 'the file system is read-only'
    : code === 'ENAMETOOLONG' ? 'the name is too long'
    : code === 'ELOOP' ? 'it is a loop of symbolic links'
    : ((error as Error | undefined)?.message ?? String(error));
  return new AllineaError(`Cannot ${action} ${path}: ${reason}.`);
}

/**
 * Creates a folder and its parents. A recursive mkdir reports the wrong cause when it cannot
 * write (ENOENT under a read-only folder): the failure is made again on the first missing
 * folder alone, so the sentence says what is really wrong.
 */
export function ensureFolder(path: string): void {
  try {
    mkdirSync(path, { recursive: true });
    return;
  } catch (error) {
    let missing = resolve(path);
    while (!existsSync(dirname(missing)) && dirname(missing) !== missing) missing = dirname(missing);
    try {
      mkdirSync(missing);
    } catch (first) {
      throw describeFsError(first, missing, 'write');
    }
    throw describeFsError(error, path, 'write');
  }
}
