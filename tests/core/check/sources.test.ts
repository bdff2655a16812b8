import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { textDrift, type SourceState } from '../../../src/core/check/sources.js';
import type { Alignment, Group } from '../../../src/core/model/types.js';
import { seedsAlignment } from '../../helpers/seeds.js';

/**
 * The seeds with recorded member texts, as a saved file has them: it-000 sentence i with
 * en-002 sentence i (one sentence each), and fr-003 sentences i, i+1 with it-001 sentence i.
 */
function recordedAlignment(): { alignment: Alignment; texts: Map<string, string> } {
  const { alignment, texts } = seedsAlignment();
  const spans = new Map(alignment.documents.map((d) => [d.id, d.sentences]));
  const member = (doc: string, sentences: number[]) => ({ doc, sentences, texts: sentences.map((s) => texts.get(doc)!.slice(...spans.get(doc)![s]!)) });
  const count = (doc: string) => spans.get(doc)!.length;
  const groups: Group[] = [];
  for (let i = 0; i < Math.min(count('it-000'), count('en-002')); i++) {
    groups.push({ id: `a${i}`, status: 'confirmed', origin: 'manual', members: [member('it-000', [i]), member('en-002', [i])] });
  }
  for (let i = 0; i + 1 < Math.min(count('fr-003'), count('it-001')); i += 2) {
    groups.push({ id: `b${i}`, status: 'suggested', origin: 'auto', score: 0.5, members: [member('fr-003', [i, i + 1]), member('it-001', [i])] });
  }
  const bookmarks = [{ doc: 'en-002', sentence: 3, text: texts.get('en-002')!.slice(...spans.get('en-002')![3]!) }];
  return { alignment: { ...alignment, groups, bookmarks }, texts };
}

function state(texts: Map<string, string>, changed: string[] = []): SourceState {
  return { texts, missing: [], changed: new Map(changed.map((doc) => [doc, 'f'.repeat(64)])) };
}

/** The definition, written out: every recorded text against a slice of the current text. */
function naiveDrift(alignment: Alignment, texts: Map<string, string>): Map<string, { mismatches: number; first: (string | number)[] }> {
  const out = new Map<string, { mismatches: number; first: (string | number)[] }>();
  const spans = new Map(alignment.documents.map((d) => [d.id, d.sentences]));
  const note = (doc: string, path: (string | number)[]) => {
    const seen = out.get(doc);
    out.set(doc, seen ? { ...seen, mismatches: seen.mismatches + 1 } : { mismatches: 1, first: path });
  };
  alignment.groups.forEach((g, gi) =>
    g.members.forEach((m, mi) =>
      m.texts?.forEach((t, i) => {
        if (texts.get(m.doc)!.slice(...spans.get(m.doc)![m.sentences[i]!]!) !== t) note(m.doc, ['groups', gi, 'members', mi, 'texts', i]);
      }),
    ),
  );
  alignment.bookmarks.forEach((b, bi) => {
    if (b.text !== undefined && texts.get(b.doc)!.slice(...spans.get(b.doc)![b.sentence]!) !== b.text) note(b.doc, ['bookmarks', bi, 'text']);
  });
  return out;
}

