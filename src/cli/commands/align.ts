/**
 * `allinea align`: suggests groups for a corpus and saves them in an alignment file, keeping
 * the file's confirmed and rejected groups as anchors. Batch mode (`--manifest`) aligns many
 * document sets, optionally in parallel jobs and in deterministic shards.
 */
import type { Command } from 'commander';
import { InvalidArgumentError, Option } from 'commander';
import { action, type SetExit } from '../program.js';
import type { CliStreams, OutStream } from '../streams.js';
import type { AlignMode } from '../../core/align/types.js';
import { uniqueIds } from '../../core/corpus/ids.js';

export interface AlignArgs {
  readonly inputs: readonly string[];
  readonly mode?: AlignMode;
  readonly presplit?: boolean;
  readonly lexicons?: readonly string[];
  /** Use the lexicons installed with `allinea lexicon install` (default true; off with bundled off). */
  readonly installedLexicons?: boolean;
  /** Use the lexicons bundled in lexicons/ (default true). */
  readonly bundledLexicons?: boolean;
  readonly output?: string;
  readonly lang?: string;
  readonly maxBead?: number;
  readonly manifest?: string;
  readonly outDir?: string;
  readonly jobs?: number;
  /** "I/N": this run aligns the sets whose position modulo N is I-1. */
  readonly shard?: string;
}

const positiveInt = (name: string) => (value: string): number => {
  const n = Number(value);
  if (!/^\s*\d+\s*$/.test(value) || !Number.isSafeInteger(n) || n < 1) throw new InvalidArgumentError(`${name} must be a positive whole number.`);
  return n;
};

export function registerAlign(program: Command, streams: CliStreams, setExit: SetExit): void {
  program
    .command('align')
    .description('Suggest groups of sentences that say the same thing, and save them in an alignment file.')
    .argument('[inputs...]', 'a corpus folder or text files (default: the bundled seeds)')
    .addOption(new Option('-m, --mode <mode>', 'parallel (translations), comparable (same subject), or auto').choices(['auto', 'parallel', 'comparable']).default('auto'))
    .option('--presplit', 'treat each non-empty input line as one sentence (pre-segmented input)')
    .option(
      '--lexicon <file>',
      'a bilingual lexicon: TSV, hunalign .dic, FreeDict .index or name ("fra-ita"); repeat for more',
      (value: string, previous: string[]) => [...previous, value],
      [] as string[],
    )
    .option('--no-bundled-lexicons', 'do not use the lexicons shipped with allinea or installed with allinea lexicon install')
    .option('--no-installed-lexicons', 'do not use the lexicons installed with allinea lexicon install (used by default)')
    .option('-l, --lang <lang>', 'language of the documents: one tag for all (it), or one per document in order (en,de); default: corpus manifest, else detected')
    .option('--max-bead <n>', 'parallel mode: most sentences on one side of a group (default: 3, or 2 beyond 50,000 sentences)', positiveInt('--max-bead'))
    .option('-o, --output <file>', 'alignment file to write (confirmed and rejected groups in it are kept)')
    .option('--manifest <file>', 'batch: a TSV file, one document set per line (tab-separated paths, optional name first)')
    .option('--out-dir <dir>', 'batch: folder for the alignment files')
    .option('-j, --jobs <n>', 'batch: document sets aligned at the same time', positiveInt('--jobs'), 1)
    .option('--shard <i/n>', 'batch: align only shard I of N (deterministic split of the manifest)')
    .addHelpText(
      'after',
      `
The mode is printed on stderr with the reason when it was picked automatically.
Batch manifest lines look like  name<TAB>a.en<TAB>a.fr  or  a.en<TAB>a.fr  (paths relative to
the manifest); each set is written to <out-dir>/<name>.align.json. Shards split the manifest
the same way on every machine: --shard 2/4 takes sets 2, 6, 10, …
`,
    )
    .action(
      action(
        streams,
        setExit,
        async (
          inputs: string[],
          o: {
            mode: AlignMode;
            presplit?: boolean;
            lexicon?: string[];
            bundledLexicons: boolean;
            installedLexicons: boolean;
            lang?: string;
            maxBead?: number;
            output?: string;
            manifest?: string;
            outDir?: string;
            jobs: number;
            shard?: string;
          },
        ) =>
          runAlign(
            {
              inputs,
              mode: o.mode,
              presplit: o.presplit === true,
              lexicons: o.lexicon ?? [],
              bundledLexicons: o.bundledLexicons,
              installedLexicons: o.installedLexicons,
              maxBead: o.maxBead,
              jobs: o.jobs,
              ...(o.lang ? { lang: o.lang } : {}),
              ...(o.output ? { output: o.output } : {}),
              ...(o.manifest ? { manifest: o.manifest } : {}),
              ...(o.outDir ? { outDir: o.outDir } : {}),
              ...(o.shard ? { shard: o.shard } : {}),
            },
            streams,
          ),
      ),
    );
}

