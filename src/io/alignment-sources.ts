/**
 * The source texts an alignment file names: where they are (paths are stored relative to the
 * alignment file) and reading them with their hashes. Kept apart from the loader so that
 * `allinea check` reads sources without loading the schema validator.
 */
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import type { Alignment } from '../core/model/types.js';
import { readTextFileWithHash, type TextWithHash } from './read-text.js';
import { followLinks } from './follow-links.js';

/** Path of a document as stored in an alignment file: relative to the file, POSIX separators. */
export function storedPath(alignmentPath: string, documentPath: string): string {
  return relative(dirname(followLinks(alignmentPath)), resolve(documentPath)).split(sep).join('/');
}

/** Absolute path of a document named in an alignment file. */
export function documentPath(alignmentPath: string, stored: string): string {
  // Relative to the file itself: an alignment opened through a symbolic link is beside its target.
  return isAbsolute(stored) ? stored : resolve(dirname(followLinks(alignmentPath)), stored);
}

export interface SourceStatus {
  readonly texts: Map<string, string>;
  readonly missing: readonly { readonly doc: string; readonly path: string; readonly reason: string }[];
  readonly drifted: readonly { readonly doc: string; readonly path: string; readonly sha256: string }[];
}

/** Reads every document's text; reports the missing ones and those whose text changed. */
export function readSources(alignmentPath: string, alignment: Alignment): SourceStatus {
  const texts = new Map<string, string>();
  const missing: { doc: string; path: string; reason: string }[] = [];
  const drifted: { doc: string; path: string; sha256: string }[] = [];
  for (const doc of alignment.documents) {
    const path = documentPath(alignmentPath, doc.path);
    let read: TextWithHash;
    try {
      read = readTextFileWithHash(path);
    } catch (error) {
      missing.push({ doc: doc.id, path, reason: error instanceof Error ? error.message : String(error) });
      continue;
    }
    texts.set(doc.id, read.text);
    if (read.sha256 !== doc.sha256) drifted.push({ doc: doc.id, path, sha256: read.sha256 });
  }
  return { texts, missing, drifted };
}
