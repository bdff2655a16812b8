/**
 * `allinea lexicon import`: converts a bilingual dictionary (FreeDict dictd database,
 * hunalign dictionary, or TSV) into allinea's TSV lexicon. The readers live in
 * src/io/lexicon-files.ts, shared with `align` and the workbench's aligner.
 */
import type { Command } from 'commander';
import { action, type SetExit } from '../program.js';
import type { CliStreams } from '../streams.js';

export interface LexiconImportArgs {
  readonly source: string;
  readonly output?: string;
  readonly from?: string;
  readonly to?: string;
  readonly force?: boolean;
}

export function registerLexicon(program: Command, streams: CliStreams, setExit: SetExit): void {
  const lexicon = program
    .command('lexicon')
    .description('Manage bilingual lexicons used by the aligner.');
  lexicon
    .command('import')
    .description('Convert a dictionary (FreeDict .index/.dict.dz, hunalign .dic, or TSV) into a TSV lexicon for --lexicon.')
    .argument('<source>', 'a FreeDict name ("fra-ita"), a .index file, a hunalign .dic file, or a .tsv file')
    .option('-o, --output <file>', 'TSV file to write (default: <from>-<to>.tsv in the current folder)')
    .option('--from <lang>', 'language of the headwords (default: from the file name)')
    .option('--to <lang>', 'language of the translations (default: from the file name)')
    .option('--force', 'replace an existing output file')
    .addHelpText(
      'after',
      '\nFreeDict dictionaries come with Debian packages dict-freedict-*, e.g.\n  apt-get install dict-freedict-fra-ita && allinea lexicon import fra-ita\nKeep the dictionary\'s licence in mind before you share the lexicon.\n',
    )
    .action(
      action(streams, setExit, async (source: string, options: { output?: string; from?: string; to?: string; force?: boolean }) =>
        runLexiconImport({ source, ...options }, streams),
      ),
    );
}

export async function runLexiconImport(args: LexiconImportArgs, streams: CliStreams): Promise<number> {
  const { resolve, basename } = await import('node:path');
  const { writeFileAtomic } = await import('../../io/atomic-write.js');
  const { formatTsvLexicon, normalizeLang } = await import('../../core/align/lexicon.js');
  const { UserError } = await import('../errors.js');
  const { existsSync, realpathSync } = await import('node:fs');
  const { readUserLexicon } = await import('../../io/lexicon-files.js');
  const { shownPath } = await import('../../io/read-text.js');
  const lexicon = readUserLexicon(args.source, streams.cwd, { a: args.from, b: args.to });
  const a = lexicon.a ? normalizeLang(lexicon.a) : 'xx';
  const b = lexicon.b ? normalizeLang(lexicon.b) : 'yy';
  const output = resolve(streams.cwd, args.output ?? `${a}-${b}.tsv`);
  // The files read (the source, and a FreeDict database beside its index) are never written over.
  const real = (p: string) => {
    try {
      return realpathSync(p);
    } catch {
      return resolve(p);
    }
  };
  const source = real(resolve(streams.cwd, args.source));
  const stem = source.replace(/\.index$/, '');
  const sources = new Set([source, `${stem}.dict`, `${stem}.dict.dz`]);
  if (existsSync(output) && sources.has(real(output))) {
    throw new UserError(`Refusing to write ${shownPath(output)}: it is the dictionary being imported; choose another file with -o.`);
  }
  // A device or FIFO (/dev/stdout, a named pipe) is written through, not replaced: no --force needed.
  const { isWriteThrough } = await import('../../io/atomic-write.js');
  if (existsSync(output) && !args.force && !isWriteThrough(output)) {
    throw new UserError(`${shownPath(output)} already exists; use --force to replace it or -o to write elsewhere.`);
  }
  const header = [
    `allinea lexicon ${a}-${b}: headword<TAB>translations (comma-separated), accent-folded.`,
    `Converted from ${basename(lexicon.name).replace(/[\u0000-\u001f\u007f-\u009f]/g, '?')} by "allinea lexicon import"; the source dictionary's licence applies.`,
  ];
  try {
    writeFileAtomic(output, formatTsvLexicon(lexicon, header));
  } catch (error) {
    const { describeFsError } = await import('../../io/fs-errors.js');
    throw describeFsError(error, output, 'write');
  }
  streams.stderr.write(`Wrote ${lexicon.entries.size} ${lexicon.entries.size === 1 ? 'entry' : 'entries'} (${a} → ${b}) to ${shownPath(output)}.\n`);
  return 0;
}
