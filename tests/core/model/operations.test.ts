import { describe, expect, it } from 'vitest';
import {
  acceptSuggestionsAbove,
  addMembers,
  applySuggestions,
  dissolveGroup,
  joinSentences,
  link,
  mergeGroups,
  nextGroupId,
  removeSentence,
  setNote,
  setStatus,
  splitSentence,
  toggleBookmark,
} from '../../../src/core/model/operations.js';
import { findViolations } from '../../../src/core/model/invariants.js';
import { groupIndexOf } from '../../../src/core/model/index-cache.js';
import { ModelError, type Alignment } from '../../../src/core/model/types.js';
import { findSentence, seedsAlignment } from '../../helpers/seeds.js';

const { alignment: base, texts } = seedsAlignment();
const at = (doc: string, needle: string) => ({ doc, sentence: findSentence(base, texts, doc, needle) });
const slogan = {
  it: at('it-000', 'Non perdoniamo.'),
  fr: at('fr-003', 'On ne pardonne pas'),
};
const defend = { it: at('it-001', 'Per difendere'), fr: at('fr-003', 'Pour défendre') };

function valid(a: Alignment): Alignment {
  expect(findViolations(a)).toEqual([]);
  return a;
}

describe('link', () => {
  it('creates a confirmed manual group across documents, in document order', () => {
    const { alignment, groupId } = link(base, [slogan.fr, slogan.it]);
    valid(alignment);
    expect(groupId).toBe('g1');
    const group = alignment.groups[0]!;
    expect(group).toMatchObject({ id: 'g1', status: 'confirmed', origin: 'manual' });
    expect(group.members.map((m) => m.doc)).toEqual(['it-000', 'fr-003']);
    expect(groupIndexOf(alignment, 'fr-003', slogan.fr.sentence)).toBe(0);
    expect(base.groups).toEqual([]); // the input is untouched
  });

  it('refuses a group within one document', () => {
    expect(() => link(base, [slogan.it, { doc: 'it-000', sentence: slogan.it.sentence + 1 }])).toThrow(ModelError);
  });

  it('refuses unknown documents and sentences', () => {
    expect(() => link(base, [slogan.it, { doc: 'xx', sentence: 0 }])).toThrow(/no document "xx"/);
    expect(() => link(base, [slogan.it, { doc: 'fr-003', sentence: 9999 }])).toThrow(/no sentence 9999/);
  });

  it('moves sentences out of their old group and dissolves groups left with one document', () => {
    const first = link(base, [slogan.it, slogan.fr]).alignment;
    const second = valid(link(first, [slogan.fr, defend.it]).alignment);
    expect(second.groups.map((g) => g.id)).toEqual(['g2']);
    expect(groupIndexOf(second, 'it-000', slogan.it.sentence)).toBeUndefined();
  });
});

describe('members and groups', () => {
  const withGroup = link(base, [slogan.it, slogan.fr]).alignment;

  it('adds members from a third document and removes them again', () => {
    const en = { doc: 'en-002', sentence: 0 };
    const added = valid(addMembers(withGroup, 'g1', [en]));
    expect(added.groups[0]!.members.map((m) => m.doc)).toEqual(['it-000', 'en-002', 'fr-003']);
    const removed = valid(removeSentence(added, en));
    expect(removed.groups[0]!.members.map((m) => m.doc)).toEqual(['it-000', 'fr-003']);
  });

  it('dissolves a group when removing leaves one document', () => {
    expect(valid(removeSentence(withGroup, slogan.it)).groups).toEqual([]);
    expect(() => removeSentence(base, slogan.it)).toThrow(/not in a group/);
  });

  it('merges two groups into one confirmed group and joins their notes', () => {
    let a = link(withGroup, [defend.it, defend.fr]).alignment;
    a = setNote(a, 'g1', 'slogan');
    a = setNote(a, 'g2', 'values');
    const merged = valid(mergeGroups(a, 'g1', 'g2'));
    expect(merged.groups).toHaveLength(1);
    expect(merged.groups[0]!.note).toBe('slogan / values');
    expect(merged.groups[0]!.members.find((m) => m.doc === 'fr-003')!.sentences).toEqual(
      [slogan.fr.sentence, defend.fr.sentence].sort((x, y) => x - y),
    );
    expect(() => mergeGroups(a, 'g1', 'g1')).toThrow(ModelError);
  });

  it('dissolves a group', () => {
    expect(dissolveGroup(withGroup, 'g1').groups).toEqual([]);
    expect(() => dissolveGroup(withGroup, 'g9')).toThrow(/no group "g9"/);
  });

  it('sets status and note; clearing a note removes it', () => {
    const rejected = setStatus(withGroup, 'g1', 'rejected');
    expect(rejected.groups[0]!.status).toBe('rejected');
    expect(groupIndexOf(rejected, 'it-000', slogan.it.sentence)).toBeUndefined();
    expect(setStatus(rejected, 'g1', 'confirmed').groups[0]!.status).toBe('confirmed');
    const noted = setNote(withGroup, 'g1', '  the motto  ');
    expect(noted.groups[0]!.note).toBe('the motto');
    expect('note' in setNote(noted, 'g1', '').groups[0]!).toBe(false);
  });

  it('refuses to revive a rejected group whose sentences were linked elsewhere', () => {
    const rejected = setStatus(withGroup, 'g1', 'rejected');
    const relinked = link(rejected, [slogan.it, defend.fr]).alignment;
    valid(relinked); // rejected groups may overlap live ones
    expect(() => setStatus(relinked, 'g1', 'confirmed')).toThrow(/already in group "g2"/);
  });

  it('toggles bookmarks', () => {
    const marked = toggleBookmark(base, slogan.fr, 'check the quote');
    expect(marked.bookmarks).toEqual([{ doc: 'fr-003', sentence: slogan.fr.sentence, note: 'check the quote' }]);
    expect(toggleBookmark(marked, slogan.fr).bookmarks).toEqual([]);
  });

  it('numbers new groups after the largest id in use', () => {
    const a = { ...withGroup, groups: [{ ...withGroup.groups[0]!, id: 'g41' }] };
    expect(nextGroupId(a)).toBe('g42');
  });
});

