/** @jsxRuntime automatic @jsxImportSource react */
/** The whole frame for one editor state: panes or groups table (or help), then the status lines. */
import { Box, Text } from 'ink';
import { useTranslation } from 'react-i18next';
import { countsOf, groupTable, isDirty, layoutOf, paneViews, targetGroup } from '../core/session/selectors.js';
import { compilePattern } from '../core/session/search.js';
import type { EditorState } from '../core/session/types.js';
import { DocumentPanes } from './document-panes.js';
import { GroupTable } from './group-table.js';
import { HelpOverlay } from './help-overlay.js';
import { RowView } from './row-view.js';
import { BottomLine, StatusBar } from './status-bar.js';

/** The highlight's regular expression source: the same folding as the search itself. */
function searchSource(pattern: string, mode: 'text' | 'regex'): string {
  return compilePattern(pattern, mode)?.source ?? pattern;
}

export function Screen({ state }: { state: EditorState }) {
  const { t } = useTranslation();
  const layout = layoutOf(state);
  if (layout.tooSmall) {
    return (
      <Box width={Math.max(1, state.size.columns)}>
        <Text wrap="wrap">
          {t('ui.tooSmall', { columns: state.size.columns, rows: state.size.rows, minColumns: layout.minColumns, minRows: layout.minRows })}
        </Text>
      </Box>
    );
  }
  const alignment = state.history.present;
  const group = targetGroup(state);
  // Headers (2 rows) + body: the area the help overlay and groups table also use.
  const areaHeight = layout.bodyHeight + 2;
  const searchPattern = state.search.pattern ? searchSource(state.search.pattern, state.search.mode ?? 'text') : undefined;
  let main;
  if (state.mode === 'help') main = <HelpOverlay width={layout.columns} height={areaHeight} top={state.helpTop} view={state.view} />;
  else if (state.view === 'rows') main = <RowView state={state} layout={layout} height={areaHeight} {...(searchPattern ? { searchPattern } : {})} />;
  else if (state.view === 'groups') {
    main = <GroupTable table={groupTable(state, layout)} height={layout.bodyHeight} filterKey={`filter.${state.groupFilter}`} colors={state.colors} />;
  } else {
    main = (
      <DocumentPanes
        panes={paneViews(state, layout)}
        height={layout.bodyHeight}
        colors={state.colors}
        {...(searchPattern ? { searchPattern } : {})}
      />
    );
  }
  return (
    <Box flexDirection="column" width={layout.columns}>
      {main}
      <StatusBar
        width={layout.columns}
        fileName={state.fileName}
        dirty={isDirty(state)}
        fileIsNew={state.fileIsNew === true}
        counts={countsOf(alignment)}
        documentIds={alignment.documents.map((d) => d.id)}
        marks={state.marks.size}
        aligner={state.aligner}
        colors={state.colors}
        {...(group ? { group } : {})}
      />
      <BottomLine
        width={layout.columns}
        mode={state.mode}
        view={state.view}
        input={state.input.text}
        {...(state.input.caret !== undefined ? { caret: state.input.caret } : {})}
        searchMode={state.search.mode ?? 'text'}
        {...(state.message ? { message: state.message } : {})}
        {...(state.mode === 'note' ? { promptGroup: targetGroup(state)?.id ?? '' } : {})}
        colors={state.colors}
      />
    </Box>
  );
}

