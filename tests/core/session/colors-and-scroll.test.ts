/** Neighbouring groups get different colours; following partners never scrolls marked sentences away. */
import { describe, expect, it } from 'vitest';
import { applySuggestions, link } from '../../../src/core/model/operations.js';
import { groupSlots } from '../../../src/core/session/group-colors.js';
import { layoutOf, paletteSlot, paneViews, PALETTE_SIZE } from '../../../src/core/session/selectors.js';
import { seedsAlignment } from '../../helpers/seeds.js';
import { docIndex, press, seedsState } from './helpers.js';

describe('group colours', () => {
  it('differ for neighbours even when their ids would hash to one colour', () => {
    const { alignment } = seedsAlignment();
    let other = 2;
    while (paletteSlot(`g${other}`, PALETTE_SIZE) !== paletteSlot('g1', PALETTE_SIZE)) other++;
    let a = link(alignment, [{ doc: 'it-000', sentence: 0 }, { doc: 'fr-003', sentence: 0 }], 'g1').alignment;
    a = link(a, [{ doc: 'it-000', sentence: 1 }, { doc: 'fr-003', sentence: 1 }], `g${other}`).alignment;
    const state = seedsState(undefined, a);
    const [first, second] = paneViews(state, layoutOf(state))[0]!.lines.filter((l) => l.groupSlot !== undefined && l.gutter.trim() !== '');
    expect(first!.groupSlot).not.toBe(second!.groupSlot);
  });

  it('differ between neighbouring groups, in every pane, and a group keeps one colour across panes', () => {
    const { alignment } = seedsAlignment();
    // Groups whose ids hash to the same slot under the old scheme sit side by side here.
    const n = Math.min(...alignment.documents.map((d) => d.sentences.length));
    const suggestions = Array.from({ length: n }, (_, i) => ({ members: [{ doc: 'it-000', sentences: [i] }, { doc: 'fr-003', sentences: [i] }], score: 0.5 }));
    const a = applySuggestions(alignment, suggestions);
    const slots = groupSlots(a, PALETTE_SIZE);
    const state = seedsState({ columns: 160, rows: 60 }, a);
    for (const pane of paneViews(state, layoutOf(state))) {
      const seen = pane.lines.filter((l) => l.gutter.trim() !== '' && l.groupSlot !== undefined).map((l) => l.groupSlot!);
      for (let k = 1; k < seen.length; k++) expect(seen[k], `${pane.id} line ${k}`).not.toBe(seen[k - 1]);
    }
    expect(new Set(slots).size).toBe(Math.min(PALETTE_SIZE, a.groups.length));
  });
});

describe('following partners', () => {
  it('does not scroll a pane holding a marked sentence', () => {
    const { alignment } = seedsAlignment();
    const fr = alignment.documents.find((d) => d.id === 'fr-003')!;
    const last = fr.sentences.length - 1;
    // it-000 #0 is grouped with fr-003's last sentence.
    const a = link(alignment, [{ doc: 'it-000', sentence: 0 }, { doc: 'fr-003', sentence: last }]).alignment;
    let s = seedsState({ columns: 160, rows: 20 }, a);
    const f = docIndex(s, 'fr-003');
    // Mark fr-003 #1, then move in it-000 onto the group: fr-003 stays put.
    s = press({ ...s, focus: f }, 'j', 'space');
    s = press({ ...s, focus: 0 }, 'j', 'k');
    expect(s.panes[f]!.cursor).toBe(1);
    expect(s.panes[f]!.top).toBe(0);
    // Without a mark there, the pane follows the partner.
    const t = press(seedsState({ columns: 160, rows: 20 }, a), 'j', 'k');
    expect(t.panes[f]!.cursor).toBe(last);
  });
});
