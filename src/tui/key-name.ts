/**
 * Turns Ink's (input, key) pair into the canonical key names of the keymap table
 * (src/core/session/keymap.ts): "j", "G", "space", "enter", "ctrl+s", "shift+tab", ...
 * Returns undefined for input that is not one key (pasted text), which prompts take as typing.
 */
import type { Key } from 'ink';

export function keyName(input: string, key: Key): string | undefined {
  if (key.upArrow) return 'up';
  if (key.downArrow) return 'down';
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
