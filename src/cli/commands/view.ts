/**
 * `allinea view` (also `allinea` alone): the alignment workbench. Ink and React are loaded
 * only here, inside the action, so other commands and --help start fast.
 */
import type { Command } from 'commander';
import { Option } from 'commander';
import { existsSync } from 'node:fs';
import { basename, relative, resolve } from 'node:path';
import { action, type SetExit } from '../program.js';
import type { CliStreams } from '../streams.js';
import { unknownCommandHint } from '../unknown-command.js';
import { DEFAULT_ALIGNMENT, DEFAULT_CORPUS, PACKAGE_ROOT, SEEDS_ALIGNMENT_NAME, isInside, seedsAlignmentPath } from '../paths.js';

export interface ViewArgs {
  readonly inputs: readonly string[];
  readonly alignment?: string;
  readonly lang?: string;
  readonly docLang?: string;
  /** The view to open in; by default the row view for translations, the panes otherwise. */
  readonly view?: 'rows' | 'panes' | 'groups';
  /** The check config behind the row view's warnings (default: the nearest allinea.config.json). */
  readonly config?: string;
}

export function registerView(program: Command, streams: CliStreams, setExit: SetExit): void {
  const commandHint = (word: string): string | undefined => unknownCommandHint(program, word);
  program
    .command('view', { isDefault: true })
    .description('Open the alignment workbench (the default command; with no arguments it opens the bundled seeds).')
    .argument('[corpus...]', 'a corpus folder, text files, or an alignment file (*.align.json)')
    .option('-a, --alignment <file>', 'alignment file to open or create on first save (default: alignments/<corpus>.align.json)')
    .addOption(new Option('--lang <lang>', 'interface language (default: from LC_ALL, LC_MESSAGES or LANG)').choices(['en', 'it', 'fr']))
    .option('--doc-lang <lang>', 'language of the documents when creating a new alignment (default: manifest, else detected)')
    .addOption(new Option('--view <view>', 'view to open in: rows (one unit a row), panes (one pane a document) or groups (default: rows for translations, panes for comparable corpora)').choices(['rows', 'panes', 'groups']))
    .option('-c, --config <file>', "check config for the row view's quality warnings (default: the nearest allinea.config.json from the working folder up, as for check)")
    .addHelpText('after', '\nInside the workbench, press ? for every key. Ctrl-S saves; q quits (asking about unsaved changes).\n')
    .action(
      action(streams, setExit, async (inputs: string[], options: { alignment?: string; lang?: string; docLang?: string; view?: ViewArgs['view']; config?: string }) =>
        runView(
          {
            inputs,
            ...(options.alignment ? { alignment: options.alignment } : {}),
            ...(options.lang ? { lang: options.lang } : {}),
            ...(options.docLang ? { docLang: options.docLang } : {}),
            ...(options.view ? { view: options.view } : {}),
            ...(options.config ? { config: options.config } : {}),
          },
          streams,
          commandHint,
        ),
      ),
    );
}

/** Corpus inputs and alignment path from the arguments, with the seeds as the default. */
export function resolveViewPaths(args: ViewArgs, cwd: string, exists: (path: string) => boolean = existsSync): { corpus: string[]; alignmentPath: string } {
  const inputs = [...args.inputs];
  let alignment = args.alignment;
  const alignmentInput = inputs.findIndex((p) => p.endsWith('.align.json'));
  if (alignmentInput >= 0 && !alignment) {
    alignment = inputs[alignmentInput];
    inputs.splice(alignmentInput, 1);
  }
  // The bundled seeds are sample data: outside the repository their alignment is saved in the working folder.
  if (inputs.length === 0 && !alignment) return { corpus: [DEFAULT_CORPUS], alignmentPath: seedsAlignmentPath(cwd).path };
  const corpus = inputs.map((p) => resolve(cwd, p));
  // A new alignment file named with no corpus is made over the default corpus (the seeds).
  if (alignment) return { corpus: corpus.length > 0 ? corpus : [DEFAULT_CORPUS], alignmentPath: resolve(cwd, alignment) };
  const stem = basename(corpus[0]!).replace(/\.[^.]*$/, '') || 'corpus';
  const underAlignments = resolve(cwd, 'alignments', `${stem}.align.json`);
  // `allinea align a.txt b.txt` writes ./a.align.json: the workbench opens that file when the
  // alignments/ one does not exist, rather than starting an empty alignment beside it.
  const beside = resolve(cwd, `${stem}.align.json`);
  return { corpus, alignmentPath: !exists(underAlignments) && exists(beside) ? beside : underAlignments };
}

