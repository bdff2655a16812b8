/** @jsxRuntime automatic @jsxImportSource react */
/** The groups view: one row per group, its sentences in every document side by side. */
import { Box, Text } from 'ink';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { fit, truncate, wrapText } from '../core/session/layout.js';
import type { GroupTableView } from '../core/session/selectors.js';
import { groupColor } from './colors.js';
import { sanitizeForTerminal } from '../core/display/sanitize.js';

const STATUS_MARK = { confirmed: '■', suggested: '?', rejected: '✗' } as const;

export function GroupTable({ table, height, filterKey, colors }: { table: GroupTableView; height: number; filterKey: string; colors: boolean }) {
  const { t } = useTranslation();
  const width = table.prefixWidth + table.columns.reduce((a, c) => a + c.width, 0);
  // Columns off screen are said at the right of the title, with the key that scrolls them.
  const scrolled = table.scrolledLeft > 0 || table.scrolledRight > 0 ? ` ${t('ui.rowsScrolled', { left: table.scrolledLeft, right: table.scrolledRight })}` : '';
  const more = scrolled.length < width / 2 ? scrolled : '';
  const title = fit(t('ui.groupsTitle', { filter: t(filterKey), position: table.position, total: table.total }), width - more.length) + more;
  const header = fit(t('ui.group'), table.prefixWidth) + table.columns.map((c) => fit(sanitizeForTerminal(`${c.id} · ${c.lang}`), c.width)).join('');
  const lines: ReactElement[] = [];
  // The id column keeps a blank at its right, like every cell, so a note never runs into the text.
  const own = Math.max(1, table.prefixWidth - 1);
  for (const row of table.rows) {
    const color = groupColor(row.groupSlot, colors);
    // The note wraps over the row's other lines; cut with an ellipsis where the row ends.
    const note = row.note ? wrapText(`✎ ${sanitizeForTerminal(row.note)}`, Math.max(1, own - 2)).map((l) => `  ${l}`) : [];
    if (note.length > row.height - 1 && row.height > 1) note[row.height - 2] = `${truncate(note[row.height - 2]!, own - 1)}…`;
    for (let n = 0; n < row.height; n++) {
      const prefix =
        n === 0 ? `${row.cursor ? '▸' : ' '}${STATUS_MARK[row.status]}${sanitizeForTerminal(row.id)}${row.score !== undefined ? ` ${row.score.toFixed(2)}` : ''}` : (note[n - 1] ?? '');
      lines.push(
        <Text key={`${row.key}:${n}`} wrap="truncate-end">
          <Text color={color} bold={row.status === 'confirmed'} strikethrough={row.status === 'rejected'}>
            {`${fit(prefix, own)} `}
          </Text>
          <Text inverse={row.cursor}>{table.columns.map((c, i) => fit(row.cells[i]?.[n] ?? '', c.width)).join('')}</Text>
        </Text>,
      );
    }
  }
  const empty = table.rows.length === 0 ? [<Text key="empty" dimColor>{t('ui.noGroups')}</Text>] : [];
  const fill = Math.max(0, height - lines.length - empty.length);
  return (
    <Box flexDirection="column">
      <Text bold wrap="truncate-end">
        {title}
      </Text>
      <Text underline wrap="truncate-end">
        {header}
      </Text>
      {empty}
      {lines}
      {Array.from({ length: fill }, (_, i) => (
        <Text key={`~${i}`}> </Text>
      ))}
    </Box>
  );
}