export async function runAlign(args: AlignArgs, streams: CliStreams): Promise<number> {
  const { UserError } = await import('../errors.js');
  if (args.manifest) return runBatch(args, streams);
  if (args.outDir || args.shard) throw new UserError('--out-dir and --shard go with --manifest.');
  const { loadLexicons } = await import('../../io/lexicon-files.js');
  const lexicons = loadLexicons(args.lexicons ?? [], streams.cwd, { bundled: args.bundledLexicons !== false, installed: args.installedLexicons !== false, env: streams.env });
  await alignOne(args, streams, lexicons);
  return 0;
}

/** Each non-empty line is one sentence: spans over the lines, trailing CR excluded. */
export function lineSpans(text: string): [number, number][] {
  const spans: [number, number][] = [];
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    let stop = end;
    if (stop > start && text.charCodeAt(stop - 1) === 13) stop--;
    if (text.slice(start, stop).trim()) spans.push([start, stop]);
    start = end + 1;
  }
  return spans;
}

async function alignOne(
  args: AlignArgs,
  streams: CliStreams,
  lexicons: readonly import('../../core/align/lexicon.js').Lexicon[],
  label = '',
): Promise<string> {
  const { resolve, basename, dirname } = await import('node:path');
  const { UserError } = await import('../errors.js');
  const { DEFAULT_ALIGNMENT, DEFAULT_CORPUS, PACKAGE_ROOT, isCheckout, isInside, seedsAlignmentPath } = await import('../paths.js');
  const { corpusHelpers, loadCorpusFiles } = await import('../../io/corpus-files.js');
  const { segment } = await import('../../core/text/segment.js');
  const { createAlignment } = await import('../../core/model/create.js');
  const { applySuggestions } = await import('../../core/model/operations.js');
  const { alignmentExists, openAlignment, openAlignmentCopy, writeAlignmentFile } = await import('../../io/alignment-file.js');
  const { documentPath, storedPath } = await import('../../io/alignment-sources.js');
  const { align } = await import('../../core/align/index.js');
  const { rmSync } = await import('node:fs');
  const { ensureFolder } = await import('../../io/fs-errors.js');
  const { readStdinText, shownPath } = await import('../../io/read-text.js');
  const { STDIN_INPUT } = await import('../../io/corpus-files.js');
  const { saveStdinCopy, stdinCopyPath } = await import('../../io/stdin-copy.js');

  const inputs = args.inputs.length > 0 ? args.inputs : [DEFAULT_CORPUS];
  const seeds = !args.output && args.inputs.length === 0 ? seedsAlignmentPath(streams.cwd) : undefined;
  const output = args.output
    ? resolve(streams.cwd, args.output)
    : seeds
      ? seeds.path
      : resolve(streams.cwd, `${basename(resolve(streams.cwd, inputs[0]!)).replace(/\.[^.]+$/, '')}.align.json`);
  if (!isCheckout() && isInside(output, PACKAGE_ROOT)) {
    throw new UserError(`Refusing to write ${output}: it is inside allinea's installation; choose another file with -o.`);
  }
  const segmentFn = args.presplit ? (text: string) => lineSpans(text) : segment;
  // A document from standard input is kept beside the alignment, which must name a file to reopen.
  const stdin = args.inputs.includes(STDIN_INPUT) ? await readStdinText(streams.stdin) : undefined;
  if (stdin && !args.output) throw new UserError('A document read from standard input ("-") needs -o FILE: the alignment and a copy of that document are saved there.');
  const stdinCopy = stdin ? { path: stdinCopyPath(output), text: stdin.text } : undefined;
  // --lang: one tag for every document, or one per document in the order given (en,de).
  const { languageListProblem, parseLanguageOption } = await import('../../core/corpus/language-tag.js');
  const langOption = args.lang === undefined ? undefined : parseLanguageOption(args.lang);
  if (langOption && 'problem' in langOption) throw new UserError(langOption.problem);
  const langTags = langOption?.tags;
  const corpusOptions = { cwd: streams.cwd, ...(langTags?.length === 1 ? { lang: langTags[0]! } : {}), ...(stdin ? { stdin } : {}), acceptsStdin: true };

  let alignment;
  let texts: Map<string, string>;
  // Said with success only (like the mode line): a failed run ends with its one error sentence.
  let languageLines: string[] = [];
  /** Confirmed groups taken from the bundled curated alignment (the seeds, outside the repository). */
  let curatedKept: number | undefined;
  if (args.inputs.some((p) => p !== STDIN_INPUT && resolve(streams.cwd, p) === output)) {
    throw new UserError(`-o ${shownPath(output)} is one of the documents to align; name a new file, e.g. -o ${shownPath(basename(output).replace(/\.[^.]*$/, ''))}.align.json.`);
  }
  if (alignmentExists(output)) {
    // Re-align an existing file: its documents and segmentation (overrides included) stand,
    // its confirmed and rejected groups are anchors, its old suggestions are replaced.
    const opened = openAlignment(output, segmentFn);
    alignment = opened.alignment;
    texts = opened.texts;
    if (args.inputs.length > 0) {
      const corpus = loadCorpusFiles(args.inputs, { ...corpusOptions, ...(await corpusHelpers(args.inputs, corpusOptions)) });
      const wanted = new Set(corpus.docs.map((d) => (d.path === STDIN_INPUT && stdinCopy ? stdinCopy.path : d.path)));
      const have = new Set(alignment.documents.map((d) => documentPath(output, d.path)));
      if (wanted.size !== have.size || [...wanted].some((p) => !have.has(p))) {
        throw new UserError(`${output} already aligns other documents; choose another file with -o.`);
      }
    }
  } else if (seeds?.inWorkingFolder && alignmentExists(DEFAULT_ALIGNMENT)) {
    // The seeds from another folder: start from the bundled curated alignment, whose confirmed
    // groups (and notes) are anchors; the result goes to the working folder.
    const copy = openAlignmentCopy(DEFAULT_ALIGNMENT, output, segmentFn);
    curatedKept = copy.alignment.groups.filter((g) => g.status === 'confirmed').length;
    alignment = copy.alignment;
    texts = copy.texts;
  } else {
    let corpus = loadCorpusFiles(inputs, { ...corpusOptions, ...(await corpusHelpers(inputs, corpusOptions)) });
    if (corpus.docs.length < 2) throw new UserError('Aligning needs at least two documents.');
    if (langTags && langTags.length > 1) {
      const problem = languageListProblem(langTags, corpus.docs.length);
      if (problem) throw new UserError(problem);
      corpus = {
        ...corpus,
        docs: corpus.docs.map((d, i) => ({ ...d, lang: langTags[i]! })),
        langSource: new Map(corpus.docs.map((d) => [d.id, 'option' as const])),
      };
    }
    const empty = corpus.docs.find((d) => d.text.trim() === '');
    if (empty) throw new UserError(`${shownPath(empty.path === STDIN_INPUT ? 'standard input' : empty.path)} is empty: there is nothing in it to align.`);
    languageLines = await detectedLanguageLines(corpus, label);
    alignment = createAlignment(
      corpus.docs.map((d) => ({ ...d, path: storedPath(output, d.path === STDIN_INPUT && stdinCopy ? stdinCopy.path : d.path) })),
      segmentFn,
    );
    texts = new Map(corpus.docs.map((d) => [d.id, d.text]));
  }

  const docs = alignment.documents.map((d) => ({ id: d.id, lang: d.lang, text: texts.get(d.id) ?? '', sentences: d.sentences }));
  const live = (status: string) => alignment.groups.filter((g) => g.status === status).map((g) => g.members.map((m) => ({ doc: m.doc, sentences: [...m.sentences] })));
  const total = docs.reduce((n, d) => n + d.sentences.length, 0);
  const progress = progressReporter(streams.stderr.raw ?? streams.stderr, label || 'aligning', total);
  const result = align(docs, {
    mode: args.mode ?? 'auto',
    ...(args.maxBead !== undefined ? { maxBead: args.maxBead } : {}),
    lexicons,
    anchors: { confirmed: live('confirmed'), rejected: live('rejected') },
    onProgress: progress.update,
  });
  progress.done();
  const prefix = label ? `${label}: ` : '';
  const why = args.mode && args.mode !== 'auto' ? '' : ` (${result.modeReason})`;
  const updated = applySuggestions(alignment, result.suggestions);
  const suggested = updated.groups.filter((g) => g.status === 'suggested').length;
  ensureFolder(dirname(output));
  const copied = stdinCopy ? saveStdinCopy(stdinCopy) : false;
  try {
    writeAlignmentFile(output, updated, texts);
  } catch (error) {
    // A failed run leaves nothing behind: the copy was only for this alignment.
    if (copied) rmSync(stdinCopy!.path, { force: true });
    throw error;
  }
  // The mode goes with success only: a failed run ends with its one error sentence.
  for (const line of languageLines) streams.stderr.write(line);
  streams.stderr.write(`${prefix}mode: ${result.mode}${why}\n`);
  // Which word lists shaped the suggestions, and under which licence (installed ones are on by default).
  const { describeLexicons, normalizeLang } = await import('../../core/align/lexicon.js');
  const { sanitizeForTerminal: sanitizeLine } = await import('../../core/display/sanitize.js');
  // Only the lexicons between two of the documents' languages shape anything: fr-it is loaded
  // for every run, and naming it for a de-fr alignment said it was used.
  const docLangs = [...new Set(alignment.documents.map((d) => normalizeLang(d.lang)))];
  const applies = (l: (typeof lexicons)[number]) =>
    docLangs.some((x) => docLangs.some((y) => x !== y && (!l.a || normalizeLang(l.a) === x) && (!l.b || normalizeLang(l.b) === y)));
  const used = lexicons.filter(applies);
  const installedNote = used.some((l) => l.origin === 'installed') ? ' — --no-installed-lexicons leaves the installed ones out' : '';
  streams.stderr.write(`${prefix}${sanitizeLine(describeLexicons(used))}${used.length === 0 && lexicons.length > 0 ? ` for ${docLangs.join(', ')}` : ''}${installedNote}\n`);
  const { formatPairSummary } = await import('../../core/align/index.js');
  const { sanitizeForTerminal } = await import('../../core/display/sanitize.js');
  // Per pair: how it was searched, what stayed unaligned, and any reason to doubt the result.
  for (const pair of result.pairs ?? []) for (const line of formatPairSummary(pair)) streams.stderr.write(`${prefix}${sanitizeForTerminal(line)}\n`);
  if (stdinCopy) streams.stderr.write(`${prefix}standard input saved as ${shownPath(stdinCopy.path)} (the alignment's copy of that document)\n`);
  const curated = curatedKept !== undefined ? `; it starts from the bundled curated alignment, whose ${curatedKept} confirmed groups are kept` : '';
  const sample = seeds?.inWorkingFolder ? ` (the bundled seeds are read-only sample data, so their alignment goes in the current folder${curated})` : '';
  streams.stderr.write(`${prefix}${suggested} suggested groups written to ${shownPath(output)}${sample}\n`);
  return output;
}

