/**
 * Atomic file replacement: write a temporary file in the same folder, fsync it, rename it
 * over the target, fsync the folder. A crash at any point leaves either the old file or
 * the new one, never a half-written file.
 *
 * What the user set is kept: a symbolic link is followed and the file it points to is
 * replaced (the link stays a link); an existing file's permission bits are kept (0600 stays
 * 0600) and so is its owner and group where the process may set them (root, or a group the
 * user belongs to). A new file gets 0666 minus the umask, like any program's.
 *
 * Temporary files are `.NAME.PID.RANDOM.tmp`. One is removed on every exit path this process
 * can catch: a failed write, and a SIGINT/SIGTERM/SIGHUP that arrives during the write when
 * nobody else handles it (the write is synchronous, so the signal is seen once the file is in
 * place; the temporary file is gone and the signal is raised again). A kill that cannot be
 * caught (SIGKILL, power loss) leaves one behind: the next save of that file, and
 * `allinea check`, remove those whose process is gone (removeStaleTempFiles).
 *
 * Special files are never renamed over: a path that names an open descriptor (/dev/stdout,
 * /dev/stderr, /dev/fd/N) is written to that descriptor, and an existing character device or
 * FIFO (/dev/null, a named pipe a reader waits on) is written through, as every Unix tool does.
 * A folder, a socket or a block device is refused in one sentence.
 *
 * Why not npm's write-file-atomic: it follows links and keeps mode and owner too, but it does
 * not fsync the folder after the rename and names its temporary files with a hash that does
 * not say which process wrote them, so stale ones cannot be told from another process's
 * write in progress.
 */
import {
  closeSync,
  fchmodSync,
  fchownSync,
  fsyncSync,
  openSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
  type Stats,
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import { followLinks } from './follow-links.js';
import { AllineaError } from '../core/errors.js';

export interface AtomicWriteOptions {
  /**
   * Called after the new content is on disk, just before it replaces the target: throw to
   * leave the target as it is (for example when it changed since it was read).
   */
  readonly beforeReplace?: (target: string) => void;
}

const TEMP = /^\.(.+)\.(\d+)(?:\.[0-9a-f]+)?\.tmp$/;

function processIsGone(pid: number): boolean {
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH'; // EPERM: alive, someone else's
  }
}

/**
 * A temporary file younger than this is left alone even when its PID is not running here:
 * in a folder shared over the network it may be another machine's save in progress.
 */
const STALE_AFTER_MS = 60_000;

/** Directory entries read while looking for stale temporary files (a work measure for tests). */
export const tempScanWork = { entries: 0 };

/**
 * Temporary files seen in each folder this process has listed, by the name of the file they
 * were for. A folder is listed once per process: a batch saving thousands of alignments into
 * one folder listed it again for each (quadratic in the number of files). A file left by a
 * save that crashes later is removed by the next process that saves there, or by `allinea check`
 * (which asks for a fresh listing).
 */
const tempFilesByFolder = new Map<string, Map<string, string[]>>();

/** Forgets the folder listings: a command that lists each folder once per run starts here. */
export function forgetTempListings(): void {
  tempFilesByFolder.clear();
}

function tempFilesIn(dir: string, fresh: boolean): Map<string, string[]> | undefined {
  let byTarget = fresh ? undefined : tempFilesByFolder.get(dir);
  if (byTarget) return byTarget;
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return undefined;
  }
  tempScanWork.entries += entries.length;
  byTarget = new Map();
  for (const entry of entries) {
    const m = TEMP.exec(entry);
    if (!m) continue;
    const list = byTarget.get(m[1]!);
    if (list) list.push(entry);
    else byTarget.set(m[1]!, [entry]);
  }
  tempFilesByFolder.set(dir, byTarget);
  return byTarget;
}

/**
 * Removes `.NAME.PID….tmp` files left beside `path` by saves whose process no longer runs
 * (and that are over a minute old). Returns the names removed. Never fails: cleaning up must
 * not stop a save or a check. `listing: 'cached'` reuses this process's listing of the folder
 * (saves); the default lists it afresh.
 */
export function removeStaleTempFiles(path: string, options: { listing?: 'fresh' | 'cached' } = {}): string[] {
  const target = followLinks(path);
  const dir = dirname(target);
  const name = basename(target);
  const removed: string[] = [];
  const byTarget = tempFilesIn(dir, options.listing !== 'cached');
  const candidates = byTarget?.get(name);
  if (!byTarget || !candidates) return removed;
  const kept: string[] = [];
  for (const entry of candidates) {
    const m = TEMP.exec(entry)!;
    if (!processIsGone(Number(m[2]))) {
      kept.push(entry);
      continue;
    }
    try {
      if (Date.now() - statSync(join(dir, entry)).mtimeMs < STALE_AFTER_MS) {
        kept.push(entry);
        continue;
      }
      rmSync(join(dir, entry), { force: true });
      removed.push(entry);
    } catch (error) {
      // Gone already, or not ours to remove (permissions): leave it.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') kept.push(entry);
    }
  }
  if (kept.length > 0) byTarget.set(name, kept);
  else byTarget.delete(name);
  return removed;
}

/** Temporary files of writes in progress in this process, removed if a signal ends it. */
const inFlight = new Set<string>();
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
let guarded = false;

/**
 * Runs when a signal arrives (after a synchronous write has finished). When the program has
 * its own handler (the workbench restores the terminal and exits on its own terms), that
 * handler decides; otherwise the signal does what it would have done: this listener removes
 * itself and raises the signal again, which ends the process as if nobody had listened.
 */
