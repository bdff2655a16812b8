// Placeholder until the align command lands; its owner replaces this file.
import type { Command } from 'commander';
import type { SetExit } from '../program.js';
import type { CliStreams } from '../streams.js';

export function registerAlign(program: Command, streams: CliStreams, setExit: SetExit): void {
  program.command('align').description('(not available yet)').action(() => {
    streams.stderr.write('allinea: align is not available yet.\n');
    setExit(2);
  });
}
