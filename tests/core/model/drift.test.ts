/**
 * Source drift on the committed alignment of the seeds (issue 14): each edit a user or git
 * makes to a seed under a saved alignment, and a property test over random edits. The rule
 * checked everywhere: no grouped sentence lands on a different text silently. Each member
 * sentence is either found again with its text (up to line endings, Unicode normalisation
 * and whitespace), or listed in the report as changed (old and new text) or lost (group and text).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseAlignment } from '../../../src/core/model/parse.js';
import { reanchorDocument, replayOverrides, similarityWork, type ReanchorReport } from '../../../src/core/model/reanchor.js';
import { createAlignment } from '../../../src/core/model/create.js';
import { splitSentence } from '../../../src/core/model/operations.js';
import { findViolations } from '../../../src/core/model/invariants.js';
import { serializeAlignment } from '../../../src/core/model/serialize.js';
import { searchWork, textKey } from '../../../src/core/model/text-match.js';
import type { Alignment } from '../../../src/core/model/types.js';
import { segment } from '../../../src/core/text/segment.js';
import { sha256 } from '../../../src/io/hash.js';
import { REPO_ROOT } from '../../helpers/seeds.js';
import { planReanchoring } from '../../../src/core/check/sources.js';

const committed = (() => {
  const parsed = parseAlignment(readFileSync(join(REPO_ROOT, 'alignments', 'seeds.align.json'), 'utf8'));
  if (!parsed.ok) throw new Error('the committed alignment does not parse');
  return parsed.alignment;
})();
const sourceOf = (doc: string) => readFileSync(join(REPO_ROOT, 'alignments', committed.documents.find((d) => d.id === doc)!.path), 'utf8');
const spansOf = (a: Alignment, doc: string) => a.documents.find((d) => d.id === doc)!.sentences;

/** Every way a member sentence can land on a text other than its recorded one without the report saying so. */
function silentMisplacements(before: Alignment, after: Alignment, report: ReanchorReport, newText: string): string[] {
  const doc = report.doc;
  const problems: string[] = [];
  const spans = spansOf(after, doc);
  for (const group of before.groups) {
    const old = group.members.find((m) => m.doc === doc);
    if (!old) continue;
    const now = after.groups.find((g) => g.id === group.id);
    if (!now) {
      if (!report.dissolvedGroups.includes(group.id)) problems.push(`${group.id} vanished without being reported dissolved`);
      continue;
    }
    const lost = report.lost.filter((l) => l.group === group.id).map((l) => textKey(l.text ?? ''));
    const changed = report.changed.filter((c) => c.groups.includes(group.id));
    const expected = old.texts!.map(textKey).filter((k) => !lost.includes(k) && !changed.some((c) => textKey(c.text) === k));
    const actual = (now.members.find((m) => m.doc === doc)?.sentences ?? []).map((s) => textKey(newText.slice(...spans[s]!)));
    for (const k of expected) if (!actual.includes(k)) problems.push(`${group.id} lost "${k.slice(0, 40)}" silently`);
    for (const k of actual) {
      if (!old.texts!.map(textKey).includes(k) && !changed.some((c) => textKey(c.newText) === k)) problems.push(`${group.id} now holds "${k.slice(0, 40)}" silently`);
    }
  }
  return problems;
}

/** Every override of the document replays onto a fresh segmentation to the document's sentences. */
function replaysCleanly(after: Alignment, doc: string, newText: string): boolean {
  const own = after.overrides.filter((o) => o.doc === doc);
  const { sentences, dropped } = replayOverrides(newText, segment(newText, after.documents.find((d) => d.id === doc)!.lang), own);
  return dropped.length === 0 && JSON.stringify(sentences) === JSON.stringify(spansOf(after, doc));
}

function drift(doc: string, edit: (text: string) => string) {
  const changed = edit(sourceOf(doc));
  const result = reanchorDocument(committed, doc, changed, sha256(changed), segment);
  return { ...result, changed };
}

const sentence = (doc: string, i: number) => sourceOf(doc).slice(...spansOf(committed, doc)[i]!);
/** The first confirmed group with two sentences of `doc`. */
const twoSentenceMember = (doc: string) => committed.groups.find((g) => g.status === 'confirmed' && g.members.some((m) => m.doc === doc && m.sentences.length === 2))!;

