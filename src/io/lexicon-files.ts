/**
 * Lexicon files on disk: FreeDict dictd databases, hunalign dictionaries and TSV lexicons,
 * and the lexicons bundled in lexicons/. Used by `align`, `lexicon import` and the
 * workbench's aligner.
 */
import { existsSync, readdirSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { AllineaError } from '../core/errors.js';
import { langPairFromName, parseFreedict, parseHunalignDictionary, parseTsvLexicon, type Lexicon } from '../core/align/lexicon.js';
import { PACKAGE_ROOT } from './package-root.js';
import { formatSize, getMaxInputBytes, readFileBounded, shownPath, textBytes } from './read-text.js';

/** Where Debian's dict-freedict-* packages put their databases. */
const DICTD_DIR = '/usr/share/dictd';

/**
 * Reads a lexicon from disk, choosing the parser by name: a FreeDict name or .index file
 * (with its .dict.dz or .dict beside it), a hunalign .dic, or TSV (optionally .gz).
 * Languages come from the options, else from the file name ("fr-it.tsv", "freedict-fra-ita").
 */
export function readLexiconFile(
  spec: string,
  cwd: string,
  langs: { a?: string | undefined; b?: string | undefined } = {},
): Lexicon {

  let path = resolve(cwd, spec);
  if (!existsSync(path) && /^[a-z]{3}-[a-z]{3}$/.test(spec)) path = `${DICTD_DIR}/freedict-${spec}.index`;
  if (!existsSync(path)) {
    const hint = /^[a-z]{3}-[a-z]{3}$/.test(spec) ? ` (install it with: apt-get install dict-freedict-${spec})` : '';
    throw new AllineaError(`Lexicon ${shownPath(spec)} does not exist${hint}.`);
  }
  const pair = langPairFromName(path);
  const a = langs.a ?? pair?.a;
  const b = langs.b ?? pair?.b;
  const meta = { name: basename(path), ...(a ? { a } : {}), ...(b ? { b } : {}) };
  // Regular files only, within the input size limit (also once decompressed), and UTF-8 text.
  const read = (p: string): Buffer => readFileBounded(p);
  const gunzip = (p: string): Buffer => {
    const limit = getMaxInputBytes();
    try {
      return gunzipSync(read(p), { maxOutputLength: limit });
    } catch (error) {
      if (error instanceof AllineaError) throw error;
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ERR_BUFFER_TOO_LARGE') throw new AllineaError(`Cannot read lexicon ${shownPath(p)}: it unpacks to more than ${formatSize(limit)}, the input limit; raise it with --max-input-size.`);
      throw new AllineaError(`Cannot read lexicon ${shownPath(p)}: it is not a valid gzip file.`);
    }
  };
  if (path.endsWith('.index')) {
    const stem = path.slice(0, -'.index'.length);
    const dict = existsSync(`${stem}.dict.dz`) ? gunzip(`${stem}.dict.dz`) : existsSync(`${stem}.dict`) ? read(`${stem}.dict`) : undefined;
    if (!dict) throw new AllineaError(`FreeDict index ${shownPath(path)} has no ${shownPath(basename(stem))}.dict.dz beside it.`);
    textBytes(dict, `${stem}.dict`); // refuses a binary or non-UTF-8 database; offsets index the bytes as they are
    return parseFreedict(textBytes(read(path), path).toString('utf8'), dict, meta);
  }
  const text = textBytes(path.endsWith('.gz') ? gunzip(path) : read(path), path).toString('utf8');
  if (/\.dic$/i.test(path) || (!text.includes('\t') && text.includes(' @ '))) {
    return parseHunalignDictionary(text, { name: meta.name, ...(a ? { source: a } : {}), ...(b ? { target: b } : {}) });
  }
  return parseTsvLexicon(text, meta);
}

/** The lexicons shipped in lexicons/ (see lexicons/README.md for sources and licences). */
export function bundledLexicons(): Lexicon[] {
  const dir = join(PACKAGE_ROOT, 'lexicons');
  if (!existsSync(dir)) return [];
  const files = readdirSync(dir).filter((f) => /\.tsv(\.gz)?$/.test(f)).sort();
  return files.map((f) => {
    const pair = langPairFromName(f);
    // Read on first use: a run needs the lexicons of its documents' languages only, and each
    // file costs 10-150 ms to unpack and parse.
    let entries: ReadonlyMap<string, readonly string[]> | undefined;
    return {
      name: f,
      ...(pair ? { a: pair.a, b: pair.b } : {}),
      get entries(): ReadonlyMap<string, readonly string[]> {
        return (entries ??= readLexiconFile(join(dir, f), dir).entries);
      },
      origin: 'bundled' as const,
      ...(bundledLicence(f) ? { licence: bundledLicence(f) } : {}),
    };
  });
}

/**
 * Licence of a bundled lexicon (lexicons/README.md says where each comes from): our core
 * lexicons (*.core.tsv.gz) are MIT like allinea; the FreeDict one keeps its licence.
 */
function bundledLicence(file: string): string | undefined {
  return file.endsWith('.core.tsv.gz') ? 'MIT' : FREEDICT_LICENCES[file];
}

const FREEDICT_LICENCES: Record<string, string> = { 'fr-it.freedict.tsv.gz': 'CC BY-SA 3.0' };

/** The licence `allinea lexicon install` writes into a lexicon's header ("Licence: GPL-2+;"). */
function headerLicence(path: string): string | undefined {
  try {
    const head = readFileBounded(path).subarray(0, 4096).toString('utf8');
    return /^#.*\bLicence: ([^;\n]+)/m.exec(head)?.[1]?.trim();
  } catch {
    return undefined;
  }
}

/**
 * Where `allinea lexicon install` puts the lexicons it converts (outside the package, which
 * must never be written into): $ALLINEA_LEXICON_DIR, else $XDG_DATA_HOME/allinea/lexicons,
 * else ~/.local/share/allinea/lexicons; undefined without any of these variables.
 */
export function installedLexiconDir(env: Readonly<Record<string, string | undefined>>): string | undefined {
  if (env.ALLINEA_LEXICON_DIR) return env.ALLINEA_LEXICON_DIR;
  const data = env.XDG_DATA_HOME || (env.HOME ? join(env.HOME, '.local', 'share') : undefined);
  return data ? join(data, 'allinea', 'lexicons') : undefined;
}

/** The lexicons installed with `allinea lexicon install` (none when the folder does not exist). */
export function installedLexicons(env: Readonly<Record<string, string | undefined>>): Lexicon[] {
  const dir = installedLexiconDir(env);
  if (!dir || !existsSync(dir)) return [];
  const files = readdirSync(dir).filter((f) => /\.tsv(\.gz)?$/.test(f)).sort();
  return files.map((f) => {
    const licence = f.endsWith('.gz') ? undefined : headerLicence(join(dir, f));
    return { ...readLexiconFile(join(dir, f), dir), origin: 'installed' as const, ...(licence ? { licence } : {}) };
  });
}

/**
 * The bundled lexicons (unless turned off), the installed ones (when `env` is given and
 * neither `bundled` nor `installed` is off), then the files given with --lexicon.
 * Installed lexicons are on by default: with them comparable mode finds more statement pairs
 * on our test corpora and no fewer correct groups (bench/alignment.bench.ts, comparable part).
 */
export function loadLexicons(
  files: readonly string[],
  cwd: string,
  options: { bundled: boolean; installed?: boolean; env?: Readonly<Record<string, string | undefined>> },
): Lexicon[] {
  const shipped = options.bundled ? bundledLexicons() : [];
  const installed = options.bundled && options.installed !== false && options.env ? installedLexicons(options.env) : [];
  return [...shipped, ...installed, ...files.map((f) => ({ ...readUserLexicon(f, cwd), origin: 'given' as const }))];
}

/** A lexicon the user named: one that yields no entries is a wrong file, not an empty help. */
export function readUserLexicon(spec: string, cwd: string, langs: { a?: string | undefined; b?: string | undefined } = {}): Lexicon {
  const lexicon = readLexiconFile(spec, cwd, langs);
  if (lexicon.entries.size === 0) {
    throw new AllineaError(`Lexicon ${shownPath(spec)} holds no entries: give a TSV file (headword<TAB>translations), a hunalign .dic or a FreeDict dictionary.`);
  }
  return lexicon;
}
