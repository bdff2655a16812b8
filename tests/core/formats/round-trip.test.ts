/**
 * Export, then import: the same groups and texts come back, for every format that carries
 * them (TMX: also ids, status, origin, score and note; TSV/CSV: the texts of each row;
 * beads: the sentence indices of each group in two documents).
 */
import { describe, expect, it } from 'vitest';
import { exportBeads, parseBeads } from '../../../src/core/formats/beads.js';
import { exportDelimited, importDelimited } from '../../../src/core/formats/delimited.js';
import { alignmentFromBeads, alignmentFromUnits } from '../../../src/core/formats/imported.js';
import { expandUnits, selectGroups } from '../../../src/core/formats/selection.js';
import { exportTmx } from '../../../src/core/formats/tmx-export.js';
import { importTmx } from '../../../src/core/formats/tmx-import.js';
import type { ExportInput, SelectionOptions } from '../../../src/core/formats/types.js';
import { exportJson, importJson } from '../../../src/core/formats/json.js';
import { exportJsonl, importJsonl } from '../../../src/core/formats/jsonl.js';
import { exportMoses, importMoses } from '../../../src/core/formats/moses.js';
import { findViolations } from '../../../src/core/model/invariants.js';
import { hostileFixture, seedsFixture, sha } from './fixtures.js';

/** What an export carries: per unit, its id and group data and one text per language. */
function carried(input: ExportInput, options: SelectionOptions = {}) {
  return expandUnits(selectGroups(input, { status: 'all', ...options })).units.map((u) => ({
    id: u.id,
    status: u.group.status,
    origin: u.group.origin,
    score: u.group.score,
    note: u.group.note,
    text: Object.fromEntries([...u.byLang].map(([lang, v]) => [lang, v.text])),
  }));
}

/**
 * What a TMX round trip keeps, per group: its id and group data and, per language, the texts of
 * its documents' members (a group with two documents of one language comes back as one group,
 * both texts in that language's document, none of the other languages' texts repeated).
 */
function carriedGroups(input: ExportInput) {
  return selectGroups(input, { status: 'all' }).groups.map(({ group, byLang }) => ({
    id: group.id,
    status: group.status,
    origin: group.origin,
    score: group.score,
    note: group.note,
    text: Object.fromEntries([...byLang].map(([lang, variants]) => [lang, variants.map((v) => v.text).join(' ')])),
  }));
}

const pathFor = (lang: string) => `back.${lang}.txt`;

