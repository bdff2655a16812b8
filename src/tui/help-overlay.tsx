/** @jsxRuntime automatic @jsxImportSource react */
/** The `?` overlay, generated from the keymap table so it always matches the keys. */
import { Box, Text } from 'ink';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { KEYMAP, KEYMAP_SECTIONS, keyLabel, type KeyBinding } from '../core/session/keymap.js';
import type { Mode } from '../core/session/types.js';
import { fit } from '../core/session/layout.js';
import { useKeyLabel } from './key-labels.js';

export interface HelpLine {
  readonly kind: 'section' | 'entry' | 'blank';
  readonly keys: string;
  readonly text: string;
}

/**
 * The prompt keys by what the user is doing (typing, splitting, answering, reading help), so
 * one heading never mixes them: a binding is listed under each of its modes' headings.
 */
const PROMPT_GROUPS: readonly { readonly title: string; readonly modes: readonly Mode[] }[] = [
  { title: 'section.promptTyping', modes: ['search', 'note', 'threshold'] },
  { title: 'section.promptSplit', modes: ['split'] },
  { title: 'section.promptQuestions', modes: ['confirm-quit', 'confirm-move', 'confirm-loss', 'confirm-overwrite'] },
  { title: 'section.promptHelp', modes: ['help'] },
];

/** Help content: each section's bindings, keys then description; prompt keys last. */
export function helpLines(t: (key: string) => string, label: (key: string) => string = keyLabel): HelpLine[] {
  const lines: HelpLine[] = [];
  const groups: { title: string; belongs: (binding: KeyBinding) => boolean }[] = [
    ...KEYMAP_SECTIONS.map((section) => ({ title: `section.${section}`, belongs: (b: KeyBinding) => b.section === section })),
    ...PROMPT_GROUPS.map(({ title, modes }) => ({ title, belongs: (b: KeyBinding) => b.section === 'prompt' && b.modes.some((m) => modes.includes(m)) })),
  ];
  for (const { title, belongs } of groups) {
    const entries: HelpLine[] = [];
    const seen = new Set<string>();
    for (const binding of KEYMAP) {
      if (!belongs(binding) || seen.has(binding.description)) continue;
      seen.add(binding.description);
      entries.push({ kind: 'entry', keys: binding.keys.map(label).join(' '), text: t(binding.description) });
    }
    if (entries.length === 0) continue;
    if (lines.length > 0) lines.push({ kind: 'blank', keys: '', text: '' });
    lines.push({ kind: 'section', keys: '', text: t(title) }, ...entries);
  }
  return lines;
}

export function HelpOverlay({ width, height, top }: { width: number; height: number; top: number }) {
  const { t } = useTranslation();
  const all = helpLines((k) => t(k), useKeyLabel());
  const columns = width >= 150 ? 2 : 1;
  const columnWidth = Math.floor(width / columns);
  const bodyHeight = Math.max(1, height - 2);
  const maxTop = Math.max(0, all.length - bodyHeight * columns);
  const start = Math.min(top, maxTop);
  const shown = all.slice(start, start + bodyHeight * columns);
  const keyWidth = 18;
  const cell = (line: HelpLine | undefined) => {
    if (!line || line.kind === 'blank') return fit('', columnWidth);
    if (line.kind === 'section') return fit(line.text, columnWidth);
    return fit(`  ${fit(line.keys, keyWidth - 2)} ${line.text}`, columnWidth);
  };
  const rows: ReactElement[] = [];
  for (let r = 0; r < bodyHeight; r++) {
    const parts = Array.from({ length: columns }, (_, c) => shown[c * bodyHeight + r]);
    rows.push(
      <Text key={r} wrap="truncate-end">
        {parts.map((line, c) => (
          <Text key={c} bold={line?.kind === 'section'} underline={line?.kind === 'section'}>
            {cell(line)}
          </Text>
        ))}
      </Text>,
    );
  }
  return (
    <Box flexDirection="column">
      <Text bold inverse wrap="truncate-end">
        {fit(` ${t('ui.helpTitle')}`, width)}
      </Text>
      {rows}
      <Text dimColor wrap="truncate-end">
        {fit(` ${t('ui.helpFooter')}`, width)}
      </Text>
    </Box>
  );
}
