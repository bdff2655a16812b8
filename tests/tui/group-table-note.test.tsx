/** The groups table: a note stays in its column (a blank before the text), wrapped over the row's lines. */
import { cleanup, render } from 'ink-testing-library';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import { createEditorState } from '../../src/core/session/reducer.js';
import type { EditorState } from '../../src/core/session/types.js';
import { createI18n } from '../../src/i18n/index.js';
import { Screen } from '../../src/tui/screen.js';
import { press } from '../core/session/helpers.js';
import { synthetic } from '../core/session/rows-fixtures.js';

afterEach(() => cleanup());

function frame(state: EditorState): string {
  const { lastFrame } = render(
    <I18nextProvider i18n={createI18n('en')}>
      <Screen state={state} />
    </I18nextProvider>,
  );
  return (lastFrame() ?? '').replace(/\u001b\[[0-9;]*m/g, '');
}

describe('groups table note', () => {
  it('wraps the note in the id column, a blank before the next column, never into its text', () => {
    const long = 'Sentence long enough to wrap over several lines of the table, so the row is tall. '.repeat(3);
    const { alignment, texts } = synthetic([2, 2], [{ status: 'confirmed', note: 'Slogan, second part', members: { 0: [0], 1: [0] } }], { '0:0': long, '1:0': long });
    const s = press(createEditorState({ alignment, texts, fileName: 'x.align.json', size: { columns: 100, rows: 30 }, colors: false }), 'v');
    const lines = frame(s).split('\n');
    const first = lines.findIndex((l) => l.includes('g1'));
    expect(first).toBeGreaterThan(0);
    const noteLines = lines.slice(first + 1, first + 8).filter((l) => /^ {2}\S/.test(l));
    // "✎ The declaration of war, second part" in pieces, each followed by a blank before "Sentence…" text.
    expect(noteLines.length).toBeGreaterThan(1);
    const width = lines[first]!.indexOf('1. Sentence');
    expect(width).toBeGreaterThan(0);
    for (const l of noteLines) expect(l[width - 1], l).toBe(' ');
    const joined = noteLines.map((l) => l.slice(2, width).trim()).join(' ');
    expect(joined).toBe('✎ Slogan, second part');
    // A note longer than the row is cut with an ellipsis (the status bar shows it in full).
    const longNote = { ...alignment, groups: alignment.groups.map((g) => ({ ...g, note: 'The declaration of war was made through a short video, in several parts' })) };
    const cut = frame(press(createEditorState({ alignment: longNote, texts, fileName: 'x.align.json', size: { columns: 100, rows: 30 }, colors: false }), 'v')).split('\n');
    const at = cut.findIndex((l) => l.includes('g1'));
    const pieces = cut.slice(at + 1, at + 8).filter((l) => /^ {2}\S/.test(l));
    for (const l of pieces) expect(l[width - 1], l).toBe(' ');
    expect(pieces.at(-1)!.slice(0, width).trim()).toMatch(/…$/);
  });
});
