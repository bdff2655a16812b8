/**
 * A document read from standard input (`allinea align a.txt - -o out.align.json`) is saved
 * beside the alignment, since an alignment names the files of its documents and is reopened
 * from them. The copy is never written over a different file.
 */
import { existsSync } from 'node:fs';
import { AllineaError } from '../core/errors.js';
import { writeFileAtomic } from './atomic-write.js';
import { describeFsError } from './fs-errors.js';
import { readTextFile, shownPath } from './read-text.js';

/** out/book.align.json -> out/book.stdin.txt */
export function stdinCopyPath(alignmentPath: string): string {
  return `${alignmentPath.replace(/(\.align)?\.json$/, '')}.stdin.txt`;
}

/** Writes the copy (true when it wrote it); an existing file with the same text is kept, a different one is refused. */
export function saveStdinCopy(copy: { readonly path: string; readonly text: string }): boolean {
  if (existsSync(copy.path)) {
    if (readTextFile(copy.path) === copy.text) return false;
    throw new AllineaError(`${shownPath(copy.path)} already exists with other text; move it away or choose another -o, since the copy of standard input is saved there.`);
  }
  try {
    writeFileAtomic(copy.path, copy.text);
    return true;
  } catch (error) {
    throw describeFsError(error, shownPath(copy.path), 'write');
  }
}
