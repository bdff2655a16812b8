import { InvalidArgumentError } from 'commander';
import { terminalMessage } from '../core/display/sanitize.js';
import { AllineaError } from '../core/errors.js';

/** A user-facing error: one sentence, and the exit code the command ends with. */
export { AllineaError as UserError } from '../core/errors.js';

/** Node's error codes for file-system failures a user can act on (permission, full disk, ...). */
const FS_CODES = new Set(['ENOENT', 'EACCES', 'EPERM', 'EISDIR', 'ENOTDIR', 'ENOSPC', 'EROFS', 'EEXIST', 'EMFILE', 'ENFILE', 'EDQUOT', 'ENAMETOOLONG', 'ELOOP', 'EIO', 'EBUSY', 'ETXTBSY', 'EXDEV']);

const FS_REASONS: Record<string, string> = {
  ENOENT: 'it does not exist',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'it is a folder',
  ENOTDIR: 'a part of the path is not a folder',
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  EROFS: 'the file system is read-only',
  EEXIST: 'it already exists',
  ENAMETOOLONG: 'the name is too long',
  ELOOP: 'it is a loop of symbolic links',
};

/**
 * Reports any error as one line on stderr and returns the exit code. Every message is made
 * safe for the terminal (it may quote file names and bytes from files). A file-system error
 * that escaped the command's own handling still becomes one sentence naming the file (exit 2);
 * other unexpected errors say so in one sentence; the stack is shown only with ALLINEA_DEBUG=1.
 */
export function reportError(error: unknown, stderr: { write(s: string): unknown }, env: Readonly<Record<string, string | undefined>>): number {
  if (error instanceof AllineaError) {
    stderr.write(`allinea: ${terminalMessage(error.message)}\n`);
    return error.exitCode;
  }
  if (error instanceof InvalidArgumentError) {
    stderr.write(`allinea: ${terminalMessage(error.message)}\n`);
    return 2;
  }
  const fs = error as NodeJS.ErrnoException | undefined;
  if (fs && typeof fs.code === 'string' && FS_CODES.has(fs.code)) {
    const where = typeof fs.path === 'string' ? ` ${fs.path}` : '';
    const reason = FS_REASONS[fs.code] ?? fs.message.split('\n')[0]!;
    const verb = /^(read|scandir|stat|lstat|access|readlink)$/.test(fs.syscall ?? '') ? 'read' : /^(open)?$/.test(fs.syscall ?? '') ? 'open' : 'write';
    stderr.write(`allinea: ${terminalMessage(`Cannot ${verb}${where}: ${reason}.`)}\n`);
    if (env.ALLINEA_DEBUG === '1' && error instanceof Error && error.stack) stderr.write(`${error.stack}\n`);
    return 2;
  }
  const message = error instanceof Error ? error.message : String(error);
  stderr.write(`allinea: unexpected error: ${terminalMessage(message.split('\n')[0] ?? '')} (set ALLINEA_DEBUG=1 for details)\n`);
  if (env.ALLINEA_DEBUG === '1' && error instanceof Error && error.stack) stderr.write(`${error.stack}\n`);
  return 1;
}