/**
 * The opening notice for documents whose language is undetermined (`und`: detection could not
 * tell, and none was given): their sentences are split by generic rules, and the language
 * checks know nothing of them. For a new alignment --doc-lang still helps; for a saved one the
 * advice is for next time.
 */
export function undeterminedNotice(alignment: { readonly documents: readonly { readonly id: string; readonly lang: string }[] }, isNew: boolean): { key: string; params: { docs: string }; tone: 'error' } | undefined {
  const undetermined = alignment.documents.filter((d) => d.lang === 'und').map((d) => d.id);
  if (undetermined.length === 0) return undefined;
  return { key: isNew ? 'msg.undeterminedLanguageNew' : 'msg.undeterminedLanguage', params: { docs: undetermined.join(', ') }, tone: 'error' };
}

/** --doc-lang given for an alignment that exists: its documents keep their languages, said so. */
export function docLangNotice(
  docLang: string | undefined,
  workspace: { readonly isNew: boolean; readonly alignment: { readonly documents: readonly { readonly lang: string }[] } },
  file: string,
): { key: string; params: { lang: string; file: string; langs: string }; tone: 'error' } | undefined {
  if (docLang === undefined || workspace.isNew) return undefined;
  const langs = workspace.alignment.documents.map((d) => d.lang);
  if (langs.every((l) => l === docLang)) return undefined;
  return { key: 'msg.docLangNotApplied', params: { lang: docLang, file, langs: [...new Set(langs)].join(', ') }, tone: 'error' };
}

