/**
 * TMX import reads the body in runs of whole <tu>s (tmx-chunks.ts) when it safely can, and
 * the document whole otherwise. Both paths must read exactly the same units and notices,
 * and report exactly the same errors. A comment in the header forces the whole-document path.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AllineaError } from '../../../src/core/errors.js';
import { cutTmxBody, cutTmxBodyBytes } from '../../../src/core/formats/tmx-chunks.js';
import { exportTmx } from '../../../src/core/formats/tmx-export.js';
import { importTmx, readTmxUnitsFromUtf8 } from '../../../src/core/formats/tmx-import.js';
import { hostileFixture, seedsFixture } from './fixtures.js';

const HEADER = '<header creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="t" adminlang="en" srclang="*all*" datatype="plaintext"/>';

/** The same document with a comment in its header, which only the whole-document path reads. */
function whole(xml: string): string {
  return xml.replace(/<header([^>]*?)\/>/, '<header$1><!-- whole --></header>');
}

function tmx(body: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4">\n${HEADER}\n<body>\n${body}</body>\n</tmx>\n`;
}

function message(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(AllineaError);
    return (error as Error).message;
  }
  throw new Error('accepted');
}

// Pieces of real-world <seg> content: plain text, references, inline codes, <hi>, CDATA.
const SEG_PIECES = [
  'Non dimentichiamo.',
  ' On n’oublie pas ',
  'a &amp; b &lt;c&gt; &quot;d&quot; &apos;e&apos;',
  '&#x1F600;&#65;',
  '<bpt i="1" x="1">&lt;b&gt;</bpt>grassetto<ept i="1">&lt;/b&gt;</ept>',
  '<ph x="2">&lt;br/&gt;</ph>',
  "<hi type='em'>enfasi</hi>",
  '<it pos="begin">&lt;i&gt;</it>',
  '<![CDATA[We do not <forget> & </tu> ]]>',
  '<hi><hi>nested</hi> twice</hi>',
  '   ',
  '',
];
const LANG_ATTRS = ['xml:lang="it-IT"', "xml:lang='fr'", 'lang="EN"', 'xml:lang=" de "', ''];
const PROPS = [
  '<prop type="x-status">suggested</prop>',
  '<prop type="x-origin">auto</prop>',
  '<prop type="x-score">0.25</prop>',
  '<prop type="x-score">7</prop>',
  '<prop type="x-other">&lt;b&gt;</prop>',
  '<note>a note &amp; more</note>',
  '<note><![CDATA[cdata note]]></note>',
];

const seg = fc.array(fc.constantFrom(...SEG_PIECES), { maxLength: 4 }).map((parts) => parts.join(''));
const tuv = fc.record({ lang: fc.constantFrom(...LANG_ATTRS), segs: fc.array(seg, { minLength: 1, maxLength: 2 }), selfClosing: fc.boolean() }).map(
  ({ lang, segs, selfClosing }) => `<tuv ${lang}>${segs.map((s) => (s === '' && selfClosing ? '<seg/>' : `<seg>${s}</seg>`)).join('')}</tuv>`,
);
const tu = fc
  .record({
    id: fc.option(fc.constantFrom('g1', 'g2', ' spaced ', 'a&amp;b'), { nil: undefined }),
    props: fc.array(fc.constantFrom(...PROPS), { maxLength: 3 }),
    tuvs: fc.array(tuv, { maxLength: 3 }),
    space: fc.constantFrom('', '\n  ', ' '),
    endSpace: fc.constantFrom('', ' ', '\n'),
  })
  .map(({ id, props, tuvs, space, endSpace }) => `<tu${id !== undefined ? ` tuid="${id}"` : ''}>${space}${props.join(space)}${space}${tuvs.join(space)}</tu${endSpace}>\n`);

