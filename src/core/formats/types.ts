/**
 * Shared shapes of the exchange formats. Exporters take an alignment with its texts and
 * return the output plus what they left out; importers return units of text (TMX, TSV,
 * CSV) or sentence-index beads (Vecalign beads, hunalign ladder) that `imported.ts`
 * turns into an alignment. Everything here is pure: files are read and written by the CLI.
 */
import type { Alignment, GroupOrigin, GroupStatus } from '../model/types.js';

export interface ExportInput {
  readonly alignment: Alignment;
  /** Text of each document by id. */
  readonly texts: ReadonlyMap<string, string>;
}

export type StatusFilter = 'confirmed' | 'all';

export interface SelectionOptions {
  /** `confirmed` (default): confirmed groups only; `all`: confirmed and suggested. Rejected groups are never exported. */
  readonly status?: StatusFilter;
  /** Languages to write, in column order. Explicitly requested languages are required in every group written. */
  readonly langs?: readonly string[];
  /** A two-language export: shorthand for langs [source, target], with `source` as TMX srclang. */
  readonly pair?: readonly [string, string];
}

export type OmissionReason = 'rejected' | 'suggested' | 'missing-language' | 'single-language' | 'empty-text';

/** One thing an export left out, and why. */
export interface Omission {
  readonly group: string;
  readonly reason: OmissionReason;
  /** For `missing-language`: the languages the group lacks. */
  readonly langs?: readonly string[];
  readonly message: string;
}

/** Something an export or import changed without leaving it out (removed characters, flattened markup). */
export interface Notice {
  readonly code: string;
  readonly message: string;
}

export interface ExportResult {
  /** One text for single-file formats; file suffix (language) -> text for Moses. */
  readonly output: string | ReadonlyMap<string, string>;
  readonly omitted: readonly Omission[];
  readonly notices: readonly Notice[];
  /** Number of records written (TMX units, rows, lines, groups; for beads the aligned beads). */
  readonly written: number;
  /** Beads: the 1-0 and 0-1 beads written for sentences no group aligns. */
  readonly unaligned?: number;
}

/** A translation unit read from a file: some texts per language, with optional group data. */
export interface ImportedUnit {
  readonly id?: string;
  readonly status?: GroupStatus;
  readonly origin?: GroupOrigin;
  readonly score?: number;
  readonly note?: string;
  /**
   * allinea's own TMX: the group this unit continues (x-group). A group with two documents of
   * one language is exported as one unit per combination; the units after the first name it.
   */
  readonly group?: string;
  /**
   * In order of appearance; several entries for one language become several sentences.
   * `source` (allinea's own TMX: x-document and x-sentences) tells a sentence repeated in a
   * continuation unit from a new one.
   */
  readonly variants: readonly { readonly lang: string; readonly text: string; readonly source?: string }[];
}

export interface ImportedUnits {
  readonly kind: 'units';
  readonly units: readonly ImportedUnit[];
  readonly notices: readonly Notice[];
}

/** A bead: source sentence indices aligned with target sentence indices (0-based lines). */
export interface Bead {
  readonly source: readonly number[];
  readonly target: readonly number[];
  /** The aligner's own figure (Vecalign cost, hunalign score): kept for messages, not as a group score. */
  readonly figure?: number;
}
