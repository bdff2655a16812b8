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
    .addOption(new Option('-f, --from <format>', 'input format').choices([...IMPORT_FORMATS]).makeOptionMandatory())
    .option('-o, --output <file>', 'alignment file to write (default: FILE with .align.json)')
    .option('--source <file>', 'beads/ladder: source sentence file, one sentence per line')
    .option('--target <file>', 'beads/ladder: target sentence file, one sentence per line')
    .option('--langs <list>', 'moses: the languages of PREFIX.<lang> to read (default: every PREFIX.<lang> file)')
    .option('--source-lang <lang>', 'beads/ladder: language of the source file (default: a two-letter extension, else detected)')
    .option('--target-lang <lang>', 'beads/ladder: language of the target file (default: a two-letter extension, else detected)')
    .addOption(new Option('-s, --status <status>', 'status of every imported group').choices(['confirmed', 'suggested']))
    .option('--max-size <MiB>', 'refuse inputs larger than this many MiB', '256')
    .option('--raw-cells', 'TSV/CSV: keep leading apostrophes (do not undo formula neutralisation)')
    .option('--force', 'replace existing output files')
    .addHelpText('after', HELP)
    .action(
      action(streams, setExit, async (file: string, options: Omit<ImportArgs, 'file'>) => runImport({ file, ...options }, streams)),
    );
}

export async function runImport(args: ImportArgs, streams: CliStreams): Promise<number> {
  const { basename, dirname, extname, join, relative, resolve } = await import('node:path');
  const { existsSync, mkdirSync, readdirSync, readFileSync, statSync } = await import('node:fs');
  const { AllineaError } = await import('../../core/errors.js');
  const { checkSize } = await import('../../core/formats/xml-guard.js');
  const { findViolations } = await import('../../core/model/invariants.js');
  const { writeAlignmentFile } = await import('../../io/alignment-file.js');
  const { storedPath } = await import('../../io/alignment-sources.js');
  const { writeFileAtomic } = await import('../../io/atomic-write.js');
  const { describeFsError } = await import('../../io/fs-errors.js');
  const { sha256 } = await import('../../io/hash.js');

  const show = (path: string) => relative(streams.cwd, path) || path;
  const maxMiB = Number(args.maxSize ?? '256');
  if (!Number.isFinite(maxMiB) || maxMiB <= 0) throw new AllineaError(`--max-size must be a positive number of MiB, not "${args.maxSize}".`);
  const maxBytes = Math.floor(maxMiB * 1024 * 1024);

  /** Reads a text file within the size limit: UTF-8 (BOM dropped) or UTF-16 with a BOM (Trados writes TMX that way). */
  const readInput = (path: string): string => {
    let buffer: Buffer;
    try {
      checkSize(statSync(path).size, maxBytes, show(path));
      buffer = readFileSync(path);
    } catch (error) {
      if (error instanceof AllineaError) throw error;
      throw describeFsError(error, show(path));
    }
    const utf16 = buffer[0] === 0xff && buffer[1] === 0xfe ? 'utf-16le' : buffer[0] === 0xfe && buffer[1] === 0xff ? 'utf-16be' : undefined;
    if (!utf16 && buffer.subarray(0, 8000).includes(0)) throw new AllineaError(`Cannot read ${show(path)}: it looks like a binary file, not text.`);
    try {
      return new TextDecoder(utf16 ?? 'utf-8', { fatal: true }).decode(buffer);
    } catch {
      const declared = /^<\?xml[^>]*encoding=["']([A-Za-z0-9._-]+)["']/.exec(buffer.subarray(0, 200).toString('latin1'))?.[1];
      const hint = declared && !/^utf-?(8|16)$/i.test(declared) ? ` (it declares ${declared}: convert it first, e.g. iconv -f ${declared} -t UTF-8)` : '';
      throw new AllineaError(`Cannot read ${show(path)}: it is not valid ${utf16 ? 'UTF-16' : 'UTF-8'} text${hint}.`);
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
  const claim = (path: string) => {
    if (inputs.has(path)) throw new AllineaError(`Refusing to write ${show(path)}: it is one of the files being imported.`);
    if (existsSync(path) && !args.force) throw new AllineaError(`${show(path)} already exists; use --force to replace it or -o to write elsewhere.`);
  };
  const save = (path: string, data: string) => {
    try {
      mkdirSync(dirname(path), { recursive: true });
      writeFileAtomic(path, data);
    } catch (error) {
      throw describeFsError(error, show(path), 'write');
    }
  };
  claim(output);

  let built;
  const written: string[] = [];
  if (args.from !== 'beads' && args.from !== 'ladder') {
    const { UnitsAlignment } = await import('../../core/formats/imported.js');
    const textPath = (lang: string) => `${base}.${lang}.txt`;
    const builder = new UnitsAlignment({
      pathFor: (lang) => storedPath(output, textPath(lang)),
      hash: sha256,
      ...(args.status ? { forceStatus: args.status } : {}),
      titleFor: (lang) => `${lang} (from ${basename(input)})`,
    });
    // TMX units stream into the builder (a memory's parsed units are never all held at once).
    const units = args.from === 'tmx' ? { notices: await readTmx(builder) } : await readUnits(args.from);
    if ('units' in units) for (const unit of units.units) builder.add(unit);
    built = builder.finish();
    for (const doc of built.documents) claim(textPath(doc.lang));
    checkBuilt(built.alignment);
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
  try {
    mkdirSync(dirname(output), { recursive: true });
  } catch (error) {
    throw describeFsError(error, show(dirname(output)), 'write');
  }
  writeAlignmentFile(output, built.alignment, built.texts);
  const groups = built.alignment.groups.length;
  streams.stderr.write(`allinea: wrote ${show(output)} (${groups} group${groups === 1 ? '' : 's'})${written.length > 0 ? ` and ${written.join(', ')}` : ''}.\n`);
  for (const notice of built.notices) streams.stderr.write(`allinea: note: ${notice.message}.\n`);
  return 0;

  /** TMX units into `builder`: from the file's bytes when it is UTF-8, else from its decoded text. */
  async function readTmx(builder: { add: (unit: import('../../core/formats/types.js').ImportedUnit) => void }) {
    const { readTmxUnits, readTmxUnitsFromUtf8 } = await import('../../core/formats/tmx-import.js');
    const options = { name: show(input), maxBytes };
    let bytes: Buffer | undefined;
    try {
      checkSize(statSync(input).size, maxBytes, show(input));
      bytes = readFileSync(input);
    } catch (error) {
      if (error instanceof AllineaError) throw error;
      throw describeFsError(error, show(input));
    }
    const binary = bytes.subarray(0, 8000).includes(0) && !(bytes[0] === 0xff && bytes[1] === 0xfe) && !(bytes[0] === 0xfe && bytes[1] === 0xff);
    const fast = binary ? undefined : readTmxUnitsFromUtf8(bytes, options, (unit) => builder.add(unit));
    if (fast) return fast;
    bytes = undefined; // readInput reads the file again; nothing was delivered
    return readTmxUnits(readInput(input), options, (unit) => builder.add(unit));
  }

  async function readUnits(format: 'tsv' | 'csv' | 'json' | 'jsonl' | 'moses') {
    switch (format) {
      case 'tsv':
      case 'csv':
        return (await import('../../core/formats/delimited.js')).importDelimited(format, readInput(input), { rawCells: args.rawCells === true });
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

  function checkBuilt(alignment: import('../../core/model/types.js').Alignment): void {
    const violation = findViolations(alignment)[0];
    if (violation) throw new AllineaError(`The imported alignment would not be valid: ${violation.message}.`);
  }
}
