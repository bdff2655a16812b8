// Placeholder until the lexicon command lands; its owner replaces this file.
import type { Command } from 'commander';
import type { SetExit } from '../program.js';
import type { CliStreams } from '../streams.js';

export function registerLexicon(program: Command, streams: CliStreams, setExit: SetExit): void {
  program.command('lexicon').description('(not available yet)').action(() => {
    streams.stderr.write('allinea: lexicon is not available yet.\n');
    setExit(2);
  });
}
