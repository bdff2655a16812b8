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
import type { ExportInput } from '../../../src/core/formats/types.js';
import { findViolations } from '../../../src/core/model/invariants.js';
import { hostileFixture, seedsFixture, sha } from './fixtures.js';

/** What an export carries: per unit, its id and group data and one text per language. */
function carried(input: ExportInput) {
  return expandUnits(selectGroups(input, { status: 'all' })).units.map((u) => ({
    id: u.id,
    status: u.group.status,
    origin: u.group.origin,
    score: u.group.score,
    note: u.group.note,
    text: Object.fromEntries([...u.byLang].map(([lang, v]) => [lang, v.text])),
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
      const before = carried(original);
      expect(before.length).toBeGreaterThan(3);
      expect(carried(back)).toEqual(before);
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
