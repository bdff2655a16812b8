// Placeholder until the import command lands; its owner replaces this file.
import type { Command } from 'commander';
import type { SetExit } from '../program.js';
import type { CliStreams } from '../streams.js';

export function registerImport(program: Command, streams: CliStreams, setExit: SetExit): void {
  program.command('import').description('(not available yet)').action(() => {
    streams.stderr.write('allinea: import is not available yet.\n');
    setExit(2);
  });
}