const EDITS: Record<string, (doc: string) => (text: string) => string> = {
  'one sentence inserted at the start': () => (t) => `Une phrase ajoutée au début. ${t}`,
  'a paragraph inserted at the start': () => (t) => `Un paragraphe ajouté.\n\n${t}`,
  'two paragraphs swapped': () => (t) => {
    const p = t.split('\n\n');
    [p[1], p[2]] = [p[2]!, p[1]!];
    return p.join('\n\n');
  },
  'CRLF line endings (git autocrlf)': () => (t) => t.replace(/\n/g, '\r\n'),
  'NFD normalisation': () => (t) => t.normalize('NFD'),
  'whitespace changes': () => (t) => t.replace(/ /g, '  ').replace(/\n/g, ' \n'),
  'lines re-wrapped at 60 columns': () => (t) =>
    t
      .split('\n')
      .map((line) => line.replace(/(.{1,60})(\s+|$)/g, (_m, chunk: string, space: string) => (space ? `${chunk}\n` : chunk)).replace(/\n$/, ''))
      .join('\n'),
  'a duplicated sentence': (doc) => (t) => {
    const [s, e] = spansOf(committed, doc)[2]!;
    return `${t.slice(0, e)} ${t.slice(s, e)}${t.slice(e)}`;
  },
};

describe('drift of a seed under the committed alignment', () => {
  const docs = ['fr-003', 'it-000', 'it-001'];
  for (const [name, make] of Object.entries(EDITS)) {
    for (const doc of docs) {
      it(`${name} (${doc}): every member keeps its text, overrides move with it`, () => {
        const { alignment, report, changed } = drift(doc, make(doc));
        expect(findViolations(alignment)).toEqual([]);
        expect(silentMisplacements(committed, alignment, report, changed)).toEqual([]);
        expect(report).toMatchObject({ fuzzy: 0, lost: [], lostOverrides: [], dissolvedGroups: [] });
        if (name.startsWith('lines re-wrapped')) {
          // Each grouped sentence now broken over lines is kept whole by joins recorded as overrides.
          expect(report.recut).toBeGreaterThan(0);
          expect(report.addedOverrides).toBeGreaterThan(0);
        } else expect(alignment.overrides.filter((o) => o.doc === doc)).toHaveLength(committed.overrides.filter((o) => o.doc === doc).length);
        expect(replaysCleanly(alignment, doc, changed)).toBe(true);
      });
    }
  }

  it('the cut sentences of fr-003 keep their cut after an insertion (not "mmes Anonymous. Nous")', () => {
    const { alignment, changed } = drift('fr-003', EDITS['one sentence inserted at the start']!('fr-003'));
    const spans = spansOf(alignment, 'fr-003');
    const texts = spans.map((s) => changed.slice(...s));
    for (const wanted of ['«Nous sommes Anonymous.', 'Nous n’oublions pas.', 'Nous ne pardonnons pas.', 'Terroristes, redoutez nous.»']) expect(texts).toContain(wanted);
    const g11 = alignment.groups.find((g) => g.id === 'g11')!.members.find((m) => m.doc === 'fr-003')!;
    expect(changed.slice(...spans[g11.sentences[0]!]!)).toBe('«Nous sommes Anonymous.');
  });

  it('a sentence deleted from a two-sentence member: the other stays, the deleted one is reported by group and text', () => {
    for (const doc of ['fr-003', 'it-001']) {
      const group = twoSentenceMember(doc);
      const member = group.members.find((m) => m.doc === doc)!;
      const gone = sentence(doc, member.sentences[1]!);
      const { alignment, report, changed } = drift(doc, (t) => {
        const [s, e] = spansOf(committed, doc)[member.sentences[1]!]!;
        return t.slice(0, s) + t.slice(e);
      });
      expect(findViolations(alignment)).toEqual([]);
      expect(silentMisplacements(committed, alignment, report, changed)).toEqual([]);
      expect(report.lost).toEqual([{ doc, sentence: member.sentences[1], group: group.id, text: gone }]);
      const kept = alignment.groups.find((g) => g.id === group.id)!.members.find((m) => m.doc === doc)!;
      expect(kept.sentences.map((s) => changed.slice(...spansOf(alignment, doc)[s]!))).toEqual([sentence(doc, member.sentences[0]!)]);
      expect(replaysCleanly(alignment, doc, changed)).toBe(true);
    }
  });

  it('an override whose text is deleted is reported with the text it cut', () => {
    // fr-003 sentence 12 ("Nous n’oublions pas.") exists only because of the split at its start.
    const [s, e] = spansOf(committed, 'fr-003')[12]!;
    const { report } = drift('fr-003', (t) => t.slice(0, s) + t.slice(e));
    expect(report.lostOverrides).toEqual([expect.objectContaining({ reason: 'text-gone', override: expect.objectContaining({ op: 'split', at: s }) })]);
    expect(report.lostOverrides[0]!.context).toContain('Nous n’oublions pas.');
    expect(report.droppedOverrides).toEqual([report.lostOverrides[0]!.override]);
  });

  it('an edited sentence is re-attached only with its old and new text in the report', () => {
    const old = sentence('en-002', 2);
    const { alignment, report, changed } = drift('en-002', (t) => t.replace(old, old.replace('roughly', 'about')));
    expect(report.changed).toEqual([expect.objectContaining({ sentence: 2, groups: ['g17'], text: old, newText: old.replace('roughly', 'about') })]);
    expect(silentMisplacements(committed, alignment, report, changed)).toEqual([]);
  });

  it('saving and re-anchoring again changes nothing', () => {
    const { alignment, changed } = drift('fr-003', EDITS['one sentence inserted at the start']!('fr-003'));
    const texts = new Map(committed.documents.map((d) => [d.id, d.id === 'fr-003' ? changed : sourceOf(d.id)]));
    const reread = parseAlignment(serializeAlignment(alignment, texts));
    if (!reread.ok) throw new Error('does not parse');
    const again = reanchorDocument(reread.alignment, 'fr-003', changed, sha256(changed), segment);
    expect(again.report).toMatchObject({ moved: 0, fuzzy: 0, lost: [], lostOverrides: [], movedOverrides: 0, addedOverrides: 0 });
    expect(spansOf(again.alignment, 'fr-003')).toEqual(spansOf(alignment, 'fr-003'));
  });
});

