// Placeholder until the check command lands; its owner replaces this file.
import type { Command } from 'commander';
import type { SetExit } from '../program.js';
import type { CliStreams } from '../streams.js';

export function registerCheck(program: Command, streams: CliStreams, setExit: SetExit): void {
  program.command('check').description('(not available yet)').action(() => {
    streams.stderr.write('allinea: check is not available yet.\n');
    setExit(2);
  });
}
