/** The document panes: one column per visible document, drawing exactly the lines it is given. */
import { Box, Text } from 'ink';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { fit } from '../core/session/layout.js';
import type { PaneLine, PaneView } from '../core/session/selectors.js';
import { CARET } from '../core/session/selectors.js';
import { groupColor } from './colors.js';

interface PaneProps {
  readonly pane: PaneView;
  readonly height: number;
  readonly colors: boolean;
}

function LineText({ line, focused, colors, sep }: { line: PaneLine; focused: boolean; colors: boolean; sep: string }) {
  const color = groupColor(line.groupSlot, colors);
  const caret = line.text.indexOf(CARET);
  const highlight = line.cursor && focused;
  const body =
    caret >= 0 ? (
      <>
        {line.text.slice(0, caret)}
        <Text inverse={!highlight} bold>
          ┃
        </Text>
        {line.text.slice(caret + 1)}
      </>
    ) : (
      line.text
    );
  return (
    <Text wrap="truncate-end">
      <Text bold={line.cursor} color={line.marked && colors ? 'yellow' : undefined}>
        {line.gutter}
      </Text>
      {line.tag !== '' ? (
        <Text color={color} bold={line.status === 'confirmed'} dimColor={line.status === 'suggested' && !colors}>
          {line.tag}
        </Text>
      ) : null}
      <Text inverse={highlight} bold={line.partner || (line.cursor && !focused)} underline={line.cursor && !focused}>
        {body}
      </Text>
      {sep}
    </Text>
  );
}

export const Pane = memo(function Pane({ pane, height, colors }: PaneProps) {
  const { t } = useTranslation();
  const inner = pane.width - (pane.separator ? 1 : 0);
  const head = fit(`${pane.focused ? '▶ ' : ''}${pane.id} · ${pane.lang} · ${t('ui.progress', { aligned: pane.aligned, total: pane.sentenceCount })}`, inner);
  const title = fit(pane.title, inner);
  const sep = pane.separator ? '│' : '';
  const blank = ' '.repeat(Math.max(0, inner));
  const filler = Math.max(0, height - pane.lines.length);
  return (
    <Box flexDirection="column" width={pane.width} flexShrink={0}>
      <Text wrap="truncate-end">
        <Text bold inverse={pane.focused}>
          {head}
        </Text>
        {sep}
      </Text>
      <Text wrap="truncate-end">
        <Text dimColor>{title}</Text>
        {sep}
      </Text>
      {pane.lines.map((line) => (
        <LineText key={line.key} line={line} focused={pane.focused} colors={colors} sep={sep} />
      ))}
      {Array.from({ length: filler }, (_, i) => (
        <Text key={`~${i}`}>
          {blank}
          {sep}
        </Text>
      ))}
    </Box>
  );
});

export function DocumentPanes({ panes, height, colors }: { panes: readonly PaneView[]; height: number; colors: boolean }) {
  return (
    <Box flexDirection="row">
      {panes.map((pane) => (
        <Pane key={pane.id} pane={pane} height={height} colors={colors} />
      ))}
    </Box>
  );
}
