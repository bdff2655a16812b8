/**
 * Turns Ink's (input, key) pair into the canonical key names of the keymap table
 * (src/core/session/keymap.ts): "j", "G", "space", "enter", "ctrl+s", "shift+tab", ...
 * Returns undefined for input that is not one key (pasted text), which prompts take as typing.
 */
import type { Key } from 'ink';

export function keyName(input: string, key: Key): string | undefined {
  // Shift with an arrow is its own key (the shift moves); where nothing binds it, it acts as the arrow.
  if (key.upArrow) return key.shift ? 'shift+up' : 'up';
  if (key.downArrow) return key.shift ? 'shift+down' : 'down';
  if (key.leftArrow) return 'left';
  if (key.rightArrow) return 'right';
  if (key.pageUp) return 'pageup';
  if (key.pageDown) return 'pagedown';
  if (key.home) return 'home';
  if (key.end) return 'end';
  if (key.return) return 'enter';
  if (key.tab) return key.shift ? 'shift+tab' : 'tab';
  if (key.backspace || key.delete) return 'backspace';
  if (key.escape) return 'escape';
  if (key.ctrl && input.length === 1) return `ctrl+${input.toLowerCase()}`;
  if (input === ' ') return 'space';
  if ([...input].length === 1) return input;
  return undefined;
}

/** The keymap name of one character from a chunk of fast typing ("\t" -> "tab", "\u0013" -> "ctrl+s"). */
export function charName(ch: string): string {
  if (ch === '\r' || ch === '\n') return 'enter';
  if (ch === '\t') return 'tab';
  if (ch === ' ') return 'space';
  if (ch === '\u007f' || ch === '\b') return 'backspace';
  if (ch === '\u001b') return 'escape';
  const code = ch.codePointAt(0)!;
  if (code >= 1 && code <= 26) return `ctrl+${String.fromCharCode(code + 96)}`;
  return ch;
}

/**
 * Ink delivers plain characters that arrive together (fast typing, key repeat on a busy
 * machine, tmux send-keys, a paste) as one string. Each character is one key press here,
 * so no key is lost; prompts receive the printable ones as typed text.
 */
export function keyEvents(input: string, key: Key): { name: string | undefined; text: string }[] {
  // Alt+character (also what Esc then a key typed very fast looks like, and what some terminals
  // send for Option+arrow) is bound to nothing: better ignored than taken for the bare key.
  if (key.meta && !key.escape && !key.ctrl && [...input].length === 1 && !/[\u0000-\u001f]/.test(input)) return [];
  const name = keyName(input, key);
  if (name !== undefined) return [{ name, text: key.ctrl || key.meta ? '' : input }];
  return [...input].map((ch) => {
    const n = charName(ch);
    return { name: n, text: n === ch || n === 'space' ? ch : '' };
  });
}
