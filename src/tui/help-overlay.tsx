/** @jsxRuntime automatic @jsxImportSource react */
/** The `?` overlay, generated from the keymap table so it always matches the keys. */
import { Box, Text } from 'ink';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { KEYMAP, KEYMAP_SECTIONS, keyLabel, type KeymapSection } from '../core/session/keymap.js';
import { fit } from '../core/session/layout.js';
import { useKeyLabel } from './key-labels.js';

export interface HelpLine {
  readonly kind: 'section' | 'entry' | 'blank';
  readonly keys: string;
  readonly text: string;
}

/** Help content: each section's bindings, keys then description; prompt keys last. */
export function helpLines(t: (key: string) => string, label: (key: string) => string = keyLabel): HelpLine[] {
  const lines: HelpLine[] = [];
  const sections: KeymapSection[] = [...KEYMAP_SECTIONS, 'prompt'];
  for (const section of sections) {
    if (lines.length > 0) lines.push({ kind: 'blank', keys: '', text: '' });
    lines.push({ kind: 'section', keys: '', text: t(`section.${section}`) });
    const seen = new Set<string>();
    for (const binding of KEYMAP) {
      if (binding.section !== section || seen.has(binding.description)) continue;
      seen.add(binding.description);
      lines.push({ kind: 'entry', keys: binding.keys.map(label).join(' '), text: t(binding.description) });
    }
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