describe('several documents drifting at once', () => {
  it('a group dissolved by one document still lends its recorded text to the cuts of the next', () => {
    // it-000 loses the sentence of g12 (so g12 is dissolved first); fr-003's split after g12's
    // French sentence is known only from g12's recorded text, and must still move.
    const [s, e] = spansOf(committed, 'it-000')[10]!;
    const itText = sourceOf('it-000').slice(0, s) + sourceOf('it-000').slice(e);
    const frText = `Une phrase ajoutée au début. ${sourceOf('fr-003')}`;
    const texts = new Map(committed.documents.map((d) => [d.id, d.id === 'it-000' ? itText : d.id === 'fr-003' ? frText : sourceOf(d.id)]));
    const changed = new Map([['it-000', sha256(itText)], ['fr-003', sha256(frText)]]);
    const plan = planReanchoring(committed, ['it-000', 'fr-003'], { texts, missing: [], changed }, segment);
    const [it, fr] = plan.reports;
    expect(it!.dissolvedGroups).toEqual(['g12']);
    expect(fr!.lostOverrides).toEqual([]);
    expect(replaysCleanly(plan.alignment, 'fr-003', frText)).toBe(true);
    const spans = spansOf(plan.alignment, 'fr-003');
    expect(spans.map((x) => frText.slice(...x))).toContain('Terroristes, redoutez nous.»');
  });
});

/** Random edits of a document's text, as people and tools make them. */
const editArb = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), words: fc.constantFrom('Une phrase de plus.', 'Ancora una frase.', 'Another line here!', 'Nous sommes là.') }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('swap' as const), a: fc.nat(), b: fc.nat() }),
  fc.record({ kind: fc.constant('crlf' as const) }),
  fc.record({ kind: fc.constant('nfd' as const) }),
  fc.record({ kind: fc.constant('whitespace' as const), at: fc.nat(), what: fc.constantFrom('  ', ' \n', '\t', '\u00a0') }),
);
type Edit = typeof editArb extends fc.Arbitrary<infer T> ? T : never;

function applyEdit(text: string, lang: string, edit: Edit): string {
  const spans = segment(text, lang);
  const pick = (n: number) => spans[n % spans.length]!;
  switch (edit.kind) {
    case 'insert': {
      const [s] = pick(edit.at);
      return `${text.slice(0, s)}${edit.words} ${text.slice(s)}`;
    }
    case 'delete': {
      const [s, e] = pick(edit.at);
      return text.slice(0, s) + text.slice(e);
    }
    case 'duplicate': {
      const [s, e] = pick(edit.at);
      return `${text.slice(0, e)} ${text.slice(s, e)}${text.slice(e)}`;
    }
    case 'swap': {
      const paragraphs = text.split(/\n\n/);
      const a = edit.a % paragraphs.length;
      const b = edit.b % paragraphs.length;
      [paragraphs[a], paragraphs[b]] = [paragraphs[b]!, paragraphs[a]!];
      return paragraphs.join('\n\n');
    }
    case 'crlf':
      return text.replace(/\r?\n/g, '\r\n');
    case 'nfd':
      return text.normalize('NFD');
    case 'whitespace': {
      // Replace the space at or after a point (inside a sentence, usually) with other whitespace.
      const i = text.indexOf(' ', edit.at % Math.max(1, text.length));
      return i < 0 ? text : text.slice(0, i) + edit.what + text.slice(i + 1);
    }
  }
}

