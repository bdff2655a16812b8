#!/usr/bin/env node
import packageJson from '../../package.json' with { type: 'json' };
import { processStreams, stdoutFailure, stdoutWriteError } from './streams.js';

// Output piped into `head` closes early: stop quietly instead of crashing on EPIPE. Any other
// write error is reported: by the command when the write fails at once, else after the flush below.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
});

const argv = process.argv.slice(2);
// `allinea --version` alone is answered before commander and the commands load (start-up
// target 150 ms); with anything else the program parses it as usual.
const versionOnly = argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V');
const printVersion = (): number => {
  try {
    processStreams().stdout.write(`${packageJson.version}\n`);
    return 0;
  } catch (error) {
    process.stderr.write(`allinea: ${(error as Error).message}\n`);
    return 2;
  }
};
let code = versionOnly ? printVersion() : await (await import('./program.js')).runCli(argv, processStreams());
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
