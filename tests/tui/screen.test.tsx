import { render } from 'ink-testing-library';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { createAlignment } from '../../src/core/model/create.js';
import { createEditorState } from '../../src/core/session/reducer.js';
import type { EditorState } from '../../src/core/session/types.js';
import { segment } from '../../src/core/text/segment.js';
import { createI18n, type Locale } from '../../src/i18n/index.js';
import { Screen } from '../../src/tui/screen.js';
import { press, search, seedsState, type } from '../core/session/helpers.js';

afterEach(() => cleanup());

/** The frame as written, styling codes included. */
function rawFrame(state: EditorState, locale: Locale = 'en'): string {
  const { lastFrame } = render(
    <I18nextProvider i18n={createI18n(locale)}>
      <Screen state={state} />
    </I18nextProvider>,
  );
  return lastFrame() ?? '';
}

/** The frame as the eye reads it: styling (SGR) codes removed. */
function frame(state: EditorState, locale: Locale = 'en'): string {
  return rawFrame(state, locale).replace(/\u001b\[[0-9;]*m/g, '');
}

function linked(): EditorState {
  let s = search(seedsState(), 'Non perdoniamo');
  s = press(s, 'space');
  s = search(s, 'ne pardonne');
  return press(s, 'enter');
}

describe('workbench screen', () => {
  it('draws one pane per document with id, language, title and progress, and the status bar', () => {
    const out = frame(seedsState());
    const lines = out.split('\n');
    for (const id of ['it-000', 'it-001', 'en-002', 'fr-003', 'en-004']) expect(lines[0]).toContain(id);
    expect(lines[0]).toContain('0/17 aligned');
    expect(lines[1]).toContain('Anonymous dichiara guerra');
    expect(out).toContain('Anche questa volta gli');
    expect(out).toContain('0 confirmed · 0 suggested');
    expect(out).toContain('unaligned: it-000 17');
    // One free row: the frame is one line shorter than the terminal.
    expect(lines).toHaveLength(39);
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThan(160);
  });

  it('ties grouped sentences across panes with the group id and counts them', () => {
    const out = frame(linked());
    expect(out).toContain('■g1 Non perdoniamo.');
    expect(out).toContain('■g1 «On ne pardonne');
    expect(out).toContain('1 confirmed');
    expect(out).toContain('[modified]');
    expect(out).toContain('Linked 2 sentences into group g1.');
  });

  it('shows the group under the cursor with its status and note in the status bar', () => {
    const noted = press(type(press(linked(), 'c'), 'slogan'), 'enter');
    expect(frame(noted)).toContain('g1 confirmed ✎ slogan');
    expect(frame(noted, 'fr')).toContain('g1 confirmé ✎ slogan');
  });

  it('shows the interface in Italian and French', () => {
    const it = frame(linked(), 'it');
    expect(it).toContain('2 frasi collegate nel gruppo g1.');
    expect(it).toContain('1 confermato · 0 suggeriti');
    expect(it).toContain('[modificato]');
    const fr = frame(seedsState(), 'fr');
    expect(fr).toContain('0/17 alignées');
    expect(fr).toContain('Espace marquer');
  });

  it('colours groups unless NO_COLOR is set, and marks suggestions without colour', () => {
    const coloured = rawFrame({ ...linked(), colors: true });
    expect(coloured).toMatch(/\u001b\[[0-9;]*3[0-7]m■g1/);
    const plain = rawFrame(linked());
    expect(plain).not.toMatch(/\u001b\[[0-9;]*(3[0-7]|9[0-7])m/);
    expect(plain.replace(/\u001b\[[0-9;]*m/g, '')).toContain('■g1');
  });

  it('says the terminal is too small instead of drawing panes', () => {
    const out = frame(seedsState({ columns: 40, rows: 10 }));
    expect(out).toContain('The terminal is too small (40×10)');
    expect(out).not.toContain('it-000');
  });

  it('generates the help overlay from the keymap', () => {
    const out = frame(press(seedsState(), '?'));
    expect(out).toContain('keyboard help');
    expect(out).toContain('Mark or unmark the sentence under the cursor');
    expect(out).toContain('Ctrl-S');
    expect(out).toContain('Split the sentence under the cursor');
  });

  it('lists groups with their sentences side by side in the groups view', () => {
    const out = frame(press(linked(), 'v'));
    expect(out).toContain('Groups: all groups (1/1)');
    const row = out.split('\n').find((l) => l.includes('g1'))!;
    expect(row).toContain('Non perdoniamo.');
    expect(row).toContain('On ne pardonne');
  });

  it('shows the split caret and the search prompt', () => {
    const split = frame(press(search(seedsState(), 'ne pardonne'), 'S'));
    expect(split).toContain('┃');
    expect(split).toContain('Choose where to split');
    const prompt = frame(press(seedsState(), '/', 'N', 'o', 'n'));
    expect(prompt).toContain('Search: Non');
  });

  it('neutralises control characters and escape sequences from documents', () => {
    const texts = new Map([
      ['a', 'Plain first sentence. \u001b[31mRed\u001b[0m and a bell\u0007 here.'],
      ['b', 'Second document. Another sentence.'],
    ]);
    const alignment = createAlignment(
      [...texts].map(([id, text]) => ({ id, path: `${id}.txt`, lang: 'en', text, sha256: 'x' })),
      segment,
    );
    const state = createEditorState({ alignment, texts, fileName: 'x.align.json', size: { columns: 100, rows: 20 }, colors: false });
    const out = rawFrame(state);
    // The only escape sequences left are the workbench's own styling, never the document's.
    expect(out.replace(/\u001b\[[0-9;]*m/g, '')).not.toContain('\u001b');
    expect(out).not.toContain('\u0007');
    expect(out).toContain('␛Red␛');
  });
});

describe('search matches', () => {
  it('are picked out in the panes after a search', () => {
    const out = rawFrame(search(seedsState(), 'perdoniamo'));
    // Underlined (SGR 4) right where the match starts, and only there.
    expect(out).toContain('\u001b[4mperdoniamo\u001b[24m');
    expect(rawFrame(seedsState())).not.toContain('\u001b[4mperdoniamo');
  });
});

describe('search matches in the row view', () => {
  it('are picked out in the row cells too, on the row the search moved to', () => {
    const rows = press(seedsState(), 'R');
    const found = search(rows, 'perdoniamo');
    expect(found.view).toBe('rows');
    const out = rawFrame(found);
    expect(out).toContain('\u001b[4mperdoniamo');
    expect(rawFrame(rows)).not.toContain('\u001b[4mperdoniamo');
  });
});
