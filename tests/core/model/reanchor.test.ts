import { describe, expect, it } from 'vitest';
import { reanchorDocument, replayOverrides, similarity } from '../../../src/core/model/reanchor.js';
import { link, splitSentence, toggleBookmark } from '../../../src/core/model/operations.js';
import { serializeAlignment } from '../../../src/core/model/serialize.js';
import { parseAlignment } from '../../../src/core/model/parse.js';
import { findViolations } from '../../../src/core/model/invariants.js';
import { segment } from '../../../src/core/text/segment.js';
import { sha256 } from '../../../src/io/hash.js';
import type { Alignment } from '../../../src/core/model/types.js';
import { findSentence, seedsAlignment } from '../../helpers/seeds.js';

const { alignment: base, texts } = seedsAlignment();
const frText = texts.get('fr-003')!;

/** As written to disk and read back: member texts recorded. */
function persisted(a: Alignment): Alignment {
  const r = parseAlignment(serializeAlignment(a, texts));
  if (!r.ok) throw new Error('bad fixture');
  return r.alignment;
}

const slogan = findSentence(base, texts, 'fr-003', 'On ne pardonne pas');
const nice = findSentence(base, texts, 'fr-003', 'Deux vidéos');
const sloganIt = findSentence(base, texts, 'it-000', 'Non perdoniamo.');
const saved = persisted(
  toggleBookmark(
    link(link(base, [{ doc: 'it-000', sentence: sloganIt }, { doc: 'fr-003', sentence: slogan }]).alignment, [
      { doc: 'fr-003', sentence: nice },
      { doc: 'en-002', sentence: 1 },
    ]).alignment,
    { doc: 'fr-003', sentence: nice },
  ),
);

describe('re-anchoring after source drift', () => {
  it('finds sentences again exactly after text is inserted before them', () => {
    const changed = `Un nouveau paragraphe en tête. Il ajoute deux phrases.\n\n${frText}`;
    const { alignment, report } = reanchorDocument(saved, 'fr-003', changed, sha256(changed), segment);
    expect(findViolations(alignment)).toEqual([]);
    expect(report).toMatchObject({ exact: 2, fuzzy: 0, lost: [], dissolvedGroups: [] });
    const fr = alignment.documents.find((d) => d.id === 'fr-003')!;
    const member = alignment.groups[0]!.members.find((m) => m.doc === 'fr-003')!;
    const [s, e] = fr.sentences[member.sentences[0]!]!;
    expect(changed.slice(s, e)).toContain('On ne pardonne pas');
    expect(fr.sha256).toBe(sha256(changed));
    expect(alignment.bookmarks[0]!.sentence).toBe(member.sentences[0]! - slogan + nice);
  });

  it('re-anchors an edited sentence fuzzily and reports a deleted one as lost', () => {
    const niceSentence = (() => {
      const [s, e] = base.documents.find((d) => d.id === 'fr-003')!.sentences[nice]!;
      return frText.slice(s, e);
    })();
    const [ss, se] = base.documents.find((d) => d.id === 'fr-003')!.sentences[slogan]!;
    const changed = frText
      .replace(niceSentence, niceSentence.replace('partagées', 'diffusées'))
      .replace(frText.slice(ss, se), '');
    const { alignment, report } = reanchorDocument(saved, 'fr-003', changed, sha256(changed), segment);
    expect(findViolations(alignment)).toEqual([]);
    expect(report.fuzzy).toBe(1); // the edited sentence (its group member and its bookmark move together)
    expect(report.lost).toEqual([expect.objectContaining({ doc: 'fr-003', sentence: slogan, group: 'g1' })]);
    expect(report.dissolvedGroups).toEqual(['g1']);
    expect(alignment.groups.map((g) => g.id)).toEqual(['g2']);
  });

  it('replays overrides that still fit and drops those that do not', () => {
    const [s, e] = base.documents.find((d) => d.id === 'fr-003')!.sentences[nice]!;
    const cut = s + frText.slice(s, e).indexOf(',') + 2;
    const split = splitSentence(base, { doc: 'fr-003', sentence: nice }, cut, frText);
    const replayed = replayOverrides(frText, segment(frText, 'fr'), split.overrides);
    expect(replayed.dropped).toEqual([]);
    expect(replayed.sentences).toEqual(split.documents.find((d) => d.id === 'fr-003')!.sentences);
    const shortened = frText.slice(0, s);
    expect(replayOverrides(shortened, segment(shortened, 'fr'), split.overrides).dropped).toEqual(split.overrides);
  });

  it('scores similarity', () => {
    expect(similarity('Charlie Hebdo', 'Charlie  hebdo')).toBe(1);
    expect(similarity('Charlie Habdo', 'Charlie Hebdo')).toBeGreaterThan(0.75);
    expect(similarity('abc', 'xyz')).toBe(0);
  });
});
