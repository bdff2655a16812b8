/** At 80 × 24 and 100 × 30 the key hints keep "? help" and the pane headers are not cut mid-word. */
import { cleanup, render } from 'ink-testing-library';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import { createI18n } from '../../src/i18n/index.js';
import { paneHeader } from '../../src/tui/document-panes.js';
import { Screen } from '../../src/tui/screen.js';
import { fitHints } from '../../src/tui/status-bar.js';
import { press, seedsState } from '../core/session/helpers.js';

afterEach(() => cleanup());
const plain = (s: string) => s.replace(/\u001b\[[0-9;]*m/g, '');

describe('small terminals', () => {
  for (const [columns, rows] of [
    [80, 24],
    [100, 30],
  ] as const) {
    for (const lang of ['en', 'it', 'fr'] as const) {
      it(`${columns}×${rows} (${lang}): "? help" in the hints of every view, readable pane headers`, () => {
        const t = createI18n(lang).t;
        for (const keys of [[], ['v'], ['R'], ['space']]) {
          const state = press(seedsState({ columns, rows }), ...keys);
          const { lastFrame, unmount } = render(
            <I18nextProvider i18n={createI18n(lang)}>
              <Screen state={state} />
            </I18nextProvider>,
          );
          const lines = plain(lastFrame() ?? '').split('\n');
          const bottom = lines.at(-1)!;
          if (!state.message) expect(bottom, `${keys.join('')}: ${bottom}`).toContain(`? ${t('hints.help')}`);
          expect([...bottom].length).toBeLessThanOrEqual(columns);
          if (keys.length === 0) {
            // Each pane header shows its id and numbers whole: "▶ it-000 · it · 0/17".
            for (const header of lines[0]!.split('│')) expect(header.trim()).toMatch(/^(▶ )?[a-z]{2}-\d{3}( · [a-z]{2} ·)? \d+\/\d+( \S.*)?$/);
          }
          unmount();
        }
      });
    }
  }

  it('drops trailing hints first and never the help hint', () => {
    const hints = ['a one', 'b two', '? help', 'q quit'].map((text) => ({ text, command: text === '? help' ? 'help' : 'x' }));
    expect(fitHints(hints, 100)).toBe('a one · b two · ? help · q quit');
    expect(fitHints(hints, 22)).toBe('a one · b two · ? help');
    expect(fitHints(hints, 10)).toBe('? help');
  });

  it('shortens a pane header before cutting it', () => {
    const pane = { focused: true, id: 'it-000', lang: 'it', aligned: 3, sentenceCount: 17 };
    expect(paneHeader(pane, '3/17 aligned', 40)).toBe('▶ it-000 · it · 3/17 aligned');
    expect(paneHeader(pane, '3/17 aligned', 22)).toBe('▶ it-000 · it · 3/17');
    expect(paneHeader(pane, '3/17 aligned', 14)).toBe('▶ it-000 3/17');
  });
});