for (const [name, fixture] of [['seeds', seedsFixture], ['hostile texts', hostileFixture]] as const) {
  describe(`round trip (${name})`, () => {
    const original = fixture();

    it('TMX: export then import gives back the same groups, texts and group data', () => {
      const xml = exportTmx(original, { status: 'all', toolVersion: '1', creationDate: new Date(0) }).output as string;
      const back = alignmentFromUnits(importTmx(xml).units, { pathFor, hash: sha });
      expect(findViolations(back.alignment)).toEqual([]);
      const before = carriedGroups(original);
      expect(before.length).toBeGreaterThan(3);
      expect(carriedGroups(back)).toEqual(before);
      // No sentence is in two groups, and no text was written twice into a document.
      for (const doc of back.alignment.documents) {
        const lines = back.texts.get(doc.id)!.split('\n').filter((l) => l !== '');
        expect(new Set(lines).size, doc.id).toBe(lines.length);
      }
    });

    it('JSON: every member text comes back as one sentence of its language, in the same group with the same data', () => {
      const json = exportJson(original, { status: 'all' }).output as string;
      const back = alignmentFromUnits(importJson(json).units, { pathFor, hash: sha });
      expect(findViolations(back.alignment)).toEqual([]);
      const exported = JSON.parse(json).groups.map((g: { id: string; status: string; origin: string; score: number | null; note: string | null; members: { lang: string; text: string }[] }) => ({
        id: g.id,
        status: g.status,
        origin: g.origin,
        score: g.score ?? undefined,
        note: g.note ?? undefined,
        texts: g.members.map((m) => [m.lang, m.text]),
      }));
      const imported = back.alignment.groups.map((g) => ({
        id: g.id,
        status: g.status,
        origin: g.origin,
        score: g.score,
        note: g.note,
        texts: g.members.flatMap((m) => {
          const doc = back.alignment.documents.find((d) => d.id === m.doc)!;
          return m.sentences.map((s) => [doc.lang, back.texts.get(doc.id)!.slice(doc.sentences[s]![0], doc.sentences[s]![1])]);
        }),
      }));
      const sortTexts = (gs: { texts: string[][] }[]) => gs.map((g) => ({ ...g, texts: [...g.texts].sort() }));
      expect(sortTexts(imported)).toEqual(sortTexts(exported));
      expect(imported.length).toBeGreaterThan(3);
    });

    it('JSONL and Moses: export then import gives back the same units of texts', () => {
      const pair = { pair: ['it', 'fr'] as [string, string] };
      const jsonl = exportJsonl(original, { status: 'all', ...pair }).output as string;
      const fromJsonl = alignmentFromUnits(importJsonl(jsonl).units, { pathFor, hash: sha });
      const strip = (rows: ReturnType<typeof carried>) => rows.map((r) => ({ id: r.id, text: r.text }));
      expect(strip(carried(fromJsonl, pair))).toEqual(strip(carried(original, pair)));
      const moses = exportMoses(original, { status: 'all', ...pair }).output as Map<string, string>;
      const fromMoses = alignmentFromUnits(importMoses([...moses].map(([lang, text]) => ({ lang, name: `corpus.${lang}`, text }))).units, { pathFor, hash: sha });
      const texts = (rows: ReturnType<typeof carried>) => rows.map((r) => r.text);
      expect(texts(carried(fromMoses, pair))).toEqual(texts(carried(original, pair)));
      expect(texts(carried(original, pair)).length).toBeGreaterThan(2);
    });

    for (const kind of ['tsv', 'csv'] as const) {
      it(`${kind.toUpperCase()}: export then import gives back the same rows of texts (formula cells included)`, () => {
        const exported = exportDelimited(kind, original, { status: 'all' });
        const back = alignmentFromUnits(importDelimited(kind, exported.output as string).units, { pathFor, hash: sha });
        expect(findViolations(back.alignment)).toEqual([]);
        const texts = (rows: ReturnType<typeof carried>) => rows.map((r) => r.text);
        expect(texts(carried(back))).toEqual(texts(carried(original)));
      });
    }
  });
}

describe('round trip (beads)', () => {
  it('exports two seed documents and their groups as beads, and reads back the same groups', () => {
    const original = seedsFixture();
    const result = exportBeads(original, { pair: ['it-000', 'fr-003'] });
    const files = result.output as Map<string, string>;
    expect([...files.keys()]).toEqual(['it', 'fr', 'beads']);
    const back = alignmentFromBeads(
      { id: 'it-000', lang: 'it', path: 'b.it', text: files.get('it')!, name: 'b.it' },
      { id: 'fr-003', lang: 'fr', path: 'b.fr', text: files.get('fr')!, name: 'b.fr' },
      parseBeads(files.get('beads')!),
      { hash: sha, status: 'confirmed' },
    );
    expect(findViolations(back.alignment)).toEqual([]);
    // Every sentence is one line, so line numbers are the original sentence indices.
    expect(back.alignment.documents.map((d) => d.sentences.length)).toEqual(
      ['it-000', 'fr-003'].map((id) => original.alignment.documents.find((d) => d.id === id)!.sentences.length),
    );
    const members = (input: ExportInput) =>
      selectGroups(input, { pair: ['it', 'fr'] }).groups.map((g) => [...g.byLang.values()].flat().map((v) => [v.doc, v.sentences, v.text]));
    const restricted = { ...original, alignment: { ...original.alignment, documents: original.alignment.documents.filter((d) => d.id === 'it-000' || d.id === 'fr-003') } };
    expect(members(back).sort()).toEqual(members(restricted).sort());
    expect(members(back)).toHaveLength(2); // the slogan and the first combination of two-it
  });
});
