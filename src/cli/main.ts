#!/usr/bin/env node
import { runCli } from './program.js';
import { processStreams } from './streams.js';

// Output piped into `head` closes early: stop quietly instead of crashing on EPIPE.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
});

process.exitCode = await runCli(process.argv.slice(2), processStreams());
