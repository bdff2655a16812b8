/** @jsxRuntime automatic @jsxImportSource react */
/**
 * The document panes: one column per visible document. Each pane's lines are built as styled
 * strings, exactly as wide as the pane, and each screen row is drawn as one ScreenRow (see
 * styled.ts and screen-row.tsx for why).
 */
import { Box } from 'ink';
import { useTranslation } from 'react-i18next';
import { fit } from '../core/session/layout.js';
import { CARET, type PaneLine, type PaneView } from '../core/session/selectors.js';
import { groupColor } from './colors.js';
import { sanitizeForTerminal } from '../core/display/sanitize.js';
import { ScreenRow } from './screen-row.js';
import { compileHighlight, withMatches } from './search-highlight.js';
import { styled } from './styled.js';

function lineString(line: PaneLine, focused: boolean, colors: boolean, search?: RegExp): string {
  const color = groupColor(line.groupSlot, colors);
  const highlight = line.cursor && focused;
  const gutter = styled(line.gutter, { bold: line.cursor, ...(line.marked && colors ? { color: 'yellow' } : {}) });
  const tag = styled(line.tag, { ...(color ? { color } : {}), bold: line.status === 'confirmed', dim: line.status === 'suggested' && !colors });
  const textStyle = { inverse: highlight, bold: line.partner || (line.cursor && !focused), underline: line.cursor && !focused };
  const caret = line.text.indexOf(CARET);
  const body =
    caret >= 0
      ? styled(line.text.slice(0, caret), textStyle) + styled('┃', { bold: true, inverse: !highlight }) + styled(line.text.slice(caret + 1), textStyle)
      : withMatches(line.text, search, textStyle, colors);
  return gutter + tag + body;
}

/**
 * The pane's header line: "▶ it-000 · it · 3/17 aligned" when it fits, else shorter forms that
 * keep the id and the numbers readable ("▶ it-000 · it · 3/17", "▶ it-000 3/17") rather than a
 * word cut in the middle.
 */
export function paneHeader(pane: Pick<PaneView, 'focused' | 'id' | 'lang' | 'aligned' | 'sentenceCount'>, progress: string, width: number): string {
  const mark = pane.focused ? '▶ ' : '';
  const numbers = `${pane.aligned}/${pane.sentenceCount}`;
  const forms = [`${mark}${pane.id} · ${pane.lang} · ${progress}`, `${mark}${pane.id} · ${pane.lang} · ${numbers}`, `${mark}${pane.id} ${numbers}`];
  return forms.find((f) => [...f].length <= width) ?? forms[forms.length - 1]!;
}

/** The rows of one pane (two header rows, then `height` body rows), each exactly its width. */
export function paneRows(pane: PaneView, height: number, colors: boolean, progress: string, search?: RegExp): string[] {
  const inner = pane.width - (pane.separator ? 1 : 0);
  const sep = pane.separator ? '│' : '';
  const head = styled(fit(sanitizeForTerminal(paneHeader(pane, progress, inner)), inner), { bold: true, inverse: pane.focused });
  const rows = [head + sep, styled(fit(sanitizeForTerminal(pane.title), inner), { dim: true }) + sep];
  for (const line of pane.lines) rows.push(lineString(line, pane.focused, colors, search) + sep);
  const blank = ' '.repeat(Math.max(0, inner)) + sep;
  while (rows.length < height + 2) rows.push(blank);
  return rows;
}

export interface DocumentPanesProps {
  readonly panes: readonly PaneView[];
  readonly height: number;
  readonly colors: boolean;
  /** The last search, whose matches are picked out. */
  readonly searchPattern?: string;
}

export function DocumentPanes({ panes, height, colors, searchPattern }: DocumentPanesProps) {
  const { t } = useTranslation();
  const search = searchPattern ? compileHighlight(searchPattern) : undefined;
  const columns = panes.map((pane) => paneRows(pane, height, colors, t('ui.progress', { aligned: pane.aligned, total: pane.sentenceCount }), search));
  const width = panes.reduce((w, pane) => w + pane.width, 0);
  const rows: string[] = [];
  for (let r = 0; r < height + 2; r++) rows.push(columns.map((c) => c[r] ?? '').join(''));
  return (
    <Box flexDirection="column">
      {rows.map((row, r) => (
        <ScreenRow key={r} text={row} width={width} />
      ))}
    </Box>
  );
}
