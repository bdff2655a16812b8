import { describe, expect, it } from 'vitest';
import { importTmx, normalizeLang } from '../../../src/core/formats/tmx-import.js';
import { AllineaError } from '../../../src/core/errors.js';

// A TMX as OmegaT and Trados write them: DOCTYPE with an external DTD (never loaded),
// inline codes, <hi>, CDATA, a deprecated lang attribute, three languages, two tuvs of one language.
const EXTERNAL = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE tmx SYSTEM "tmx14.dtd">
<tmx version="1.4">
  <header creationtool="OmegaT" creationtoolversion="6.0" segtype="sentence" o-tmf="OmegaT TMX" adminlang="EN-US" srclang="IT-IT" datatype="plaintext"/>
  <body>
    <tu tuid="7">
      <tuv xml:lang="IT-IT"><seg>Non <bpt i="1" x="1">&lt;b&gt;</bpt>dimentichiamo<ept i="1">&lt;/b&gt;</ept>.</seg></tuv>
      <tuv xml:lang="fr-fr"><seg>On n’oublie <hi type="em">pas</hi>.<ph x="2">&lt;br/&gt;</ph></seg></tuv>
      <tuv lang="EN"><seg><![CDATA[We do not <forget> & ]]>&#x1F600;&#65;</seg></tuv>
    </tu>
    <tu>
      <prop type="x-status">suggested</prop>
      <prop type="x-score">0.4</prop>
      <note>first</note><note>second</note>
      <tuv xml:lang="it-IT"><seg>Uno.</seg></tuv>
      <tuv xml:lang="it-IT"><seg>Due.</seg></tuv>
      <tuv xml:lang="fr-FR"><seg>Un et deux.</seg></tuv>
    </tu>
    <tu tuid="solo"><tuv xml:lang="it-IT"><seg>Solo.</seg></tuv><tuv xml:lang="fr-FR"><seg>   </seg></tuv></tu>
  </body>
</tmx>`;

function refusal(text: string, options = {}): string {
  try {
    importTmx(text, { name: 'evil.tmx', ...options });
  } catch (error) {
    expect(error).toBeInstanceOf(AllineaError);
    return (error as Error).message;
  }
  throw new Error('the file was accepted');
}

describe('TMX import', () => {
  it('reads any number of languages per <tu>, flattening inline markup to its text with a notice', () => {
    const result = importTmx(EXTERNAL);
    expect(result.units).toHaveLength(3);
    expect(result.units[0]).toEqual({
      id: '7',
      variants: [
        { lang: 'it-IT', text: 'Non dimentichiamo.' },
        { lang: 'fr-FR', text: 'On n’oublie pas.' },
        { lang: 'en', text: 'We do not <forget> & 😀A' },
      ],
    });
    expect(result.units[1]).toEqual({
      status: 'suggested',
      score: 0.4,
      note: 'first / second',
      variants: [
        { lang: 'it-IT', text: 'Uno.' },
        { lang: 'it-IT', text: 'Due.' },
        { lang: 'fr-FR', text: 'Un et deux.' },
      ],
    });
    expect(result.units[2]!.variants).toEqual([{ lang: 'it-IT', text: 'Solo.' }]);
    const codes = result.notices.map((n) => n.code);
    expect(codes).toContain('flattened-markup');
    expect(result.notices.find((n) => n.code === 'flattened-markup')!.message).toContain('2 segments');
    expect(codes).toContain('empty-segments');
  });

  it('refuses a "billion laughs" file without expanding anything', () => {
    const lol = `<?xml version="1.0"?>
