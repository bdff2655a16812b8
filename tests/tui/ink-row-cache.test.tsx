import { Box, Text } from 'ink';
import { cleanup, render } from 'ink-testing-library';
import type { ReactElement } from 'react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import type { EditorState } from '../../src/core/session/types.js';
import { createI18n } from '../../src/i18n/index.js';
import { installInkRowCache } from '../../src/tui/ink-row-cache.js';
import { Screen } from '../../src/tui/screen.js';
import { press, search, seedsState } from '../core/session/helpers.js';

afterEach(() => cleanup());

const colour = (s: EditorState): EditorState => ({ ...s, colors: true });

function states(): Record<string, EditorState> {
  let linked = search(colour(seedsState()), 'Non perdoniamo');
  linked = press(linked, 'space');
  linked = search(linked, 'ne pardonne');
  linked = press(linked, 'enter');
  return {
    plain: seedsState(),
    linked,
    moved: press(linked, 'j', 'j', 'tab', 'j', 'b', 'space', 'pagedown', 'G'),
    split: press(linked, 'S', 'right', 'right'),
    groups: press(linked, 'v'),
    help: press(linked, '?'),
    narrow: colour(seedsState({ columns: 60, rows: 20 })),
    tooSmall: seedsState({ columns: 30, rows: 8 }),
    search: search(colour(seedsState()), 'the|di'),
  };
}

/** A frame Ink writes in several pieces per row (borders, side-by-side boxes): not cached. */
function boxes(): ReactElement {
  return (
    <Box flexDirection="column">
      <Box borderStyle="round" width={30}>
        <Text color="cyan">«On ne pardonne pas.»</Text>
      </Box>
      <Box>
        <Text bold>left </Text>
        <Text inverse>right</Text>
      </Box>
    </Box>
  );
}

function frames(): string[] {
  const out: string[] = [];
  for (const state of Object.values(states())) {
    const { lastFrame } = render(
      <I18nextProvider i18n={createI18n('en')}>
        <Screen state={state} />
      </I18nextProvider>,
    );
    out.push(lastFrame() ?? '');
    cleanup();
  }
  const { lastFrame } = render(boxes());
  out.push(lastFrame() ?? '');
  cleanup();
  return out;
}

describe('Ink row cache', () => {
  it('is installed on the Ink version the workbench pins (else the workbench runs on Ink alone, slower)', async () => {
    const cache = await installInkRowCache();
    expect(cache.installed).toBe(true);
    cache.uninstall();
  });

  it('writes exactly the frames Ink writes without it, on the seeds in every view and on frames it does not cache', async () => {
    const stock = frames();
    const cache = await installInkRowCache();
    try {
      const cached = frames();
      const first = cache.stats();
      // Twice: the second pass is served from the cache.
      const again = frames();
      expect(cached).toEqual(stock);
      expect(again).toEqual(stock);
      const second = cache.stats();
      expect(first.frames).toBeGreaterThanOrEqual(Object.keys(states()).length);
      expect(second.rowsBuilt).toBe(first.rowsBuilt);
      expect(second.rowsReused).toBeGreaterThan(first.rowsReused);
      // The bordered frame is left to Ink, each time.
      expect(second.stockFrames).toBeGreaterThanOrEqual(2);
    } finally {
      cache.uninstall();
    }
    expect(stock[1]).toContain('■g1');
    expect(stock.at(-1)).toContain('╭');
  });

  it('follows a changing frame: rows that change are redrawn, the others come from the cache', async () => {
    const cache = await installInkRowCache();
    try {
      const base = states().linked!;
      const { lastFrame, rerender } = render(
        <I18nextProvider i18n={createI18n('en')}>
          <Screen state={base} />
        </I18nextProvider>,
      );
      const before = lastFrame() ?? '';
      const moved = press(base, 'j');
      rerender(
        <I18nextProvider i18n={createI18n('en')}>
          <Screen state={moved} />
        </I18nextProvider>,
      );
      const after = lastFrame() ?? '';
      cleanup();
      cache.uninstall();
      const { lastFrame: stockFrame } = render(
        <I18nextProvider i18n={createI18n('en')}>
          <Screen state={moved} />
        </I18nextProvider>,
      );
      expect(after).toBe(stockFrame());
      expect(after).not.toBe(before);
    } finally {
      cache.uninstall();
    }
  });
});
