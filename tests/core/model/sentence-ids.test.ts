/**
 * Format version 2 (issue 10 §3): stable sentence ids keep the saved file's diff small. A
 * split or join changes its document's lines, the override line and the group holding the
 * sentence, never the lines of later groups; version 1 files are read and migrated on save
 * without touching their group lines.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { joinSentences, link, splitSentence, toggleBookmark } from '../../../src/core/model/operations.js';
import { parseAlignment } from '../../../src/core/model/parse.js';
import { reanchorDocument } from '../../../src/core/model/reanchor.js';
import { serializeAlignment } from '../../../src/core/model/serialize.js';
import { idRuns } from '../../../src/core/model/sentence-ids.js';
import { findViolations } from '../../../src/core/model/invariants.js';
import { ModelError, type Alignment } from '../../../src/core/model/types.js';
import { segment } from '../../../src/core/text/segment.js';
import { sha256 } from '../../../src/io/hash.js';
import { REPO_ROOT } from '../../helpers/seeds.js';

const v1Text = readFileSync(join(REPO_ROOT, 'alignments', 'seeds.align.json'), 'utf8');
const read = (text: string): Alignment => {
  const r = parseAlignment(text);
  if (!r.ok || r.problems.length > 0) throw new Error(`does not parse: ${JSON.stringify(r.problems[0])}`);
  return r.alignment;
};
const v1 = read(v1Text);
const texts = new Map(v1.documents.map((d) => [d.id, readFileSync(join(REPO_ROOT, 'alignments', d.path), 'utf8')]));

/** Lines of `after` that are not in `before` (a diff's added lines). */
function changedLines(before: string, after: string): string[] {
  const old = new Set(before.split('\n'));
  return after.split('\n').filter((l) => !old.has(l));
}
/** Groups without the recorded texts (the model's operations do not keep them; the writer refreshes them). */
const bare = (a: Alignment) => a.groups.map((g) => ({ ...g, members: g.members.map(({ texts: _t, ...m }) => m) }));
const groupLines = (text: string) => text.split('\n').filter((l) => l.trimStart().startsWith('{"id": "g'));

