/**
 * Key bindings as data. The help overlay and the status-bar hints are generated from this
 * table, so they can never disagree with what the keys do. Key names are the canonical
 * strings produced by the terminal layer: a printed character ("j", "G", "?"), or "up",
 * "down", "left", "right", "pageup", "pagedown", "home", "end", "enter", "escape", "tab",
 * "shift+tab", "space", "backspace", "ctrl+<letter>".
 */
import type { CommandId, Mode, ViewKind } from './types.js';

export type KeymapSection = 'move' | 'find' | 'align' | 'review' | 'rows' | 'edit' | 'file' | 'prompt';

export interface KeyBinding {
  readonly command: CommandId;
  readonly keys: readonly string[];
  readonly modes: readonly Mode[];
  /** Views where the binding applies in normal mode (default: both). */
  readonly views?: readonly ViewKind[];
  readonly section: KeymapSection;
  /** i18n key of the one-line description. */
  readonly description: string;
  /** Shown in the status-bar hints of its mode. */
  readonly hint?: boolean;
}

const PROMPTS: readonly Mode[] = ['search', 'note', 'threshold'];

export const KEYMAP: readonly KeyBinding[] = [
  { command: 'cursor-down', keys: ['j', 'down'], modes: ['normal', 'help'], section: 'move', description: 'keys.cursorDown' },
  { command: 'cursor-up', keys: ['k', 'up'], modes: ['normal', 'help'], section: 'move', description: 'keys.cursorUp' },
  { command: 'page-down', keys: ['pagedown', 'ctrl+d'], modes: ['normal', 'help'], section: 'move', description: 'keys.pageDown' },
  { command: 'page-up', keys: ['pageup', 'ctrl+u'], modes: ['normal', 'help'], section: 'move', description: 'keys.pageUp' },
  { command: 'first', keys: ['g', 'home'], modes: ['normal'], section: 'move', description: 'keys.first' },
  { command: 'last', keys: ['G', 'end'], modes: ['normal'], section: 'move', description: 'keys.last' },
  { command: 'next-pane', keys: ['tab', 'l', 'right'], modes: ['normal'], views: ['panes', 'rows', 'groups'], section: 'move', description: 'keys.nextPane', hint: true },
  { command: 'previous-pane', keys: ['shift+tab', 'h', 'left'], modes: ['normal'], views: ['panes', 'rows', 'groups'], section: 'move', description: 'keys.previousPane' },
  { command: 'toggle-view', keys: ['v'], modes: ['normal'], section: 'move', description: 'keys.toggleView', hint: true },
  { command: 'cycle-filter', keys: ['f'], modes: ['normal'], views: ['groups'], section: 'move', description: 'keys.cycleFilter', hint: true },
  { command: 'open-group', keys: ['enter'], modes: ['normal'], views: ['groups'], section: 'move', description: 'keys.openGroup', hint: true },

  { command: 'search', keys: ['/'], modes: ['normal'], views: ['panes', 'rows'], section: 'find', description: 'keys.search', hint: true },
  { command: 'search-next', keys: ['n'], modes: ['normal'], views: ['panes', 'rows'], section: 'find', description: 'keys.searchNext' },
  { command: 'search-previous', keys: ['N'], modes: ['normal'], views: ['panes', 'rows'], section: 'find', description: 'keys.searchPrevious' },
  { command: 'next-unaligned', keys: [']'], modes: ['normal'], views: ['panes'], section: 'find', description: 'keys.nextUnaligned' },
  { command: 'previous-unaligned', keys: ['['], modes: ['normal'], views: ['panes'], section: 'find', description: 'keys.previousUnaligned' },
  { command: 'next-suggested', keys: ['}'], modes: ['normal'], views: ['panes'], section: 'find', description: 'keys.nextSuggested' },
  { command: 'previous-suggested', keys: ['{'], modes: ['normal'], views: ['panes'], section: 'find', description: 'keys.previousSuggested' },
  { command: 'next-bookmark', keys: ["'"], modes: ['normal'], views: ['panes'], section: 'find', description: 'keys.nextBookmark' },

  { command: 'toggle-mark', keys: ['space'], modes: ['normal'], views: ['panes'], section: 'align', description: 'keys.toggleMark', hint: true },
  { command: 'link', keys: ['enter', 'a'], modes: ['normal'], views: ['panes'], section: 'align', description: 'keys.link', hint: true },
  { command: 'add-to-group', keys: ['+', '='], modes: ['normal'], views: ['panes'], section: 'align', description: 'keys.addToGroup' },
  { command: 'remove-from-group', keys: ['x'], modes: ['normal'], views: ['panes'], section: 'align', description: 'keys.removeFromGroup' },
  { command: 'merge-groups', keys: ['m'], modes: ['normal'], views: ['panes'], section: 'align', description: 'keys.mergeGroups' },
  { command: 'dissolve-group', keys: ['d'], modes: ['normal'], section: 'align', description: 'keys.dissolveGroup' },
  { command: 'clear-marks', keys: ['escape'], modes: ['normal'], section: 'align', description: 'keys.clearMarks' },

  { command: 'accept-suggestion', keys: ['y'], modes: ['normal'], section: 'review', description: 'keys.acceptSuggestion', hint: true },
  { command: 'reject-suggestion', keys: ['r'], modes: ['normal'], section: 'review', description: 'keys.rejectSuggestion' },
  { command: 'accept-above', keys: ['Y'], modes: ['normal'], section: 'review', description: 'keys.acceptAbove' },
  { command: 'run-aligner', keys: ['A'], modes: ['normal'], section: 'review', description: 'keys.runAligner' },
  { command: 'cancel-aligner', keys: ['ctrl+x'], modes: ['normal'], section: 'review', description: 'keys.cancelAligner' },

  { command: 'split-mode', keys: ['S'], modes: ['normal'], views: ['panes'], section: 'edit', description: 'keys.splitMode' },
  { command: 'join-next', keys: ['J'], modes: ['normal'], views: ['panes'], section: 'edit', description: 'keys.joinNext' },
  { command: 'note', keys: ['c'], modes: ['normal'], section: 'edit', description: 'keys.note' },
  { command: 'toggle-bookmark', keys: ['b'], modes: ['normal'], views: ['panes'], section: 'edit', description: 'keys.toggleBookmark' },
  { command: 'undo', keys: ['u', 'ctrl+z'], modes: ['normal'], section: 'edit', description: 'keys.undo', hint: true },
  { command: 'redo', keys: ['ctrl+r', 'ctrl+y'], modes: ['normal'], section: 'edit', description: 'keys.redo' },

  { command: 'save', keys: ['ctrl+s'], modes: ['normal'], section: 'file', description: 'keys.save', hint: true },
  { command: 'help', keys: ['?'], modes: ['normal'], section: 'file', description: 'keys.help', hint: true },
  { command: 'quit', keys: ['q', 'ctrl+c'], modes: ['normal'], section: 'file', description: 'keys.quit', hint: true },

  { command: 'caret-word-left', keys: ['left', 'h', 'b'], modes: ['split'], section: 'prompt', description: 'keys.caretWordLeft', hint: true },
  { command: 'caret-word-right', keys: ['right', 'l', 'w'], modes: ['split'], section: 'prompt', description: 'keys.caretWordRight', hint: true },
  { command: 'caret-left', keys: ['H', ','], modes: ['split'], section: 'prompt', description: 'keys.caretLeft' },
  { command: 'caret-right', keys: ['L', '.'], modes: ['split'], section: 'prompt', description: 'keys.caretRight' },
  { command: 'submit', keys: ['enter'], modes: ['split'], section: 'prompt', description: 'keys.splitHere', hint: true },
  { command: 'submit', keys: ['enter'], modes: PROMPTS, section: 'prompt', description: 'keys.submit', hint: true },
  { command: 'backspace', keys: ['backspace'], modes: PROMPTS, section: 'prompt', description: 'keys.backspace' },
  { command: 'clear-input', keys: ['ctrl+u'], modes: PROMPTS, section: 'prompt', description: 'keys.clearInput' },
  { command: 'input-left', keys: ['left'], modes: PROMPTS, section: 'prompt', description: 'keys.inputLeft' },
  { command: 'input-right', keys: ['right'], modes: PROMPTS, section: 'prompt', description: 'keys.inputRight' },
  { command: 'input-home', keys: ['home', 'ctrl+a'], modes: PROMPTS, section: 'prompt', description: 'keys.inputHome' },
  { command: 'input-end', keys: ['end', 'ctrl+e'], modes: PROMPTS, section: 'prompt', description: 'keys.inputEnd' },
  { command: 'toggle-search-mode', keys: ['ctrl+r'], modes: ['search'], section: 'prompt', description: 'keys.toggleSearchMode', hint: true },
  { command: 'save-and-quit', keys: ['s', 'y'], modes: ['confirm-quit'], section: 'prompt', description: 'keys.saveAndQuit', hint: true },
  { command: 'quit-without-saving', keys: ['d', 'n'], modes: ['confirm-quit'], section: 'prompt', description: 'keys.quitWithoutSaving', hint: true },
  { command: 'close', keys: ['escape', 'ctrl+c'], modes: ['split', 'confirm-quit', ...PROMPTS], section: 'prompt', description: 'keys.cancel', hint: true },
  { command: 'close', keys: ['escape', '?', 'q', 'ctrl+c'], modes: ['help'], section: 'prompt', description: 'keys.closeHelp', hint: true },
  // Questions before an edit that loses reviewed work, and before overwriting a file changed on disk.
  { command: 'confirm-yes', keys: ['y'], modes: ['confirm-loss', 'confirm-overwrite'], section: 'prompt', description: 'keys.confirmYes', hint: true },
  { command: 'close', keys: ['n', 'escape', 'ctrl+c'], modes: ['confirm-loss', 'confirm-overwrite'], section: 'prompt', description: 'keys.confirmNo', hint: true },

  // The row view (rows-commands.ts) and its question before a move that would lose something.
  { command: 'rows-view', keys: ['R'], modes: ['normal'], section: 'rows', description: 'keys.rowsView', hint: true },
  { command: 'accept-suggestion', keys: ['enter'], modes: ['normal'], views: ['rows'], section: 'rows', description: 'keys.rowConfirmNext', hint: true },
  { command: 'reject-suggestion', keys: ['r'], modes: ['normal'], views: ['rows'], section: 'rows', description: 'keys.rowRejectNext' },
  { command: 'row-shift-up', keys: ['K', 'shift+up'], modes: ['normal'], views: ['rows'], section: 'rows', description: 'keys.rowShiftUp', hint: true },
  { command: 'row-shift-down', keys: ['J', 'shift+down'], modes: ['normal'], views: ['rows'], section: 'rows', description: 'keys.rowShiftDown', hint: true },
  // The same shift moves from the document panes, on the row of the cursor's sentence (J joins there).
  { command: 'pane-shift-up', keys: ['K', 'shift+up'], modes: ['normal'], views: ['panes'], section: 'edit', description: 'keys.paneShiftUp' },
  { command: 'pane-shift-down', keys: ['shift+down'], modes: ['normal'], views: ['panes'], section: 'edit', description: 'keys.paneShiftDown' },
  { command: 'row-merge-next', keys: ['m'], modes: ['normal'], views: ['rows'], section: 'rows', description: 'keys.rowMergeNext' },
  { command: 'row-split', keys: ['s'], modes: ['normal'], views: ['rows'], section: 'rows', description: 'keys.rowSplit' },
  { command: 'row-detach', keys: ['x'], modes: ['normal'], views: ['rows'], section: 'rows', description: 'keys.rowDetach' },
  { command: 'row-next-warning', keys: ['w'], modes: ['normal'], views: ['rows'], section: 'rows', description: 'keys.rowNextWarning' },
  { command: 'row-previous-warning', keys: ['W'], modes: ['normal'], views: ['rows'], section: 'rows', description: 'keys.rowPreviousWarning' },
  { command: 'row-lead', keys: ['o'], modes: ['normal'], views: ['rows'], section: 'rows', description: 'keys.rowLead' },
  { command: 'row-order', keys: ['O'], modes: ['normal'], views: ['rows'], section: 'rows', description: 'keys.rowOrder' },
  { command: 'column-left', keys: ['<'], modes: ['normal'], views: ['rows'], section: 'rows', description: 'keys.columnLeft' },
  { command: 'column-right', keys: ['>'], modes: ['normal'], views: ['rows'], section: 'rows', description: 'keys.columnRight' },
  { command: 'column-hide', keys: ['-'], modes: ['normal'], views: ['rows'], section: 'rows', description: 'keys.columnHide' },
  { command: 'column-show-all', keys: ['+'], modes: ['normal'], views: ['rows'], section: 'rows', description: 'keys.columnShowAll' },
  { command: 'realign-from-cursor', keys: ['F'], modes: ['normal'], views: ['rows'], section: 'rows', description: 'keys.realignFromCursor' },
  { command: 'row-answer-yes', keys: ['y', 'enter'], modes: ['confirm-move'], section: 'prompt', description: 'keys.answerYes', hint: true },
  { command: 'close', keys: ['escape', 'n', 'ctrl+c'], modes: ['confirm-move'], section: 'prompt', description: 'keys.answerNo', hint: true },
];

