import type { Key } from 'ink';
import { describe, expect, it } from 'vitest';
import { keyEvents, keyName } from '../../src/tui/key-name.js';

const none: Key = {
  upArrow: false, downArrow: false, leftArrow: false, rightArrow: false, pageDown: false, pageUp: false, home: false, end: false,
  return: false, escape: false, ctrl: false, shift: false, tab: false, backspace: false, delete: false, meta: false,
  super: false, hyper: false, capsLock: false, numLock: false,
};

describe('key names', () => {
  it('names single keys as the keymap does', () => {
    expect(keyName('', { ...none, upArrow: true })).toBe('up');
    expect(keyName('', { ...none, upArrow: true, shift: true })).toBe('shift+up');
    expect(keyName('', { ...none, downArrow: true, shift: true })).toBe('shift+down');
    expect(keyName('', { ...none, tab: true, shift: true })).toBe('shift+tab');
    expect(keyName('s', { ...none, ctrl: true })).toBe('ctrl+s');
    expect(keyName(' ', none)).toBe('space');
    expect(keyName('G', { ...none, shift: true })).toBe('G');
    expect(keyName('abc', none)).toBeUndefined();
  });

  it('splits characters that arrive together into one key press each', () => {
    expect(keyEvents('\t\t', none).map((e) => e.name)).toEqual(['tab', 'tab']);
    expect(keyEvents('\u0015ne p', none)).toEqual([
      { name: 'ctrl+u', text: '' },
      { name: 'n', text: 'n' },
      { name: 'e', text: 'e' },
      { name: 'space', text: ' ' },
      { name: 'p', text: 'p' },
    ]);
    expect(keyEvents('jj\r', none).map((e) => e.name)).toEqual(['j', 'j', 'enter']);
  });

  it('ignores Alt+character, which nothing is bound to', () => {
    expect(keyEvents('b', { ...none, meta: true })).toEqual([]);
    expect(keyEvents('', { ...none, escape: true, meta: true }).map((e) => e.name)).toEqual(['escape']);
    expect(keyEvents('', { ...none, upArrow: true, meta: true }).map((e) => e.name)).toEqual(['up']);
  });
});
