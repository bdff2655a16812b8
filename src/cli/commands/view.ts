// Placeholder until the view command lands; its owner replaces this file.
import type { Command } from 'commander';
import type { SetExit } from '../program.js';
import type { CliStreams } from '../streams.js';

export function registerView(program: Command, streams: CliStreams, setExit: SetExit): void {
  program.command('view').description('(not available yet)').action(() => {
    streams.stderr.write('allinea: view is not available yet.\n');
    setExit(2);
  });
}