describe('TMX import in runs of units', () => {
  it('reads the same units and notices run by run as whole, for any run size (property)', () => {
    fc.assert(
      fc.property(fc.array(tu, { maxLength: 12 }), fc.integer({ min: 1, max: 5 }), (tus, size) => {
        const xml = tmx(tus.join(''));
        const expected = importTmx(whole(xml));
        expect(importTmx(xml, { unitsPerRun: size })).toEqual(expected);
        expect(importTmx(xml)).toEqual(expected);
      }),
      { numRuns: 200 },
    );
  });

  it('cuts only between whole units, and the runs put together are the body', () => {
    const body = '<tu tuid="a"><tuv xml:lang="it"><seg>uno</seg></tuv></tu>\n<tu>\n<tuv xml:lang="it"><seg>due</seg></tuv></tu >\n<tu><tuv xml:lang="it"><seg>tre</seg></tuv></tu\n>\n';
    const pieces = cutTmxBody(tmx(body), 2)!;
    expect(pieces.runs).toHaveLength(2);
    expect(pieces.runs[0]).toMatch(/<\/tu >$/);
    expect(pieces.runs.join('')).toBe(`\n${body}`);
    expect(pieces.skeleton).toBe(tmx('').replace('<body>\n', '<body>'));
  });

  it('leaves to the whole-document path what it cannot cut safely', () => {
    expect(cutTmxBody(whole(tmx('<tu/>')), 1)).toBeUndefined(); // a comment
    expect(cutTmxBody(tmx('<tu><tuv xml:lang="it"><seg><![CDATA[</tu>]]></seg></tuv></tu>'), 1)).toBeUndefined();
    expect(cutTmxBody(tmx('<?pi </tu>?><tu/>'), 1)).toBeUndefined();
    expect(cutTmxBody(tmx('<tu/>').replace('<body>', '<body x="a>b">'), 1)).toBeUndefined();
    expect(cutTmxBody(tmx('<tu/>').replace('<body>\n<tu/></body>', '<body/>'), 1)).toBeUndefined();
    expect(cutTmxBody('<tmx><header><body/></header><body></body></tmx>', 1)).toBeUndefined();
    // A "</tu>" in CDATA and a <tu> nested in a segment (well-formed XML) still read right.
    const tricky = tmx('<tu><tuv xml:lang="it"><seg><![CDATA[a </tu> b]]></seg></tuv><tuv xml:lang="fr"><seg>x <tu>y</tu> z</seg></tuv></tu>\n');
    expect(importTmx(tricky, { unitsPerRun: 1 }).units).toEqual([{ variants: [{ lang: 'it', text: 'a </tu> b' }, { lang: 'fr', text: 'x y z' }] }]);
  });

  it('reports a malformed unit deep in the body with its real line and column, as whole', () => {
    const units = Array.from({ length: 40 }, (_, i) => `<tu tuid="u${i}"><tuv xml:lang="it"><seg>${i}</seg></tuv></tu>\n`);
    // In the first run, one in the middle, the last one.
    for (const bad of [0, 33, 39]) {
      const broken = units.with(bad, '<tu tuid="bad"><tuv xml:lang="it"><seg>33</tuv></seg></tu>\n');
      const xml = tmx(broken.join(''));
      const expected = message(() => importTmx(whole(xml), { name: 'bad.tmx' }));
      expect(expected).toMatch(new RegExp(`^bad\\.tmx is not well-formed XML: .*\\(line ${bad + 5}, column \\d+\\)\\.$`));
      expect(message(() => importTmx(xml, { name: 'bad.tmx', unitsPerRun: 4 }))).toBe(expected);
      expect(message(() => importTmx(xml, { name: 'bad.tmx' }))).toBe(expected);
    }
    const xml = tmx(units.join(''));
    // Outside the body: the skeleton is checked too.
    const badHeader = xml.replace('<tmx version="1.4">', '<tmx version="1.4" version="2">');
    expect(message(() => importTmx(badHeader, { name: 'bad.tmx', unitsPerRun: 4 }))).toMatch(/^bad\.tmx is not well-formed XML: .*\(line 2, column \d+\)\.$/);
    const unclosed = xml.replace('</tmx>', '');
    expect(message(() => importTmx(unclosed, { name: 'bad.tmx', unitsPerRun: 4 }))).toMatch(/^bad\.tmx is not well-formed XML: /);
  });

  it('reads allinea exports (seeds, hostile texts) the same run by run as whole', () => {
    for (const fx of [seedsFixture(), hostileFixture()]) {
      const xml = exportTmx(fx, { status: 'all', toolVersion: '1', creationDate: new Date(0) }).output as string;
      const expected = importTmx(whole(xml));
      expect(expected.units.length).toBeGreaterThan(3);
      expect(importTmx(xml, { unitsPerRun: 1 })).toEqual(expected);
      expect(importTmx(xml, { unitsPerRun: 3 })).toEqual(expected);
    }
  });
});

