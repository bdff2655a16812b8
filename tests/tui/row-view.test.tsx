/** The row view as drawn: rows, columns, header facts, warnings and the move question. */
import { cleanup, render } from 'ink-testing-library';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import { createEditorState } from '../../src/core/session/reducer.js';
import type { EditorState, TerminalSize } from '../../src/core/session/types.js';
import { createI18n, type Locale } from '../../src/i18n/index.js';
import { Screen } from '../../src/tui/screen.js';
import { press, seedsState } from '../core/session/helpers.js';
import { synthetic, type GroupSpec } from '../core/session/rows-fixtures.js';

afterEach(() => cleanup());

function frame(state: EditorState, locale: Locale = 'en'): string {
  const { lastFrame } = render(
    <I18nextProvider i18n={createI18n(locale)}>
      <Screen state={state} />
    </I18nextProvider>,
  );
  return (lastFrame() ?? '').replace(/\u001b\[[0-9;]*m/g, '');
}

export function syntheticState(counts: number[], groups: GroupSpec[], size: TerminalSize = { columns: 120, rows: 30 }, edit?: (t: Map<string, string>) => void): EditorState {
  const { alignment, texts } = synthetic(counts, groups);
  edit?.(texts);
  return createEditorState({ alignment, texts, fileName: 'x.align.json', size, colors: false });
}

describe('row view on screen', () => {
  it('shows the seeds one unit a row, with every document as a column', () => {
    const s = press(seedsState(), 'R');
    expect(s.view).toBe('rows');
    const out = frame(s);
    for (const id of ['it-000', 'it-001', 'en-002', 'fr-003', 'en-004']) expect(out.split('\n')[1]).toContain(id);
  });
});