/**
 * Detected languages, as lines for stderr: the tag per document, and a warning where the
 * detector could not tell (too little text, or two languages scoring alike) so the user gives --lang.
 * A single alignment says what the language might be; a batch (`label` set) does not: scoring
 * 414 languages again for each undetected document was most of the time of a batch of many
 * small pairs, for a guess that short texts do not support.
 */
async function detectedLanguageLines(
  corpus: { docs: readonly { id: string; lang: string; text: string }[]; langSource?: ReadonlyMap<string, string> },
  label: string,
): Promise<string[]> {
  const detected = corpus.docs.filter((d) => corpus.langSource?.get(d.id) === 'detected');
  const named = corpus.docs.filter((d) => corpus.langSource?.get(d.id) === 'file name');
  if (detected.length === 0 && named.length === 0) return [];
  const { guessLanguage } = await import('../../core/corpus/detect-language.js');
  const { sanitizeForTerminal } = await import('../../core/display/sanitize.js');
  const prefix = label ? `${label}: ` : '';
  const list = (docs: typeof detected): string => sanitizeForTerminal(docs.map((d) => (d.id === d.lang ? d.id : `${d.id} ${d.lang}`)).join(', '));
  const lines: string[] = [];
  if (detected.length) lines.push(`${prefix}languages detected: ${list(detected)}\n`);
  if (named.length) lines.push(`${prefix}languages from the file names (the texts are too short to tell): ${list(named)}\n`);
  for (const d of detected) {
    if (d.lang !== 'und') continue;
    const candidates = label ? [] : guessLanguage(d.text).candidates;
    const maybe = candidates.length ? ` (perhaps ${candidates.join(' or ')})` : '';
    lines.push(`${prefix}  warning: cannot tell the language of ${sanitizeForTerminal(d.id)}${maybe}; give it with --lang or in a corpus.json manifest\n`);
  }
  return lines;
}

