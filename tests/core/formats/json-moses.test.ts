import { describe, expect, it } from 'vitest';
import { exportJson, importJson } from '../../../src/core/formats/json.js';
import { exportJsonl, importJsonl } from '../../../src/core/formats/jsonl.js';
import { exportMoses, importMoses } from '../../../src/core/formats/moses.js';
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

describe('JSON, JSONL and Moses import', () => {
  it('reads JSONL lines in the Hugging Face convention, with or without ids', () => {
    const units = importJsonl('{"id":"a","translation":{"IT":"Ciao.","fr":"Salut."}}\n\n{"translation":{"en":"Hi."}}\n').units;
    expect(units).toEqual([
      { id: 'a', variants: [{ lang: 'it', text: 'Ciao.' }, { lang: 'fr', text: 'Salut.' }] },
      { variants: [{ lang: 'en', text: 'Hi.' }] },
    ]);
  });

  it('says which line or field is wrong', () => {
    expect(() => importJsonl('{"translation":{"it":"a"}}\n{"it":"b"}\n', 'x.jsonl')).toThrow('x.jsonl: line 2 has no "translation" object');
    expect(() => importJsonl('{"translation":{"it":1}}\n', 'x.jsonl')).toThrow('x.jsonl: line 1: the "it" text is not a string.');
    expect(() => importJsonl('{oops\n', 'x.jsonl')).toThrow(/^x\.jsonl: line 1 is not valid JSON: /);
    expect(() => importJson('{"format":"allinea-alignment"}', 'a.json')).toThrow('a.json is not an allinea JSON export (its "format" is not "allinea-export").');
    expect(() => importJson('{"format":"allinea-export","version":2,"groups":[]}', 'a.json')).toThrow('a.json: "version" is 2; this allinea reads version 1.');
    expect(() => importJson('{"format":"allinea-export","version":1,"groups":[{"members":[{"lang":"it"}]}]}', 'a.json')).toThrow('a.json: groups[0].members[0].text must be a string.');
  });

  it('refuses Moses files that are not line-aligned, and skips empty lines', () => {
    expect(() => importMoses([{ lang: 'it', name: 'c.it', text: 'a\nb\n' }, { lang: 'fr', name: 'c.fr', text: 'a\n' }])).toThrow(
      'Moses files must be line-aligned, but c.it has 2 lines and c.fr has 1 line.',
    );
    const units = importMoses([{ lang: 'it', name: 'c.it', text: 'Uno.\n\nTre.\n' }, { lang: 'fr', name: 'c.fr', text: 'Un.\n\n\n' }]).units;
    expect(units).toEqual([{ variants: [{ lang: 'it', text: 'Uno.' }, { lang: 'fr', text: 'Un.' }] }, { variants: [{ lang: 'it', text: 'Tre.' }] }]);
  });
});
