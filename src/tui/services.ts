/** What the workbench needs from the outside world; the view command supplies node versions. */
import type { Alignment } from '../core/model/types.js';
import type { SuggestedMembers } from '../core/model/operations.js';

export interface AlignerRun {
  readonly mode: string;
  readonly suggestions: readonly SuggestedMembers[];
}

export interface SaveOptions {
  /** Write even if the file changed on disk since it was read (the user said yes). */
  readonly force?: boolean;
}

export interface WorkbenchServices {
  /** Rejects with an error named 'SaveConflict' (nothing written) when the file changed on disk meanwhile. */
  save(alignment: Alignment, options?: SaveOptions): Promise<void>;
  /** Writes the recovery file (autosave of unsaved work). */
  writeRecovery(alignment: Alignment): Promise<void>;
  /** Removes the recovery file if this session wrote (or restored) it; another's is left alone. */
  removeRecovery(): Promise<void>;
  runAligner(alignment: Alignment, onProgress: (done: number, total: number) => void, signal: AbortSignal): Promise<AlignerRun>;
}
