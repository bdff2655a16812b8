/**
 * Editor state of the workbench: everything the screen shows and every pending side
 * effect, held in one immutable object and changed only by the reducer (reducer.ts).
 * Interface text is not here: messages are i18n keys with parameters, translated by the view.
 */
import type { ResolvedRules } from '../check/config.js';
import type { History } from '../model/history.js';
import type { Alignment } from '../model/types.js';
import type { SuggestedMembers } from '../model/operations.js';
import type { RealignScope } from './rows-realign.js';
import type { RowViewState } from './rows-state.js';

export type ViewKind = 'panes' | 'groups' | 'rows';

/** Input modes: which keymap section is active and what the bottom line shows. */
export type Mode = 'normal' | 'search' | 'note' | 'threshold' | 'split' | 'confirm-quit' | 'help' | 'confirm-move' | 'confirm-loss' | 'confirm-overwrite';

/** An edit waiting for the user's yes because it would lose reviewed work (see losses.ts). */
export interface PendingChange {
  /** The alignment the edit was computed on: it applies only if nothing changed meanwhile. */
  readonly base: Alignment;
  readonly next: Alignment;
  readonly label: string;
  readonly done?: Message;
  /** What the command does after its edit is recorded (clear marks, its message). */
  readonly after?: (state: EditorState) => EditorState;
}

export type GroupFilter = 'all' | 'confirmed' | 'suggested' | 'rejected';
export const GROUP_FILTERS: readonly GroupFilter[] = ['all', 'confirmed', 'suggested', 'rejected'];

export interface PaneState {
  /** Sentence index under the cursor. */
  readonly cursor: number;
  /** First sentence drawn at the top of the pane. */
  readonly top: number;
}

export interface TerminalSize {
  readonly columns: number;
  readonly rows: number;
}

/** A line of interface text to translate: an i18n key with its parameters (a parameter named `...Key` is itself an i18n key). */
export interface Message {
  readonly key: string;
  readonly params?: Readonly<Record<string, string | number>>;
  readonly tone: 'info' | 'error';
}

export interface PromptInput {
  readonly text: string;
  /** Caret position in characters (code points) from the start; absent: at the end. */
  readonly caret?: number;
}

export interface AlignerState {
  readonly running: boolean;
  readonly done: number;
  readonly total: number;
  /** Milliseconds since the run started, as of the last progress report (for the ETA). */
  readonly elapsedMs?: number;
  /** The documents (segmentation) the run started from: suggestions for others are dropped. */
  readonly documents?: Alignment['documents'];
}

/** Side effects the reducer asks the shell (src/tui) to perform. */
export type Effect =
  /** `force`: the user said yes to overwriting a file that changed on disk since it was read. */
  | { readonly id: number; readonly type: 'save'; readonly alignment: Alignment; readonly thenQuit: boolean; readonly force?: boolean }
  | { readonly id: number; readonly type: 'quit' }
  | { readonly id: number; readonly type: 'run-aligner'; readonly alignment: Alignment }
  | { readonly id: number; readonly type: 'cancel-aligner' };

export type EffectRequest = Effect extends infer E ? (E extends { id: number } ? Omit<E, 'id'> : never) : never;

export interface EditorState {
  readonly history: History<Alignment>;
  /** The alignment as last saved (or opened); dirty means `history.present !== saved`. */
  readonly saved: Alignment;
  readonly texts: ReadonlyMap<string, string>;
  /** Display name of the alignment file. */
  readonly fileName: string;
  /** The file does not exist yet (written on the first save): the status says so, not "saved". */
  readonly fileIsNew?: boolean;
  readonly size: TerminalSize;
  readonly colors: boolean;
  /** The check rules behind the row view's warnings (allinea.config.json); default rules when absent. */
  readonly checkRules?: ResolvedRules;
  /** One pane state per document, in document order. */
  readonly panes: readonly PaneState[];
  /** Index of the focused document. */
  readonly focus: number;
  /** Index of the document shown in the leftmost pane (when not all documents fit). */
  readonly firstPane: number;
  /** Marked sentences as "doc\u0000index" keys. */
  readonly marks: ReadonlySet<string>;
  readonly view: ViewKind;
  readonly groupCursor: number;
  readonly groupTop: number;
  readonly groupFilter: GroupFilter;
  readonly mode: Mode;
  readonly input: PromptInput;
  /** Split mode: caret as a character offset inside the sentence under the cursor. */
  readonly splitCaret: number;
  /** mode: plain text folding case, accents and quotes (the default), or a regular expression. */
  readonly search: { readonly pattern: string; readonly mode?: 'text' | 'regex' };
  readonly helpTop: number;
  readonly message?: Message;
  readonly aligner: AlignerState;
  readonly effects: readonly Effect[];
  readonly nextEffectId: number;
  /** mode 'confirm-overwrite': whether the save being asked about was save-and-quit. */
  readonly overwriteThenQuit?: boolean;
  /** mode 'confirm-loss': the edit the question is about. */
  readonly pending?: PendingChange;
  /**
   * Set when a key's command failed: printable keys typed right after it (within
   * TYPED_AFTER_FAILURE_MS of the previous key) are kept as text, not run as commands.
   */
  readonly afterFailure?: { readonly at: number; readonly text: string; readonly failed: Message };
  /** The row view (rows-state.ts). */
  readonly rowView: RowViewState;
  /** A re-align from the cursor onward in progress: how its suggestions map back (rows-realign.ts). */
  readonly rowRealign?: RealignScope;
}

