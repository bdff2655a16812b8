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

function syntheticState(counts: number[], groups: GroupSpec[], size: TerminalSize = { columns: 120, rows: 30 }, own: Record<string, string> = {}): EditorState {
  const { alignment, texts } = synthetic(counts, groups, own);
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

describe('row view details on screen', () => {
  it('marks the warning row, shows the note and the check message in the detail lines, and says what is hidden', () => {
    const base = syntheticState([3, 3, 1], [
      { members: { 0: [0], 1: [0] }, score: 0.41 },
      { status: 'confirmed', note: 'second French series, same slogan', members: { 0: [1], 1: [1], 2: [0] } },
      { members: { 0: [2], 1: [2] } },
    ], undefined, { '0:2': 'La strage è costata la vita a 129 persone.', '1:2': 'Le massacre a coûté la vie à 132 personnes.' });
    let s = press(base, 'R', 'j');
    let out = frame(s);
    expect(out).toContain('✎ second French series, same slogan');
    expect(out).toContain(' g2 ✓ · d0 2 · d1 2 · d2 1');
    expect(out).toMatch(/✓ +2 /);
    expect(out).toMatch(/\? +1 .*0\.41 1:1/);
    expect(out).toMatch(/✓ +2 .*1:1:1/);
    s = press(s, 'w');
    out = frame(s, 'it');
    expect(out).toMatch(/▸\?! +3 /);
    expect(out).toContain('! group "g3": numbers differ');
    expect(out).toContain('numeri diversi');
    s = press(s, 'tab', 'tab', '-');
    out = frame(s, 'fr');
    expect(out.split('\n')[0]).toContain('1 masqué : d2');
    expect(out.split('\n')[1]).not.toContain('d2 ·');
  });

  it('never writes escape sequences from document text to the terminal', () => {
    const s = press(syntheticState([1, 1], [{ note: 'note \u001b[5mblink', members: { 0: [0], 1: [0] } }], undefined, { '0:0': 'Evil \u001b[2J\u001b]0;title\u0007 text.' }), 'R');
    const { lastFrame } = render(
      <I18nextProvider i18n={createI18n('en')}>
        <Screen state={s} />
      </I18nextProvider>,
    );
    const raw = lastFrame() ?? '';
    expect(raw).not.toContain('\u001b[2J');
    expect(raw).not.toContain('\u001b]0;');
    expect(raw).not.toContain('\u001b[5m');
    expect(raw).toContain('note ␛blink');
    expect(raw).toContain('␛');
  });
});

describe('row view in a small terminal', () => {
  it('at 80×24 shows the columns that fit, says how many are off screen, and keeps ? help in the hints', () => {
    let s = press(seedsState({ columns: 80, rows: 24 }), 'R');
    let out = frame(s);
    const lines = out.split('\n');
    expect(lines[0]).toContain('← 0 · 2 → more columns (Tab)');
    expect(lines[1]).toContain('it-000');
    expect(lines[1]).not.toContain('fr-003');
    expect(lines[lines.length - 1]).toContain('? help');
    s = press(s, 'tab', 'tab', 'tab');
    out = frame(s);
    expect(out.split('\n')[1]).toContain('fr-003');
    expect(out.split('\n')[0]).toContain('← 1 · 1 →');
  });
});

describe('switching between the panes and the row view', () => {
  it('keeps the sentence under the cursor', () => {
    let s = press(seedsState(), 'tab', 'tab', 'j', 'j', 'j');
    expect(s.focus).toBe(2);
    s = press(s, 'R');
    expect(s.rowView.columns[s.rowView.focus]).toBe('en-002');
    s = press(s, 'j');
    s = press(s, 'v');
    expect(s.view).toBe('panes');
    expect(s.focus).toBe(2);
    // The focused document's sentence nearest the row cursor.
    expect(s.panes[2]!.cursor).toBeGreaterThanOrEqual(3);
  });
});

describe('row view warnings follow the check config', () => {
  it('uses the rules given to the workbench (as allinea.config.json sets them), the defaults otherwise', async () => {
    const { resolveConfig } = await import('../../src/core/check/config-file.js');
    const { alignment, texts } = synthetic([3, 3], [{ members: { 0: [0], 1: [0] } }, { members: { 0: [1], 1: [1] } }, { members: { 0: [2], 1: [2] } }], {
      '0:2': 'La strage è costata la vita a 129 persone.',
      '1:2': 'Le massacre a coûté la vie à 132 personnes.',
    });
    const size = { columns: 120, rows: 30 };
    const withDefaults = press(createEditorState({ alignment, texts, fileName: 'x.align.json', size, colors: false }), 'R', 'w');
    expect(frame(withDefaults)).toContain('numbers differ');
    const config = resolveConfig({ rules: { 'number-mismatch': 'off' } }, 'allinea.config.json');
    if (!config.ok) throw new Error(config.message);
    const quiet = press(createEditorState({ alignment, texts, fileName: 'x.align.json', size, colors: false, checkRules: config.rules }), 'R', 'w');
    expect(frame(quiet)).not.toContain('numbers differ');
    expect(quiet.message?.key).toBe('msg.rowNoWarning');
  });
});
