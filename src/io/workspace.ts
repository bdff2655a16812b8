/**
 * A workspace: an alignment with its documents' texts, opened from an alignment file or
 * created from a corpus. This is what the workbench, `align` and the exporters work on.
 */
import { existsSync } from 'node:fs';
import { AllineaError } from '../core/errors.js';
import { createAlignment, type SegmentFn } from '../core/model/create.js';
import type { ReanchorReport } from '../core/model/reanchor.js';
import type { Alignment } from '../core/model/types.js';
import { loadCorpus } from './corpus.js';
import { openAlignment, openAlignmentCopy } from './alignment-file.js';
import type { RelocatedDocument } from './relocate-documents.js';
import { storedPath } from './alignment-sources.js';
import { shownPath } from './read-text.js';

export interface Workspace {
  readonly alignmentPath: string;
  readonly alignment: Alignment;
  readonly texts: Map<string, string>;
  /** True when the alignment file does not exist yet (created on first save). */
  readonly isNew: boolean;
  readonly reanchored: readonly ReanchorReport[];
  /** The alignment as on disk when it differs from `alignment` (re-anchored sources): the work is unsaved. */
  readonly onDisk?: Alignment;
  /** Documents found in `searchIn`, not where the file said (saving records where they are). */
  readonly relocated?: readonly RelocatedDocument[];
}

export interface OpenWorkspaceOptions {
  /** Corpus inputs (folder or files); used when the alignment file does not exist yet. */
  readonly corpus: readonly string[];
  readonly alignmentPath: string;
  readonly lang?: string;
  readonly cwd: string;
  readonly segment: SegmentFn;
  /** Folders to look in for documents an existing alignment file names but that are not where it says. */
  readonly searchIn?: readonly string[];
  /** An alignment file to start from when `alignmentPath` does not exist yet (saved there on the first save). */
  readonly startFrom?: string;
}

export function openWorkspace(options: OpenWorkspaceOptions): Workspace {
  if (existsSync(options.alignmentPath)) {
    const opened = openAlignment(options.alignmentPath, options.segment, options.searchIn ? { searchIn: options.searchIn } : {});
    return {
      alignmentPath: options.alignmentPath,
      alignment: opened.alignment,
      texts: opened.texts,
      isNew: false,
      reanchored: opened.reanchored,
      ...(opened.alignment !== opened.onDisk ? { onDisk: opened.onDisk } : {}),
      ...(opened.relocated && opened.relocated.length > 0 ? { relocated: opened.relocated } : {}),
    };
  }
  if (options.startFrom && existsSync(options.startFrom)) {
    const copy = openAlignmentCopy(options.startFrom, options.alignmentPath, options.segment);
    return {
      alignmentPath: options.alignmentPath,
      alignment: copy.alignment,
      texts: copy.texts,
      isNew: true,
      reanchored: copy.reanchored,
      ...(copy.alignment !== copy.onDisk ? { onDisk: copy.onDisk } : {}),
    };
  }
  if (options.corpus.length === 0) {
    throw new AllineaError(`${options.alignmentPath} does not exist and no corpus was given to create it from.`);
  }
  const corpus = loadCorpus(options.corpus, { cwd: options.cwd, ...(options.lang ? { lang: options.lang } : {}) });
  if (corpus.docs.length < 2) throw new AllineaError('Alignment needs at least two documents.');
  const empty = corpus.docs.find((d) => d.text.trim() === '');
  if (empty) throw new AllineaError(`${shownPath(empty.path)} is empty: there is nothing in it to align.`);
  const alignment = createAlignment(
    corpus.docs.map((doc) => ({ ...doc, path: storedPath(options.alignmentPath, doc.path) })),
    options.segment,
  );
  return {
    alignmentPath: options.alignmentPath,
    alignment,
    texts: new Map(corpus.docs.map((d) => [d.id, d.text])),
    isNew: true,
    reanchored: [],
  };
}