describe('format version 2', () => {
  it('reads a version 1 file and writes it as version 2 with the same group lines', () => {
    const v2Text = serializeAlignment(v1, texts);
    expect(v2Text).toContain('"version": 2,');
    expect(groupLines(v2Text)).toEqual(groupLines(v1Text));
    expect(v2Text).not.toContain('"ids"');
    // Overrides now record the text around their cut.
    expect(v2Text).toContain('{"doc": "fr-003", "op": "split", "at": 1515, "context": [');
    const again = read(v2Text);
    expect(again.groups).toEqual(v1.groups);
    expect(serializeAlignment(again, texts)).toBe(v2Text);
  });

  it('a split renumbers no later group: only the document, the split group and the override change', () => {
    const base = read(serializeAlignment(v1, texts));
    const before = serializeAlignment(base, texts);
    // it-000 sentence 1 (group g16) is split; groups of later it-000 sentences keep their lines.
    const [s, e] = base.documents[0]!.sentences[1]!;
    const text = texts.get('it-000')!;
    const at = text.indexOf(' ', s + Math.floor((e - s) / 2)) + 1;
    const split = splitSentence(base, { doc: 'it-000', sentence: 1 }, at, text);
    const after = serializeAlignment(split, texts);
    const changed = changedLines(before, after);
    expect(changed.filter((l) => l.trimStart().startsWith('{"id": "g')).map((l) => /"id": "(g\d+)"/.exec(l)![1])).toEqual(['g16']);
    expect(changed.filter((l) => l.includes('"op": "split"'))).toHaveLength(1);
    expect(changed.filter((l) => l.includes('"sentences": [[') || l.includes('"ids": ['))).toHaveLength(2);
    expect(changed).toHaveLength(4);
    expect(after).toContain(`"ids": [[0, 2], [${base.documents[0]!.sentences.length}, 1], [2, ${base.documents[0]!.sentences.length - 2}]]`);
    // Read back: the same alignment (indices), and the same file again.
    const reread = read(after);
    expect(bare(reread)).toEqual(bare(split));
    expect(findViolations(reread)).toEqual([]);
    expect(serializeAlignment(reread, texts)).toBe(after);
  });

  it('a join removes one id and renumbers no later group', () => {
    const base = read(serializeAlignment(v1, texts));
    const before = serializeAlignment(base, texts);
    // en-002 sentences 0 and 1: 1 is in rejected group g1 only, 0 in none.
    const joined = joinSentences(base, { doc: 'en-002', sentence: 0 });
    const after = serializeAlignment(joined, texts);
    const groups = changedLines(before, after).filter((l) => l.trimStart().startsWith('{"id": "g'));
    const holding = base.groups.filter((g) => g.members.some((m) => m.doc === 'en-002' && m.sentences.some((x) => x <= 1))).map((g) => g.id);
    expect(groups.map((l) => /"id": "(g\d+)"/.exec(l)![1]).sort()).toEqual(holding.sort());
    expect(bare(read(after))).toEqual(bare(joined));
  });

  it('keeps bookmarks and groups on their sentence through several splits and joins', () => {
    let a = read(serializeAlignment(v1, texts));
    const fr = texts.get('fr-003')!;
    a = toggleBookmark(a, { doc: 'fr-003', sentence: 17 }, 'look');
    a = link(a, [{ doc: 'fr-003', sentence: 19 }, { doc: 'en-002', sentence: 0 }]).alignment;
    for (const sentence of [10, 8, 4]) {
      const [s, e] = a.documents[3]!.sentences[sentence]!;
      a = splitSentence(a, { doc: 'fr-003', sentence }, fr.indexOf(' ', s + Math.floor((e - s) / 2)) + 1, fr);
    }
    a = joinSentences(a, { doc: 'fr-003', sentence: 2 });
    const reread = read(serializeAlignment(a, texts));
    expect(bare(reread)).toEqual(bare(a));
    expect(reread.bookmarks.map(({ text: _t, ...b }) => b)).toEqual(a.bookmarks);
  });

  it('keeps the ids of re-anchored sentences: a drifted document changes no group line', () => {
    const base = read(serializeAlignment(v1, texts));
    const before = serializeAlignment(base, texts);
    const changed = `Une phrase ajoutée au début.\n\n${texts.get('fr-003')!}`;
    const { alignment } = reanchorDocument(base, 'fr-003', changed, sha256(changed), segment);
    const after = serializeAlignment(alignment, new Map([...texts, ['fr-003', changed]]));
    expect(groupLines(after)).toEqual(groupLines(before));
    expect(bare(read(after))).toEqual(bare(alignment));
  });

  it('reports sentence ids that do not fit, at their place', () => {
    const [s, e] = v1.documents[0]!.sentences[1]!;
    const it = texts.get('it-000')!;
    const v2 = serializeAlignment(splitSentence(v1, { doc: 'it-000', sentence: 1 }, it.indexOf(' ', s + Math.floor((e - s) / 2)) + 1, it), texts);
    const unknown = parseAlignment(v2.replace('{"doc": "it-000", "sentences": [8]', '{"doc": "it-000", "sentences": [77]'));
    expect(unknown.problems.map((p) => [p.rule, p.message])).toEqual([['sentence-out-of-range', 'group "g9" names sentence id 77 of "it-000", which has no sentence with that id']]);
    const short = parseAlignment(v2.replace(/"ids": \[\[0, 2\], /, '"ids": [[0, 1], '));
    expect(short.problems.map((p) => p.rule)).toContain('bad-spans');
    expect(short.problems.find((p) => p.rule === 'bad-spans')!.message).toBe(`the sentence ids of "it-000" number ${v1.documents[0]!.sentences.length} for ${v1.documents[0]!.sentences.length + 1} sentences`);
  });

  it('writes ids as runs', () => {
    expect(idRuns([0, 1, 2, 18, 3, 4])).toEqual([[0, 3], [18, 1], [3, 2]]);
    expect(idRuns([])).toEqual([]);
  });

  it('round-trips random splits, joins, links and bookmarks: the file gives back every group and bookmark', () => {
    const base = read(serializeAlignment(v1, texts));
    const step = fc.record({ kind: fc.constantFrom('split', 'join', 'link', 'bookmark'), doc: fc.nat(4), sentence: fc.nat(40), other: fc.nat(40), fraction: fc.double({ min: 0.2, max: 0.8, noNaN: true }) });
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 12 }), (steps) => {
        let a = base;
        for (const st of steps) {
          const doc = a.documents[st.doc]!;
          const sentence = st.sentence % doc.sentences.length;
          try {
            if (st.kind === 'split') {
              const [s, e] = doc.sentences[sentence]!;
              a = splitSentence(a, { doc: doc.id, sentence }, s + Math.floor((e - s) * st.fraction), texts.get(doc.id)!);
            } else if (st.kind === 'join') a = joinSentences(a, { doc: doc.id, sentence });
            else if (st.kind === 'link') {
              const other = a.documents[(st.doc + 1) % a.documents.length]!;
              a = link(a, [{ doc: doc.id, sentence }, { doc: other.id, sentence: st.other % other.sentences.length }]).alignment;
            } else a = toggleBookmark(a, { doc: doc.id, sentence });
          } catch (error) {
            // An operation the model refuses leaves the alignment as it was; anything else is a bug.
            if (!(error instanceof ModelError)) throw error;
          }
        }
        const text = serializeAlignment(a, texts);
        const back = read(text);
        expect(bare(back)).toEqual(bare(a));
        expect(back.bookmarks.map(({ text: _t, ...b }) => b)).toEqual(a.bookmarks.map(({ text: _t, ...b }) => b));
        expect(back.documents.map((d) => d.sentences)).toEqual(a.documents.map((d) => d.sentences));
        expect(serializeAlignment(back, texts)).toBe(text);
      }),
      { numRuns: 150 },
    );
  });
});