export async function runView(args: ViewArgs, streams: CliStreams, commandHint: (word: string) => string | undefined = () => undefined): Promise<number> {
  const { uiLanguageFromEnv } = await import('../../io/locale.js');
  const locale = (args.lang ?? uiLanguageFromEnv(streams.env)) as 'en' | 'it' | 'fr';
  const { createI18n } = await import('../../i18n/index.js');
  const i18n = createI18n(locale);
  const stdin = streams.stdin as NodeJS.ReadStream;
  const stdout = (streams.stdout.raw ?? streams.stdout) as NodeJS.WriteStream;
  // `view` is the default command, so a mistyped command name arrives here as a corpus path.
  const { UserError } = await import('../errors.js');
  const firstMissing = args.inputs.find((input) => !existsSync(resolve(streams.cwd, input)));
  if (firstMissing !== undefined) {
    if (args.inputs.length === 1 && /^[a-z][a-z-]*$/.test(firstMissing)) {
      const hint = commandHint(firstMissing);
      const reason = `'${firstMissing}' is neither a command nor a file or folder here`;
      throw new UserError(hint ? `${reason}: ${hint}${hint.endsWith('?') ? '' : '.'}` : `${reason} (see allinea --help).`);
    }
    throw new UserError(`Cannot read ${resolve(streams.cwd, firstMissing)}: it does not exist.`);
  }
  if (args.docLang !== undefined) {
    const problem = (await import('../../core/corpus/language-tag.js')).languageTagProblem(args.docLang);
    if (problem) throw new UserError(`--doc-lang: ${problem}.`);
  }
  // A broken config is refused like `check` refuses it, before the screen is taken over.
  const { rules: checkRules } = await (await import('../check-rules.js')).loadCheckRules(args.config, streams.cwd);
  if (!stdin.isTTY || !stdout.isTTY) {
    streams.stderr.write(`${i18n.t('cli.notTty')}\n`);
    return 2;
  }
  // React's development build checks every render; the workbench is an end-user program.
  process.env.NODE_ENV ??= 'production';
  // Start loading the UI (ink, react: the slow part) while the documents are read and segmented.
  const ui = Promise.all([
    import('../../core/session/reducer.js'),
    import('../../tui/workbench-files.js'),
    import('../../tui/colors.js'),
    import('../../tui/run.js'),
  ]);
  ui.catch(() => undefined); // an import failure is reported where it is awaited
  const [{ openWorkspace }, { segment }] = await Promise.all([import('../../io/workspace.js'), import('../../core/text/segment.js')]);
  const { corpus, alignmentPath } = resolveViewPaths(args, streams.cwd);
  const seedsCopy = args.inputs.length === 0 && !args.alignment && basename(alignmentPath) === SEEDS_ALIGNMENT_NAME && !isInside(alignmentPath, PACKAGE_ROOT);
  // With an existing alignment file, the folders given are where to look for documents that moved.
  const searchIn = args.inputs.filter((p) => !p.endsWith('.align.json')).map((p) => resolve(streams.cwd, p));
  // Outside the repository the seeds start from a copy of the bundled curated alignment (its
  // confirmed groups and notes), saved into the working folder on the first save.
  const workspace = openWorkspace({
    corpus,
    alignmentPath,
    cwd: streams.cwd,
    segment,
    ...(args.docLang ? { lang: args.docLang } : {}),
    ...(searchIn.length > 0 ? { searchIn } : {}),
    ...(seedsCopy ? { startFrom: DEFAULT_ALIGNMENT } : {}),
  });

  const [{ createEditorState }, { findRecovery, nodeServices, recoveryPath, setAsideRecovery }, { colorsEnabled }, { runWorkbench }] = await ui;
  const recovered = findRecovery(alignmentPath, workspace.alignment);
  // A recovery file not restored may still hold unsaved work: renamed aside, never deleted.
  const setAside = recovered ? undefined : setAsideRecovery(alignmentPath, workspace.alignment);
  const size = { columns: stdout.columns || 80, rows: stdout.rows || 24 };
  // Translations open in the row view, comparable corpora (like the seeds) in the panes.
  const view = args.view ?? (await import('../../core/session/rows-state.js')).preferredView(recovered ?? workspace.alignment);
  const message = recovered
    ? { key: 'msg.restored', params: { file: basename(recoveryPath(alignmentPath)) }, tone: 'info' as const }
    : setAside
      ? { key: 'msg.recoverySetAside', params: { file: basename(setAside) }, tone: 'error' as const }
      : workspace.relocated
        ? { key: 'msg.documentsRelocated', params: { count: workspace.relocated.length, list: workspace.relocated.map((r) => `${r.doc} → ${r.to}`).join(', ') }, tone: 'info' as const }
        : workspace.reanchored.length > 0
        ? { key: 'msg.reanchoredDetail', params: (await import('../../core/model/drift-report.js')).driftSummary(workspace.reanchored), tone: 'info' as const }
        : docLangNotice(args.docLang, workspace, basename(alignmentPath)) ?? undeterminedNotice(workspace.alignment, workspace.isNew) ?? (seedsCopy
          ? { key: 'msg.seedsInWorkingFolder', params: { file: alignmentPath }, tone: 'info' as const }
          : workspace.isNew && args.inputs.length === 0
            ? // `--alignment NEW.align.json` alone: made over the default corpus, said so.
              { key: 'msg.newOverDefaultCorpus', params: { file: alignmentPath }, tone: 'info' as const }
            : workspace.alignment.groups.length === 0
            ? // A new alignment (or one with nothing in it yet): say how to get suggestions.
              { key: view === 'rows' ? 'msg.welcomeRowsNoSuggestions' : 'msg.welcomeNoSuggestions', tone: 'info' as const }
            : { key: view === 'rows' ? 'msg.welcomeRows' : 'msg.welcome', tone: 'info' as const });
  const initial = createEditorState({
    alignment: recovered ?? workspace.alignment,
    ...(recovered ? { restoredFrom: workspace.alignment } : {}),
    // A new file is unsaved work from the start only once something changes; a re-anchored
    // one is unsaved at once (the file on disk still describes the old texts).
    saved: workspace.onDisk ?? workspace.alignment,
    texts: workspace.texts,
    // Inside the working folder, the path as the user would type it (alignments/x.align.json,
    // not x.align.json); elsewhere the name alone keeps the status bar short.
    fileName: isInside(alignmentPath, streams.cwd) ? relative(streams.cwd, alignmentPath) : basename(alignmentPath),
    ...(workspace.isNew ? { fileIsNew: true } : {}),
    size,
    view,
    colors: colorsEnabled(streams.env),
    message,
    checkRules,
  });
  const services = nodeServices(alignmentPath, workspace.texts, { adoptRecovery: recovered !== undefined });
  // ALLINEA_AUTOSAVE_MS tunes how soon unsaved work reaches the recovery file (default 2 s).
  const autosave = Number(streams.env.ALLINEA_AUTOSAVE_MS);
  return runWorkbench({
    ...(Number.isFinite(autosave) && autosave > 0 ? { autosaveDelayMs: autosave } : {}),
    initial,
    services,
    i18n,
    stdin,
    stdout,
    stderr: (streams.stderr.raw ?? streams.stderr) as NodeJS.WriteStream,
    writeRecoverySync: services.writeRecoverySync,
  });
}
