import { describe, expect, it } from 'vitest';
import { exportJson } from '../../../src/core/formats/json-export.js';
import { exportJsonl } from '../../../src/core/formats/jsonl-export.js';
import { exportMoses } from '../../../src/core/formats/moses-export.js';
import { hostileFixture, seedsFixture } from './fixtures.js';

describe('JSON export', () => {
  it('writes one object per group with text per language and per member, ids, status, score and what was left out', () => {
    const data = JSON.parse(exportJson(seedsFixture(), { status: 'all' }).output as string);
    expect(data.format).toBe('allinea-export');
    expect(data.version).toBe(1);
    expect(data.languages).toEqual(['it', 'en', 'fr']);
    expect(data.documents.map((d: { id: string }) => d.id)).toEqual(['it-000', 'it-001', 'en-002', 'fr-003', 'en-004']);
    expect(data.groups.map((g: { id: string }) => g.id)).toEqual(['slogan', 'trio', 'two-it', 'g1']);
    expect(data.groups[0]).toEqual({
      id: 'slogan',
      status: 'confirmed',
      origin: 'manual',
      score: null,
      note: 'motto: «Non perdoniamo» <b>&amp; "the same"',
      text: { it: 'Non dimentichiamo. Non perdoniamo.', fr: '«On ne pardonne pas. On n’oublie pas.» : Anonymous en croisade après l’attentat de Nice (VIDEOS)' },
      members: [
        { doc: 'it-000', lang: 'it', sentences: [8, 9], text: 'Non dimentichiamo. Non perdoniamo.' },
        { doc: 'fr-003', lang: 'fr', sentences: [1], text: '«On ne pardonne pas. On n’oublie pas.» : Anonymous en croisade après l’attentat de Nice (VIDEOS)' },
      ],
    });
    const twoIt = data.groups[2];
    expect(twoIt.members.map((m: { doc: string }) => m.doc)).toEqual(['it-000', 'it-001', 'fr-003']);
    expect(twoIt.text.it).toBe(twoIt.members[0].text);
    expect(data.groups[3].score).toBe(0.625);
    expect(data.omitted).toEqual([
      { group: 'it-only', reason: 'single-language', message: 'group it-only has text in it only' },
      { group: 'nope', reason: 'rejected', message: 'group nope is rejected' },
    ]);
  });
});

describe('JSONL export (Hugging Face translation convention)', () => {
  it('writes one {"id", "translation"} line per unit with every selected language', () => {
    const result = exportJsonl(seedsFixture(), { pair: ['it', 'fr'] });
    const lines = (result.output as string).trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.id)).toEqual(['slogan', 'trio', 'two-it', 'two-it.2']);
    for (const line of lines) expect(Object.keys(line.translation)).toEqual(['it', 'fr']);
    expect(lines[0].translation.it).toBe('Non dimentichiamo. Non perdoniamo.');
    expect(result.omitted.map((o) => o.reason)).toEqual(['missing-language', 'suggested', 'rejected']);
  });

  it('leaves out groups missing a language when no pair is given, and says so', () => {
    const result = exportJsonl(seedsFixture());
    expect(result.written).toBe(1);
    expect(result.omitted.filter((o) => o.reason === 'missing-language').map((o) => o.group)).toEqual(['slogan', 'two-it', 'it-only']);
  });
});

describe('Moses export', () => {
  it('writes one file per language with the same number of lines, line i of each being one unit', () => {
    const result = exportMoses(seedsFixture(), { pair: ['it', 'fr'] });
    const files = result.output as Map<string, string>;
    expect([...files.keys()]).toEqual(['it', 'fr']);
    const it = files.get('it')!.split('\n');
    const fr = files.get('fr')!.split('\n');
    expect(it).toHaveLength(fr.length);
    expect(it.length - 1).toBe(result.written);
    expect(it[0]).toBe('Non dimentichiamo. Non perdoniamo.');
    expect(fr[0]).toBe('«On ne pardonne pas. On n’oublie pas.» : Anonymous en croisade après l’attentat de Nice (VIDEOS)');
  });

  it('keeps lines aligned with hostile text (no stray line breaks, no empty lines)', () => {
    const result = exportMoses(hostileFixture());
    const files = result.output as Map<string, string>;
    const counts = [...files.values()].map((t) => t.split('\n').length);
    expect(new Set(counts).size).toBe(1);
    for (const text of files.values()) expect(text.split('\n').slice(0, -1).every((l) => l.trim() !== '')).toBe(true);
  });
});
