/**
 * Documents an alignment file names but that are not where it says (the corpus was moved or
 * copied elsewhere): looked for in folders the user gives, by file name first, then by content
 * (the SHA-256 the alignment recorded), so a renamed copy is found too.
 */
import { readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Alignment } from '../core/model/types.js';
import { storedPath } from './alignment-sources.js';
import { readTextFileWithHash } from './read-text.js';

export interface RelocatedDocument {
  readonly doc: string;
  readonly from: string;
  readonly to: string;
}

const MAX_DEPTH = 4;
const MAX_FILES = 5000;

/** Files under the folders (a few levels deep, dot folders and node_modules skipped). */
function filesUnder(folders: readonly string[]): string[] {
  const out: string[] = [];
  const walk = (dir: string, depth: number) => {
    if (depth > MAX_DEPTH || out.length >= MAX_FILES) return;
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path, depth + 1);
      else if (entry.isFile() || entry.isSymbolicLink()) out.push(path);
      if (out.length >= MAX_FILES) return;
    }
  };
  for (const folder of folders) {
    try {
      if (statSync(folder).isDirectory()) walk(folder, 0);
      else out.push(folder);
    } catch {
      // A folder that does not exist holds nothing.
    }
  }
  return out;
}

/** The alignment with the missing documents' paths pointing where they were found (others unchanged). */
export function relocateDocuments(
  alignmentPath: string,
  alignment: Alignment,
  missing: readonly string[],
  folders: readonly string[],
): { alignment: Alignment; relocated: RelocatedDocument[] } {
  if (missing.length === 0 || folders.length === 0) return { alignment, relocated: [] };
  const files = filesUnder(folders);
  const relocated: RelocatedDocument[] = [];
  const hashes = new Map<string, string>();
  const hashOf = (file: string) => {
    if (!hashes.has(file)) {
      try {
        hashes.set(file, readTextFileWithHash(file).sha256);
      } catch {
        hashes.set(file, '');
      }
    }
    return hashes.get(file)!;
  };
  const documents = alignment.documents.map((doc) => {
    if (!missing.includes(doc.id)) return doc;
    const name = basename(doc.path);
    // Same name first (the usual move); the same text under another name otherwise.
    const found = files.find((f) => basename(f) === name) ?? files.find((f) => /\.(txt|md|text)$/i.test(f) && hashOf(f) === doc.sha256);
    if (!found) return doc;
    const to = storedPath(alignmentPath, found);
    relocated.push({ doc: doc.id, from: doc.path, to });
    return { ...doc, path: to };
  });
  return relocated.length > 0 ? { alignment: { ...alignment, documents }, relocated } : { alignment, relocated };
}
