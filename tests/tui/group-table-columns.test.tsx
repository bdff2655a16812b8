/** The groups table says when document columns are off screen, and Tab / Shift-Tab scroll them. */
import { cleanup, render } from 'ink-testing-library';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import { createEditorState } from '../../src/core/session/reducer.js';
import { groupTable } from '../../src/core/session/selectors.js';
import type { EditorState } from '../../src/core/session/types.js';
import { createI18n, type Locale } from '../../src/i18n/index.js';
import { Screen } from '../../src/tui/screen.js';
import { press } from '../core/session/helpers.js';
import { synthetic } from '../core/session/rows-fixtures.js';

afterEach(() => cleanup());

function frame(state: EditorState, lang: Locale = 'en'): string[] {
  const { lastFrame } = render(
    <I18nextProvider i18n={createI18n(lang)}>
      <Screen state={state} />
    </I18nextProvider>,
  );
  return (lastFrame() ?? '').replace(/\u001b\[[0-9;]*m/g, '').split('\n');
}

function groupsView(documents: number, columns: number): EditorState {
  const counts = Array.from({ length: documents }, () => 2);
  const members = Object.fromEntries(counts.map((_, d) => [d, [0]]));
  const { alignment, texts } = synthetic(counts, [{ members }]);
  const s = press(createEditorState({ alignment, texts, fileName: 'x.align.json', size: { columns, rows: 24 }, colors: false }), 'v');
  expect(s.view).toBe('groups');
  return s;
}

const titleOf = (lines: string[]) => lines.find((l) => l.includes('Groups:')) ?? '';
const headerOf = (lines: string[]) => lines[lines.findIndex((l) => l.includes('Groups:')) + 1] ?? '';

describe('groups table columns off screen', () => {
  it('names how many columns are hidden on each side and the key that scrolls them', () => {
    let s = groupsView(6, 80);
    const shown = groupTable(s).columns.length;
    expect(shown).toBeLessThan(6);
    let lines = frame(s);
    expect(titleOf(lines)).toContain(`← 0 · ${6 - shown} → more columns (Tab)`);
    expect(headerOf(lines)).not.toContain('d5 ·');
    s = press(s, 'tab');
    lines = frame(s);
    expect(titleOf(lines)).toContain(`← 1 · ${5 - shown} → more columns (Tab)`);
    expect(headerOf(lines)).toContain(`d${shown} ·`);
    expect(headerOf(lines)).not.toContain('d0 ·');
    // To the end, where Tab does nothing more; Shift-Tab comes back.
    for (let i = 0; i < 10; i++) s = press(s, 'tab');
    expect(groupTable(s)).toMatchObject({ scrolledLeft: 6 - shown, scrolledRight: 0 });
    expect(headerOf(frame(s))).toContain('d5 ·');
    s = press(s, 'shift+tab');
    expect(groupTable(s)).toMatchObject({ scrolledLeft: 5 - shown, scrolledRight: 1 });
  });

  it('says nothing when every column fits; the notice is translated', () => {
    expect(titleOf(frame(groupsView(2, 100)))).not.toContain('→');
    expect(frame(groupsView(6, 80), 'it').find((l) => l.includes('Gruppi:'))).toContain('altre colonne (Tab)');
  });
});
