/**
 * Titles, group ids and notes come from alignment files that people share: their escape
 * sequences must reach the terminal neutralised (issue 14), in every part of the frame.
 */
import { cleanup, render } from 'ink-testing-library';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import type { Alignment } from '../../src/core/model/types.js';
import type { EditorState } from '../../src/core/session/types.js';
import { createI18n } from '../../src/i18n/index.js';
import { Screen } from '../../src/tui/screen.js';
import { seedsAlignment } from '../helpers/seeds.js';
import { press, seedsState } from '../core/session/helpers.js';

afterEach(() => cleanup());

const TITLE_SET = '\u001b]0;pwned\u0007';
const RED = '\u001b[31m';
const CLEAR = '\u001b[2J';

function hostile(): Alignment {
  const { alignment } = seedsAlignment();
  const [a, b] = alignment.documents;
  return {
    ...alignment,
    documents: alignment.documents.map((d, i) => (i === 0 ? { ...d, title: `${TITLE_SET}Titolo ${RED}rosso${CLEAR}` } : d)),
    groups: [
      {
        id: `g${RED}x`,
        status: 'confirmed',
        origin: 'manual',
        note: `nota ${TITLE_SET}${CLEAR}\u009b31m fine`,
        members: [
          { doc: a!.id, sentences: [0] },
          { doc: b!.id, sentences: [0] },
        ],
      },
    ],
  };
}

function rawFrame(state: EditorState): string {
  const { lastFrame } = render(
    <I18nextProvider i18n={createI18n('en')}>
      <Screen state={state} />
    </I18nextProvider>,
  );
  return lastFrame() ?? '';
}

/** What is left of a frame once Ink's own styling (SGR) is taken out: no escape may remain. */
function expectNeutralised(frame: string): void {
  expect(frame).not.toContain(TITLE_SET);
  expect(frame).not.toContain('\u001b]');
  expect(frame).not.toContain(CLEAR);
  expect(frame).not.toContain('\u009b');
  expect(frame).not.toContain('\u0007');
  // Ink styles with SGR codes; the injected red (31) must not be one of them.
  expect(frame).not.toMatch(/\u001b\[31m/);
}

describe('workbench text from files', () => {
  it('the panes, the status bar and the groups view show titles, group ids and notes neutralised', () => {
    const panes = seedsState({ columns: 160, rows: 40 }, hostile());
    const paneFrame = rawFrame(panes);
    expectNeutralised(paneFrame);
    expect(paneFrame.replace(/\u001b\[[0-9;]*m/g, '')).toContain('␛Titolo ␛rosso␛');
    // The status bar shows the group under the cursor with its note.
    expect(paneFrame.replace(/\u001b\[[0-9;]*m/g, '')).toContain('g␛x');
    const groups = press(panes, 'tab');
    const groupFrame = rawFrame(groups);
    expectNeutralised(groupFrame);
    expect(groupFrame.replace(/\u001b\[[0-9;]*m/g, '')).toContain('g␛x');
  });
});
