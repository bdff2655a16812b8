/**
 * Lexicon files on disk: FreeDict dictd databases, hunalign dictionaries and TSV lexicons,
 * and the lexicons bundled in lexicons/. Used by `align`, `lexicon import` and the
 * workbench's aligner.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { AllineaError } from '../core/errors.js';
import { langPairFromName, parseFreedict, parseHunalignDictionary, parseTsvLexicon, type Lexicon } from '../core/align/lexicon.js';
import { PACKAGE_ROOT } from './package-root.js';

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
    throw new AllineaError(`Lexicon ${spec} does not exist${hint}.`);
  }
  const pair = langPairFromName(path);
  const a = langs.a ?? pair?.a;
  const b = langs.b ?? pair?.b;
  const meta = { name: basename(path), ...(a ? { a } : {}), ...(b ? { b } : {}) };
  const read = (p: string): Buffer => {
    try {
      return readFileSync(p);
    } catch (error) {
      throw new AllineaError(`Cannot read lexicon ${p}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}.`);
    }
  };
  if (path.endsWith('.index')) {
    const stem = path.slice(0, -'.index'.length);
    const dict = existsSync(`${stem}.dict.dz`) ? gunzipSync(read(`${stem}.dict.dz`)) : existsSync(`${stem}.dict`) ? read(`${stem}.dict`) : undefined;
    if (!dict) throw new AllineaError(`FreeDict index ${path} has no ${basename(stem)}.dict.dz beside it.`);
    return parseFreedict(read(path).toString('utf8'), dict, meta);
  }
  const raw = read(path);
  const text = (path.endsWith('.gz') ? gunzipSync(raw) : raw).toString('utf8');
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
  return files.map((f) => readLexiconFile(join(dir, f), dir));
}

/** The bundled lexicons (unless turned off) followed by the files given with --lexicon. */
export function loadLexicons(files: readonly string[], cwd: string, options: { bundled: boolean }): Lexicon[] {
  return [...(options.bundled ? bundledLexicons() : []), ...files.map((f) => readLexiconFile(f, cwd))];
}
