import type { Command } from 'commander';
import { Option } from 'commander';
import { action, type SetExit } from '../program.js';
import type { CliStreams } from '../streams.js';

export const EXPORT_FORMATS = ['tmx', 'json', 'jsonl', 'tsv', 'csv', 'moses', 'beads'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportArgs {
  readonly file: string;
  readonly to: ExportFormat;
  readonly output?: string;
  readonly status: 'confirmed' | 'all';
  readonly langs?: string;
  readonly pair?: string;
  readonly rawCells?: boolean;
  readonly bom?: boolean;
  readonly verbose?: boolean;
  readonly allowDrift?: boolean;
}

const HELP = `
Formats:
  tmx    TMX 1.4b: one <tu> per group, one <tuv> per language (srclang="*all*");
         with --pair, two-language units for tools that read only pairs
  json   one object per group: text per language and per document, ids, status, score
  jsonl  one line per group, Hugging Face "translation" convention, for MT training
  tsv    one column per language, header row of language codes
  csv    the same as RFC 4180 CSV (add --bom for Excel)
  moses  one plain-text file per language, line-aligned: -o corpus gives corpus.it, corpus.fr
  beads  with --pair (two languages, or two document ids): both documents one sentence
         per line and a Vecalign-style bead file (unaligned sentences as 1-0/0-1 beads)

With --pair, a group of three or more documents is refined into the finest units of the
two documents that their own alignment supports (en[4,5] it[5] fr[4,5] gives en-fr [4]:[4]
and [5]:[5] when the English and French sentences say so), in every format.

Groups: confirmed only unless --status all; rejected groups never. Languages given with
--langs or --pair must be in every group written. Whatever is left out is summarised on
stderr (listed with --verbose, and in the "omitted" field of the JSON export). An export
that would write nothing exits 1 and says why.
Set SOURCE_DATE_EPOCH (seconds) for a reproducible TMX creationdate.

Changed sources: a document whose text changed since the alignment was saved is re-anchored
(its sentences found again by their recorded text) and exported with its current text. When
that loses sentences, dissolves groups or re-attaches sentences to a changed text, export
lists what happened, writes nothing and exits 1; --allow-drift exports anyway. Review and
save the alignment first (allinea check --fix, or the workbench) to export it as confirmed.

Examples:
  allinea export alignments/seeds.align.json --to tmx -o seeds.tmx
  allinea export alignments/seeds.align.json --to tmx --pair it-fr -o it-fr.tmx
  allinea export alignments/seeds.align.json --to jsonl --pair it-fr > train.jsonl
  allinea export alignments/seeds.align.json --to tsv --langs it,fr,en --status all
  allinea export alignments/seeds.align.json --to moses --pair it-en -o out/corpus
  allinea export alignments/seeds.align.json --to beads --pair it-000:fr-003 -o out/b
`;

export function registerExport(program: Command, streams: CliStreams, setExit: SetExit): void {
  program
    .command('export')
    .description('Export an alignment to TMX, JSON, JSONL, TSV, CSV, Moses or bead files.')
    .argument('<file>', 'alignment file (*.align.json)')
    .addOption(new Option('-t, --to <format>', 'output format').choices([...EXPORT_FORMATS]).makeOptionMandatory())
    .option('-o, --output <path>', 'output file (Moses, beads: file prefix or folder); default: standard output')
    .addOption(new Option('-s, --status <which>', 'groups to export').choices(['confirmed', 'all']).default('confirmed'))
    .option('--langs <list>', 'languages to write, in order, e.g. it,fr,en (each one required in a group)')
    .option('--pair <L1-L2>', 'a two-language export, e.g. it-fr (pt-BR:en when a tag has a hyphen)')
    .option('--raw-cells', 'TSV/CSV: do not neutralise cells a spreadsheet would run as formulas (=, @, +/- followed by an operand)')
    .option('--bom', 'CSV/TSV: start with a UTF-8 byte order mark (for Excel)')
    .option('-v, --verbose', 'list every group left out')
    .option('--allow-drift', 'export even when re-anchoring a changed document lost or changed aligned sentences')
    .addHelpText('after', HELP)
    .action(
      action(streams, setExit, async (file: string, options: Omit<ExportArgs, 'file'>) => runExport({ file, ...options }, streams)),
    );
}

/** "it-fr", "it:fr", "it,fr", "pt-BR:en" -> two language tags, or undefined. */
export function parsePair(value: string): [string, string] | undefined {
  const parts = (/[:,]/.test(value) ? value.split(/[:,]/) : value.split('-')).map((p) => p.trim());
  return parts.length === 2 && parts[0] && parts[1] ? [parts[0], parts[1]] : undefined;
}

export async function runExport(args: ExportArgs, streams: CliStreams): Promise<number> {
  const { resolve, dirname, join, relative } = await import('node:path');
  const { existsSync, readFileSync, statSync } = await import('node:fs');
  const { AllineaError } = await import('../../core/errors.js');
  const { openAlignment } = await import('../../io/alignment-file.js');
  const { writeFileAtomic } = await import('../../io/atomic-write.js');
  const { describeFsError, ensureFolder } = await import('../../io/fs-errors.js');
  const { segment } = await import('../../core/text/segment.js');
  const { summarizeOmissions } = await import('../../core/formats/selection.js');

  const input = resolve(streams.cwd, args.file);
  const pair = args.pair !== undefined ? parsePair(args.pair) : undefined;
  if (args.pair !== undefined && !pair) throw new AllineaError(`--pair ${args.pair}: give two languages, e.g. --pair it-fr (or pt-BR:en).`);
  const langs = args.langs?.split(',').map((l) => l.trim()).filter((l) => l !== '');
  if (langs !== undefined && langs.length === 0) throw new AllineaError('--langs: give languages separated by commas, e.g. --langs it,fr.');
  const epoch = streams.env.SOURCE_DATE_EPOCH;
  if (epoch !== undefined && !/^\d{1,12}$/.test(epoch.trim())) {
    throw new AllineaError(`SOURCE_DATE_EPOCH must be a whole number of seconds, not "${epoch}".`);
  }
  const creationDate = epoch !== undefined ? new Date(Number(epoch.trim()) * 1000) : new Date();
  const multiFile = args.to === 'moses' || args.to === 'beads';
  const toStdout = args.output === undefined || args.output === '-';
  if (multiFile && toStdout) {
    throw new AllineaError(`${args.to} writes several files: name them with -o PREFIX (e.g. -o out/corpus) or -o FOLDER/.`);
  }

  const opened = openAlignment(input, segment);
  const { driftLines } = await import('../../core/model/drift-report.js');
  const { sanitizeForTerminal: clean } = await import('../../core/display/sanitize.js');
  // A dropped override changes no aligned sentence (members are found by their text): not a reason to stop.
  const lossy = opened.reanchored.filter((r) => r.lost.length > 0 || r.changed.length > 0 || r.dissolvedGroups.length > 0);
  for (const report of opened.reanchored) {
    const lost = report.lost.length > 0 ? `; ${report.lost.length} aligned sentence${report.lost.length === 1 ? ' was' : 's were'} not found again` : '';
    const changed = report.changed.length > 0 ? `; ${report.changed.length} aligned sentence${report.changed.length === 1 ? ' was' : 's were'} re-attached to a changed text` : '';
    const dissolved = report.dissolvedGroups.length > 0 ? ` and ${report.dissolvedGroups.length} group${report.dissolvedGroups.length === 1 ? '' : 's'} dissolved (${report.dissolvedGroups.join(', ')})` : '';
    const moved = report.moved > 0 && !lost && !changed && !dissolved ? `; ${report.moved} aligned sentence${report.moved === 1 ? '' : 's'} found again with ${report.moved === 1 ? 'its' : 'their'} text at a new place` : '';
    streams.stderr.write(clean(`allinea: warning: document "${report.doc}" changed since the alignment was saved; ${lossy.includes(report) && !args.allowDrift ? 'not exporting' : 'exporting'} its current text${moved}${lost}${changed}${dissolved}.`) + '\n');
    if (lossy.includes(report)) for (const line of driftLines(report).slice(0, 20)) streams.stderr.write(`  ${clean(line)}\n`);
  }
  if (lossy.length > 0 && !args.allowDrift) {
    streams.stderr.write(`allinea: nothing was exported: review the changes (allinea check --fix ${args.file}, or open it in the workbench) and save, or pass --allow-drift to export anyway.\n`);
    return 1;
  }
  let exportInput = { alignment: opened.alignment, texts: opened.texts };
  if (pair) {
    // The pairwise view of n-way groups: each refined into the finest beads of the two documents.
    const { refineForPair } = await import('../../core/align/refine.js');
    const refined = refineForPair(opened.alignment, opened.texts, pair);
    const split = opened.alignment.groups.filter((g) => !refined.groups.includes(g)).length;
    if (split > 0) streams.stderr.write(`allinea: note: ${split} group${split === 1 ? '' : 's'} of three or more documents refined into ${pair.join('-')} units.\n`);
    exportInput = { alignment: refined, texts: opened.texts };
  }
  const selection = { status: args.status, ...(langs ? { langs } : {}), ...(pair ? { pair } : {}) };
  const cells = { rawCells: args.rawCells === true, bom: args.bom === true };
  let result;
  switch (args.to) {
    case 'tmx': {
      const { exportTmx } = await import('../../core/formats/tmx-export.js');
      const { PACKAGE_ROOT } = await import('../paths.js');
      const { version } = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string };
      result = exportTmx(exportInput, { ...selection, toolVersion: version, creationDate });
      break;
    }
    case 'json':
      result = (await import('../../core/formats/json.js')).exportJson(exportInput, selection);
      break;
    case 'jsonl':
      result = (await import('../../core/formats/jsonl.js')).exportJsonl(exportInput, selection);
      break;
    case 'tsv':
    case 'csv':
      result = (await import('../../core/formats/delimited.js')).exportDelimited(args.to, exportInput, { ...selection, ...cells });
      break;
    case 'moses':
      result = (await import('../../core/formats/moses.js')).exportMoses(exportInput, selection);
      break;
    case 'beads':
      result = (await import('../../core/formats/beads.js')).exportBeads(exportInput, selection);
      break;
  }

  // An export that would write nothing is a failure to report, not an empty file to leave behind.
  if (result.written === 0) {
    const { summarizeOmissions: summarize } = await import('../../core/formats/selection.js');
    const suggested = result.omitted.filter((o) => o.reason === 'suggested').length;
    const why =
      opened.alignment.groups.length === 0 ? 'the alignment has no groups yet'
      : suggested > 0 && args.status !== 'all' ? `no group is confirmed and ${suggested} ${suggested === 1 ? 'is' : 'are'} only suggested (add --status all to export suggestions, or confirm groups in the workbench)`
      : `no group qualifies (${summarize(result.omitted).replace(/^left out /, '') || 'none has text in the selected languages'})${
          // JSONL and Moses need every language written: over many languages, a pair is what qualifies.
          (args.to === 'jsonl' || args.to === 'moses') && !pair && langs === undefined ? `; ${args.to === 'jsonl' ? 'JSONL' : 'Moses'} needs every language in each group: choose two with --pair, e.g. --pair ${pairHint(opened.alignment)}` : ''
        }`;
    throw new AllineaError(`Nothing to export from ${args.file}: ${why}; no file was written.`, 1);
  }

  // Never write over the alignment or its source texts: bad options must not destroy saved work.
  const { documentPath } = await import('../../io/alignment-sources.js');
  const { followLinks } = await import('../../io/follow-links.js');
  const protectedPaths = new Set([input, followLinks(input), ...opened.alignment.documents.map((d) => followLinks(documentPath(input, d.path)))]);
  const refuseProtected = (path: string) => {
    if (protectedPaths.has(path) || protectedPaths.has(followLinks(path))) throw new AllineaError(`Refusing to write ${path}: it is the alignment file or one of its documents.`);
  };
  const save = (path: string, data: string) => {
    refuseProtected(path);
    try {
      ensureFolder(dirname(path));
      writeFileAtomic(path, data);
    } catch (error) {
      throw describeFsError(error, path, 'write');
    }
  };
  const written: string[] = [];
  if (typeof result.output === 'string') {
    if (toStdout) streams.stdout.write(result.output);
    else {
      const path = resolve(streams.cwd, args.output!);
      save(path, result.output);
      written.push(args.output!);
    }
  } else {
    // Moses/beads: -o names a folder (existing, or ending in a slash) holding corpus.<lang>, or a file prefix.
    const out = args.output!;
    const target = resolve(streams.cwd, out);
    const isFolder = /[\\/]$/.test(out) || (existsSync(target) && statSync(target).isDirectory());
    if (isFolder) ensureFolder(target);
    const prefix = isFolder ? join(target, 'corpus') : target;
    const paths = [...result.output.keys()].map((suffix) => `${prefix}.${suffix}`);
    paths.forEach(refuseProtected); // before any file is written
    for (const [suffix, data] of result.output) {
      save(`${prefix}.${suffix}`, data);
      written.push(relative(streams.cwd, `${prefix}.${suffix}`));
    }
  }

  const unit = args.to === 'json' ? 'group' : args.to === 'tmx' ? 'translation unit' : args.to === 'beads' ? 'bead' : 'row';
  const where = written.length > 0 ? ` to ${written.join(', ')}` : '';
  const unalignedNote = result.unaligned ? ` and ${result.unaligned} 1-0/0-1 bead${result.unaligned === 1 ? '' : 's'} for sentences no group aligns` : '';
  streams.stderr.write(`allinea: wrote ${result.written} ${args.to === 'beads' ? 'aligned ' : ''}${unit}${result.written === 1 ? '' : 's'}${unalignedNote}${where}.\n`);
  const summary = summarizeOmissions(result.omitted);
  if (summary) streams.stderr.write(`allinea: ${summary}${args.verbose ? ':' : ' (--verbose lists them)'}\n`);
  // Messages quote group ids from the file: keep their bytes from driving the terminal.
  const { sanitizeForTerminal } = await import('../../core/display/sanitize.js');
  if (args.verbose) for (const o of result.omitted) streams.stderr.write(`  ${sanitizeForTerminal(o.message)}\n`);
  for (const notice of result.notices) streams.stderr.write(`allinea: note: ${notice.message}.\n`);
  return 0;
}

/** A --pair example: the two languages found together in the most groups. */
function pairHint(alignment: { readonly documents: readonly { readonly id: string; readonly lang: string }[]; readonly groups: readonly { readonly members: readonly { readonly doc: string }[] }[] }): string {
  const langOf = new Map(alignment.documents.map((d) => [d.id, d.lang]));
  const counts = new Map<string, number>();
  for (const g of alignment.groups) {
    const langs = [...new Set(g.members.map((m) => langOf.get(m.doc) ?? ''))].filter((l) => l !== '').sort();
    for (let i = 0; i < langs.length; i++) {
      for (let j = i + 1; j < langs.length; j++) {
        const sep = langs[i]!.includes('-') || langs[j]!.includes('-') ? ':' : '-';
        const key = `${langs[i]}${sep}${langs[j]}`;
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
    }
  }
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? 'it-fr';
}