describe('textDrift', () => {
  const { alignment, texts } = recordedAlignment();

  it('finds nothing when the sources still hold the recorded texts', () => {
    expect(alignment.groups.length).toBeGreaterThan(20);
    expect(textDrift(alignment, state(texts))).toEqual({ findings: [], drift: new Map() });
  });

  it('counts recorded texts that differ by one character, in one- and two-byte texts alike, and names the first', () => {
    const it000 = texts.get('it-000')!;
    const [start, end] = alignment.documents.find((d) => d.id === 'it-000')!.sentences[5]!;
    for (const replacement of ['x', 'è', '—', '€']) {
      for (const at of [start, end - 1]) {
        const original = it000[at]!;
        const changed = new Map(texts).set('it-000', it000.slice(0, at) + (original === replacement ? 'y' : replacement) + it000.slice(at + 1));
        const { findings, drift } = textDrift(alignment, state(changed));
        expect(findings).toEqual([]);
        expect([...drift]).toEqual([['it-000', { mismatches: 1, first: ['groups', 5, 'members', 0, 'texts', 0], where: 'group a5' }]]);
      }
    }
  });

  it('checks the second sentence of a member and bookmarks too, and skips documents whose hash changed', () => {
    const fr = alignment.documents.find((d) => d.id === 'fr-003')!;
    const [start] = fr.sentences[3]!;
    const frText = texts.get('fr-003')!;
    const changed = new Map(texts).set('fr-003', `${frText.slice(0, start)}Z${frText.slice(start + 1)}`);
    const first = alignment.groups.findIndex((g) => g.id === 'b2');
    expect(textDrift(alignment, state(changed)).drift.get('fr-003')).toEqual({ mismatches: 1, first: ['groups', first, 'members', 0, 'texts', 1], where: 'group b2' });
    expect(textDrift(alignment, state(changed, ['fr-003'])).drift.size).toBe(0);

    const en = alignment.documents.find((d) => d.id === 'en-002')!;
    const enText = texts.get('en-002')!;
    const [s3] = en.sentences[3]!;
    const enChanged = new Map(texts).set('en-002', `${enText.slice(0, s3)}Q${enText.slice(s3 + 1)}`);
    expect(textDrift(alignment, state(enChanged)).drift.get('en-002')).toEqual({ mismatches: 2, first: ['groups', 3, 'members', 1, 'texts', 0], where: 'group a3' });
    const noGroups = { ...alignment, groups: [] };
    expect(textDrift(noGroups, state(enChanged)).drift.get('en-002')).toEqual({ mismatches: 1, first: ['bookmarks', 0, 'text'], where: 'bookmark 0' });
  });

  it('reports spans past the end of a shortened text as bad-spans and leaves that document out', () => {
    const en = alignment.documents.findIndex((d) => d.id === 'en-002');
    const short = texts.get('en-002')!.slice(0, 100);
    const past = alignment.documents[en]!.sentences.findIndex(([, e]) => e > 100);
    const { findings, drift } = textDrift(alignment, state(new Map(texts).set('en-002', short)));
    expect(findings).toEqual([
      { rule: 'bad-spans', path: ['documents', en, 'sentences', past], message: `sentence ${past} of "en-002" ends at ${alignment.documents[en]!.sentences[past]![1]}, past the end of its 100-character text` },
    ]);
    expect(drift.has('en-002')).toBe(false);
  });

  it('agrees with slicing every recorded text after random edits (replacements, insertions, deletions)', () => {
    const docs = ['it-000', 'en-002', 'fr-003', 'it-001'];
    const edit = fc.record({
      doc: fc.constantFrom(...docs),
      at: fc.nat(),
      remove: fc.integer({ min: 0, max: 2 }),
      insert: fc.constantFrom('', 'a', 'é', '’', '😀', ' '),
    });
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 3 }), (edits) => {
        const changed = new Map(texts);
        for (const e of edits) {
          const text = changed.get(e.doc)!;
          const at = e.at % (text.length + 1);
          changed.set(e.doc, text.slice(0, at) + e.insert + text.slice(at + e.remove));
        }
        // Keep every text at least as long as before so that no span runs past its end.
        for (const doc of docs) if (changed.get(doc)!.length < texts.get(doc)!.length) changed.set(doc, changed.get(doc)!.padEnd(texts.get(doc)!.length, ' '));
        const { findings, drift } = textDrift(alignment, state(changed));
        expect(findings).toEqual([]);
        const expected = naiveDrift(alignment, changed);
        expect(new Map([...drift].map(([doc, d]) => [doc, { mismatches: d.mismatches, first: d.first }]))).toEqual(expected);
      }),
      { numRuns: 150 },
    );
  });
});