interface Progress {
  update: (done: number, total: number) => void;
  done: () => void;
}

/** Percentage, rate and ETA on one rewritten stderr line, only when stderr is a terminal. */
export function progressReporter(stderr: OutStream, label: string, sentences: number, now: () => number = Date.now): Progress {
  if (!stderr.isTTY) return { update: () => {}, done: () => {} };
  const start = now();
  let last = 0;
  let shown = false;
  return {
    update(done, total) {
      const t = now();
      if (t - last < 200 || total <= 0) return;
      last = t;
      const fraction = Math.min(1, done / total);
      const elapsed = (t - start) / 1000;
      const rate = elapsed > 0 ? (fraction * sentences) / elapsed : 0;
      const eta = fraction > 0 ? elapsed * (1 / fraction - 1) : 0;
      stderr.write(`\r\x1b[K${label} ${Math.round(fraction * 100)}% · ${Math.round(rate).toLocaleString('en')} sentences/s · ETA ${formatSeconds(eta)}`);
      shown = true;
    },
    done() {
      if (shown) stderr.write('\r\x1b[K');
    },
  };
}

function formatSeconds(s: number): string {
  if (s < 60) return `${Math.ceil(s)} s`;
  const m = Math.floor(s / 60);
  return `${m} min ${Math.round(s - m * 60)} s`;
}