<!DOCTYPE tmx [
  <!ENTITY lol "lol">
  <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
  <!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<tmx version="1.4"><header creationtool="x" creationtoolversion="1" segtype="sentence" o-tmf="x" adminlang="en" srclang="en" datatype="plaintext"/>
<body><tu><tuv xml:lang="en"><seg>&lol9;</seg></tuv><tuv xml:lang="it"><seg>ciao</seg></tuv></tu></body></tmx>`;
    expect(refusal(lol)).toMatch(/^evil\.tmx declares XML entities \(<!ENTITY>\); allinea never expands entities/);
  });

  it('refuses an external-entity (XXE) file', () => {
    const xxe = `<?xml version="1.0"?>
<!DOCTYPE tmx [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>
<tmx version="1.4"><header/><body><tu><tuv xml:lang="en"><seg>&xxe;</seg></tuv><tuv xml:lang="it"><seg>x</seg></tuv></tu></body></tmx>`;
    expect(refusal(xxe)).toContain('declares XML entities');
  });

  it('refuses entities declared or used in other ways, and other DOCTYPE tricks', () => {
    expect(refusal('<tmx><!ENTITY x "y"><body/></tmx>')).toContain('declares XML entities');
    expect(refusal('<!DOCTYPE tmx [ <!ATTLIST tu tuid CDATA "1"> ]><tmx><body/></tmx>')).toContain('internal DTD subset');
    expect(refusal('<!DOCTYPE tmx SYSTEM "a.dtd"><!DOCTYPE tmx SYSTEM "b.dtd"><tmx><body/></tmx>')).toContain('more than one <!DOCTYPE>');
    // An entity from an external DTD (which is never read) stays undefined.
    expect(refusal('<!DOCTYPE tmx SYSTEM "http://example.com/evil.dtd"><tmx><body><tu><tuv xml:lang="en"><seg>&nbsp;</seg></tuv></tu></body></tmx>')).toContain('uses the entity &nbsp;, which is not defined');
    expect(refusal('<tmx><body><tu><tuv xml:lang="en"><seg>&#0;</seg></tuv></tu></body></tmx>')).toContain('character reference &#0;');
  });

  it('refuses input over the size limit with a clear message, before parsing it', () => {
    const big = `<tmx><body>${'<tu><tuv xml:lang="en"><seg>x</seg></tuv></tu>'.repeat(2000)}</body></tmx>`;
    expect(refusal(big, { maxBytes: 64 * 1024 })).toMatch(/^evil\.tmx is 8\d(\.\d)? KiB, more than the import limit of 64 KiB \(raise it with --max-size/);
    expect(importTmx(big).units).toHaveLength(2000);
  });

  it('says what is wrong with malformed or non-TMX XML', () => {
    expect(refusal('<tmx><body><tu></body></tmx>')).toMatch(/^evil\.tmx is not well-formed XML: .*\(line 1, column \d+\)\.$/);
    expect(refusal('<?xml version="1.0"?><xliff><file/></xliff>')).toBe('evil.tmx is not a TMX file: its root element is <xliff>, not <tmx>.');
    expect(refusal('<tmx><header/></tmx>')).toContain('has no <body>');
    expect(refusal('<tmx><body><tu><tuv xml:lang="en"><seg>a & b</seg></tuv></tu></body></tmx>')).toContain('not well-formed');
  });

  it('normalises language tags to the usual case', () => {
    expect(['IT-it', 'en', 'EN_us', 'zh-hant-TW', 'sr-latn'].map(normalizeLang)).toEqual(['it-IT', 'en', 'en-US', 'zh-Hant-TW', 'sr-Latn']);
  });
});

describe('TMX import limits', () => {
  it('refuses absurdly deep nesting with a clear message instead of crashing', () => {
    const deep = `<tmx><body><tu><tuv xml:lang="en"><seg>${'<hi>'.repeat(100_000)}x${'</hi>'.repeat(100_000)}</seg></tuv></tu></body></tmx>`;
    expect(() => importTmx(deep, { name: 'deep.tmx' })).toThrow(/^deep\.tmx (cannot be read as XML|nests elements more than 64 deep)/);
  });
});

describe('readTmxUnits (streaming)', () => {
  it('delivers the units of importTmx one by one, in order, with the same notices', async () => {
    const { readTmxUnits } = await import('../../../src/core/formats/tmx-import.js');
    const units = Array.from(
      { length: 300 },
      (_, i) => `<tu tuid="u${i}"><prop type="x-status">suggested</prop><tuv xml:lang="it"><seg>Frase ${i} &amp; <hi>altro</hi>.</seg></tuv><tuv xml:lang="fr"><seg>Phrase ${i}.</seg></tuv></tu>`,
    );
    const text = `<?xml version="1.0"?><tmx version="1.4"><header srclang="it"/><body>${units.join('\n')}</body></tmx>`;
    const whole = importTmx(text, { unitsPerRun: 7 });
    const streamed: unknown[] = [];
    const notices = readTmxUnits(text, { unitsPerRun: 7 }, (unit) => streamed.push(unit));
    expect(streamed).toEqual(whole.units);
    expect(streamed).toHaveLength(300);
    expect(notices).toEqual(whole.notices);
  });
});

describe('readTmxUnitsFromUtf8 (bytes, never decoded whole)', () => {
  const doc = (body: string) => `<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header srclang="it"/><body>\n${body}\n</body></tmx>\n`;
  const units = Array.from({ length: 150 }, (_, i) => `<tu tuid="t${i}"><tuv xml:lang="it"><seg>Città ${i} — «perché» 🙂 &amp; <ph>x</ph>fine.</seg></tuv><tuv xml:lang="ru"><seg>Город ${i}.</seg></tuv></tu>`).join('\n');

  it('delivers exactly what importTmx reads from the decoded text, with or without a byte order mark', async () => {
    const { readTmxUnitsFromUtf8 } = await import('../../../src/core/formats/tmx-import.js');
    const text = doc(units);
    const expected = importTmx(text, { unitsPerRun: 16 });
    for (const bytes of [new TextEncoder().encode(text), new TextEncoder().encode(`\uFEFF${text}`)]) {
      const got: unknown[] = [];
      const notices = readTmxUnitsFromUtf8(bytes, { unitsPerRun: 16 }, (u) => got.push(u));
      expect(notices).toEqual(expected.notices);
      expect(got).toEqual(expected.units);
    }
  });

  it('declines what the text path must read (so errors keep their exact positions)', async () => {
    const { readTmxUnitsFromUtf8 } = await import('../../../src/core/formats/tmx-import.js');
    const cases = [
      doc(`${units}\n<tu><tuv xml:lang="it"><seg>a < b</seg></tuv></tu>`), // not well-formed in a late run
      doc(`<!-- a comment -->${units}`),
      `<?xml version="1.0"?><!DOCTYPE tmx SYSTEM "tmx14.dtd"><tmx version="1.4"><body>${units}</body></tmx>`,
    ];
    for (const [k, text] of cases.entries()) {
      const got: unknown[] = [];
      expect(readTmxUnitsFromUtf8(new TextEncoder().encode(text), { unitsPerRun: 16 }, (u) => got.push(u))).toBeUndefined();
      // Read in one pass, the units before a late malformed run were delivered (the caller drops them); nothing else was.
      expect(got).toHaveLength(k === 0 ? 144 : 0);
    }
    const invalidUtf8 = new TextEncoder().encode(doc(units));
    invalidUtf8[200] = 0xff;
    expect(readTmxUnitsFromUtf8(invalidUtf8, {}, () => {})).toBeUndefined();
    const utf16 = new Uint8Array([0xff, 0xfe, 0x3c, 0x00]);
    expect(readTmxUnitsFromUtf8(utf16, {}, () => {})).toBeUndefined();
  });
});

describe('TMX import scores', () => {
  it('keeps scores from 0 to 1 and says how many others it dropped', () => {
    const unit = (score: string) =>
      `<tu><prop type="x-score">${score}</prop><tuv xml:lang="en"><seg>a ${score}</seg></tuv><tuv xml:lang="fr"><seg>b ${score}</seg></tuv></tu>`;
    const text = `<?xml version="1.0"?><tmx version="1.4"><header srclang="en" datatype="plaintext" segtype="sentence" adminlang="en" creationtool="t" creationtoolversion="1" o-tmf="x"/><body>${['0.5', '1', '7', '-0.2', 'abc'].map(unit).join('')}</body></tmx>`;
    const result = importTmx(text);
    expect(result.units.map((u) => u.score)).toEqual([0.5, 1, undefined, undefined, undefined]);
    expect(result.notices.find((n) => n.code === 'bad-score')?.message).toBe('dropped 3 x-score values that are not a number from 0 to 1');
  });
});
