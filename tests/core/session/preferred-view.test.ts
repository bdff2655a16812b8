/** Which view the workbench opens in: the row view for translations, the panes for comparable corpora. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEditorState } from '../../../src/core/session/reducer.js';
import { preferredView, rowProjection } from '../../../src/core/session/rows-state.js';
import { cellOf } from '../../../src/core/session/rows.js';
import { openAlignment } from '../../../src/io/alignment-file.js';
import { segment } from '../../../src/core/text/segment.js';
import { applySuggestions } from '../../../src/core/model/operations.js';
import { REPO_ROOT, seedsAlignment } from '../../helpers/seeds.js';
import { beadAlignment, synthetic } from './rows-fixtures.js';

describe('preferred view', () => {
  it('keeps the panes for the seeds (five comparable articles), curated, aligned or empty', () => {
    const curated = openAlignment(join(REPO_ROOT, 'alignments', 'seeds.align.json'), segment).alignment;
    expect(preferredView(curated)).toBe('panes');
    const fresh = seedsAlignment().alignment;
    expect(preferredView(fresh)).toBe('panes');
    // Suggestions that keep every document in order still leave sentence counts far apart (12 and 21).
    const suggested = applySuggestions(fresh, [{ members: [{ doc: 'it-000', sentences: [0] }, { doc: 'fr-003', sentences: [0] }], score: 0.9 }]);
    expect(preferredView(suggested)).toBe('panes');
  });

  it('opens translations in the row view: a pair, aligned or not, and three documents whose groups never cross', () => {
    const pair = beadAlignment([[1, 1], [2, 1], [1, 1], [0, 1], [1, 1], [1, 2], [1, 1]]).alignment;
    expect(preferredView(pair)).toBe('rows');
    expect(preferredView({ ...pair, groups: [] })).toBe('rows');
    const three = beadAlignment([[1, 1, 1], [2, 1, 1], [1, 1, 2], [1, 1, 1], [1, 1, 1]]).alignment;
    expect(preferredView(three)).toBe('rows');
  });

  it('keeps the panes when groups cross, sizes differ, or several documents have no groups yet', () => {
    // Every group crosses every other: a comparable pair.
    const crossing = synthetic([8, 8], Array.from({ length: 8 }, (_, i) => ({ members: { 0: [i], 1: [7 - i] } }))).alignment;
    expect(preferredView(crossing)).toBe('panes');
    // Three documents whose groups cross once.
    const once = synthetic([3, 3, 3], [
      { members: { 0: [0], 1: [0], 2: [0] } },
      { members: { 0: [1], 1: [2] } },
      { members: { 0: [2], 1: [1] } },
    ]).alignment;
    expect(preferredView(once)).toBe('panes');
    expect(preferredView(synthetic([10, 3], []).alignment)).toBe('panes');
    expect(preferredView(synthetic([4, 4, 4], []).alignment)).toBe('panes');
    expect(preferredView(synthetic([4], []).alignment)).toBe('panes');
  });

  it('the editor opens in the view asked for, the row view on the first row', () => {
    const { alignment, texts } = beadAlignment([[0, 1], [1, 1], [1, 1]]);
    const open = (view?: 'rows' | 'panes' | 'groups') => createEditorState({ alignment, texts, fileName: 'x.align.json', size: { columns: 120, rows: 30 }, colors: false, ...(view ? { view } : {}) });
    expect(open().view).toBe('panes');
    expect(open('panes').view).toBe('panes');
    expect(open('groups').view).toBe('groups');
    const rows = open('rows');
    expect(rows.view).toBe('rows');
    expect(rows.rowView.cursor).toBe(0);
    // The top of the bitext: d1 starts with a sentence of its own (1:0), then the first pair.
    expect(cellOf(rowProjection(rows), 0, 1)).toEqual([0]);
    expect(cellOf(rowProjection(rows), 1, 0)).toEqual([0]);
  });
});
