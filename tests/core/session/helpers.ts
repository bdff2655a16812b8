/** Editor states over the real seed articles, and key presses as the terminal layer sends them. */
import { createEditorState } from '../../../src/core/session/reducer.js';
import { reduce } from '../../../src/core/session/reducer.js';
import type { EditorState, TerminalSize } from '../../../src/core/session/types.js';
import type { Alignment } from '../../../src/core/model/types.js';
import { findSentence, seedsAlignment } from '../../helpers/seeds.js';

export function seedsState(size: TerminalSize = { columns: 160, rows: 40 }, alignment?: Alignment): EditorState {
  const seeds = seedsAlignment();
  return createEditorState({ alignment: alignment ?? seeds.alignment, texts: seeds.texts, fileName: 'seeds.align.json', size, colors: false });
}

/** Presses keys by keymap name ("j", "space", "ctrl+s"); plain strings of 2+ chars that are not names are typed. */
export function press(state: EditorState, ...keys: string[]): EditorState {
  let s = state;
  for (const key of keys) {
    const text = key === 'space' ? ' ' : key;
    s = reduce(s, { type: 'key', name: key, text });
  }
  return s;
}

/** Types text into the open prompt, one character at a time like a user. */
export function type(state: EditorState, text: string): EditorState {
  let s = state;
  for (const ch of text) s = reduce(s, { type: 'key', name: ch === ' ' ? 'space' : ch, text: ch });
  return s;
}

export function docIndex(state: EditorState, id: string): number {
  return state.history.present.documents.findIndex((d) => d.id === id);
}

export function sentenceOf(state: EditorState, doc: string, needle: string): number {
  return findSentence(state.history.present, state.texts as Map<string, string>, doc, needle);
}

export function cursorOf(state: EditorState, doc: string): number {
  return state.panes[docIndex(state, doc)]!.cursor;
}

/** Searches like a user: "/", the pattern, Enter. */
export function search(state: EditorState, pattern: string): EditorState {
  return press(type(press(state, '/', 'ctrl+u'), pattern), 'enter');
}
