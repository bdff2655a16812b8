import type { Command } from 'commander';
import { Option } from 'commander';
import { action, type SetExit } from '../program.js';
import type { CliStreams } from '../streams.js';

export type SplitFormat = 'text' | 'lines' | 'json';

export interface SplitArgs {
  readonly files: readonly string[];
  readonly lang?: string;
  readonly format: SplitFormat;
  /** Write documents' bytes as they are even to a terminal. */
  readonly raw?: boolean;
}

export function registerSplit(program: Command, streams: CliStreams, setExit: SetExit): void {
  program
    .command('split')
    .description('Split documents into sentences and print them with their character offsets.')
    .argument('<files...>', 'text files, or one corpus folder; - reads a document from standard input')
    .option('-l, --lang <lang>', 'language of the documents (default: corpus manifest, else detected)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'lines', 'json']).default('text'))
    .option('--raw', 'write control characters and escape sequences from the documents as they are, even to a terminal')
    .addHelpText(
      'after',
      '\nFormats:\n  text   numbered sentences under a header per document\n  lines  one sentence per line, documents separated by a blank line\n  json   one object per document per line: {"path","lang","sentences":[{"index","start","end","text"}]}\n',
    )
    .action(
      action(streams, setExit, async (files: string[], options: { lang?: string; format: SplitFormat; raw?: boolean }) =>
        runSplit({ files, format: options.format, raw: options.raw === true, ...(options.lang ? { lang: options.lang } : {}) }, streams),
      ),
    );
}

export async function runSplit(args: SplitArgs, streams: CliStreams): Promise<number> {
  const { corpusHelpers, streamCorpusFiles, STDIN_INPUT } = await import('../../io/corpus-files.js');
  // The language detector and the manifest schema are loaded only when the inputs need them.
  const helpers = await corpusHelpers(args.files, { cwd: streams.cwd, ...(args.lang ? { lang: args.lang } : {}) });
  const { segment } = await import('../../core/text/segment.js');
  const { jsonForTerminal, sanitizeForTerminal } = await import('../../core/display/sanitize.js');
  const { readStdinText } = await import('../../io/read-text.js');
  const stdin = args.files.includes(STDIN_INPUT) ? await readStdinText(streams.stdin) : undefined;
  // Files are read one at a time as they are split (a list of thousands holds one in memory);
  // one that cannot be read stops the run there, after the sentences of those before it.
  const corpus = streamCorpusFiles(args.files, { cwd: streams.cwd, ...(args.lang ? { lang: args.lang } : {}), ...(stdin ? { stdin } : {}), ...helpers, acceptsStdin: true });
  const out = streams.stdout;
  // Lines and text output may reach a terminal: keep document bytes from driving it (unless --raw).
  const safe = out.isTTY === true && args.raw !== true;
  const show = (s: string) => (safe ? sanitizeForTerminal(s) : s.replace(/[\r\n]+/g, ' '));
  // Output in chunks of about 64 KiB: one write per sentence costs more than segmenting it.
  let pending = '';
  const write = (chunk: string): void => {
    pending += chunk;
    if (pending.length >= 65536) {
      out.write(pending);
      pending = '';
    }
  };
  let d = 0;
  try {
    for (const doc of corpus.docs) {
      splitOne(doc, d++);
    }
  } finally {
    if (pending) out.write(pending);
  }
  return 0;

  function splitOne(doc: { readonly path: string; readonly lang: string; readonly text: string }, d: number): void {
    const spans = segment(doc.text, doc.lang);
    if (args.format === 'json') {
      const sentences = spans.map(([start, end], index) => ({ index, start, end, text: doc.text.slice(start, end) }));
      const json = JSON.stringify({ path: doc.path, lang: doc.lang, sentences });
      write(`${safe ? jsonForTerminal(json) : json}\n`);
    } else if (args.format === 'lines') {
      if (d > 0) write('\n');
      for (const [start, end] of spans) write(`${show(doc.text.slice(start, end))}\n`);
    } else {
      if (d > 0) write('\n');
      write(`== ${show(doc.path === STDIN_INPUT ? 'standard input' : doc.path)} (${doc.lang}, ${spans.length} sentences)\n`);
      const width = String(spans.length).length;
      spans.forEach(([start, end], i) => write(`${String(i + 1).padStart(width)}  ${show(doc.text.slice(start, end))}\n`));
    }
  }
}