/** The units, or the error message, of an import. */
function outcome(run: () => unknown): unknown {
  try {
    return run();
  } catch (error) {
    expect(error).toBeInstanceOf(AllineaError);
    return { error: (error as Error).message };
  }
}

// Everything a run can hold that tmx-scan.ts must read as fast-xml-parser does, or hand back to it:
// references good and bad, inline codes, attributes quoted both ways with spaces and ">" in them,
// a repeated attribute, names outside ASCII, a leaf inside a leaf, stray text and "&" between elements.
const SCAN_SEG_PIECES = [
  'Testo semplice.',
  ' spazi  attorno ',
  'a &amp; b &lt;c&gt; &quot;d&quot; &apos;e&apos; f > g',
  '&#x1F600;&#65;&#233;',
  '<bpt i="1" x="1">&lt;b&gt;</bpt>grassetto<ept i="1">&lt;/b&gt;</ept>',
  "<ph x = '2'>&lt;br/&gt;</ph>",
  '<ph/>',
  '<hi type="a>b">enfasi</hi>',
  '<hi><hi>nested</hi> twice</hi>',
  '',
];
// Outside the subset, or not well-formed, or refused when decoded: rarer, so that most runs stay in the subset.
const ODD_SEG_PIECES = ['&#0;', '&#;', '&nbsp;', 'a & b', '&amp', '<hi x="1" x="2">doppio</hi>', '<hé>unicode</hé>', '<seg>dentro</seg>', '<b>unclosed', '<x y="a<b"/>'];
const SCAN_LANGS = ['xml:lang="it-IT"', "xml:lang='fr'", 'lang="EN"', 'xml:lang=" de "', 'xml:lang=""', 'xml:lang="e&amp;n"', 'xml:lang="x" lang="y"', ''];
const SCAN_PROPS = [
  '<prop type="x-status">suggested</prop>',
  '<prop type=" x-origin ">auto</prop>',
  '<prop type="x-score">0.25</prop>',
  '<prop type="x-score">&#48;.5</prop>',
  '<prop type="x-other">&lt;b&gt;</prop>',
  '<prop>untyped</prop>',
  '<note>a note &amp; more</note>',
  '<note>  </note>',
  '<note/>',
  '<udp>ignored <x/> text</udp>',
  'stray text',
  'stray &amp; ok',
];
const ODD_PROPS = ['<prop type="x-bad">&bogus;</prop>', 'stray & bad', '<prop type="a" type="b">x</prop>'];
const rare = <T,>(common: readonly T[], odd: readonly T[]) => fc.oneof({ arbitrary: fc.constantFrom(...common), weight: 12 }, { arbitrary: fc.constantFrom(...odd), weight: 1 });
const scanSeg = fc.array(rare(SCAN_SEG_PIECES, ODD_SEG_PIECES), { maxLength: 3 }).map((parts) => parts.join(''));
const scanTuv = fc
  .record({ lang: fc.constantFrom(...SCAN_LANGS), segs: fc.array(scanSeg, { minLength: 1, maxLength: 2 }), props: fc.array(rare(SCAN_PROPS, ODD_PROPS), { maxLength: 2 }) })
  .map(({ lang, segs, props }) => `<tuv ${lang}>${props.join('')}${segs.map((s) => `<seg>${s}</seg>`).join('')}</tuv >`);
const scanTu = fc
  .record({
    id: fc.option(rare(['g1', ' g2 ', 'a&amp;b'], ['a&x;b']), { nil: undefined }),
    props: fc.array(rare(SCAN_PROPS, ODD_PROPS), { maxLength: 3 }),
    tuvs: fc.array(scanTuv, { maxLength: 3 }),
    space: fc.constantFrom('', '\n  ', ' \t'),
  })
  .map(({ id, props, tuvs, space }) => `<tu${id !== undefined ? `\n tuid = "${id}"` : ''}>${space}${props.join(space)}${space}${tuvs.join(space)}</tu>\n`);

