#!/usr/bin/env node
import { runCli } from './program.js';
import { processStreams, stdoutFailure, stdoutWriteError } from './streams.js';

// Output piped into `head` closes early: stop quietly instead of crashing on EPIPE. Any other
// write error is reported: by the command when the write fails at once, else after the flush below.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
});

let code = await runCli(process.argv.slice(2), processStreams());
// Wait until standard output has taken everything: a pipe or a slow device may fail only now.
await new Promise<void>((resolve) => {
  if (process.stdout.errored || process.stdout.writableEnded) resolve();
  else process.stdout.write('', () => resolve());
});
const failure = stdoutFailure(process.stdout);
if (failure && code === 0) {
  process.stderr.write(`allinea: ${stdoutWriteError(failure).message}\n`);
  code = 2;
}
process.exitCode = code;
