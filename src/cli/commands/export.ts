// Placeholder until the export command lands; its owner replaces this file.
import type { Command } from 'commander';
import type { SetExit } from '../program.js';
import type { CliStreams } from '../streams.js';

export function registerExport(program: Command, streams: CliStreams, setExit: SetExit): void {
  program.command('export').description('(not available yet)').action(() => {
    streams.stderr.write('allinea: export is not available yet.\n');
    setExit(2);
  });
}
