/** @jsxRuntime automatic @jsxImportSource react */
/** The `?` overlay, generated from the keymap table so it always matches the keys. */
import { Box, Text } from 'ink';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { KEYMAP, KEYMAP_SECTIONS, keyLabel, type KeyBinding } from '../core/session/keymap.js';
import type { Mode, ViewKind } from '../core/session/types.js';
import { displayWidth, fit } from '../core/session/layout.js';
import { useKeyLabel } from './key-labels.js';

export interface HelpLine {
  readonly kind: 'section' | 'entry' | 'blank';
  readonly keys: string;
  readonly text: string;
  /** The views an entry works in, when not all of them (normal-mode keys only). */
  readonly views?: readonly ViewKind[];
}

const ALL_VIEWS: readonly ViewKind[] = ['panes', 'rows', 'groups'];

/** The views where any binding with this description works in normal mode; undefined for all. */
function viewsOf(bindings: readonly KeyBinding[]): readonly ViewKind[] | undefined {
  if (!bindings.some((b) => b.modes.includes('normal'))) return undefined;
  const views = new Set<ViewKind>();
  for (const b of bindings) for (const v of b.views ?? ALL_VIEWS) views.add(v);
  return views.size === ALL_VIEWS.length ? undefined : ALL_VIEWS.filter((v) => views.has(v));
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
      // The row view's own section says where its keys work; the other sections name the views.
      const views = binding.section === 'rows' ? undefined : viewsOf(KEYMAP.filter((b) => b.description === binding.description));
      entries.push({ kind: 'entry', keys: binding.keys.map(label).join(' '), text: t(binding.description), ...(views ? { views } : {}) });
    }
    if (entries.length === 0) continue;
    if (lines.length > 0) lines.push({ kind: 'blank', keys: '', text: '' });
    lines.push({ kind: 'section', keys: '', text: t(title) }, ...entries);
  }
  return lines;
}

/** Whether an entry's keys do something in this view (headings and blanks always "work"). */
export function worksIn(line: HelpLine, view: ViewKind): boolean {
  return line.kind !== 'entry' || line.views === undefined || line.views.includes(view);
}

/**
 * The help screen. Keys that work only in some views say which (" · documents, rows"), and the
 * ones that do nothing in the view the help was opened from are dimmed, so a reader of the
 * row view is not sent to keys of the panes.
 */
export function HelpOverlay({ width, height, top, view }: { width: number; height: number; top: number; view?: ViewKind }) {
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
    const where = line.views ? ` · ${line.views.map((v) => t(`ui.helpView${v[0]!.toUpperCase()}${v.slice(1)}`)).join(', ')}` : '';
    // The views stay readable: a long description is cut, never the tag after it.
    const textWidth = Math.max(0, columnWidth - keyWidth - 1 - displayWidth(where));
    const text = displayWidth(line.text) > textWidth ? fit(line.text, textWidth) : line.text;
    return fit(`  ${fit(line.keys, keyWidth - 2)} ${text}${where}`, columnWidth);
  };
  const inactive = (line: HelpLine | undefined) => line !== undefined && view !== undefined && !worksIn(line, view);
  const rows: ReactElement[] = [];
  for (let r = 0; r < bodyHeight; r++) {
    const parts = Array.from({ length: columns }, (_, c) => shown[c * bodyHeight + r]);
    rows.push(
      <Text key={r} wrap="truncate-end">
        {parts.map((line, c) => (
          <Text key={c} bold={line?.kind === 'section'} underline={line?.kind === 'section'} dimColor={inactive(line)}>
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