export type Action =
  | { readonly type: 'command'; readonly command: CommandId }
  /** A key press: `name` as in the keymap (undefined for pasted text), `text` what it typed. */
  | { readonly type: 'key'; readonly name: string | undefined; readonly text: string; readonly at?: number }
  | { readonly type: 'type'; readonly text: string }
  | { readonly type: 'resize'; readonly size: TerminalSize }
  | { readonly type: 'effects-taken'; readonly upTo: number }
  | { readonly type: 'saved'; readonly alignment: Alignment; readonly thenQuit: boolean }
  | { readonly type: 'save-failed'; readonly message: string }
  /** The file changed on disk since the workbench read or last saved it; nothing was written. */
  | { readonly type: 'save-conflict'; readonly thenQuit: boolean }
  | { readonly type: 'aligner-progress'; readonly done: number; readonly total: number; readonly elapsedMs?: number }
  | { readonly type: 'aligner-done'; readonly suggestions: readonly SuggestedMembers[]; readonly mode: string }
  | { readonly type: 'aligner-failed'; readonly message: string; readonly cancelled?: boolean; readonly unavailable?: boolean }
  | { readonly type: 'notice'; readonly message: Message };

/** Every command a key can trigger (see keymap.ts). */
export type CommandId =
  | 'cursor-up'
  | 'cursor-down'
  | 'page-up'
  | 'page-down'
  | 'first'
  | 'last'
  | 'next-pane'
  | 'previous-pane'
  | 'search'
  | 'search-next'
  | 'search-previous'
  | 'next-unaligned'
  | 'previous-unaligned'
  | 'next-suggested'
  | 'previous-suggested'
  | 'next-bookmark'
  | 'toggle-mark'
  | 'clear-marks'
  | 'link'
  | 'add-to-group'
  | 'remove-from-group'
  | 'merge-groups'
  | 'dissolve-group'
  | 'accept-suggestion'
  | 'reject-suggestion'
  | 'accept-above'
  | 'run-aligner'
  | 'cancel-aligner'
  | 'split-mode'
  | 'join-next'
  | 'note'
  | 'toggle-bookmark'
  | 'undo'
  | 'redo'
  | 'save'
  | 'quit'
  | 'toggle-view'
  | 'cycle-filter'
  | 'open-group'
  | 'help'
  | 'close'
  | 'submit'
  | 'backspace'
  | 'clear-input'
  | 'caret-left'
  | 'caret-right'
  | 'caret-word-left'
  | 'caret-word-right'
  | 'save-and-quit'
  | 'quit-without-saving'
  | 'confirm-yes'
  | 'toggle-search-mode'
  | 'input-left'
  | 'input-right'
  | 'input-home'
  | 'input-end'
  | 'rows-view'
  | 'row-shift-up'
  | 'pane-shift-up'
  | 'pane-shift-down'
  | 'row-shift-down'
  | 'row-merge-next'
  | 'row-split'
  | 'row-detach'
  | 'row-next-warning'
  | 'row-previous-warning'
  | 'row-lead'
  | 'row-order'
  | 'column-left'
  | 'column-right'
  | 'column-hide'
  | 'column-show-all'
  | 'realign-from-cursor'
  | 'row-answer-yes';
