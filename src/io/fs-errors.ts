import { AllineaError } from '../core/errors.js';

/** Turns a Node file-system error into one sentence a user can act on. */
export function describeFsError(error: unknown, path: string, action: 'read' | 'write' = 'read'): AllineaError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const reason =
    code === 'ENOENT' ? 'it does not exist'
    : code === 'EACCES' || code === 'EPERM' ? 'permission denied'
    : code === 'EISDIR' ? 'it is a folder'
    : code === 'ENOTDIR' ? 'a part of the path is not a folder'
    : code === 'ENOSPC' ? 'the disk is full'
    : ((error as Error | undefined)?.message ?? String(error));
  return new AllineaError(`Cannot ${action} ${path}: ${reason}.`);
}
