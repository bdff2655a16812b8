/**
 * The commander program. Each command lives in commands/<name>.ts and registers itself;
 * heavy modules (ink for `view`, the aligner, XML) are imported only when that command runs,
 * so `allinea check` and `allinea --help` start fast.
 */
import { Command, CommanderError } from 'commander';
import packageJson from '../../package.json' with { type: 'json' };
import { messageStream, type CliStreams } from './streams.js';
import { reportError, UserError } from './errors.js';
import { terminalMessage } from '../core/display/sanitize.js';
import { DEFAULT_MAX_INPUT_BYTES, MAX_INPUT_ENV, formatSize, parseSize, setMaxInputBytes } from '../io/read-text.js';
import { registerSplit } from './commands/split.js';
import { registerView } from './commands/view.js';
import { registerAlign } from './commands/align.js';
import { registerEval } from './commands/eval.js';
import { registerLexicon } from './commands/lexicon.js';
import { registerExport } from './commands/export.js';
import { registerImport } from './commands/import.js';
import { registerCheck } from './commands/check.js';
import { registerCompletion } from './commands/completion.js';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../io/package-root.js';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { helpCommandArgv, unknownCommandHelp } from './unknown-command.js';

const { version } = packageJson;

export type SetExit = (code: number) => void;

export function buildProgram(streams: CliStreams, setExit: SetExit): Command {
  const program = new Command('allinea')
    .description('Sentence alignment for parallel and comparable corpora: segment, align, review in the terminal, export.')
    .version(version, '-V, --version')
    .configureOutput({
      writeOut: (s) => streams.stdout.write(s),
      writeErr: (s) => streams.stderr.write(s),
      // One line: the message (made safe: it may quote an argument) and where usage is explained.
      outputError: (s, write) => write(`${terminalMessage(s.replace(/^error: /, '')).trim().replace(/^/, 'allinea: ')} (run with --help for usage)\n`),
    })
    .option('--max-input-size <size>', `largest file allinea reads, e.g. 512M or 2G (default: ${formatSize(DEFAULT_MAX_INPUT_BYTES)}, or ${MAX_INPUT_ENV})`)
    .configureHelp({ showGlobalOptions: true })
    .exitOverride()
    .hook('preAction', (root) => {
      // Every read of this run obeys one limit: the option, else the environment, else the default.
      const given = (root.opts() as { maxInputSize?: string }).maxInputSize;
      const source = given !== undefined ? `--max-input-size ${given}` : `${MAX_INPUT_ENV}=${streams.env[MAX_INPUT_ENV]}`;
      const value = given ?? streams.env[MAX_INPUT_ENV];
      if (value === undefined || value === '') return;
      const bytes = parseSize(value);
      if (bytes === undefined) throw new UserError(`${source}: give a size such as 512M, 2G or a number of bytes.`);
      setMaxInputBytes(bytes);
    })
    // The docs ship with the package: point to the installed copy, wherever that is.
    .addHelpText('after', `\nDocumentation: ${join(PACKAGE_ROOT, 'docs')} (workbench.md, formats.md, check.md, github-actions.md).\n`);
  registerView(program, streams, setExit);
  registerSplit(program, streams, setExit);
  registerAlign(program, streams, setExit);
  registerEval(program, streams, setExit);
  registerLexicon(program, streams, setExit);
  registerExport(program, streams, setExit);
  registerImport(program, streams, setExit);
  registerCheck(program, streams, setExit);
  registerCompletion(program, streams, setExit);
  return program;
}

/** Runs the CLI and returns the exit code; never throws. */
export async function runCli(argv: readonly string[], streams: CliStreams): Promise<number> {
  let code = 0;
  setMaxInputBytes(DEFAULT_MAX_INPUT_BYTES);
  streams = { ...streams, stderr: messageStream(streams.stderr) };
  const program = buildProgram(streams, (c) => {
    code = c;
  });
  try {
    // Commander would answer help about a command that does not exist with another command's help.
    const unknown = unknownCommandHelp(program, argv, (word) => existsSync(resolve(streams.cwd, word)));
    if (unknown !== undefined) throw new UserError(unknown);
    await program.parseAsync([...helpCommandArgv(argv)], { from: 'user' });
    return code;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end through here with exit code 0.
      return error.exitCode === 0 ? 0 : 2;
    }
    return reportError(error, streams.stderr, streams.env);
  }
}

/** Wraps a command action so any error becomes one line and an exit code. */
export function action<A extends unknown[]>(
  streams: CliStreams,
  setExit: SetExit,
  run: (...args: A) => Promise<number>,
): (...args: A) => Promise<void> {
  return async (...args: A) => {
    try {
      setExit(await run(...args));
    } catch (error) {
      setExit(reportError(error, streams.stderr, streams.env));
    }
  };
}
