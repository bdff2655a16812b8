/**
 * `allinea check`: the linter CI runs on alignment files. Only the checker's own modules are
 * loaded (no ink, react, i18next or aligner); the segmenter is loaded only when a source
 * text changed and has to be re-anchored.
 */
import type { Command } from 'commander';
import { InvalidArgumentError, Option } from 'commander';
import { action, type SetExit } from '../program.js';
import type { CliStreams } from '../streams.js';
import { REPORT_FORMATS, type ReportFormat } from '../../core/check/reporters/types.js';
import type { SegmentFn } from '../../core/model/create.js';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../../io/package-root.js';

export interface CheckArgs {
  readonly paths: readonly string[];
  readonly format: ReportFormat;
  readonly maxWarnings?: number;
  readonly fix?: boolean;
  /** "I/N", 1-based. */
  readonly shard?: string;
  readonly config?: string;
  readonly toolVersion?: string;
}

export const DEFAULT_CHECK_PATH = 'alignments/';

/**
 * What `allinea check` with no paths checks: alignments/ where the folder has one (the
 * repository, a project laid out like it), else the *.align.json files in the folder itself
 * (where `allinea align` and the workbench save the seeds' alignment outside the repository).
 */
export async function defaultCheckPaths(cwd: string): Promise<string[]> {
  const { existsSync, readdirSync, statSync } = await import('node:fs');
  const { join } = await import('node:path');
  if (existsSync(join(cwd, DEFAULT_CHECK_PATH))) return [DEFAULT_CHECK_PATH];
  const here = readdirSync(cwd)
    .filter((name) => name.endsWith('.align.json') && statSync(join(cwd, name), { throwIfNoEntry: false })?.isFile())
    .sort();
  if (here.length > 0) return here;
  const { AllineaError } = await import('../../core/errors.js');
  throw new AllineaError(`Nothing to check in ${cwd}: there is no ${DEFAULT_CHECK_PATH} folder and no *.align.json file here; name the files or folders to check, e.g. allinea check seeds.align.json.`);
}

function parseMaxWarnings(value: string): number {
  if (!/^\d+$/.test(value.trim())) throw new InvalidArgumentError('it must be a whole number, 0 or more.');
  return Number(value);
}

function parseShardOption(value: string): string {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(value);
  if (!m || Number(m[2]) < 1 || Number(m[1]) < 1 || Number(m[1]) > Number(m[2])) {
    throw new InvalidArgumentError('it must look like 2/3: this run\'s shard, from 1, and the number of shards.');
  }
  return value.trim();
}

export function registerCheck(program: Command, streams: CliStreams, setExit: SetExit): void {
  program
    .command('check')
    .description('Check alignment files for errors and translation-quality warnings (for CI).')
    .argument('[paths...]', `alignment files, folders (searched for *.align.json) or globs (default: ${DEFAULT_CHECK_PATH}, else the *.align.json files in the current folder)`)
    .addOption(new Option('-f, --format <format>', 'report format').choices([...REPORT_FORMATS]).default('pretty'))
    .option('--max-warnings <n>', 'also fail (exit 1) when there are more warnings than this', parseMaxWarnings)
    .option('--fix', 're-anchor groups onto changed source texts and rewrite the files')
    .option('--shard <i/n>', 'check only shard i of n (files sorted by path, dealt round-robin), for CI matrices', parseShardOption)
    .option('-c, --config <file>', 'config file (default: the nearest allinea.config.json from the working folder up)')
    .addHelpText(
      'after',
      [
        '',
        'Exit codes: 0 no errors (and warnings within --max-warnings), 1 errors or too many warnings,',
        '2 usage, config or I/O problems.',
        '',
        'Formats: pretty (people), json, github (workflow annotations), junit (one testcase per file),',
        `sarif (2.1.0, for code scanning). Rules and options: ${join(PACKAGE_ROOT, 'docs', 'check.md')}.`,
        '',
        'Examples:',
        '  allinea check',
        '  allinea check alignments/ --format github --max-warnings 0',
        "  allinea check 'corpora/**/*.align.json' --shard 1/4 --format sarif > check.sarif",
        '  allinea check alignments/seeds.align.json --fix',
        '',
      ].join('\n'),
    )
    .action(
      action(
        streams,
        setExit,
        async (paths: string[], options: { format: ReportFormat; maxWarnings?: number; fix?: boolean; shard?: string; config?: string }) =>
          runCheck(
            {
              paths,
              format: options.format,
              ...(options.maxWarnings !== undefined ? { maxWarnings: options.maxWarnings } : {}),
              ...(options.fix ? { fix: true } : {}),
              ...(options.shard ? { shard: options.shard } : {}),
              ...(options.config ? { config: options.config } : {}),
              toolVersion: program.version() ?? '0.0.0',
            },
            streams,
          ),
      ),
    );
}

