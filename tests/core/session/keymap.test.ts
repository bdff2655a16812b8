import { describe, expect, it } from 'vitest';
import { KEYMAP, bindingsFor, commandForKey, keyLabel } from '../../../src/core/session/keymap.js';
import type { Mode, ViewKind } from '../../../src/core/session/types.js';

const MODES: Mode[] = ['normal', 'search', 'note', 'threshold', 'split', 'confirm-quit', 'help'];
const VIEWS: ViewKind[] = ['panes', 'groups'];

describe('keymap table', () => {
  it('binds each key to at most one command in every mode and view', () => {
    for (const mode of MODES) {
      for (const view of VIEWS) {
        const seen = new Map<string, string>();
        for (const binding of bindingsFor(mode, view)) {
          for (const key of binding.keys) {
            const other = seen.get(key);
            expect(other === undefined || other === binding.command, `${mode}/${view}: ${key} is bound to ${other} and ${binding.command}`).toBe(true);
            seen.set(key, binding.command);
          }
        }
      }
    }
  });

  it('resolves keys by mode and view', () => {
    expect(commandForKey('enter', 'normal', 'panes')).toBe('link');
    expect(commandForKey('enter', 'normal', 'groups')).toBe('open-group');
    expect(commandForKey('enter', 'split', 'panes')).toBe('submit');
    expect(commandForKey('ctrl+u', 'search', 'panes')).toBe('clear-input');
    expect(commandForKey('ctrl+u', 'normal', 'panes')).toBe('page-up');
    expect(commandForKey('j', 'search', 'panes')).toBeUndefined();
  });

  it('has the keys the issue asks for', () => {
    const keysOf = (command: string) => KEYMAP.filter((b) => b.command === command).flatMap((b) => b.keys);
    expect(keysOf('cursor-down')).toEqual(expect.arrayContaining(['j', 'down']));
    expect(keysOf('cursor-up')).toEqual(expect.arrayContaining(['k', 'up']));
    expect(keysOf('page-down')).toContain('pagedown');
    expect(keysOf('first')).toContain('g');
    expect(keysOf('last')).toContain('G');
    expect(keysOf('next-pane')).toContain('tab');
    expect(keysOf('previous-pane')).toContain('shift+tab');
    expect(keysOf('search')).toContain('/');
    expect(keysOf('search-next')).toContain('n');
    expect(keysOf('search-previous')).toContain('N');
    expect(keysOf('toggle-mark')).toContain('space');
    expect(keysOf('save')).toContain('ctrl+s');
    expect(keysOf('help')).toContain('?');
  });

  it('labels keys for people', () => {
    expect(keyLabel('ctrl+s')).toBe('Ctrl-S');
    expect(keyLabel('space')).toBe('Space');
    expect(keyLabel('shift+tab')).toBe('Shift-Tab');
    expect(keyLabel('G')).toBe('G');
  });
});
