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
    `${t('ui.countConfirmed', { count: counts.confirmed })} · ${t('ui.countSuggested', { count: counts.suggested })}`,
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
  /** Caret position in the input (characters); absent: after the text. */
  readonly caret?: number;
  readonly searchMode?: 'text' | 'regex';
  readonly message?: Message;
  readonly promptGroup?: string;
  readonly colors: boolean;
}

/** Hints for the current mode, from the keymap: "Space mark · Enter link · ...". */
export function hintText(mode: Mode, view: ViewKind, t: (key: string) => string, keyName: (key: string) => string = keyLabel, width = Number.POSITIVE_INFINITY): string {
  return fitHints(hintList(mode, view, t, keyName), width);
}

/**
 * Hints that fit `width`: when they do not all fit, the last ones are left out, but never the
 * one for help ("? help"), which leads to every key.
 */
export function fitHints(hints: readonly { readonly text: string; readonly command: string }[], width: number): string {
  const kept = [...hints];
  const length = () => kept.reduce((n, h) => n + [...h.text].length, 0) + 3 * Math.max(0, kept.length - 1);
  while (length() > width && kept.length > 1) {
    let drop = kept.length - 1;
    while (drop >= 0 && kept[drop]!.command === 'help') drop--;
    if (drop < 0) break;
    kept.splice(drop, 1);
  }
  return kept.map((h) => h.text).join(' · ');
}

function hintList(mode: Mode, view: ViewKind, t: (key: string) => string, keyName: (key: string) => string): { text: string; command: string }[] {
  const seen = new Set<string>();
  const hints: { text: string; command: string }[] = [];
  for (const binding of bindingsFor(mode, view)) {
    if (!binding.hint || seen.has(binding.description)) continue;
    seen.add(binding.description);
    const text = binding.command === 'toggle-view' && view !== 'panes' ? t('hints.viewToggle') : t(binding.description.replace(/^keys\./, 'hints.'));
    hints.push({ text: `${keyName(binding.keys[0]!)} ${text}`, command: binding.command });
  }
  return hints;
}

export function BottomLine({ width, mode, view, input, caret, searchMode = 'text', message, promptGroup, colors }: BottomLineProps) {
  const { t } = useTranslation();
  const keyName = useKeyLabel();
  if (mode === 'search' || mode === 'note' || mode === 'threshold') {
    const prompt = sanitizeForTerminal(
      mode === 'search' ? t('ui.promptSearch') : mode === 'note' ? t('ui.promptNote', { group: promptGroup ?? '' }) : t('ui.promptThresholdDefault', { value: 0.8 }),
    );
    const error = message?.tone === 'error' ? `  ${sanitizeForTerminal(translateMessage(t, message))}` : '';
    // The caret is the inverse cell: on a character when moved back with ←/Home, after the text otherwise.
    const chars = [...sanitizeForTerminal(input)];
    const at = Math.min(chars.length, Math.max(0, caret ?? chars.length));
    const modeHint = mode === 'search' ? `  ${t(searchMode === 'regex' ? 'ui.searchModeRegex' : 'ui.searchModeText')}` : '';
    return (
      <Text wrap="truncate-start">
        <Text bold>{prompt}</Text>
        {chars.slice(0, at).join('')}
        <Text inverse>{chars[at] ?? ' '}</Text>
        {chars.slice(at + 1).join('')}
        <Text dimColor>{modeHint}</Text>
        <Text color={colors ? 'red' : undefined}>{error}</Text>
      </Text>
    );
  }
  const hints = hintText(mode, view, (k) => t(k), keyName, width);
  if (message) {
    const text = translateMessage(t, message);
    const asks = mode === 'confirm-quit' || mode === 'split' || mode === 'confirm-loss' || mode === 'confirm-overwrite';
    const withHints = asks ? `${text}  ${hints}` : text;
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