describe('TMX runs read by tmx-scan.ts', () => {
  it('gives the units, notices or error of the fast-xml-parser reading, for any mix of runs (property)', () => {
    const stats = { scanned: 0, parsed: 0 };
    fc.assert(
      fc.property(fc.array(scanTu, { minLength: 1, maxLength: 10 }), fc.integer({ min: 1, max: 4 }), (tus, size) => {
        const xml = tmx(tus.join(''));
        const expected = outcome(() => importTmx(whole(xml), { name: 'm.tmx' }));
        expect(outcome(() => importTmx(xml, { name: 'm.tmx', unitsPerRun: size, runStats: stats }))).toEqual(expected);
        const bytes = new TextEncoder().encode(xml);
        const units: unknown[] = [];
        const notices = outcome(() => readTmxUnitsFromUtf8(bytes, { name: 'm.tmx', unitsPerRun: size }, (u) => units.push(u)));
        // The byte path either declines (the caller then drops what it got and reads the text) or reads the same.
        if (notices === undefined) return;
        if ('error' in (notices as object)) expect(notices).toEqual(expected);
        else expect({ kind: 'units', units, notices }).toEqual(expected);
      }),
      { numRuns: 400 },
    );
    // Both readers were exercised.
    expect(stats.scanned).toBeGreaterThan(50);
    expect(stats.parsed).toBeGreaterThan(10);
  });

  it('reads an allinea export entirely, and hands a run outside its subset to fast-xml-parser alone', () => {
    const xml = exportTmx(seedsFixture(), { status: 'all', toolVersion: '1', creationDate: new Date(0) }).output as string;
    const stats = { scanned: 0, parsed: 0 };
    const read = importTmx(xml, { unitsPerRun: 2, runStats: stats });
    expect(read).toEqual(importTmx(whole(xml)));
    expect(stats.parsed).toBe(0);
    expect(stats.scanned).toBeGreaterThanOrEqual(Math.ceil(read.units.length / 2));

    const units = Array.from({ length: 6 }, (_, i) => `<tu tuid="u${i}"><tuv xml:lang="it"><seg>uno ${i}</seg></tuv><tuv xml:lang="fr"><seg>${i === 4 ? '<hé>un</hé>' : 'un'} ${i}</seg></tuv></tu>\n`);
    const mixed = { scanned: 0, parsed: 0 };
    const got = importTmx(tmx(units.join('')), { unitsPerRun: 2, runStats: mixed });
    expect(got.units[4]!.variants[1]!.text).toBe('un 4');
    expect(mixed).toEqual({ scanned: 3, parsed: 1 }); // two runs of units before, the last one and the space before </body> after
  });
});

describe('TMX bytes read a block at a time (ByteSource)', () => {
  it('cuts exactly as over the bytes in memory, whatever the block size (property)', () => {
    fc.assert(
      fc.property(fc.array(scanTu, { maxLength: 8 }), fc.integer({ min: 1, max: 3 }), fc.integer({ min: 16, max: 64 }), fc.boolean(), (tus, size, block, bom) => {
        const bytes = new TextEncoder().encode(`${bom ? '\uFEFF' : ''}${tmx(tus.join(''))}`);
        const source = { size: bytes.length, read: (a: number, b: number) => bytes.slice(a, b) };
        expect(cutTmxBodyBytes(source, size, block)).toEqual(cutTmxBodyBytes(bytes, size));
      }),
      { numRuns: 200 },
    );
  });

  it('reads a memory through its source in pieces, never whole, with the same result', () => {
    const units = Array.from({ length: 12_000 }, (_, i) => `<tu tuid="u${i}"><prop type="x-status">suggested</prop><tuv xml:lang="it"><seg>Frase numero ${i}, città «${i}».</seg></tuv><tuv xml:lang="fr"><seg>Phrase ${i}.</seg></tuv></tu>\n`);
    const bytes = new TextEncoder().encode(tmx(units.join('')));
    let largest = 0;
    let total = 0;
    const source = {
      size: bytes.length,
      read: (a: number, b: number) => {
        largest = Math.max(largest, b - a);
        total += b - a;
        return bytes.slice(a, b);
      },
    };
    const got: unknown[] = [];
    const notices = readTmxUnitsFromUtf8(source, {}, (u) => got.push(u));
    const expected = importTmx(new TextDecoder().decode(bytes));
    expect({ kind: 'units', units: got, notices }).toEqual(expected);
    expect(bytes.length).toBeGreaterThan(2 * 1024 * 1024);
    expect(largest).toBeLessThanOrEqual(1 << 20); // a block, never the file
    expect(total).toBeLessThan(3 * bytes.length); // the cut and the reading: about two passes
  });
});
