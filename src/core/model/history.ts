/**
 * Undo/redo as a history of snapshots. Alignments are immutable and operations share
 * unchanged parts, so a snapshot costs little more than the arrays an operation copied.
 */
export interface History<T> {
  readonly past: readonly { readonly state: T; readonly label: string }[];
  readonly present: T;
  readonly future: readonly { readonly state: T; readonly label: string }[];
  /** Label of the change that produced `present` (what undo would undo). */
  readonly label?: string;
}

export const HISTORY_LIMIT = 1000;

export function createHistory<T>(present: T): History<T> {
  return { past: [], present, future: [] };
}

/** Records `next` as a new present. A no-op change (same object) is not recorded. */
export function record<T>(history: History<T>, next: T, label: string): History<T> {
  if (next === history.present) return history;
  const past = [...history.past, { state: history.present, label: history.label ?? '' }];
  if (past.length > HISTORY_LIMIT) past.shift();
  return { past, present: next, future: [], label };
}

export function canUndo<T>(history: History<T>): boolean {
  return history.past.length > 0;
}

export function canRedo<T>(history: History<T>): boolean {
  return history.future.length > 0;
}

export function undo<T>(history: History<T>): History<T> {
  const previous = history.past[history.past.length - 1];
  if (!previous) return history;
  return {
    past: history.past.slice(0, -1),
    present: previous.state,
    future: [{ state: history.present, label: history.label ?? '' }, ...history.future],
    label: previous.label,
  };
}

export function redo<T>(history: History<T>): History<T> {
  const next = history.future[0];
  if (!next) return history;
  return {
    past: [...history.past, { state: history.present, label: history.label ?? '' }],
    present: next.state,
    future: history.future.slice(1),
    label: next.label,
  };
}