function onSignal(signal: NodeJS.Signals): void {
  for (const tmp of inFlight) rmSync(tmp, { force: true });
  inFlight.clear();
  if (process.listenerCount(signal) > 1) return;
  process.off(signal, onSignal);
  process.kill(process.pid, signal);
}

/**
 * Listens for the signals that would otherwise end the process in the middle of a write.
 * Installed at the first write and kept: removing it after each write could lose a signal
 * that arrived during the write and is delivered only on the next turn of the event loop.
 */
function guardSignals(): void {
  if (guarded) return;
  guarded = true;
  for (const signal of SIGNALS) process.on(signal, onSignal);
}

function keepOwnerAndMode(fd: number, old: Stats | undefined): void {
  if (!old) return;
  fchmodSync(fd, old.mode & 0o7777);
  const uid = process.geteuid?.();
  const gid = process.getegid?.();
  if (uid === undefined || (old.uid === uid && old.gid === gid)) return;
  try {
    fchownSync(fd, old.uid, old.gid);
  } catch {
    try {
      fchownSync(fd, -1, old.gid); // an ordinary user may still keep the group
    } catch {
      // The new file belongs to whoever saves it; the rename still replaces the content.
    }
  }
  // chown can clear set-id bits: put the mode back.
  fchmodSync(fd, old.mode & 0o7777);
}

/** The descriptor a path names by number (/dev/stdout, /dev/fd/3, /proc/self/fd/3), or undefined. */
export function namedDescriptor(path: string): number | undefined {
  const full = resolve(path);
  if (full === '/dev/stdout') return 1;
  if (full === '/dev/stderr') return 2;
  const m = /^\/(?:dev\/fd|proc\/self\/fd)\/(\d{1,9})$/.exec(full);
  return m ? Number(m[1]) : undefined;
}

/** Writes every byte to `fd` (a pipe may take part of a chunk, or say "try again"). */
function writeAll(fd: number, data: string | Iterable<string>): void {
  const pause = new Int32Array(new SharedArrayBuffer(4));
  for (const chunk of typeof data === 'string' ? [data] : data) {
    const bytes = Buffer.from(chunk, 'utf8');
    let offset = 0;
    while (offset < bytes.length) {
      try {
        offset += writeSync(fd, bytes, offset, bytes.length - offset);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
        Atomics.wait(pause, 0, 0, 5); // a non-blocking pipe is full: let the reader catch up
      }
    }
  }
}

/** What a special file is, in words, for the sentence that refuses it. */
function kindOf(stats: Stats): string {
  return stats.isDirectory() ? 'a folder'
    : stats.isSocket() ? 'a socket'
    : stats.isBlockDevice() ? 'a block device'
    : 'not a regular file';
}

/** True when a write to `path` goes through to it (an open descriptor, a character device, a FIFO) rather than replacing a file. */
export function isWriteThrough(path: string): boolean {
  if (namedDescriptor(path) !== undefined) return true;
  try {
    const stats = statSync(path);
    return stats.isCharacterDevice() || stats.isFIFO();
  } catch {
    return false;
  }
}

/**
 * Writes `data` through to a target that is not a regular file and returns true, refuses
 * one it must not touch, or returns false for a regular (or missing) file.
 */
function writeThroughSpecial(path: string, data: string | Iterable<string>): boolean {
  const fd = namedDescriptor(path);
  if (fd !== undefined) {
    writeAll(fd, data);
    return true;
  }
  let stats: Stats;
  try {
    stats = statSync(path);
  } catch {
    return false;
  }
  if (stats.isFile()) return false;
  if (stats.isCharacterDevice() || stats.isFIFO()) {
    const out = openSync(path, 'w');
    try {
      writeAll(out, data);
    } finally {
      closeSync(out);
    }
    return true;
  }
  const kind = kindOf(stats);
  // "it is a folder" as the file-system errors say it; the others are rarer and need the contrast.
  const why = stats.isDirectory() ? 'it is a folder' : kind === 'not a regular file' ? `it is ${kind}` : `it is ${kind}, not a regular file`;
  throw new AllineaError(`Cannot write ${path}: ${why}.`);
}

/** `data`: the text, or its pieces in order (a large file need not be one string). */
export function writeFileAtomic(path: string, data: string | Iterable<string>, options: AtomicWriteOptions = {}): void {
  if (writeThroughSpecial(path, data)) return;
  const target = followLinks(path);
  const dir = dirname(target);
  removeStaleTempFiles(target, { listing: 'cached' });
  let old: Stats | undefined;
  try {
    old = statSync(target);
  } catch {
    old = undefined;
  }
  const tmp = join(dir, `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  let fd: number | undefined;
  guardSignals();
  inFlight.add(tmp);
  try {
    fd = openSync(tmp, 'wx', 0o666);
    keepOwnerAndMode(fd, old);
    for (const chunk of typeof data === 'string' ? [data] : data) writeSync(fd, chunk, null, 'utf8');
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    options.beforeReplace?.(target);
    renameSync(tmp, target);
  } catch (error) {
    if (fd !== undefined) closeSync(fd);
    rmSync(tmp, { force: true });
    throw error;
  } finally {
    inFlight.delete(tmp);
  }
  try {
    const dirFd = openSync(dir, 'r');
    try {
      fsyncSync(dirFd);
    } finally {
      closeSync(dirFd);
    }
  } catch {
    // Some file systems cannot fsync a directory; the rename itself is still atomic.
  }
}
