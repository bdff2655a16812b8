import { mkdirSync, statSync } from 'node:fs';
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
 * Creates a folder and its parents, one folder at a time from the first missing one. Node's
 * recursive mkdir is not used: it loops forever on some paths (/proc/sys/x) and reports the
 * wrong cause under a read-only folder (ENOENT). A path that exists as a file, or runs through
 * one, is named as such.
 */
export function ensureFolder(path: string): void {
  const full = resolve(path);
  const missing: string[] = [];
  let current = full;
  for (;;) {
    let stats;
    try {
      stats = statSync(current);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' && code !== 'ENOTDIR') throw describeFsError(error, current, 'write');
      const parent = dirname(current);
      if (parent === current) throw describeFsError(error, current, 'write');
      missing.push(current);
      current = parent;
      continue;
    }
    if (!stats.isDirectory()) {
      throw new AllineaError(current === full ? `Cannot write ${path}: it is a file, not a folder.` : `Cannot write ${path}: ${current} is a file, not a folder.`);
    }
    break;
  }
  for (const folder of missing.reverse()) {
    try {
      mkdirSync(folder);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EEXIST' && statSync(folder).isDirectory()) continue; // made meanwhile
      // ENOENT with the parent present: a file system that has no room for folders (/proc/sys).
      if (code === 'ENOENT') throw new AllineaError(`Cannot write ${folder}: no folder can be created there.`);
      throw describeFsError(error, folder, 'write');
    }
  }
}
