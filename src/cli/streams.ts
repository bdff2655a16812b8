import { sanitizeForTerminal } from '../core/display/sanitize.js';
import { AllineaError } from '../core/errors.js';

/** The streams and environment a command runs with: process's in production, fakes in tests. */
export interface OutStream {
  write(chunk: string): unknown;
  isTTY?: boolean;
  columns?: number;
  /** The stream under a message stream, for writers that send their own control sequences (progress line, workbench). */
  raw?: OutStream;
}

export interface CliStreams {
  readonly stdout: OutStream;
  readonly stderr: OutStream;
  readonly stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
}

export function processStreams(): CliStreams {
  return { stdout: checkedStdout(process.stdout), stderr: process.stderr, stdin: process.stdin, cwd: process.cwd(), env: process.env };
}

const STDOUT_REASONS: Record<string, string> = {
  ENOSPC: 'no space left on device',
  EDQUOT: 'the disk quota is used up',
  EIO: 'an input/output error',
  EBADF: 'it is closed',
  EFBIG: 'the file is too large',
  EROFS: 'the file system is read-only',
};

/** "Cannot write standard output: no space left on device." */
export function stdoutWriteError(error: NodeJS.ErrnoException): AllineaError {
  const reason = STDOUT_REASONS[error.code ?? ''] ?? (error.code ?? error.message.split('\n')[0] ?? 'unknown error');
  return new AllineaError(`Cannot write standard output: ${reason}.`);
}

/** A write error on standard output that is not a reader going away (EPIPE: `| head` stops quietly). */
export function stdoutFailure(stream: NodeJS.WritableStream): NodeJS.ErrnoException | undefined {
  const error = (stream as { errored?: NodeJS.ErrnoException | null }).errored;
  return error && error.code !== 'EPIPE' ? error : undefined;
}

/**
 * Standard output that fails the command when a write fails (a full disk, a closed descriptor),
 * instead of going on to claim success. Files and devices report the failure at once (Node
 * writes them synchronously); a later failure is caught when main.ts flushes at exit.
 * `raw` is the process stream itself, for the workbench.
 */
function checkedStdout(stream: NodeJS.WriteStream): OutStream {
  const check = () => {
    const failure = stdoutFailure(stream);
    if (failure) throw stdoutWriteError(failure);
  };
  return {
    write: (chunk: string) => {
      check();
      const written = stream.write(chunk);
      check();
      return written;
    },
    get isTTY() {
      return stream.isTTY;
    },
    get columns() {
      return stream.columns;
    },
    raw: stream,
  };
}

/**
 * stderr carries messages, and messages quote file names, ids and bytes from files: every line
 * written through this stream is made safe for a terminal (sanitizeForTerminal), line ends kept.
 */
export function messageStream(stream: OutStream): OutStream {
  if (stream.raw) return stream;
  return {
    write: (chunk: string) => stream.write(chunk.split('\n').map(sanitizeForTerminal).join('\n')),
    get isTTY() {
      return stream.isTTY;
    },
    get columns() {
      return stream.columns;
    },
    raw: stream,
  };
}
