/**
 * The fixture of the bad-input matrix (tests/cli/bad-input.test.ts): an in-process runner,
 * a temporary folder whose every file is watched for changes, tmpfs mounts where the machine
 * allows them, and the kinds of wrong file every file slot is given.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { runCli } from '../../src/cli/program.js';
import type { CliStreams } from '../../src/cli/streams.js';

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs allinea in-process; `tty` fakes a terminal (the workbench rows), `stdin` feeds standard input. */
export async function allinea(args: string[], cwd: string, options: { tty?: boolean; stdin?: Buffer } = {}): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const stdin = Readable.from(options.stdin ? [options.stdin] : []) as Readable & { isTTY?: boolean };
  if (options.tty) stdin.isTTY = true;
  const streams: CliStreams = {
    stdout: { write: (s: string) => ((stdout += s), true), isTTY: options.tty ?? false, columns: 100 },
    stderr: { write: (s: string) => ((stderr += s), true), isTTY: false },
    stdin,
    cwd,
    env: { NO_COLOR: '1' },
  };
  const code = await runCli(args, streams);
  return { code, stdout, stderr };
}


/** The temporary folders of one matrix run; `cleanup` unmounts and removes everything. */
export class Fixture {
  /** Every file in it is checked for changes after each row. */
  readonly root = mkdtempSync(join(tmpdir(), 'allinea-bad-input-'));
  /** Files too big to look at after every row. */
  readonly big = mkdtempSync(join(tmpdir(), 'allinea-bad-input-big-'));
  readonly mounts: string[] = [];

  put(rel: string, data: string | Uint8Array): string {
    const path = join(this.root, rel);
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, data);
    return path;
  }

  cleanup(): void {
    for (const m of [...this.mounts].reverse()) {
      try {
        execFileSync('umount', [m], { stdio: 'ignore' });
      } catch {
        // already gone
      }
    }
    for (const dir of [this.root, this.big]) rmSync(dir, { recursive: true, force: true });
  }
}

/** Every file under the fixture with a hash of its bytes and its mode. */
export function snapshot(fixture: Fixture, dir = fixture.root, out = new Map<string, string>()): Map<string, string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (fixture.mounts.includes(path)) continue;
    const stats = lstatSync(path);
    // Size, time, inode and mode: any write (in place or by rename) changes one of them, without hashing every file after every row.
    if (entry.isDirectory()) snapshot(fixture, path, out);
    else out.set(path, `${stats.isFile() ? 'file' : 'special'}:${stats.size}:${stats.mtimeMs}:${stats.ino}:${stats.mode}`);
  }
  return out;
}

export function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => !e.isDirectory())
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

function canMount(): boolean {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return false;
  const probe = mkdtempSync(join(tmpdir(), 'allinea-mount-probe-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=4k', 'tmpfs', probe], { stdio: 'ignore' });
    execFileSync('umount', [probe], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  } finally {
    rmSync(probe, { recursive: true, force: true });
  }
}
export const MOUNTS = canMount();

export function mountTmpfs(fixture: Fixture, rel: string, options: string): string {
  const path = join(fixture.root, rel);
  mkdirSync(path, { recursive: true });
  execFileSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', path]);
  fixture.mounts.push(path);
  return path;
}

/** A folder no write can go into: a read-only mount as root (permissions do not stop root), else mode 0555. */
export function readOnlyFolder(fixture: Fixture, rel: string): string | undefined {
  if (process.getuid?.() === 0) return MOUNTS ? mountTmpfs(fixture, rel, 'ro,size=16k') : undefined;
  const path = join(fixture.root, rel);
  mkdirSync(path, { recursive: true });
  chmodSync(path, 0o555);
  return path;
}

// --- the kinds of input -------------------------------------------------------------------

/** Kinds every file slot gets: each makes (or names) a file and says whether it is valid text. */
export const FILE_KINDS = ['missing', 'directory', 'empty', 'binary', 'latin-1', 'NUL', 'fifo', '/dev/zero', '50 MB line'] as const;
export type FileKind = (typeof FILE_KINDS)[number];

export function fileOfKind(fixture: Fixture, kind: FileKind, name: string): string {
  const { root, big } = fixture;
  const put = (rel: string, data: string | Uint8Array) => fixture.put(rel, data);
  switch (kind) {
    case 'missing':
      return join(root, 'kinds', `missing-${name}`);
    case 'directory': {
      const path = join(root, 'kinds', `dir-${name}`);
      mkdirSync(path, { recursive: true });
      return path;
    }
    case 'empty':
      return put(`kinds/empty-${name}`, '');
    case 'binary':
      return put(`kinds/binary-${name}`, readFileSync(process.execPath).subarray(0, 20_000));
    case 'latin-1':
      return put(`kinds/latin1-${name}`, Buffer.from('Caf\xe9 cr\xe8me, d\xe9j\xe0 vu.\tcaf\xe9\n', 'latin1'));
    case 'NUL':
      return put(`kinds/nul-${name}`, `Una frase.\u0000 Un'altra frase.\n`);
    case 'fifo': {
      const path = join(root, 'kinds', `fifo-${name}`);
      if (!existsSync(path)) execFileSync('mkfifo', [path]);
      return path;
    }
    case '/dev/zero':
      return '/dev/zero';
    case '50 MB line':
      return join(big, 'line-50mb.txt');
  }
}

/** Options a row adds: the 50 MB line is read under a 10 MB limit (the refusal is what is tested). */
export function kindOptions(kind: FileKind): string[] {
  return kind === '50 MB line' ? ['--max-input-size', '10M'] : [];
}
