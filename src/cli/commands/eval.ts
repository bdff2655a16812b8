// Placeholder until the eval command lands; its owner replaces this file.
import type { Command } from 'commander';
import type { SetExit } from '../program.js';
import type { CliStreams } from '../streams.js';

export function registerEval(program: Command, streams: CliStreams, setExit: SetExit): void {
  program.command('eval').description('(not available yet)').action(() => {
    streams.stderr.write('allinea: eval is not available yet.\n');
    setExit(2);
  });
}
