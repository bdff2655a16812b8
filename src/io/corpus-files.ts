/**
 * Reads a corpus: a folder with a corpus.json manifest, a folder of text files, or a list
 * of files. Languages come from the manifest, from --lang, or from language detection, which
 * the caller gives (`detect`), as it gives the manifest's schema: the 414 language profiles cost
 * about 80 ms to load and the schema library about 60 ms, together nearly half of `allinea split`
 * on a megabyte of tiny files, which needs neither when the language is given. corpusHelpers
 * loads what some inputs need; src/io/corpus.ts is the same with both built in.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { AllineaError } from '../core/errors.js';
import { idsFromFileNames } from '../core/corpus/ids.js';
import { languageFromFileName } from '../core/corpus/language-tag.js';
import type { manifestSchema } from '../core/corpus/manifest.js';
import { formatPath } from '../core/model/parse.js';
import { excerpt } from '../core/display/sanitize.js';
import { sha256 } from './hash.js';
import { readTextFile, readTextFileWithHash, shownPath, STDIN_NAME, type TextWithHash } from './read-text.js';

/** The corpus input that stands for standard input (`allinea split -`, `allinea align a.txt -`). */
export const STDIN_INPUT = '-';

export interface CorpusDocument {
  readonly id: string;
  /** Absolute path of the text file. */
  readonly path: string;
  readonly lang: string;
  readonly title?: string;
  readonly text: string;
  readonly sha256: string;
}

export interface LoadedCorpus {
  readonly docs: readonly CorpusDocument[];
  /** The folder the corpus came from, when it was one. */
  readonly root?: string;
  /** Where each language came from, for messages ("detected", "--lang", "manifest"). */
  readonly langSource: ReadonlyMap<string, 'manifest' | 'option' | 'detected' | 'file name'>;
}

export const MANIFEST_NAME = 'corpus.json';
const TEXT_EXTENSIONS = /\.(txt|text|md)$/i;

type ManifestSchema = typeof manifestSchema;

function loadManifest(folder: string, schema: ManifestSchema | undefined): LoadedCorpus {
  if (!schema) throw new Error('loadCorpusFiles: a corpus.json must be read but no schema was given');
  const manifestPath = join(folder, MANIFEST_NAME);
  let data: unknown;
  try {
    data = JSON.parse(readTextFile(manifestPath));
  } catch (error) {
    if (error instanceof AllineaError) throw error;
    // JSON.parse quotes the text around the error: a short, safe excerpt of it at most.
    throw new AllineaError(`${shownPath(manifestPath)} is not valid JSON: ${excerpt((error as Error).message.replace(/\.$/, ''), 100)}; fix it or remove it to read the folder's text files.`);
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
    throw new AllineaError(`${shownPath(manifestPath)}: ${excerpt(formatPath(path), 60)}: ${excerpt(issue.message, 120)}.`);
  }
  const ids = parsed.data.documents.map((d) => d.id);
  const duplicate = ids.find((id, i) => ids.indexOf(id) !== i);
  if (duplicate) throw new AllineaError(`${shownPath(manifestPath)}: document id "${excerpt(duplicate)}" is used twice.`);
  const langSource = new Map<string, 'manifest'>();
  const docs = parsed.data.documents.map((entry) => {
    const path = resolve(folder, entry.file);
    const { text, sha256 } = readTextFileWithHash(path);
    langSource.set(entry.id, 'manifest');
    return { id: entry.id, path, lang: entry.lang, ...(entry.title ? { title: entry.title } : {}), text, sha256 };
  });
  return { docs, root: folder, langSource };
}

/**
 * A document whose sha256 is computed when first asked for: `allinea split` never asks, and
 * hashing was a tenth of reading many tiny files. The hash is of the text's UTF-8, which is the
 * file's bytes (valid UTF-8 decodes and re-encodes to the same bytes; a BOM is not in the text).
 */
function lazyDocument(fields: Omit<CorpusDocument, 'sha256'>): CorpusDocument {
  let hash: string | undefined;
  return {
    ...fields,
    get sha256() {
      hash ??= sha256(fields.text);
      return hash;
    },
  };
}

/** Tells a text's language ("und" when it cannot). */
export type DetectLanguage = (text: string) => string;

function noDetector(): never {
  throw new Error('loadCorpusFiles: a language must be detected but no detector was given');
}

/** A corpus whose documents are read one at a time, as they are iterated (see streamCorpusFiles). */
export interface StreamedCorpus extends Omit<LoadedCorpus, 'docs'> {
  readonly docs: Iterable<CorpusDocument>;
}

/**
 * `folderRefusal`: thrown when one of the paths is a folder (a list of files was given). The
 * paths are not checked before reading: a stat per file was a fifth of reading many tiny files,
 * and the read itself refuses what is missing or no regular file.
 */
function fromFiles(paths: readonly string[], lang: string | undefined, detectLanguage: DetectLanguage, root?: string, stdin?: TextWithHash, acceptsStdin = false, folderRefusal?: string): StreamedCorpus {
  // The paths are resolved (no trailing separator): the name is what follows the last one
  // (path.basename, which handles any path, was a tenth of reading thousands of tiny files).
  const ids = idsFromFileNames(paths.map((p) => (p === STDIN_INPUT ? 'stdin' : p.slice(p.lastIndexOf(sep) + 1))));
  const langSource = new Map<string, 'option' | 'detected' | 'file name'>();
  const onFolder = folderRefusal
    ? (): never => {
        throw new AllineaError(folderRefusal);
      }
    : undefined;
  function* read(): Generator<CorpusDocument> {
    for (let i = 0; i < paths.length; i++) {
      const path = paths[i]!;
      const id = ids[i]!;
      langSource.set(id, lang ? 'option' : 'detected');
      if (path === STDIN_INPUT) {
        yield { id, path, lang: lang ?? detectLanguage(stdin!.text), text: stdin!.text, sha256: stdin!.sha256 };
        continue;
      }
      const text = readTextFile(path, { stdin: acceptsStdin, ...(onFolder ? { onFolder } : {}) });
      let docLang = lang ?? detectLanguage(text);
      if (docLang === 'und' && !lang) {
        const named = languageFromFileName(path.slice(path.lastIndexOf(sep) + 1));
        if (named) {
          docLang = named;
          langSource.set(id, 'file name');
        }
      }
      yield lazyDocument({ id, path, lang: docLang, text });
    }
  }
  const docs = read();
  return root ? { docs, root, langSource } : { docs, langSource };
}

