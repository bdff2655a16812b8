/**
 * Help asked of a command that does not exist. `view` is the default command, so commander
 * answers `allinea batch --help` (or `allinea help batch`) with the top-level help as if the
 * word were a corpus path, and `allinea lexicon frob --help` with lexicon's help: the user
 * believes they read the help of a command that is not there. This finds that case before
 * commander parses, so the program can say so in one sentence instead.
 */
import type { Command } from 'commander';

/** Words users type for a command allinea spells differently, with where it lives. */
const ELSEWHERE: Readonly<Record<string, string>> = {
  batch: 'batches are aligned with allinea align --manifest FILE --out-dir DIR; see allinea align --help',
  tmx: 'TMX files are written by allinea export --to tmx and read by allinea import',
  lint: 'alignment files are linted by allinea check',
  validate: 'alignment files are validated by allinea check',
  segment: 'documents are split into sentences by allinea split',
};

/** Root options that take a value as the next argument (`--max-input-size 2G`). */
const ROOT_VALUE_OPTIONS = new Set(['--max-input-size']);

function findSubcommand(command: Command, name: string): Command | undefined {
  return command.commands.find((sub) => sub.name() === name || sub.aliases().includes(name));
}

/** Edit distance, for a "did you mean" on short command names. */
function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * "did you mean ..." for a mistyped command name, or where the command the user meant lives.
 * `prefix` is how the parent command is typed: `allinea` or `allinea lexicon`.
 */
export function unknownCommandHint(parent: Command, word: string, prefix = 'allinea'): string | undefined {
  if (parent.parent === null && Object.hasOwn(ELSEWHERE, word)) return ELSEWHERE[word];
  const names = parent.commands.map((sub) => sub.name()).filter((name) => name !== 'help');
  const close = names.filter((name) => distance(word, name) <= Math.min(2, Math.floor(name.length / 3)));
  return close.length > 0 ? `did you mean ${close.map((name) => `${prefix} ${name}`).join(' or ')}?` : undefined;
}

/**
 * When the arguments ask for help (--help, -h, or `help WORD`) about a command that does not
 * exist, the sentence that says so; undefined otherwise. `isPath` tells whether a word is a file
 * or folder: then it is the default `view` command's corpus, and its help is the right answer.
 */
export function unknownCommandHelp(program: Command, argv: readonly string[], isPath: (word: string) => boolean): string | undefined {
  const operands: string[] = [];
  let helpFlag = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') break;
    if (arg === '--help' || arg === '-h') helpFlag = true;
    else if (ROOT_VALUE_OPTIONS.has(arg)) i++;
    else if (!arg.startsWith('-')) operands.push(arg);
    // `allinea -a x.align.json --help`: an option of the default command comes first, so the
    // words after it are its values and corpus, not a command name.
    else if (operands.length === 0 && !arg.startsWith('--max-input-size=')) return undefined;
  }
  // `allinea help batch` and `allinea lexicon help frob` ask too.
  if (!helpFlag && !operands.includes('help')) return undefined;
  const words = operands.filter((word) => word !== 'help');
  let command = program;
  for (const word of words) {
    if (command.commands.length === 0) return undefined;
    const sub = findSubcommand(command, word);
    if (sub) {
      command = sub;
      continue;
    }
    if (command === program && isPath(word)) return undefined;
    const path = command === program ? word : `${command.name()} ${word}`;
    const hint = unknownCommandHint(command, word, command === program ? 'allinea' : `allinea ${command.name()}`);
    const list = command === program ? 'allinea --help' : `allinea ${command.name()} --help`;
    // A hint naming the right command says where its help is; otherwise point to the list.
    if (hint && command === program && Object.hasOwn(ELSEWHERE, word)) return `'${path}' is not an allinea command: ${hint}.`;
    return `'${path}' is not an allinea command${hint ? `: ${hint}` : ''} (${list} lists the commands).`;
  }
  return undefined;
}

/**
 * `allinea help lexicon install` as `allinea lexicon install --help`: commander's help command
 * shows the help of its first word only (lexicon's), not of the command named.
 */
export function helpCommandArgv(argv: readonly string[]): readonly string[] {
  if (argv[0] !== 'help' || argv.length < 2 || argv.slice(1).some((arg) => arg.startsWith('-'))) return argv;
  return [...argv.slice(1), '--help'];
}
