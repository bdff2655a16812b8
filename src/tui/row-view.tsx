/** @jsxRuntime automatic @jsxImportSource react */
/**
 * The row view: the whole alignment one unit a row, each document a column, every sentence
 * in full (wrapped; a row is as tall as its longest cell). Rows are built as styled strings
 * exactly as wide as the screen and drawn as ScreenRows, like the document panes. Text from
 * documents and notes is sanitized by wrapText/sanitizeForTerminal before it gets here.
 */
import { Box } from 'ink';
import { useTranslation } from 'react-i18next';
import { sanitizeForTerminal } from '../core/display/sanitize.js';
import { fit, type ScreenLayout } from '../core/session/layout.js';
import { rowsFrame, type RowLine } from '../core/session/rows-state.js';
import type { EditorState } from '../core/session/types.js';
import { groupColor } from './colors.js';
import { ScreenRow } from './screen-row.js';
import { compileHighlight, withMatches } from './search-highlight.js';
import { styled } from './styled.js';

function lineString(line: RowLine, focused: number, colors: boolean, t: (key: string) => string, search?: RegExp): string {
  const color = line.groupSlot !== undefined ? groupColor(line.groupSlot, colors) : undefined;
  const prefix = styled(line.prefix, { bold: line.cursor || line.status === 'confirmed', ...(color ? { color } : {}), dim: line.status === 'none' && !line.cursor });
  const cells = line.cells
    .map((cell, i) => withMatches(cell, search, { inverse: line.highlight[i] === true, bold: line.cursor && i !== focused, underline: line.cursor && i === focused && line.highlight[i] !== true }, colors) + '│')
    .join('');
  const text = line.warningRule ? fit(` ${t(`rowWarn.${line.warningRule}`)}`, line.note.length) : line.note;
  const note = styled(text, { dim: !line.warning, bold: line.warning, ...(line.warning && colors ? { color: 'yellow' } : {}) });
  return prefix + cells + note;
}

export function RowView({ state, layout, height, searchPattern }: { state: EditorState; layout: ScreenLayout; height: number; searchPattern?: string }) {
  const { t } = useTranslation();
  const { frame, facts } = rowsFrame(state, layout);
  const search = searchPattern ? compileHighlight(searchPattern) : undefined;
  const width = layout.columns;
  const order = facts.order === 'all' ? t('ui.rowsOrderAll') : t('ui.rowsOrderLead', { doc: facts.lead });
  // What is not on screen comes first: it must stay readable in a narrow terminal.
  const parts = [t('ui.rowsTitle', { position: facts.position, total: facts.rows, confirmed: facts.confirmed, groups: facts.total })];
  if (facts.hidden.length > 0) parts.push(t('ui.rowsHidden', { count: facts.hidden.length, list: facts.hidden.join(', ') }));
  if (facts.scrolledLeft > 0 || facts.scrolledRight > 0) parts.push(t('ui.rowsScrolled', { left: facts.scrolledLeft, right: facts.scrolledRight }));
  parts.push(order);
  const rows: string[] = [];
  rows.push(styled(fit(` ${parts.join(' · ')}`, width), { bold: true, inverse: true }));
  const titles = frame.titles.map((title, i) => styled(title, { bold: true, underline: true, inverse: i === frame.focused }) + '│').join('');
  rows.push(styled(' '.repeat(frame.prefixWidth), { underline: true }) + titles + styled(' '.repeat(frame.noteWidth), { underline: true }));
  for (const line of frame.lines) rows.push(lineString(line, frame.focused, state.colors, (k) => t(k), search));
  if (frame.lines.length === 0) rows.push(fit(` ${t('ui.rowsEmpty')}`, width));
  const blank = ' '.repeat(width);
  while (rows.length < height - frame.detail.length) rows.push(blank);
  for (const line of frame.detail) rows.push(styled(fit(` ${sanitizeForTerminal(line)}`, width), { dim: !line.startsWith('!'), ...(line.startsWith('!') && state.colors ? { color: 'yellow' } : {}) }));
  return (
    <Box flexDirection="column">
      {rows.slice(0, height).map((row, r) => (
        <ScreenRow key={r} text={row} width={width} />
      ))}
    </Box>
  );
}