export interface ManifestSet {
  readonly name: string;
  readonly files: readonly string[];
}

/**
 * Parses a batch manifest: one document set per line, tab-separated paths relative to the
 * manifest's folder, optionally preceded by a name (a first field that is not an existing path).
 */
export function parseManifest(text: string, exists: (path: string) => boolean): ManifestSet[] {
  const sets: ManifestSet[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    let fields = line.split('\t').map((f) => f.trim()).filter(Boolean);
    let name: string | undefined;
    if (fields.length >= 2 && !exists(fields[0]!) && (fields.length >= 3 || fields.slice(1).every(exists))) {
      name = fields[0]!;
      fields = fields.slice(1);
    }
    const base = (name ?? fields[0]!.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '')).replace(/[^\p{L}\p{N}._-]+/gu, '_');
    sets.push({ name: base, files: fields });
  }
  // Names made unique (-2, -3, ...) never take a name another set has: two sets must not write one file.
  const names = uniqueIds(sets.map((s) => s.name));
  return sets.map((set, i) => ({ ...set, name: names[i]! }));
}

/** The sets of shard I of N ("2/4"): positions I-1, I-1+N, … of the manifest. */
export function shardOf<T>(items: readonly T[], shard: string | undefined): T[] {
  if (!shard) return [...items];
  const m = /^(\d+)\/(\d+)$/.exec(shard);
  const i = Number(m?.[1]);
  const n = Number(m?.[2]);
  if (!m || n < 1 || i < 1 || i > n) throw new Error(`--shard must look like 2/4 (shard 2 of 4), not "${shard}".`);
  return items.filter((_, k) => k % n === i - 1);
}