/** The committed file saved again (format version 2: overrides record the text around their cut). */
const resaved = (() => {
  const texts = new Map(committed.documents.map((d) => [d.id, sourceOf(d.id)]));
  const parsed = parseAlignment(serializeAlignment(committed, texts));
  if (!parsed.ok) throw new Error('does not parse');
  return parsed.alignment;
})();

describe('drift property: no member lands on a different text silently', () => {
  for (const [name, saved] of [['version 1 file (contexts from member texts)', committed], ['version 2 file (recorded contexts)', resaved]] as const) {
    it(`holds for random edit sequences of every seed, ${name}`, () => {
      fc.assert(
        fc.property(fc.constantFrom(...saved.documents.map((d) => d.id)), fc.array(editArb, { minLength: 1, maxLength: 4 }), (doc, edits) => {
          const lang = saved.documents.find((d) => d.id === doc)!.lang;
          const changed = edits.reduce((t, e) => applyEdit(t, lang, e), sourceOf(doc));
          const { alignment, report } = reanchorDocument(saved, doc, changed, sha256(changed), segment);
          expect(findViolations(alignment)).toEqual([]);
          expect(silentMisplacements(saved, alignment, report, changed)).toEqual([]);
          expect(replaysCleanly(alignment, doc, changed)).toBe(true);
          // Overrides are either carried over or reported.
          const own = saved.overrides.filter((o) => o.doc === doc).length;
          expect(alignment.overrides.filter((o) => o.doc === doc).length + report.lostOverrides.length).toBeGreaterThanOrEqual(own);
        }),
        { numRuns: 200 },
      );
    });
  }
});

describe('re-anchoring work grows linearly with the document', () => {
  /** A document of n distinct sentences in paragraphs of five, linked sentence by sentence to a copy, with a split per 50 sentences. */
  function large(n: number) {
    const pool = sourceOf('fr-003').split(/(?<=[.!?])\s+/).filter((x) => x.length > 30);
    const paragraphs: string[] = [];
    for (let i = 0; i < n; i += 5) paragraphs.push(Array.from({ length: Math.min(5, n - i) }, (_, k) => `${pool[(i + k) % pool.length]!.replace(/[.!?»]+$/, '')} (${i + k}).`).join(' '));
    const text = paragraphs.join('\n\n');
    let a = createAlignment([{ id: 'a', path: 'a.txt', lang: 'fr', text, sha256: sha256(text) }, { id: 'b', path: 'b.txt', lang: 'fr', text, sha256: sha256(text) }], segment);
    for (let i = a.documents[0]!.sentences.length - 1; i >= 0; i -= 50) {
      const [s, e] = a.documents[0]!.sentences[i]!;
      const at = text.indexOf(' ', s + Math.floor((e - s) / 2)) + 1;
      if (at > s && at < e - 1) a = splitSentence(a, { doc: 'a', sentence: i }, at, text);
    }
    const count = a.documents[0]!.sentences.length;
    a = { ...a, groups: Array.from({ length: Math.floor(count / 2) }, (_, g) => ({ id: `g${g + 1}`, status: 'confirmed' as const, origin: 'manual' as const, members: [{ doc: 'a', sentences: [2 * g] }, { doc: 'b', sentences: [2 * g] }] })) };
    const parsed = parseAlignment(serializeAlignment(a, new Map([['a', text], ['b', text]])));
    if (!parsed.ok) throw new Error('does not parse');
    return { alignment: parsed.alignment, text };
  }
  const edits: Record<string, (t: string) => string> = {
    'paragraphs deleted': (t) => t.split('\n\n').filter((_, i) => i % 7 !== 2).join('\n\n'),
    'lines re-wrapped': (t) => t.split('\n').map((l) => l.replace(/(.{1,70})(\s+|$)/g, (_m, c: string, sp: string) => (sp ? `${c}\n` : c)).replace(/\n$/, '')).join('\n'),
    'sentences edited': (t) => t.replace(/ \((\d+)\)\./g, (_m, n: string) => (Number(n) % 9 === 0 ? ` (${n}) modifié.` : ` (${n}).`)),
  };
  for (const [name, edit] of Object.entries(edits)) {
    it(`${name}: searched text and similarity calls at 2x the size stay within 2.5x`, () => {
      const work = [1000, 2000].map((n) => {
        const { alignment, text } = large(n);
        const changed = edit(text);
        searchWork.scanned = 0;
        similarityWork.calls = 0;
        reanchorDocument(alignment, 'a', changed, sha256(changed), segment);
        return { scanned: searchWork.scanned, calls: similarityWork.calls };
      });
      expect(work[1]!.scanned).toBeLessThanOrEqual(2.5 * work[0]!.scanned + 10_000);
      expect(work[1]!.calls).toBeLessThanOrEqual(2.5 * work[0]!.calls + 100);
    });
  }
});