export async function runCheck(args: CheckArgs, streams: CliStreams): Promise<number> {
  const { resolve } = await import('node:path');
  const { AllineaError } = await import('../../core/errors.js');
  const { loadCheckRules } = await import('../check-rules.js');
  const { checkFile } = await import('../../core/check/check-file.js');
  const { parseShard, selectShard } = await import('../../core/check/shard.js');
  const { summarize, exitCodeOf } = await import('../../core/check/types.js');
  const { REPORTERS } = await import('../../core/check/reporters/index.js');
  const io = await import('../../io/check-files.js');
  const { readTextFile } = await import('../../io/read-text.js');

  const { rules } = await loadCheckRules(args.config, streams.cwd);

  let files = io.expandCheckPaths(args.paths.length > 0 ? args.paths : await defaultCheckPaths(streams.cwd), streams.cwd);
  if (args.shard) {
    const shard = parseShard(args.shard);
    if (!shard) throw new AllineaError(`--shard ${args.shard} must look like 2/3.`);
    files = selectShard(files, (f) => io.displayPath(f, streams.cwd), shard);
  }

  let segmenter: Promise<SegmentFn> | undefined;
  const results = [];
  const { forgetTempListings, removeStaleTempFiles } = await import('../../io/atomic-write.js');
  forgetTempListings();
  const { existsSync } = await import('node:fs');
  const { basename, dirname, join } = await import('node:path');
  for (const path of files) {
    // Temporary files of saves that were killed (their process is gone) are litter: remove them.
    // One listing per folder for the whole run: thousands of files in one folder were read n² times.
    for (const name of removeStaleTempFiles(path, { listing: 'cached' })) streams.stderr.write(`allinea: removed ${name}, left over by an interrupted save.\n`);
    // An import killed between its documents and its alignment leaves a journal (see import.ts).
    if (existsSync(join(dirname(path), `.${basename(path)}.import-incomplete`))) {
      streams.stderr.write(`allinea: warning: an import into ${io.displayPath(path, streams.cwd)} was interrupted, so its documents may be out of step with it; run the import again (with --force).\n`);
    }
    const text = readTextFile(path);
    const result = await checkFile({
      file: io.displayPath(path, streams.cwd),
      text,
      rules,
      fix: args.fix ?? false,
      host: {
        readSources: (alignment) => io.readCheckSources(path, alignment),
        loadSegmenter: () => (segmenter ??= import('../../core/text/segment.js').then((m) => m.segment)),
        writeAlignment: async (alignment, texts) => {
          // The writer loads zod (through the loader): only --fix needs it.
          const { writeAlignmentFile } = await import('../../io/alignment-file.js');
          // Another program (a git pull, the workbench) may have saved the file since it was read: never overwrite that.
          writeAlignmentFile(path, alignment, texts, {
            beforeReplace: () => {
              if (readTextFile(path) !== text) {
                throw new AllineaError(`${io.displayPath(path, streams.cwd)} changed on disk while allinea check --fix was working on it; it was not overwritten. Run the check again.`);
              }
            },
          });
          return readTextFile(path);
        },
      },
    });
    results.push(result);
  }

  const summary = summarize(results, args.maxWarnings);
  const color = args.format === 'pretty' && streams.stdout.isTTY === true && !streams.env.NO_COLOR;
  const report = { results, summary, rules, toolVersion: args.toolVersion ?? '0.0.0', color };
  const output = REPORTERS[args.format](report);
  // JSON and XML reports quote file text: on a terminal, DEL, C1 controls and bidi marks are
  // escaped (JSON: same value) or shown as stand-ins (XML), never written raw. Files and pipes get them as they are.
  if (streams.stdout.isTTY === true && (args.format === 'json' || args.format === 'sarif')) {
    const { jsonForTerminal } = await import('../../core/display/sanitize.js');
    streams.stdout.write(jsonForTerminal(output));
  } else if (streams.stdout.isTTY === true && args.format === 'junit') {
    const { sanitizeForTerminal } = await import('../../core/display/sanitize.js');
    streams.stdout.write(output.split('\n').map(sanitizeForTerminal).join('\n'));
  } else streams.stdout.write(output);
  // GitHub caps annotations: the job's summary page gets the totals and the first findings.
  const stepSummary = streams.env.GITHUB_STEP_SUMMARY;
  if (args.format === 'github' && stepSummary) {
    const { githubStepSummary } = await import('../../core/check/reporters/github-summary.js');
    const problem = io.appendStepSummary(stepSummary, githubStepSummary(report));
    if (problem) streams.stderr.write(`allinea: ${problem}\n`);
  }
  return exitCodeOf(summary);
}
