/** The help screen's prompt keys are grouped by what the user is doing, never mixed under one heading. */
import { describe, expect, it } from 'vitest';
import { KEYMAP } from '../../src/core/session/keymap.js';
import { createI18n } from '../../src/i18n/index.js';
import { helpLines, worksIn, type HelpLine } from '../../src/tui/help-overlay.js';

function sections(lines: readonly HelpLine[]): Map<string, HelpLine[]> {
  const out = new Map<string, HelpLine[]>();
  let current = '';
  for (const line of lines) {
    if (line.kind === 'section') out.set((current = line.text), []);
    else if (line.kind === 'entry') out.get(current)!.push(line);
  }
  return out;
}

describe('help sections', () => {
  for (const lang of ['en', 'it', 'fr'] as const) {
    it(`typing, splitting, questions and the help screen each have their heading (${lang})`, () => {
      const t = createI18n(lang).t;
      const bySection = sections(helpLines((k) => t(k)));
      expect([...bySection.keys()]).not.toContain(t('section.prompt'));
      const typing = bySection.get(t('section.promptTyping'))!.map((l) => l.text);
      const split = bySection.get(t('section.promptSplit'))!.map((l) => l.text);
      const questions = bySection.get(t('section.promptQuestions'))!.map((l) => l.text);
      const help = bySection.get(t('section.promptHelp'))!.map((l) => l.text);
      expect(typing).toContain(t('keys.submit'));
      expect(typing).not.toContain(t('keys.splitHere'));
      expect(split).toContain(t('keys.splitHere'));
      expect(split).not.toContain(t('keys.submit'));
      expect(questions).toContain(t('keys.saveAndQuit'));
      expect(questions).toContain(t('keys.answerYes'));
      expect(typing).not.toContain(t('keys.saveAndQuit'));
      expect(help).toEqual([t('keys.closeHelp')]);
      // One Enter row per heading at most.
      for (const [title, entries] of bySection) expect(entries.filter((e) => e.keys.split(' ').includes('Enter')).length, title).toBeLessThanOrEqual(1);
      // Every binding is listed somewhere.
      const all = new Set([...bySection.values()].flat().map((l) => l.text));
      for (const b of KEYMAP) expect(all.has(t(b.description)), b.description).toBe(true);
    });
  }
});

describe('help says where keys work', () => {
  it('names the views of keys that work only in some, and dims those of other views', async () => {
    const t = createI18n('en').t;
    const lines = helpLines((k) => t(k));
    const entry = (description: string) => lines.find((l) => l.kind === 'entry' && l.text === t(description))!;
    expect(entry('keys.nextUnaligned').views).toEqual(['panes']);
    expect(entry('keys.searchNext').views).toEqual(['panes', 'rows']);
    expect(entry('keys.cycleFilter').views).toEqual(['groups']);
    expect(entry('keys.undo').views).toBeUndefined();
    // The row view's own section says where its keys work already.
    expect(entry('keys.rowSplit').views).toBeUndefined();
    for (const lang of ['en', 'it', 'fr'] as const) {
      const tl = createI18n(lang).t;
      for (const v of ['Panes', 'Rows', 'Groups']) expect(tl(`ui.helpView${v}`)).not.toBe(`ui.helpView${v}`);
    }
    const { render } = await import('ink-testing-library');
    const { createElement } = await import('react');
    const { I18nextProvider } = await import('react-i18next');
    const { HelpOverlay } = await import('../../src/tui/help-overlay.js');
    const draw = (view: 'panes' | 'rows') =>
      render(createElement(I18nextProvider, { i18n: createI18n('en') }, createElement(HelpOverlay, { width: 90, height: 80, top: 0, view }))).lastFrame() ?? '';
    const fromRows = draw('rows');
    const line = (frame: string, key: string) => frame.split('\n').find((l) => l.replace(/\u001b\[[0-9;]*m/g, '').includes(key))!;
    // Cut descriptions never cut the views tag.
    expect(line(fromRows, 'Link the marked').replace(/\u001b\[[0-9;]*m/g, '').trimEnd()).toMatch(/… · documents$/);
    // Dimmed where they do nothing.
    expect(worksIn(entry('keys.nextUnaligned'), 'rows')).toBe(false);
    expect(worksIn(entry('keys.nextUnaligned'), 'panes')).toBe(true);
    expect(worksIn(entry('keys.searchNext'), 'rows')).toBe(true);
    expect(worksIn(entry('keys.undo'), 'groups')).toBe(true);
  });
});