async function runBatch(args: AlignArgs, streams: CliStreams): Promise<number> {
  const { existsSync } = await import('node:fs');
  const { resolve, dirname, join } = await import('node:path');
  const { UserError } = await import('../errors.js');
  if (!args.outDir) throw new UserError('--manifest needs --out-dir, the folder for the alignment files.');
  if (args.inputs.length > 0 || args.output) throw new UserError('With --manifest, give the documents in the manifest, not as arguments or -o.');
  const manifestPath = resolve(streams.cwd, args.manifest!);
  const { readTextFile, shownPath } = await import('../../io/read-text.js');
  const { ensureFolder } = await import('../../io/fs-errors.js');
  const text = readTextFile(manifestPath);
  const base = dirname(manifestPath);
  const all = parseManifest(text, (p) => existsSync(resolve(base, p)));
  if (all.length === 0) throw new UserError(`${shownPath(manifestPath)} lists no document sets: give one set per line, tab-separated paths (optionally a name first).`);
  let sets: ManifestSet[];
  try {
    sets = shardOf(all, args.shard);
  } catch (error) {
    throw new UserError((error as Error).message);
  }
  const outDir = resolve(streams.cwd, args.outDir);
  ensureFolder(outDir);
  const jobs = Math.max(1, args.jobs ?? 1);
  const shardNote = args.shard ? ` (shard ${args.shard} of ${all.length} sets)` : '';
  streams.stderr.write(`Aligning ${sets.length} document sets${shardNote} with ${jobs} job${jobs > 1 ? 's' : ''}.\n`);

  const { loadLexicons } = await import('../../io/lexicon-files.js');
  const lexicons = loadLexicons(args.lexicons ?? [], streams.cwd, { bundled: args.bundledLexicons !== false, installed: args.installedLexicons !== false, env: streams.env });
  let failures = 0;
  if (jobs === 1) {
    for (const set of sets) {
      const setArgs: AlignArgs = { ...args, inputs: set.files.map((f) => resolve(base, f)), output: join(outDir, `${set.name}.align.json`), manifest: undefined };
      try {
        await alignOne(setArgs, { ...streams, stderr: quietTty(streams.stderr) }, lexicons, set.name);
      } catch (error) {
        failures++;
        const message = error instanceof Error ? error.message : String(error);
        const { terminalMessage } = await import('../../core/display/sanitize.js');
        streams.stderr.write(`${set.name}: ${terminalMessage(message.replace(/^allinea: /, ''))}\n`);
      }
    }
  } else {
    // Child processes of allinea itself (true parallelism on several cores), each aligning a
    // run of consecutive sets: a process per set would spend more time starting than aligning
    // thousands of small pairs. Runs are small enough to keep every job busy to the end.
    const runSize = Math.max(1, Math.min(MAX_SETS_PER_CHILD, Math.ceil(sets.length / (jobs * 8))));
    const runs: ManifestSet[][] = [];
    for (let i = 0; i < sets.length; i += runSize) runs.push(sets.slice(i, i + runSize));
    let next = 0;
    const workers = Array.from({ length: Math.min(jobs, runs.length) }, async () => {
      while (next < runs.length) {
        const run = runs[next++]!;
        // Awaited first: `failures += await ...` would read `failures` before the other job adds to it.
        const failed = await alignRunInChild(args, run.map((set) => ({ name: set.name, files: set.files.map((f) => resolve(base, f)) })), outDir, streams);
        failures += failed;
      }
    });
    await Promise.all(workers);
  }
  streams.stderr.write(`Done: ${sets.length - failures} aligned, ${failures} failed.\n`);
  return failures > 0 ? 1 : 0;
}

