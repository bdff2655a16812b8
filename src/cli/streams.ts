import { sanitizeForTerminal } from '../core/display/sanitize.js';

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
  return { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, cwd: process.cwd(), env: process.env };
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