export const KEYMAP_SECTIONS: readonly KeymapSection[] = ['move', 'find', 'align', 'review', 'rows', 'edit', 'file'];

/** Modes where unbound printable input is typed into the prompt. */
export function isPromptMode(mode: Mode): boolean {
  return PROMPTS.includes(mode);
}

function applies(binding: KeyBinding, mode: Mode, view: ViewKind): boolean {
  if (!binding.modes.includes(mode)) return false;
  return mode !== 'normal' || binding.views === undefined || binding.views.includes(view);
}

/** The command bound to a key in a mode and view, if any. */
export function commandForKey(key: string, mode: Mode, view: ViewKind): CommandId | undefined {
  for (const binding of KEYMAP) {
    if (applies(binding, mode, view) && binding.keys.includes(key)) return binding.command;
  }
  // Shift-↑/↓ where no shift move applies: the plain arrow.
  if (key === 'shift+up' || key === 'shift+down') return commandForKey(key.slice(6), mode, view);
  return undefined;
}

/** The bindings active in a mode and view, in table order (for hints and help). */
export function bindingsFor(mode: Mode, view: ViewKind): KeyBinding[] {
  return KEYMAP.filter((b) => applies(b, mode, view));
}

const KEY_LABELS: Readonly<Record<string, string>> = {
  up: '↑',
  down: '↓',
  left: '←',
  right: '→',
  pageup: 'PgUp',
  pagedown: 'PgDn',
  home: 'Home',
  end: 'End',
  enter: 'Enter',
  escape: 'Esc',
  tab: 'Tab',
  'shift+tab': 'Shift-Tab',
  'shift+up': 'Shift-↑',
  'shift+down': 'Shift-↓',
  space: 'Space',
  backspace: 'Backspace',
};

/** How a key is written on screen: "Ctrl-S", "Space", "↑", "G". */
export function keyLabel(key: string): string {
  const fixed = KEY_LABELS[key];
  if (fixed) return fixed;
  if (key.startsWith('ctrl+')) return `Ctrl-${key.slice(5).toUpperCase()}`;
  return key;
}
