/**
 * `allinea lexicon list`: the lexicons align uses (bundled and installed), with their languages,
 * sizes and licences. `allinea lexicon import`: converts a bilingual dictionary (FreeDict dictd database,
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

export interface LexiconInstallArgs {
  /** Two languages, e.g. "en-it" (both directions are installed). */
  readonly pair: string;
  /** Install missing Debian packages with apt-get. */
  readonly apt?: boolean;
}

export function registerLexicon(program: Command, streams: CliStreams, setExit: SetExit): void {
  const lexicon = program
    .command('lexicon')
    .description('Manage bilingual lexicons used by the aligner.');
  lexicon
    .command('list')
    .description('List the lexicons align uses: the bundled ones and those installed with lexicon install, with their languages, sizes and licences.')
    .action(action(streams, setExit, async () => runLexiconList(streams)));
  lexicon
    .command('install')
    .description('Install the FreeDict lexicons a language pair needs (both directions) where align finds them.')
    .argument('<pair>', 'two languages, e.g. en-it, en-fr or fr-it')
    .option('--apt', 'install missing Debian packages (dict-freedict-*) with apt-get first')
    .addHelpText(
      'after',
      `
Converts Debian's FreeDict dictionaries for the pair (e.g. dict-freedict-eng-ita and
dict-freedict-ita-eng) into TSV lexicons in $ALLINEA_LEXICON_DIR, else
$XDG_DATA_HOME/allinea/lexicons, else ~/.local/share/allinea/lexicons. allinea align (both
modes) then uses them like the bundled ones and names them on stderr; --no-installed-lexicons
leaves them out, --no-bundled-lexicons turns both off.
Each lexicon keeps its dictionary's licence (FreeDict eng-ita, ita-eng, eng-fra, fra-eng:
GPL-2+): it is installed for your own use and never shipped with allinea.
`,
    )
    .action(action(streams, setExit, async (pair: string, options: { apt?: boolean }) => runLexiconInstall({ pair, ...options }, streams)));
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

export async function runLexiconList(streams: CliStreams): Promise<number> {
  const { bundledLexicons, installedLexicons, installedLexiconDir } = await import('../../io/lexicon-files.js');
  const { shownPath } = await import('../../io/read-text.js');
  const rows = (lexicons: ReturnType<typeof bundledLexicons>): string[] => {
    const cells = lexicons.map((l) => [`${l.a ?? '?'}-${l.b ?? '?'}`, `${l.entries.size.toLocaleString('en-US')} headwords`, l.licence ?? 'licence unknown', l.name]);
    const widths = [0, 1, 2].map((c) => Math.max(...cells.map((r) => r[c]!.length)));
    return cells.map((r) => `  ${r[0]!.padEnd(widths[0]!)}  ${r[1]!.padStart(widths[1]!)}  ${r[2]!.padEnd(widths[2]!)}  ${r[3]}`);
  };
  const bundled = bundledLexicons();
  const out = ['Each lexicon serves both directions of its pair.', `bundled (used unless --no-bundled-lexicons):`, ...(bundled.length ? rows(bundled) : ['  none'])];
  const dir = installedLexiconDir(streams.env);
  const installed = installedLexicons(streams.env);
  out.push(`installed${dir ? ` in ${shownPath(dir)}` : ''} (used unless --no-installed-lexicons):`);
  out.push(...(installed.length ? rows(installed) : ['  none (allinea lexicon install en-it --apt installs the FreeDict ones of a pair)']));
  streams.stdout.write(`${out.join('\n')}\n`);
  return 0;
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
  // A lexicon of unknown languages would match no pair and be ignored without a word.
  if (!lexicon.a || !lexicon.b) {
    const missing = [!lexicon.a ? '--from (the headwords\' language)' : '', !lexicon.b ? '--to (the translations\' language)' : ''].filter(Boolean).join(' and ');
    throw new UserError(`Cannot tell the languages of ${shownPath(resolve(streams.cwd, args.source))} from its name: give ${missing}, e.g. --from fr --to it.`);
  }
  const { languageTagProblem } = await import('../../core/corpus/language-tag.js');
  for (const [option, tag] of [['--from', lexicon.a], ['--to', lexicon.b]] as const) {
    const problem = languageTagProblem(tag);
    if (problem) throw new UserError(`${option}: ${problem}.`);
  }
  const a = normalizeLang(lexicon.a);
  const b = normalizeLang(lexicon.b);
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

/**
 * The licence of one dictionary from its Debian package's copyright file (DEP-5: the stanza
 * whose Files field names the dictionary's folder, e.g. "eng-ita/*"), else the file's first.
 */
export function debianLicence(copyright: string | undefined, name: string): string | undefined {
  if (!copyright) return undefined;
  const stanzas = copyright.split(/\n\s*\n/);
  const own = stanzas.find((st) => new RegExp(`^Files:.*(^|\\s)${name.replace(/[^a-z-]/g, '')}/`, 'm').test(st));
  const pick = (st: string | undefined): string | undefined => st?.match(/^License:\s*(.+)$/m)?.[1]?.trim() || undefined;
  return pick(own) ?? pick(stanzas.find((st) => /^Files:\s*\*\s*$/m.test(st)));
}

export async function runLexiconInstall(args: LexiconInstallArgs, streams: CliStreams): Promise<number> {
  const { existsSync, mkdirSync, readFileSync } = await import('node:fs');
  const { join } = await import('node:path');
  const { spawnSync } = await import('node:child_process');
  const { iso6393To1 } = await import('iso-639-3/iso6393-to-1.js');
  const { UserError } = await import('../errors.js');
  const { writeFileAtomic } = await import('../../io/atomic-write.js');
  const { formatTsvLexicon, normalizeLang } = await import('../../core/align/lexicon.js');
  const { installedLexiconDir, readLexiconFile } = await import('../../io/lexicon-files.js');

  const parts = args.pair.split(/[-:,]/).map((p) => normalizeLang(p.trim()));
  if (parts.length !== 2 || !parts[0] || !parts[1] || parts[0] === parts[1]) throw new UserError(`${args.pair}: give two languages, e.g. en-it.`);
  // FreeDict names languages with ISO 639-3 codes ("eng-ita").
  const three = (tag: string): string => Object.entries(iso6393To1).find(([, two]) => two === tag)?.[0] ?? tag;
  const [a, b] = parts as [string, string];
  const names = [`${three(a)}-${three(b)}`, `${three(b)}-${three(a)}`];
  const index = (name: string): string => `/usr/share/dictd/freedict-${name}.index`;
  const readText = (path: string): string | undefined => {
    try {
      return readFileSync(path, 'utf8');
    } catch {
      return undefined;
    }
  };

  const missing = names.filter((n) => !existsSync(index(n)));
  if (missing.length > 0 && args.apt) {
    // One package at a time: Debian has some directions only (fra-ita but no ita-fra).
    for (const n of missing) {
      streams.stderr.write(`Installing dict-freedict-${n} with apt-get…\n`);
      const run = spawnSync('apt-get', ['install', '-y', '--no-install-recommends', `dict-freedict-${n}`], { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
      if (run.error || run.status !== 0) {
        const why = run.error ? run.error.message : (run.stderr.trim().split('\n').pop() ?? `exit ${run.status}`);
        streams.stderr.write(`apt-get could not install dict-freedict-${n}: ${why}\n`);
      }
    }
  }
  const available = names.filter((n) => existsSync(index(n)));
  const absent = names.filter((n) => !available.includes(n));
  for (const n of absent) {
    streams.stderr.write(
      args.apt
        ? `FreeDict ${n} could not be installed${available.length ? '; the other direction serves both (lexicons are used both ways)' : ''}.\n`
        : `FreeDict ${n} is not installed (Debian package dict-freedict-${n}; install it with: apt-get install dict-freedict-${n}, or run this command with --apt).\n`,
    );
  }
  if (available.length === 0) throw new UserError(`No FreeDict dictionary for ${a}-${b} is installed.`, 1);

  const dir = installedLexiconDir(streams.env);
  if (!dir) throw new UserError('Cannot tell where to install lexicons: set ALLINEA_LEXICON_DIR (or HOME).');
  try {
    mkdirSync(dir, { recursive: true });
  } catch (error) {
    const { describeFsError } = await import('../../io/fs-errors.js');
    throw describeFsError(error, dir, 'write');
  }
  for (const name of available) {
    const lexicon = readLexiconFile(name, streams.cwd);
    const from = normalizeLang(lexicon.a ?? name.split('-')[0]!);
    const to = normalizeLang(lexicon.b ?? name.split('-')[1]!);
    const licence = debianLicence(readText(`/usr/share/doc/dict-freedict-${name}/copyright`), name) ?? 'see the dictionary package';
    const output = join(dir, `${from}-${to}.freedict.tsv`);
    const header = [
      `allinea lexicon ${from}-${to}: headword<TAB>translations (comma-separated), accent-folded.`,
      `Converted by "allinea lexicon install" from FreeDict ${name} (Debian package dict-freedict-${name}). Licence: ${licence}; it applies to this file. For your own use: do not redistribute it except under that licence.`,
    ];
    try {
      writeFileAtomic(output, formatTsvLexicon(lexicon, header));
    } catch (error) {
      const { describeFsError } = await import('../../io/fs-errors.js');
      throw describeFsError(error, output, 'write');
    }
    streams.stderr.write(`Installed ${lexicon.entries.size} entries (${from} → ${to}, licence ${licence}) to ${output}.\n`);
  }
  streams.stderr.write(`allinea align now uses ${available.length === 2 ? 'them' : 'it'} for ${a}-${b} in both modes (--no-installed-lexicons to leave them out).\n`);
  return 0;
}
