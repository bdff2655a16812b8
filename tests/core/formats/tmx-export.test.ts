import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportTmx, tmxDate } from '../../../src/core/formats/tmx-export.js';
import { importTmx } from '../../../src/core/formats/tmx-import.js';
import { hostileFixture, seedsFixture, xmllint, type Fixture } from './fixtures.js';

const DATE = new Date(Date.UTC(2026, 0, 2, 3, 4, 5));
const dir = mkdtempSync(join(tmpdir(), 'allinea-tmx-'));

function tmx(fx: Fixture, extra: Parameters<typeof exportTmx>[1] extends infer O ? Partial<O> : never = {}): { xml: string; file: string; result: ReturnType<typeof exportTmx> } {
  const result = exportTmx(fx, { toolVersion: '9.8.7', creationDate: DATE, ...extra });
  const xml = result.output as string;
  const file = join(dir, `t${Math.random().toString(36).slice(2)}.tmx`);
  writeFileSync(file, xml);
  return { xml, file, result };
}

describe('TMX export', () => {
  it('validates against the TMX 1.4b DTD with no message at all (seeds, every status and pair variant)', async () => {
    const fx = seedsFixture();
    for (const options of [{}, { status: 'all' as const }, { pair: ['it', 'fr'] as [string, string] }, { langs: ['fr', 'it'] }]) {
      const { file, result } = tmx(fx, options);
      expect(result.written).toBeGreaterThan(0);
      const lint = await xmllint(file);
      expect(lint.output).toBe('');
      expect(lint.status).toBe(0);
    }
  });

  it('validates with hostile text: markup, ]]>, quotes, controls, lone surrogates, astral characters', async () => {
    const { file, xml, result } = tmx(hostileFixture());
    const lint = await xmllint(file);
    expect(lint.output).toBe('');
    expect(lint.status).toBe(0);
    expect(xml).toContain('&lt;b&gt;non&lt;/b&gt; un tag ]]&gt; fine.');
    expect(xml).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]/);
    expect(xml).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
    expect(xml).toContain('😀 𝄞');
    expect(result.notices.map((n) => n.code)).toContain('removed-characters');
  });

  it('also validates against the TMX 1.4b XML Schema', async () => {
    for (const fx of [seedsFixture(), hostileFixture()]) {
      const { file } = tmx(fx, { status: 'all' });
      const lint = await xmllint(file, 'xsd');
      expect(lint.output).toBe(`${file} validates\n`);
      expect(lint.status).toBe(0);
    }
  });

  it('writes a complete header, one <tu> per group with one <tuv> per language, and the group data', () => {
    const { xml, result } = tmx(seedsFixture(), { status: 'all' });
    const header = /<header([^>]*)\/>/.exec(xml)![1]!;
    for (const attr of ['creationtool="allinea"', 'creationtoolversion="9.8.7"', 'segtype="sentence"', 'o-tmf="allinea-alignment"', 'adminlang="en"', 'srclang="*all*"', 'datatype="plaintext"', 'creationdate="20260102T030405Z"']) {
      expect(header).toContain(attr);
    }
    const slogan = /<tu tuid="slogan">[\s\S]*?<\/tu>/.exec(xml)![0];
    expect(slogan).toContain('<tuv xml:lang="it">');
    expect(slogan).toContain('<seg>Non dimentichiamo. Non perdoniamo.</seg>');
    expect(slogan).toContain('<seg>«On ne pardonne pas. On n’oublie pas.» : Anonymous en croisade après l’attentat de Nice (VIDEOS)</seg>');
    expect(slogan).toContain('<note>motto: «Non perdoniamo» &lt;b&gt;&amp;amp; "the same"</note>');
    expect(slogan).toContain('<prop type="x-status">confirmed</prop>');
    expect(slogan).toContain('<prop type="x-documents">it-000 fr-003</prop>');
    const trio = /<tu tuid="trio">[\s\S]*?<\/tu>/.exec(xml)![0];
    expect(trio.match(/<tuv /g)).toHaveLength(3);
    const suggested = /<tu tuid="g1">[\s\S]*?<\/tu>/.exec(xml)![0];
    expect(suggested).toContain('<prop type="x-score">0.625</prop>');
    // Two Italian documents in one group: one unit per combination, never two <tuv xml:lang="it"> in a <tu>.
    expect(xml).toContain('<tu tuid="two-it.2">');
    for (const tu of xml.match(/<tu [\s\S]*?<\/tu>/g)!) {
      const langs = [...tu.matchAll(/xml:lang="([^"]+)"/g)].map((m) => m[1]);
      expect(new Set(langs).size).toBe(langs.length);
    }
    expect(result.omitted.map((o) => [o.group, o.reason])).toEqual([['it-only', 'single-language'], ['nope', 'rejected']]);
  });

  it('writes two-language units with srclang for --pair, leaving out and reporting the rest', () => {
    const { xml, result } = tmx(seedsFixture(), { pair: ['fr', 'it'] });
    expect(xml).toContain('srclang="fr"');
    for (const tu of xml.match(/<tu [\s\S]*?<\/tu>/g)!) {
      expect([...tu.matchAll(/xml:lang="([^"]+)"/g)].map((m) => m[1])).toEqual(['fr', 'it']);
    }
    expect(result.written).toBe(4); // slogan, trio, two-it, two-it.2
    const reasons = Object.fromEntries(result.omitted.map((o) => [o.group, o.reason]));
    expect(reasons).toEqual({ 'it-only': 'missing-language', g1: 'suggested', nope: 'rejected' });
    expect(result.omitted.find((o) => o.group === 'it-only')!.langs).toEqual(['fr']);
  });

  it('formats dates as YYYYMMDDThhmmssZ in UTC', () => {
    expect(tmxDate(new Date(Date.UTC(1999, 11, 31, 23, 59, 58)))).toBe('19991231T235958Z');
  });

  it('is read back by the TMX importer with the same texts, ids, status, score and note', () => {
    const hostile = hostileFixture();
    const { xml } = tmx(hostile);
    const back = importTmx(xml);
    expect(back.units.map((u) => u.id)).toEqual(hostile.alignment.groups.map((g) => g.id));
    expect(back.units[1]!.variants).toEqual([
      { lang: 'it', text: '+39 è il prefisso & <b>non</b> un tag ]]> fine.', source: 'it-x#1' },
      { lang: 'fr', text: 'Le préfixe +33 & <i>pas</i> une balise ]]> fin.', source: 'fr-x#1' },
    ]);
    const seeds = importTmx(tmx(seedsFixture(), { status: 'all' }).xml).units;
    const g1 = seeds.find((u) => u.id === 'g1')!;
    expect(g1.status).toBe('suggested');
    expect(g1.origin).toBe('auto');
    expect(g1.score).toBe(0.625);
    expect(seeds.find((u) => u.id === 'slogan')!.note).toBe('motto: «Non perdoniamo» <b>&amp; "the same"');
  });
});
