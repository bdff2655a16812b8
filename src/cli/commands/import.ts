import type { Command } from 'commander';
import { Option } from 'commander';
import { action, type SetExit } from '../program.js';
import type { CliStreams } from '../streams.js';

export const IMPORT_FORMATS = ['tmx', 'tsv', 'csv', 'json', 'jsonl', 'moses', 'beads', 'ladder'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export interface ImportArgs {
  readonly file: string;
  readonly from: ImportFormat;
  readonly output?: string;
  readonly source?: string;
  readonly target?: string;
  readonly sourceLang?: string;
  readonly targetLang?: string;
  readonly langs?: string;
  readonly status?: 'confirmed' | 'suggested';
  readonly maxSize?: string;
  readonly rawCells?: boolean;
  readonly force?: boolean;
}

const HELP = `
Formats:
  tmx     TMX 1.1-1.4b, any number of languages per <tu>. One new document per language is
          written beside the output (OUT.it.txt, OUT.fr.txt: one sentence per line) and each
          <tu> becomes a group. Inline markup is flattened to text (with a note).
  tsv/csv header row of language codes, one row per group (what allinea export writes).
  json    allinea's JSON export; jsonl: {"translation": {"it": ..., "fr": ...}} lines.
  moses   line-aligned files PREFIX.it, PREFIX.fr, ...: give PREFIX as FILE (languages
          from the file names, or --langs it,fr).
  (tmx, tsv, csv, json, jsonl and moses all write OUT.<lang>.txt documents as tmx does.)
  beads   Vecalign/Bertalign beads ("[0, 1]:[0]" per line) with --source and --target,
          the two sentence files (one sentence per line) the beads index.
  ladder  hunalign's ladder output ("i<TAB>j<TAB>score" rungs) with --source and --target.

TMX/TSV/CSV groups are confirmed unless the file says otherwise; beads and ladders are an
aligner's output, so their groups are suggested (to review). --status overrides both.
XML is read safely: no DTD is loaded and no entity expanded (files declaring entities are
refused), and inputs over --max-size MiB (default 256) are refused.
An existing output is never replaced without --force.

Examples:
  allinea import memory.tmx --from tmx -o alignments/memory.align.json
  allinea import pairs.tsv --from tsv
  allinea import out/corpus --from moses --langs it,fr
  allinea import book.beads --from beads --source book.en --target book.fr
  allinea import book.ladder --from ladder --source book.en --target book.fr --source-lang en --target-lang fr
`;

export function registerImport(program: Command, streams: CliStreams, setExit: SetExit): void {
  program
    .command('import')
    .description('Create an alignment from TMX, TSV/CSV, JSON/JSONL, Moses files, Vecalign/Bertalign beads or a hunalign ladder.')
    .argument('<file>', 'file to import')
    .addOption(new Option('-f, --from <format>', 'input format (default: from the extension: .tmx, .tsv, .csv, .json, .jsonl, .beads, .ladder)').choices([...IMPORT_FORMATS]))
    .option('-o, --output <file>', 'alignment file to write (default: FILE with .align.json)')
    .option('--source <file>', 'beads/ladder: source sentence file, one sentence per line')
    .option('--target <file>', 'beads/ladder: target sentence file, one sentence per line')
    .option('--langs <list>', 'moses: the languages of PREFIX.<lang> to read (default: every PREFIX.<lang> file)')
    .option('--source-lang <lang>', 'beads/ladder: language of the source file (default: a two-letter extension, else detected)')
    .option('--target-lang <lang>', 'beads/ladder: language of the target file (default: a two-letter extension, else detected)')
    .addOption(new Option('-s, --status <status>', 'status of every imported group').choices(['confirmed', 'suggested']))
    .option('--max-size <MiB>', 'refuse inputs larger than this many MiB (default: the --max-input-size limit, 256 MiB)')
    .option('--raw-cells', 'TSV/CSV: keep leading apostrophes (do not undo formula neutralisation)')
    .option('--force', 'replace existing output files')
    .addHelpText('after', HELP)
    .action(
      action(streams, setExit, async (file: string, options: Omit<ImportArgs, 'file' | 'from'> & { from?: ImportFormat }) =>
        runImport({ file, ...options, from: options.from ?? (await formatFromExtension(file)) }, streams),
      ),
    );
}

/** The format a file's extension names; Moses (a prefix, not a file) always needs --from. */
async function formatFromExtension(file: string): Promise<ImportFormat> {
  const ext = /\.([a-z]+)$/i.exec(file)?.[1]?.toLowerCase();
  const found = IMPORT_FORMATS.find((f) => f === ext && f !== 'moses');
  if (found) return found;
  const { UserError } = await import('../errors.js');
  throw new UserError(`Cannot tell the format of ${file} from its name: give it with --from (${IMPORT_FORMATS.join(', ')}).`);
}

export async function runImport(args: ImportArgs, streams: CliStreams): Promise<number> {
  const { basename, dirname, extname, isAbsolute, join, relative, resolve } = await import('node:path');
  const { sanitizeForTerminal } = await import('../../core/display/sanitize.js');
  const { existsSync, mkdirSync, readdirSync, realpathSync, rmSync } = await import('node:fs');
  const { AllineaError } = await import('../../core/errors.js');
  const { checkSize } = await import('../../core/formats/xml-guard.js');
  const { findViolations } = await import('../../core/model/invariants.js');
  const { writeAlignmentFile } = await import('../../io/alignment-file.js');
  const { storedPath } = await import('../../io/alignment-sources.js');
  const { writeFileAtomic } = await import('../../io/atomic-write.js');
  const { describeFsError, ensureFolder } = await import('../../io/fs-errors.js');
  const { sha256 } = await import('../../io/hash.js');

  // Inside the working folder a path is shown relative to it, elsewhere in full.
  const show = (path: string) => {
    const rel = relative(streams.cwd, path);
    return sanitizeForTerminal(rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path);
  };
  const { getMaxInputBytes, readFileBounded, readTextFile } = await import('../../io/read-text.js');
  const maxMiB = args.maxSize !== undefined ? Number(args.maxSize) : getMaxInputBytes() / (1024 * 1024);
  if (!Number.isFinite(maxMiB) || maxMiB <= 0) throw new AllineaError(`--max-size must be a positive number of MiB, not "${args.maxSize}".`);
  const maxBytes = Math.floor(maxMiB * 1024 * 1024);

  /** Reads a text file within the size limit: UTF-8 (BOM dropped) or UTF-16 with a BOM (Trados writes TMX that way). */
  const readInput = (path: string): string => {
    // Regular files only (a FIFO or /dev/zero would never end), never more than the limit.
    const buffer = readFileBounded(path, { maxBytes, name: show(path), onTooLarge: (bytes) => checkSize(bytes, maxBytes, show(path)) as never });
    const utf16 = buffer[0] === 0xff && buffer[1] === 0xfe ? 'utf-16le' : buffer[0] === 0xfe && buffer[1] === 0xff ? 'utf-16be' : undefined;
    if (!utf16 && buffer.subarray(0, 8000).includes(0)) throw new AllineaError(`Cannot read ${show(path)}: it looks like a binary file, not text.`);
    try {
      return new TextDecoder(utf16 ?? 'utf-8', { fatal: true }).decode(buffer);
    } catch {
      const declared = /^<\?xml[^>]*encoding=["']([A-Za-z0-9._-]+)["']/.exec(buffer.subarray(0, 200).toString('latin1'))?.[1];
      const hint = declared && !/^utf-?(8|16)$/i.test(declared) ? ` (it declares ${declared}: convert it first, e.g. iconv -f ${declared} -t UTF-8)` : '';
      throw new AllineaError(`Cannot read ${show(path)}: it is not valid ${utf16 ? 'UTF-16' : 'UTF-8'} text${hint || (utf16 ? '' : ' (if it is Latin-1, convert it first, e.g. iconv -f latin1 -t utf-8)')}.`);
    }
  };

  const input = resolve(streams.cwd, args.file);
  if (input.endsWith('.align.json')) throw new AllineaError(`${show(input)} is already an alignment file.`);
  // Moses: FILE is the prefix of PREFIX.it, PREFIX.fr, ...
  const mosesFiles = args.from === 'moses' ? findMosesFiles(input, args.langs) : [];
  const stem = args.from === 'moses' ? basename(input) : basename(input, extname(input));
  const output = args.output !== undefined ? resolve(streams.cwd, args.output) : join(dirname(input), `${stem}.align.json`);
  const base = output.replace(/(\.align)?\.json$/, '');
  const inputs = new Set([
    input,
    ...mosesFiles.map((f) => f.path),
    ...[args.source, args.target].filter((p): p is string => p !== undefined).map((p) => resolve(streams.cwd, p)),
  ]);
  const real = (path: string) => {
    try {
      return realpathSync(path);
    } catch {
      return path;
    }
  };
  const realInputs = new Set([...inputs].map(real));
  // An import writes several files, the alignment last. Until it is written a journal beside it
  // lists the files of this import, so a run killed half-way is named on the next run, and its
  // left-over files are replaced without --force (they belong to the import that never ended).
  const journal = join(dirname(output), `.${basename(output)}.import-incomplete`);
  const leftovers = readJournal(journal);
  const claim = (path: string) => {
    if (inputs.has(path) || (existsSync(path) && realInputs.has(real(path)))) throw new AllineaError(`Refusing to write ${show(path)}: it is one of the files being imported.`);
    if (existsSync(path) && !args.force && !leftovers.has(path)) {
      const interrupted = leftovers.size > 0 ? ` (an earlier import into ${show(output)} was interrupted and did not write it)` : '';
      throw new AllineaError(`${show(path)} already exists${interrupted}; use --force to replace it or -o to write elsewhere.`);
    }
  };
  const save = (path: string, data: string) => {
    try {
      ensureFolder(dirname(path));
      writeFileAtomic(path, data);
    } catch (error) {
      throw describeFsError(error, show(path), 'write');
    }
  };
  // The documents go beside the alignment: a device or a FIFO named as the output (/dev/null)
  // would put them, and the journal, in its folder. Only a regular file (or a new one) will do.
  const { statSync: statOutput } = await import('node:fs');
  const { namedDescriptor } = await import('../../io/atomic-write.js');
  const outputStats = (() => {
    try {
      return statOutput(output);
    } catch {
      return undefined;
    }
  })();
  if (namedDescriptor(output) !== undefined || (outputStats && !outputStats.isFile())) {
    throw new AllineaError(`Cannot write ${show(output)}: it is not a regular file, and an import writes an alignment file with its documents beside it; give a file name with -o.`);
  }
  claim(output);
  if (leftovers.size > 0) {
    const left = [...leftovers].filter((p) => existsSync(p)).map(show);
    streams.stderr.write(`allinea: note: an earlier import into ${show(output)} was interrupted${left.length > 0 ? `; its files ${left.join(', ')} are out of step and will be replaced` : ''}.\n`);
  }
  const startJournal = (paths: readonly string[]) => {
    try {
      ensureFolder(dirname(journal));
      writeFileAtomic(journal, `${JSON.stringify({ output, files: [...new Set([...leftovers, ...paths, output])] })}\n`);
    } catch (error) {
      if (error instanceof AllineaError) throw error;
      throw describeFsError(error, show(output), 'write');
    }
  };

  let built;
  const written: string[] = [];
  if (args.from !== 'beads' && args.from !== 'ladder') {
    const { UnitsAlignment } = await import('../../core/formats/imported.js');
    const textPath = (lang: string) => `${base}.${lang}.txt`;
    const newBuilder = () =>
      new UnitsAlignment({
        pathFor: (lang) => storedPath(output, textPath(lang)),
        hash: sha256,
        ...(args.status ? { forceStatus: args.status } : {}),
        titleFor: (lang) => `${lang} (from ${basename(input)})`,
      });
    // TMX units stream into the builder (a memory's parsed units are never all held at once).
    const tmx = args.from === 'tmx' ? await readTmx(newBuilder) : undefined;
    const builder = tmx?.builder ?? newBuilder();
    const units = tmx ? { notices: tmx.notices } : await readUnits(args.from as Exclude<ImportFormat, 'tmx' | 'beads' | 'ladder'>);
    if ('units' in units) for (const unit of units.units) builder.add(unit);
    built = builder.finish();
    for (const doc of built.documents) claim(textPath(doc.lang));
    checkBuilt(built.alignment);
    startJournal(built.documents.map((doc) => textPath(doc.lang)));
    for (const doc of built.documents) {
      save(textPath(doc.lang), doc.text);
      const count = built.alignment.documents.find((d) => d.id === doc.id)!.sentences.length;
      written.push(`${show(textPath(doc.lang))} (${doc.lang}, ${count} sentence${count === 1 ? '' : 's'})`);
    }
    built = { ...built, notices: [...units.notices, ...built.notices] };
  } else {
    if (!args.source || !args.target) {
      throw new AllineaError(`A ${args.from === 'beads' ? 'bead' : 'ladder'} file indexes two sentence files: name them with --source FILE --target FILE.`);
    }
    const { parseBeads } = await import('../../core/formats/beads.js');
    const { parseLadder } = await import('../../core/formats/ladder.js');
    const { alignmentFromBeads } = await import('../../core/formats/imported.js');
    const { detectLanguage } = await import('../../core/corpus/detect-language.js');
    const { idFromFileName, uniqueIds } = await import('../../core/corpus/manifest.js');
    const beadText = readInput(input);
    let beads;
    try {
      beads = args.from === 'beads' ? parseBeads(beadText) : parseLadder(beadText);
    } catch (error) {
      if (error instanceof AllineaError) throw new AllineaError(`${show(input)}: ${error.message}`);
      throw error;
    }
    const files = [args.source, args.target].map((p) => resolve(streams.cwd, p));
    const stems = files.map((f) => idFromFileName(basename(f)));
    const sides = files.map((path, i) => {
      const text = readInput(path);
      const given = i === 0 ? args.sourceLang : args.targetLang;
      const fromExtension = /^\.([a-z]{2})$/i.exec(extname(path))?.[1]?.toLowerCase(); // book.en; not .txt
      const lang = given ?? fromExtension ?? detectLanguage(text);
      if (lang === 'und') {
        throw new AllineaError(`Cannot tell the language of ${show(path)}: give it with --${i === 0 ? 'source' : 'target'}-lang.`);
      }
      return { id: stems[i]!, lang, path: storedPath(output, path), text, name: show(path) };
    });
    // book.en and book.fr share a stem: tell them apart by language ("book-en", "book-fr").
    if (sides[0]!.id === sides[1]!.id) {
      const ids = uniqueIds(sides.map((s) => `${s.id}-${s.lang}`));
      sides.forEach((s, i) => (s.id = ids[i]!));
    }
    built = alignmentFromBeads(sides[0]!, sides[1]!, beads, { hash: sha256, status: args.status ?? 'suggested' });
    checkBuilt(built.alignment);
  }
  ensureFolder(dirname(output));
  writeAlignmentFile(output, built.alignment, built.texts);
  rmSync(journal, { force: true });
  const groups = built.alignment.groups.length;
  streams.stderr.write(`allinea: wrote ${show(output)} (${groups} group${groups === 1 ? '' : 's'})${written.length > 0 ? ` and ${written.join(', ')}` : ''}.\n`);
  for (const notice of built.notices) streams.stderr.write(`allinea: note: ${notice.message}.\n`);
  return 0;

  /**
   * TMX units into `builder`: from the file's bytes when it is UTF-8, else from its decoded
   * text. A regular file is read a run of units at a time (the bytes of a large memory are never
   * all in memory); anything else (a FIFO, a device) goes through readInput, which refuses it.
   */
  async function readTmx<B extends { add: (unit: import('../../core/formats/types.js').ImportedUnit) => void }>(newBuilder: () => B) {
    const { readTmxUnits, readTmxUnitsFromUtf8 } = await import('../../core/formats/tmx-import.js');
    const { closeSync, openSync, readSync, statSync } = await import('node:fs');
    const options = { name: show(input), maxBytes };
    // Anything unusual (not a regular file, not readable) is left to readInput, which says what is wrong.
    const fd = (() => {
      try {
        return statSync(input).isFile() ? openSync(input, 'r') : undefined;
      } catch {
        return undefined;
      }
    })();
    if (fd !== undefined) {
      try {
        const size = statSync(input).size;
        checkSize(size, maxBytes, show(input));
        const read = (start: number, end: number): Uint8Array => {
          const buffer = Buffer.allocUnsafe(Math.max(0, Math.min(end, size) - start));
          let got = 0;
          while (got < buffer.length) {
            const n = readSync(fd, buffer, got, buffer.length - got, start + got);
            if (n === 0) break; // the file got shorter: the reader sees a short piece
            got += n;
          }
          return buffer.subarray(0, got);
        };
        const lead = read(0, 8000);
        const binary = lead.includes(0) && !(lead[0] === 0xff && lead[1] === 0xfe) && !(lead[0] === 0xfe && lead[1] === 0xff);
        const builder = newBuilder();
        const fast = binary ? undefined : readTmxUnitsFromUtf8({ size, read }, options, (unit) => builder.add(unit));
        if (fast) return { builder, notices: fast };
      } finally {
        closeSync(fd);
      }
    }
    // A fresh builder: what the byte path delivered before it declined is dropped.
    const builder = newBuilder();
    return { builder, notices: readTmxUnits(readInput(input), options, (unit) => builder.add(unit)) };
  }

  /** Reads the units; a format's complaint names the file when it does not already. */
  async function readUnits(format: 'tsv' | 'csv' | 'json' | 'jsonl' | 'moses') {
    try {
      return await readUnitsOf(format);
    } catch (error) {
      if (!(error instanceof AllineaError) || format === 'moses') throw error;
      const name = show(input);
      if (error.message.includes(name)) throw error;
      throw new AllineaError(/^The file\b/.test(error.message) ? error.message.replace(/^The file\b/, name) : `${name}: ${error.message}`, error.exitCode);
    }
  }

  async function readUnitsOf(format: 'tsv' | 'csv' | 'json' | 'jsonl' | 'moses') {
    switch (format) {
      case 'tsv':
      case 'csv': {
        const text = readInput(input);
        refuseTruncated(format, text);
        return (await import('../../core/formats/delimited.js')).importDelimited(format, text, { rawCells: args.rawCells === true });
      }
      case 'json':
        return (await import('../../core/formats/json.js')).importJson(readInput(input), show(input));
      case 'jsonl':
        return (await import('../../core/formats/jsonl.js')).importJsonl(readInput(input), show(input));
      case 'moses':
        return (await import('../../core/formats/moses.js')).importMoses(mosesFiles.map((f) => ({ lang: f.lang, name: show(f.path), text: readInput(f.path) })));
    }
  }

  function findMosesFiles(prefix: string, langs: string | undefined): { lang: string; path: string }[] {
    if (langs !== undefined) {
      const list = langs.split(',').map((l) => l.trim()).filter((l) => l !== '');
      if (list.length < 2) throw new AllineaError('--langs: give at least two languages separated by commas, e.g. --langs it,fr.');
      return list.map((lang) => ({ lang, path: `${prefix}.${lang}` }));
    }
    const folder = dirname(prefix);
    const start = `${basename(prefix)}.`;
    let names: string[];
    try {
      names = readdirSync(folder);
    } catch (error) {
      throw describeFsError(error, show(folder));
    }
    const found = names
      .filter((n) => n.startsWith(start) && /^[A-Za-z]{2}([-_][A-Za-z0-9]{1,8})*$/.test(n.slice(start.length))) // corpus.it, not corpus.txt
      .sort()
      .map((n) => ({ lang: n.slice(start.length), path: join(folder, n) }));
    if (found.length < 2) {
      throw new AllineaError(`Moses import reads PREFIX.<lang> files, and ${show(prefix)}.<lang> matches ${found.length === 0 ? 'none' : `only ${show(found[0]!.path)}`}: give the prefix (e.g. out/corpus) or --langs.`);
    }
    return found;
  }

  /**
   * A table cut short (a copy or download that stopped) must not become an alignment quietly:
   * its last line has no line end and fewer cells than the header, or a quoted cell never closes.
   */
  function refuseTruncated(format: 'tsv' | 'csv', text: string): void {
    const body = text.replace(/^\uFEFF/, '');
    if (body === '' || body.endsWith('\n')) return;
    const lines = body.split('\n');
    if (lines.length < 2) return; // a header alone: importDelimited says the file holds no text
    const separator = format === 'tsv' ? '\t' : ',';
    const cells = (line: string) => line.split(separator).length;
    const last = lines[lines.length - 1]!.replace(/\r$/, '');
    const unclosedQuote = format === 'csv' && (body.match(/"/g)?.length ?? 0) % 2 === 1;
    if (unclosedQuote || (last.trim() !== '' && cells(last) < cells(lines[0]!.replace(/\r$/, '')))) {
      throw new AllineaError(
        `${show(input)} looks cut short: its last line ends without a line break${unclosedQuote ? ' inside a quoted cell' : ` and has ${cells(last)} of the header's ${cells(lines[0]!)} cells`}; fetch the whole file again (or end it with a line break if it is complete).`,
      );
    }
  }

  /** The files an interrupted import into this output left, from its journal (none when there is no journal). */
  function readJournal(path: string): Set<string> {
    if (!existsSync(path)) return new Set();
    try {
      const data = JSON.parse(readTextFile(path)) as { output?: unknown; files?: unknown };
      if (data.output !== output || !Array.isArray(data.files)) return new Set();
      return new Set(data.files.filter((f): f is string => typeof f === 'string' && (f === output || f.startsWith(`${base}.`))));
    } catch {
      return new Set();
    }
  }

  function checkBuilt(alignment: import('../../core/model/types.js').Alignment): void {
    const violation = findViolations(alignment)[0];
    if (violation) throw new AllineaError(`The imported alignment would not be valid: ${violation.message}.`);
  }
}
