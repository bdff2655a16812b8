/** @jsxRuntime automatic @jsxImportSource react */
/** The two bottom lines: file, unsaved state and counts; then a prompt, a message or key hints. */
import { Text } from 'ink';
import { useTranslation } from 'react-i18next';
import { bindingsFor, keyLabel } from '../core/session/keymap.js';
import { fit } from '../core/session/layout.js';
import type { Counts } from '../core/session/selectors.js';
import type { AlignerState, Message, Mode, ViewKind } from '../core/session/types.js';
import { sanitizeForTerminal } from '../core/display/sanitize.js';
import { translateMessage } from '../i18n/index.js';
import { useKeyLabel } from './key-labels.js';

export interface StatusBarProps {
  readonly width: number;
  readonly fileName: string;
  readonly dirty: boolean;
  /** The file does not exist yet: "not saved yet" rather than "saved". */
  readonly fileIsNew?: boolean;
  readonly counts: Counts;
  readonly documentIds: readonly string[];
  readonly marks: number;
  readonly aligner: AlignerState;
  readonly colors: boolean;
  /** The group under the cursor, shown with its status, score and note. */
  readonly group?: { readonly id: string; readonly status: string; readonly score?: number; readonly note?: string };
}

/** "Aligning… 42% · 12 s left": the ETA from the pace so far, once there is a pace to go by. */
export function alignerProgressText(aligner: AlignerState, t: (key: string, params?: Record<string, unknown>) => string): string {
  if (aligner.total <= 0) return t('ui.aligningStart');
  const fraction = Math.min(1, Math.max(0, aligner.done / aligner.total));
  const percent = Math.floor(100 * fraction);
  const elapsed = aligner.elapsedMs ?? 0;
  if (fraction <= 0.01 || elapsed < 500 || fraction >= 1) return t('ui.aligning', { percent });
  const left = Math.max(1, Math.round((elapsed * (1 - fraction)) / fraction / 1000));
  const eta = left < 90 ? t('ui.etaSeconds', { n: left }) : t('ui.etaMinutes', { n: Math.round(left / 60) });
  return t('ui.aligningEta', { percent, eta });
}

export function StatusBar({ width, fileName, dirty, fileIsNew, counts, documentIds, marks, aligner, colors, group }: StatusBarProps) {
  const { t } = useTranslation();
  const unaligned = documentIds.map((id, d) => `${id} ${counts.unaligned[d] ?? 0}`).join(' · ');
  const progress = aligner.running ? alignerProgressText(aligner, t) : '';
  const parts = [
    `${fileName} [${dirty ? t('ui.modified') : fileIsNew ? t('ui.notSavedYet') : t('ui.unchanged')}]`,
    t('ui.counts', { confirmed: counts.confirmed, suggested: counts.suggested }),
    t('ui.unaligned', { list: unaligned }),
    ...(marks > 0 ? [t('ui.marks', { count: marks })] : []),
    ...(group
      ? [`${group.id} ${t(`status.${group.status}`)}${group.score !== undefined ? ` ${group.score.toFixed(2)}` : ''}${group.note ? ` ✎ ${group.note}` : ''}`]
      : []),
  ];
  // File names, ids and notes come from files: made safe for the terminal.
  const left = sanitizeForTerminal(` ${parts.join(' │ ')}`);
  const right = progress ? ` ${progress} ` : '';
  return (
    <Text wrap="truncate-end">
      <Text inverse bold={dirty} color={dirty && colors ? 'yellow' : undefined}>
        {fit(left, Math.max(0, width - right.length))}
      </Text>
      {right ? (
        <Text inverse color={colors ? 'cyan' : undefined}>
          {right}
        </Text>
      ) : null}
    </Text>
  );
}

export interface BottomLineProps {
  readonly width: number;
  readonly mode: Mode;
  readonly view: ViewKind;
  readonly input: string;
  readonly message?: Message;
  readonly promptGroup?: string;
  readonly colors: boolean;
}

/** Hints for the current mode, from the keymap: "Space mark · Enter link · ...". */
export function hintText(mode: Mode, view: ViewKind, t: (key: string) => string, keyName: (key: string) => string = keyLabel): string {
  const seen = new Set<string>();
  const hints: string[] = [];
  for (const binding of bindingsFor(mode, view)) {
    if (!binding.hint || seen.has(binding.description)) continue;
    seen.add(binding.description);
    const text = binding.command === 'toggle-view' && view !== 'panes' ? t('hints.viewToggle') : t(binding.description.replace(/^keys\./, 'hints.'));
    hints.push(`${keyName(binding.keys[0]!)} ${text}`);
  }
  return hints.join(' · ');
}

export function BottomLine({ width, mode, view, input, message, promptGroup, colors }: BottomLineProps) {
  const { t } = useTranslation();
  const keyName = useKeyLabel();
  if (mode === 'search' || mode === 'note' || mode === 'threshold') {
    const prompt = sanitizeForTerminal(mode === 'search' ? t('ui.promptSearch') : mode === 'note' ? t('ui.promptNote', { group: promptGroup ?? '' }) : t('ui.promptThreshold'));
    const error = message?.tone === 'error' ? `  ${sanitizeForTerminal(translateMessage(t, message))}` : '';
    return (
      <Text wrap="truncate-start">
        <Text bold>{prompt}</Text>
        {input}
        <Text inverse> </Text>
        <Text color={colors ? 'red' : undefined}>{error}</Text>
      </Text>
    );
  }
  const hints = hintText(mode, view, (k) => t(k), keyName);
  if (message) {
    const text = translateMessage(t, message);
    const withHints = mode === 'confirm-quit' || mode === 'split' ? `${text}  ${hints}` : text;
    return (
      <Text wrap="truncate-end" color={message.tone === 'error' && colors ? 'red' : undefined} bold={message.tone === 'error'}>
        {fit(sanitizeForTerminal(withHints), width)}
      </Text>
    );
  }
  return (
    <Text wrap="truncate-end" dimColor>
      {fit(hints, width)}
    </Text>
  );
}