export interface CorpusOptions {
  readonly lang?: string;
  readonly cwd: string;
  readonly stdin?: TextWithHash;
  readonly acceptsStdin?: boolean;
}

/** What reading some corpora needs, loaded by corpusHelpers when they do. */
export interface CorpusHelpers {
  readonly detect?: DetectLanguage;
  readonly manifestSchema?: ManifestSchema;
}

/**
 * The helpers loadCorpusFiles will need for `inputs`: the manifest schema for a folder with a
 * corpus.json, the language detector when no language is given (and no manifest gives them).
 */
export async function corpusHelpers(inputs: readonly string[], options: Pick<CorpusOptions, 'cwd' | 'lang'>): Promise<CorpusHelpers> {
  const folder = inputs.length === 1 && inputs[0] !== STDIN_INPUT ? resolve(options.cwd, inputs[0]!) : undefined;
  const manifest = folder !== undefined && existsSync(join(folder, MANIFEST_NAME));
  const helpers: { detect?: DetectLanguage; manifestSchema?: ManifestSchema } = {};
  if (manifest) helpers.manifestSchema = (await import('../core/corpus/manifest.js')).manifestSchema;
  if (!options.lang && !manifest) helpers.detect = (await import('../core/corpus/detect-language.js')).detectLanguage;
  return helpers;
}

/**
 * `inputs`: one folder (with or without manifest) or one or more files. Relative paths are
 * resolved against `cwd`. An alignment file (*.align.json) among the inputs is refused
 * with a hint, since it is opened with --alignment.
 */
export function loadCorpusFiles(inputs: readonly string[], options: CorpusOptions & CorpusHelpers): LoadedCorpus {
  const corpus = streamCorpusFiles(inputs, options);
  return { ...corpus, docs: [...corpus.docs] };
}

/**
 * loadCorpusFiles, but a list of files is read one file at a time as `docs` is iterated (once):
 * `allinea split` holds one document at a time. A file that cannot be read throws when reached.
 */
export function streamCorpusFiles(inputs: readonly string[], options: CorpusOptions & CorpusHelpers): StreamedCorpus {
  const detect = options.detect ?? noDetector;
  if (inputs.length === 0) throw new AllineaError('No corpus given: name a folder or text files.');
  const stdinCount = inputs.filter((p) => p === STDIN_INPUT).length;
  if (stdinCount > 0 && !options.stdin) throw new AllineaError(`"-" (${STDIN_NAME}) cannot be read here: name a file.`);
  if (stdinCount > 1) throw new AllineaError(`"-" (${STDIN_NAME}) can be given only once.`);
  const paths = inputs.map((p) => (p === STDIN_INPUT ? p : resolve(options.cwd, p)));
  const missing = (path: string) => new AllineaError(`Cannot read ${shownPath(path)}: it does not exist.`);
  if (stdinCount > 0) {
    return fromFiles(paths, options.lang, detect, undefined, options.stdin, true, `Give "-" (${STDIN_NAME}) with text files, not with a corpus folder.`);
  }
  // An alignment file among the inputs is refused with a hint (once it is known to exist).
  const alignmentFile = paths.find((p) => p.endsWith('.align.json'));
  if (alignmentFile && !existsSync(alignmentFile)) throw missing(alignmentFile);
  // One input may be a corpus folder; in a list of files a folder is refused when read.
  const only = paths.length === 1 ? statSync(paths[0]!, { throwIfNoEntry: false }) : undefined;
  if (paths.length === 1 && !only) throw missing(paths[0]!);
  if (only?.isDirectory()) {
    const folder = paths[0]!;
    if (existsSync(join(folder, MANIFEST_NAME))) {
      const corpus = loadManifest(folder, options.manifestSchema);
      return options.lang ? { ...corpus, docs: corpus.docs.map((d) => ({ ...d, lang: options.lang! })) } : corpus;
    }
    const files = readdirSync(folder, { withFileTypes: true })
      // Not only regular files: a FIFO or device named like a text is refused when read, not
      // skipped without a word. The entry's type saves a stat per file; a link is followed.
      .filter((e) => TEXT_EXTENSIONS.test(e.name) && !(e.isDirectory() || (e.isSymbolicLink() && statSync(join(folder, e.name), { throwIfNoEntry: false })?.isDirectory() === true)))
      .map((e) => e.name)
      .sort()
      .map((f) => join(folder, f));
    if (files.length === 0) throw new AllineaError(`${folder} holds no text files (.txt, .text or .md) and no ${MANIFEST_NAME}.`);
    return fromFiles(files, options.lang, detect, folder);
  }
  if (alignmentFile) throw new AllineaError(`${alignmentFile} is an alignment file, not a text: open it with --alignment.`);
  return fromFiles(paths, options.lang, detect, undefined, undefined, options.acceptsStdin === true, 'Give either one corpus folder or a list of files, not both.');
}