describe('segmentation overrides', () => {
  const frDoc = base.documents.find((d) => d.id === 'fr-003')!;
  const frText = texts.get('fr-003')!;

  it('splits a sentence at a point, keeps both parts in its group, and shifts later indices', () => {
    const a = link(base, [slogan.it, slogan.fr]).alignment;
    const later = link(a, [defend.it, defend.fr]).alignment;
    const [start, end] = frDoc.sentences[slogan.fr.sentence]!;
    const sentence = frText.slice(start, end);
    const cut = start + sentence.indexOf('On n');
    const split = valid(splitSentence(later, slogan.fr, cut, frText));
    const fr = split.documents.find((d) => d.id === 'fr-003')!;
    expect(fr.sentences).toHaveLength(frDoc.sentences.length + 1);
    const [s1, e1] = fr.sentences[slogan.fr.sentence]!;
    const [s2, e2] = fr.sentences[slogan.fr.sentence + 1]!;
    expect(frText.slice(s2, e2).startsWith('On n')).toBe(true);
    expect(frText.slice(s1, e1).endsWith(' ')).toBe(false);
    expect(split.groups[0]!.members.find((m) => m.doc === 'fr-003')!.sentences).toEqual([slogan.fr.sentence, slogan.fr.sentence + 1]);
    expect(split.groups[1]!.members.find((m) => m.doc === 'fr-003')!.sentences).toEqual([defend.fr.sentence + 1]);
    expect(split.overrides).toEqual([{ doc: 'fr-003', op: 'split', at: cut }]);

    // Joining them back removes the override instead of stacking a join on a split.
    const joined = valid(joinSentences(split, slogan.fr));
    expect(joined.documents.find((d) => d.id === 'fr-003')!.sentences).toEqual(frDoc.sentences);
    expect(joined.overrides).toEqual([]);
    expect(joined.groups[1]!.members.find((m) => m.doc === 'fr-003')!.sentences).toEqual([defend.fr.sentence]);
  });

  it('refuses splits that leave an empty part', () => {
    const [start, end] = frDoc.sentences[0]!;
    expect(() => splitSentence(base, { doc: 'fr-003', sentence: 0 }, start, frText)).toThrow(ModelError);
    expect(() => splitSentence(base, { doc: 'fr-003', sentence: 0 }, end, frText)).toThrow(ModelError);
  });

  it('joins an ungrouped sentence into its neighbour group, refuses to join two groups', () => {
    const a = link(base, [{ doc: 'fr-003', sentence: 3 }, slogan.it]).alignment;
    const joined = valid(joinSentences(a, { doc: 'fr-003', sentence: 2 }));
    expect(joined.groups[0]!.members.find((m) => m.doc === 'fr-003')!.sentences).toEqual([2]);
    expect(joined.overrides).toEqual([{ doc: 'fr-003', op: 'join', at: frDoc.sentences[3]![0] }]);
    const two = link(a, [{ doc: 'fr-003', sentence: 2 }, defend.it]).alignment;
    expect(() => joinSentences(two, { doc: 'fr-003', sentence: 2 })).toThrow(/different groups/);
    const last = frDoc.sentences.length - 1;
    expect(() => joinSentences(base, { doc: 'fr-003', sentence: last })).toThrow(/no next sentence/);
  });
});

describe('suggestions', () => {
  it('replaces old suggestions, keeps confirmed and rejected groups, trims conflicts', () => {
    const confirmed = link(base, [slogan.it, slogan.fr]).alignment;
    const once = valid(
      applySuggestions(confirmed, [
        { members: [{ doc: 'it-001', sentences: [defend.it.sentence] }, { doc: 'fr-003', sentences: [defend.fr.sentence] }], score: 0.91234 },
        // Touches the confirmed French slogan: trimmed to one document, so dropped.
        { members: [{ doc: 'fr-003', sentences: [slogan.fr.sentence] }, { doc: 'en-002', sentences: [0] }], score: 0.5 },
      ]),
    );
    expect(once.groups.map((g) => [g.id, g.status, g.score])).toEqual([
      ['g1', 'confirmed', undefined],
      ['g2', 'suggested', 0.912],
    ]);
    const twice = valid(applySuggestions(once, []));
    expect(twice.groups.map((g) => g.id)).toEqual(['g1']);
    // Ids handed out after suggestions never collide with theirs.
    const afterLink = link(once, [slogan.it, defend.fr]).alignment;
    expect(new Set(afterLink.groups.map((g) => g.id)).size).toBe(afterLink.groups.length);
    expect(nextGroupId(afterLink)).toBe('g4');
    const accepted = acceptSuggestionsAbove(once, 0.9);
    expect(accepted.groups[1]!.status).toBe('confirmed');
    expect(acceptSuggestionsAbove(once, 0.95)).toBe(once);
  });
});
