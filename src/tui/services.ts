/** What the workbench needs from the outside world; the view command supplies node versions. */
import type { Alignment } from '../core/model/types.js';
import type { SuggestedMembers } from '../core/model/operations.js';

export interface AlignerRun {
  readonly mode: string;
  readonly suggestions: readonly SuggestedMembers[];
}

export interface WorkbenchServices {
  save(alignment: Alignment): Promise<void>;
  /** Writes the recovery file (autosave of unsaved work). */
  writeRecovery(alignment: Alignment): Promise<void>;
  removeRecovery(): Promise<void>;
  runAligner(alignment: Alignment, onProgress: (done: number, total: number) => void, signal: AbortSignal): Promise<AlignerRun>;
}
