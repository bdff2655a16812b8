/**
 * `allinea lexicon import`: converts a bilingual dictionary (FreeDict dictd database,
 * hunalign dictionary, or TSV) into allinea's TSV lexicon. Also the file readers the `align`
 * command uses for `--lexicon` and for the lexicons bundled in lexicons/.
 */
import type { Command } from 'commander';
import { action, type SetExit } from '../program.js';
import type { CliStreams } from '../streams.js';
import type { Lexicon } from '../../core/align/lexicon.js';

export interface LexiconImportArgs {
  readonly source: string;
  readonly output?: string;
  readonly from?: string;
  readonly to?: string;
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
    .addHelpText(
      'after',
      '\nFreeDict dictionaries come with Debian packages dict-freedict-*, e.g.\n  apt-get install dict-freedict-fra-ita && allinea lexicon import fra-ita\nKeep the dictionary\'s licence in mind before you share the lexicon.\n',
    )
    .action(
      action(streams, setExit, async (source: string, options: { output?: string; from?: string; to?: string }) =>
        runLexiconImport({ source, ...options }, streams),
      ),
    );
}

export async function runLexiconImport(args: LexiconImportArgs, streams: CliStreams): Promise<number> {
  const { resolve, basename } = await import('node:path');
  const { writeFileAtomic } = await import('../../io/atomic-write.js');
  const { formatTsvLexicon, normalizeLang } = await import('../../core/align/lexicon.js');
  const { UserError } = await import('../errors.js');
  const lexicon = await readLexiconFile(args.source, streams.cwd, { a: args.from, b: args.to });
  if (lexicon.entries.size === 0) throw new UserError(`${args.source} holds no dictionary entries.`, 1);
  const a = lexicon.a ? normalizeLang(lexicon.a) : 'xx';
  const b = lexicon.b ? normalizeLang(lexicon.b) : 'yy';
  const output = resolve(streams.cwd, args.output ?? `${a}-${b}.tsv`);
  const header = [
    `allinea lexicon ${a}-${b}: headword<TAB>translations (comma-separated), accent-folded.`,
    `Converted from ${basename(lexicon.name)} by "allinea lexicon import"; the source dictionary's licence applies.`,
  ];
  try {
    writeFileAtomic(output, formatTsvLexicon(lexicon, header));
  } catch (error) {
    const { describeFsError } = await import('../../io/fs-errors.js');
    throw describeFsError(error, output, 'write');
  }
  streams.stderr.write(`Wrote ${lexicon.entries.size} entries (${a} → ${b}) to ${output}.\n`);
  return 0;
}

/** Where Debian's dict-freedict-* packages put their databases. */
const DICTD_DIR = '/usr/share/dictd';

/**
 * Reads a lexicon from disk, choosing the parser by name: a FreeDict name or .index file
 * (with its .dict.dz or .dict beside it), a hunalign .dic, or TSV (optionally .gz).
 * Languages come from the options, else from the file name ("fr-it.tsv", "freedict-fra-ita").
 */
export async function readLexiconFile(
  spec: string,
  cwd: string,
  langs: { a?: string | undefined; b?: string | undefined } = {},
): Promise<Lexicon> {
  const { existsSync, readFileSync } = await import('node:fs');
  const { resolve, basename } = await import('node:path');
  const { gunzipSync } = await import('node:zlib');
  const { parseFreedict, parseHunalignDictionary, parseTsvLexicon, langPairFromName } = await import('../../core/align/lexicon.js');
  const { UserError } = await import('../errors.js');

  let path = resolve(cwd, spec);
  if (!existsSync(path) && /^[a-z]{3}-[a-z]{3}$/.test(spec)) path = `${DICTD_DIR}/freedict-${spec}.index`;
  if (!existsSync(path)) {
    const hint = /^[a-z]{3}-[a-z]{3}$/.test(spec) ? ` (install it with: apt-get install dict-freedict-${spec})` : '';
    throw new UserError(`Lexicon ${spec} does not exist${hint}.`);
  }
  const pair = langPairFromName(path);
  const a = langs.a ?? pair?.a;
  const b = langs.b ?? pair?.b;
  const meta = { name: basename(path), ...(a ? { a } : {}), ...(b ? { b } : {}) };
  const read = (p: string): Buffer => {
    try {
      return readFileSync(p);
    } catch (error) {
      throw new UserError(`Cannot read lexicon ${p}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}.`);
    }
  };
  if (path.endsWith('.index')) {
    const stem = path.slice(0, -'.index'.length);
    const dict = existsSync(`${stem}.dict.dz`) ? gunzipSync(read(`${stem}.dict.dz`)) : existsSync(`${stem}.dict`) ? read(`${stem}.dict`) : undefined;
    if (!dict) throw new UserError(`FreeDict index ${path} has no ${basename(stem)}.dict.dz beside it.`);
    return parseFreedict(read(path).toString('utf8'), dict, meta);
  }
  const raw = read(path);
  const text = (path.endsWith('.gz') ? gunzipSync(raw) : raw).toString('utf8');
  if (/\.dic$/i.test(path) || (!text.includes('\t') && text.includes(' @ '))) {
    return parseHunalignDictionary(text, { name: meta.name, ...(a ? { source: a } : {}), ...(b ? { target: b } : {}) });
  }
  return parseTsvLexicon(text, meta);
}

/** The lexicons shipped in lexicons/ (see lexicons/README.md for sources and licences). */
export async function bundledLexicons(): Promise<Lexicon[]> {
  const { readdirSync, existsSync } = await import('node:fs');
  const { join } = await import('node:path');
  const { PACKAGE_ROOT } = await import('../paths.js');
  const dir = join(PACKAGE_ROOT, 'lexicons');
  if (!existsSync(dir)) return [];
  const files = readdirSync(dir).filter((f) => /\.tsv(\.gz)?$/.test(f)).sort();
  return Promise.all(files.map((f) => readLexiconFile(join(dir, f), dir)));
}
