/**
 * File access for `allinea check`: expanding the path and glob arguments into alignment files,
 * finding and reading the config file, and reading each alignment's sources.
 */
import { appendFileSync, existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { AllineaError } from '../core/errors.js';
import { globBase, globToRegExp, isGlob } from '../core/check/glob.js';
import type { SourceState } from '../core/check/sources.js';
import type { Alignment } from '../core/model/types.js';
import { readSources } from './alignment-sources.js';
import { describeFsError } from './fs-errors.js';
import { readTextFile } from './read-text.js';
import { sha256 } from './hash.js';

export const ALIGNMENT_SUFFIX = '.align.json';
export const CONFIG_NAME = 'allinea.config.json';
const SKIPPED_FOLDERS = new Set(['node_modules', '.git']);

function toPosix(path: string): string {
  return path.split(sep).join('/');
}

/** How a file is shown in reports: relative to the working folder when inside it. */
export function displayPath(absolute: string, cwd: string): string {
  const rel = relative(cwd, absolute);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? toPosix(rel) : toPosix(absolute);
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false; // a dangling link
  }
}

/** Every file below a folder (skipping node_modules, .git and other dot-folders), POSIX paths relative to it. */
function walk(root: string, accept: (rel: string) => boolean): string[] {
  const out: string[] = [];
  const visit = (dir: string, rel: string) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return; // unreadable folders are skipped, like a shell glob does
    }
    for (const entry of entries) {
      const childRel = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (!SKIPPED_FOLDERS.has(entry.name) && !entry.name.startsWith('.')) visit(join(dir, entry.name), childRel);
      } else if ((entry.isFile() || (entry.isSymbolicLink() && isFile(join(dir, entry.name)))) && accept(childRel)) out.push(childRel);
    }
  };
  visit(root, '');
  return out;
}

/**
 * Alignment files named by the arguments: files as given, folders searched recursively for
 * *.align.json, globs (`alignments/**\/*.align.json`) matched below their fixed prefix.
 * Returns absolute paths, sorted and without repeats. An argument that names nothing is an error.
 */
export function expandCheckPaths(inputs: readonly string[], cwd: string): string[] {
  const found = new Set<string>();
  for (const input of inputs) {
    const pattern = toPosix(input);
    if (isGlob(pattern) && !existsSync(resolve(cwd, input))) {
      const { base, rest } = globBase(pattern);
      const root = resolve(cwd, base);
      const matcher = globToRegExp(rest);
      const matches = existsSync(root) && statSync(root).isDirectory() ? walk(root, (rel) => matcher.test(rel)) : [];
      if (matches.length === 0) throw new AllineaError(`No files match ${input}.`);
      for (const rel of matches) found.add(join(root, rel));
      continue;
    }
    const path = resolve(cwd, input);
    let stats;
    try {
      stats = statSync(path);
    } catch {
      throw new AllineaError(`Cannot check ${input}: it does not exist.`);
    }
    if (stats.isDirectory()) {
      const files = walk(path, (rel) => rel.endsWith(ALIGNMENT_SUFFIX));
      if (files.length === 0) throw new AllineaError(`There are no ${ALIGNMENT_SUFFIX} files in ${input}.`);
      for (const rel of files) found.add(join(path, rel));
    } else found.add(path);
  }
  return [...found].sort();
}

/** The nearest allinea.config.json in the working folder or above it. */
export function findConfigFile(cwd: string): string | undefined {
  let dir = resolve(cwd);
  for (;;) {
    const candidate = join(dir, CONFIG_NAME);
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** Reads a config file as JSON; syntax errors become one sentence (exit 2). */
export function readConfigFile(path: string): unknown {
  const text = readTextFile(path);
  try {
    return JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0]!.replace(/\.$/, '') : String(error);
    throw new AllineaError(`${path} is not valid JSON: ${reason}.`);
  }
}

/** The current state of an alignment's sources, for the checker. */
export function readCheckSources(alignmentPath: string, alignment: Alignment): SourceState {
  const status = readSources(alignmentPath, alignment);
  // A changed text whose hash matches with the other line endings: said in the finding, since
  // a checkout with git's autocrlf is a common cause and --fix re-anchors it without loss.
  const recorded = new Map(alignment.documents.map((d) => [d.id, d.sha256]));
  const lineEndingsOnly = new Set<string>();
  for (const { doc } of status.drifted) {
    const text = status.texts.get(doc);
    if (text === undefined || !/[\r\n]/.test(text)) continue;
    const lf = text.replace(/\r\n/g, '\n');
    const crlf = lf.replace(/\n/g, '\r\n');
    if ((lf !== text && sha256(lf) === recorded.get(doc)) || (crlf !== text && sha256(crlf) === recorded.get(doc))) lineEndingsOnly.add(doc);
  }
  return {
    texts: status.texts,
    missing: status.missing,
    changed: new Map(status.drifted.map((d) => [d.doc, d.sha256])),
    ...(lineEndingsOnly.size > 0 ? { lineEndingsOnly } : {}),
  };
}

/** Appends to GitHub's step summary file; returns a one-sentence problem instead of failing the check. */
export function appendStepSummary(path: string, markdown: string): string | undefined {
  try {
    appendFileSync(path, markdown);
    return undefined;
  } catch (error) {
    return `${describeFsError(error, path, 'write').message.replace(/\.$/, '')}; the step summary was skipped.`;
  }
}
