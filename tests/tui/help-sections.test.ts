/** The help screen's prompt keys are grouped by what the user is doing, never mixed under one heading. */
import { describe, expect, it } from 'vitest';
import { KEYMAP } from '../../src/core/session/keymap.js';
import { createI18n } from '../../src/i18n/index.js';
import { helpLines, type HelpLine } from '../../src/tui/help-overlay.js';

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
