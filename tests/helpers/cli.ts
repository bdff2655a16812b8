/** Runs the CLI in-process with captured streams. */
import { Readable } from 'node:stream';
import { runCli } from '../../src/cli/program.js';
import type { CliStreams } from '../../src/cli/streams.js';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export async function cli(args: string[], options: { cwd?: string; env?: Record<string, string>; tty?: boolean } = {}): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const stdin = Readable.from([]) as Readable & { isTTY?: boolean };
  const streams: CliStreams = {
    stdout: { write: (s: string) => ((stdout += s), true), isTTY: options.tty ?? false },
    stderr: { write: (s: string) => ((stderr += s), true), isTTY: options.tty ?? false },
    stdin,
    cwd: options.cwd ?? process.cwd(),
    env: { NO_COLOR: '1', ...options.env },
  };
  const code = await runCli(args, streams);
  return { code, stdout, stderr };
}
