/**
 * Alignment files on disk: reading (with the place of any problem), loading the source
 * texts they name, detecting and repairing source drift, and atomic, stable writing.
 */
import { existsSync } from 'node:fs';
import { AllineaError } from '../core/errors.js';
import { judgeAlignment } from '../core/model/schema.js';
import { parseAlignment, type FileProblem, type JsonPath, type Position } from '../core/model/parse.js';
import { reanchorDocument, type ReanchorReport } from '../core/model/reanchor.js';
import { serializeAlignmentChunks } from '../core/model/serialize.js';
import type { SegmentFn } from '../core/model/create.js';
import type { Alignment } from '../core/model/types.js';
import { writeFileAtomic, type AtomicWriteOptions } from './atomic-write.js';
import { readTextFile } from './read-text.js';
import { documentPath, readSources, storedPath } from './alignment-sources.js';
import { relocateDocuments, type RelocatedDocument } from './relocate-documents.js';
import { describeFsError } from './fs-errors.js';

export interface AlignmentFile {
  readonly path: string;
  readonly text: string;
  readonly alignment: Alignment;
  readonly locate: (path: JsonPath) => Position;
}

export function describeProblem(file: string, problem: FileProblem): string {
  return `${file}:${problem.line}:${problem.column}: ${problem.message}`;
}

/** Reads and validates an alignment file; any problem becomes one error sentence with its place. */
export function readAlignmentFile(path: string): AlignmentFile {
  const text = readTextFile(path);
  const result = parseAlignment(text, judgeAlignment);
  const first = result.problems[0];
  if (first) {
    const more = result.problems.length > 1 ? ` (and ${result.problems.length - 1} more ${result.problems.length === 2 ? 'problem' : 'problems'}; run allinea check for all)` : '';
    throw new AllineaError(`${describeProblem(path, first)}${more}.`);
  }
  if (!result.ok) throw new AllineaError(`${path}: cannot be read as an alignment file.`);
  return { path, text, alignment: result.alignment, locate: result.locate };
}

export interface OpenedAlignment extends AlignmentFile {
  /** The alignment after re-anchoring drifted documents (same object when nothing drifted). */
  readonly alignment: Alignment;
  readonly texts: Map<string, string>;
  readonly reanchored: readonly ReanchorReport[];
  /** The alignment as the file holds it (before re-anchoring): what "saved" means until the next save. */
  readonly onDisk: Alignment;
  /** Documents found in the folders given to look in, not where the file said. */
  readonly relocated?: readonly RelocatedDocument[];
}

/**
 * Opens an alignment file with its sources. Missing sources are an error; drifted sources
 * are re-anchored in memory (the file is untouched until the caller saves).
 */
export function openAlignment(path: string, segment: SegmentFn, options: { readonly searchIn?: readonly string[] } = {}): OpenedAlignment {
  const file = readAlignmentFile(path);
  let start = file.alignment;
  let sources = readSources(path, start);
  // Documents not where the file says: looked for in the folders given (a moved corpus).
  let relocated: RelocatedDocument[] = [];
  if (sources.missing.length > 0 && options.searchIn && options.searchIn.length > 0) {
    ({ alignment: start, relocated } = relocateDocuments(path, start, sources.missing.map((m) => m.doc), options.searchIn));
    if (relocated.length > 0) sources = readSources(path, start);
  }
  const first = sources.missing[0];
  if (first) {
    const hint = options.searchIn?.length ? ` (not found in ${options.searchIn.join(', ')} either)` : ' (if the documents moved, give the folder they are in: allinea view FILE.align.json FOLDER)';
    throw new AllineaError(`${path}: document "${first.doc}" cannot be opened: ${first.reason.replace(/\.$/, '')}${hint}.`);
  }
  let alignment = start;
  const reanchored: ReanchorReport[] = [];
  for (const drift of sources.drifted) {
    const result = reanchorDocument(alignment, drift.doc, sources.texts.get(drift.doc)!, drift.sha256, segment, file.alignment);
    alignment = result.alignment;
    reanchored.push(result.report);
  }
  return { ...file, alignment, texts: sources.texts, reanchored, onDisk: file.alignment, relocated };
}

/**
 * Opens the alignment file `from` as a copy to be saved at `to`: the same groups and notes,
 * its documents' paths rewritten so they still reach the same files from `to`. The bundled
 * curated alignment of the seeds is where work on them starts outside the repository.
 */
export function openAlignmentCopy(from: string, to: string, segment: SegmentFn): OpenedAlignment {
  const opened = openAlignment(from, segment);
  const moved = (alignment: Alignment): Alignment => ({
    ...alignment,
    documents: alignment.documents.map((d) => ({ ...d, path: storedPath(to, documentPath(from, d.path)) })),
  });
  const alignment = moved(opened.alignment);
  return { ...opened, path: to, alignment, onDisk: opened.alignment === opened.onDisk ? alignment : moved(opened.onDisk) };
}

/** Saves atomically in the stable layout, with member texts taken from the sources. */
export function writeAlignmentFile(path: string, alignment: Alignment, texts?: ReadonlyMap<string, string>, options?: AtomicWriteOptions): void {
  try {
    writeFileAtomic(path, serializeAlignmentChunks(alignment, texts), options);
  } catch (error) {
    if (error instanceof AllineaError) throw error; // a refusal from options.beforeReplace says why itself
    throw describeFsError(error, path, 'write');
  }
}

export function alignmentExists(path: string): boolean {
  return existsSync(path);
}
