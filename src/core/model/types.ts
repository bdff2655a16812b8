/**
 * The alignment model: plain, immutable data. Every operation in `operations.ts`
 * returns a new `Alignment` and leaves the old one untouched, which is what makes
 * undo/redo and React rendering cheap (unchanged parts are shared).
 */

/** A sentence as character offsets into its document's text: `text.slice(start, end)`. */
export type Span = readonly [start: number, end: number];

export type GroupStatus = 'confirmed' | 'suggested' | 'rejected';
export type GroupOrigin = 'manual' | 'auto';

export interface DocumentRef {
  /** Short stable id, unique in the alignment (e.g. "it-000"). */
  readonly id: string;
  /** Path of the text file, relative to the alignment file (POSIX separators). */
  readonly path: string;
  /** BCP 47 language tag, usually a bare ISO 639-1 code ("it", "fr", "en"). */
  readonly lang: string;
  /** sha256 (hex) of the UTF-8 text the spans refer to; detects source drift. */
  readonly sha256: string;
  /** Optional short human title, shown in pane headers. */
  readonly title?: string;
  /** The effective segmentation (segmenter output with overrides applied), in text order. */
  readonly sentences: readonly Span[];
  /**
   * Stable id of each sentence (parallel to `sentences`), as saved in the file: a split gives
   * the new sentence a new id and a join removes one, so that no other sentence is renumbered
   * in the saved file. Absent: sentence i has id i. Only the file uses ids; the model works
   * with indices, and an ids list that does not fit is replaced by fresh ids when saving.
   */
  readonly ids?: readonly number[];
}

export interface Member {
  readonly doc: string;
  /** Sentence indices into the document, ascending, no duplicates. */
  readonly sentences: readonly number[];
  /**
   * The sentences' text when the file was written (parallel to `sentences`).
   * Makes alignment files readable in review and lets drifted sources be re-anchored.
   */
  readonly texts?: readonly string[];
}

export interface Group {
  readonly id: string;
  readonly status: GroupStatus;
  readonly members: readonly Member[];
  /** Aligner confidence in [0, 1]; absent for manual groups. */
  readonly score?: number;
  readonly note?: string;
  readonly origin: GroupOrigin;
}

/**
 * A segmentation override: the user split a sentence (`split`, a new boundary at `at`)
 * or joined two sentences (`join`, the boundary that started at `at` removed).
 * `at` is a character offset in the document text. Overrides are replayed on top of
 * the segmenter's output, so they survive re-segmentation.
 */
export interface SegmentationOverride {
  readonly doc: string;
  readonly op: 'split' | 'join';
  readonly at: number;
  /**
   * The text on both sides of the cut ([before, after], up to 32 characters each), so that
   * the override moves with its text when the document changes. Written by the serializer
   * from the source text; absent in files of version 1 and in overrides made in memory.
   */
  readonly context?: readonly [before: string, after: string];
}

export interface Bookmark {
  readonly doc: string;
  readonly sentence: number;
  readonly note?: string;
  /** The sentence's text when the file was written, for re-anchoring after source drift. */
  readonly text?: string;
}

export interface Alignment {
  readonly format: 'allinea-alignment';
  /** The format version the alignment was read as (files are always written as version 2). */
  readonly version: 1 | 2;
  readonly documents: readonly DocumentRef[];
  readonly groups: readonly Group[];
  readonly overrides: readonly SegmentationOverride[];
  readonly bookmarks: readonly Bookmark[];
}

/** A document's text with its alignment-file entry: what most core code works on. */
export interface LoadedDocument {
  readonly ref: DocumentRef;
  readonly text: string;
}

/** Thrown by model operations when an operation would break an invariant. */
export class ModelError extends Error {
  override readonly name = 'ModelError';
}