/** In batch mode the per-set progress line would interleave; keep only the messages. */
function quietTty(stderr: OutStream): OutStream {
  return { write: (s: string) => stderr.write(s), isTTY: false, raw: { write: (s: string) => stderr.write(s), isTTY: false } };
}

/** Most sets one child process aligns in a batch with several jobs. */
const MAX_SETS_PER_CHILD = 100;

/**
 * Aligns `run` (sets with absolute paths) in one child process of allinea itself, as a batch of
 * its own with one job; its messages are passed on. Returns how many sets failed.
 */
async function alignRunInChild(args: AlignArgs, run: readonly ManifestSet[], outDir: string, streams: CliStreams): Promise<number> {
  const { spawn } = await import('node:child_process');
  const { mkdtempSync, rmSync, writeFileSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const { PACKAGE_ROOT } = await import('../paths.js');
  const dir = mkdtempSync(join(tmpdir(), 'allinea-batch-'));
  const manifest = join(dir, 'manifest.tsv');
  // Names are kept as given (already made unique and file-safe by parseManifest).
  writeFileSync(manifest, run.map((set) => `${[set.name, ...set.files].join('\t')}\n`).join(''));
  const argv = [join(PACKAGE_ROOT, 'bin', 'allinea.js'), 'align', '--manifest', manifest, '--out-dir', outDir, '--jobs', '1', '--mode', args.mode ?? 'auto', ...(args.maxBead !== undefined ? ['--max-bead', String(args.maxBead)] : [])];
  // The child reads under this run's input limit, however it was set.
  const { getMaxInputBytes } = await import('../../io/read-text.js');
  argv.push('--max-input-size', String(getMaxInputBytes()));
  if (args.presplit) argv.push('--presplit');
  if (args.lang) argv.push('--lang', args.lang);
  if (args.bundledLexicons === false) argv.push('--no-bundled-lexicons');
  if (args.installedLexicons === false) argv.push('--no-installed-lexicons');
  for (const lexicon of args.lexicons ?? []) argv.push('--lexicon', lexicon);
  try {
    return await new Promise<number>((resolveDone) => {
      const child = spawn(process.execPath, argv, { cwd: streams.cwd, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, ...streams.env } as NodeJS.ProcessEnv });
      let err = '';
      child.stderr.setEncoding('utf8');
      child.stderr.on('data', (chunk: string) => {
        err += chunk;
      });
      let finished = false;
      const finish = (problem: string | undefined) => {
        if (finished) return;
        finished = true;
        let failed: number | undefined;
        for (const line of err.split('\n').filter(Boolean)) {
          const done = /^Done: \d+ aligned, (\d+) failed\.$/.exec(line);
          if (done) failed = Number(done[1]);
          else if (!line.startsWith('Aligning ')) streams.stderr.write(`${line}\n`);
        }
        if (failed === undefined) {
          // The child ended before its summary: every set of the run counts as failed, and says why.
          const why = problem ?? err.split('\n').filter(Boolean).at(-1) ?? 'the aligning process ended unexpectedly';
          for (const set of run) streams.stderr.write(`${set.name}: ${why.replace(/^allinea: /, '')}\n`);
          failed = run.length;
        }
        resolveDone(failed);
      };
      child.on('error', (error) => finish(error.message));
      child.on('close', (code, signal) => finish(code === 0 || code === 1 ? undefined : `the aligning process ended (${signal ?? `exit code ${code}`})`));
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
