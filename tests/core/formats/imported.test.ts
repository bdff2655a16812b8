import { describe, expect, it } from 'vitest';
import { alignmentFromUnits, languageOrder } from '../../../src/core/formats/imported.js';
import { findViolations } from '../../../src/core/model/invariants.js';
import { sha } from './fixtures.js';

const unit = (langs: string, id?: string) => ({ ...(id ? { id } : {}), variants: langs.split(' ').map((lang, i) => ({ lang, text: `${lang} text ${i}` })) });

describe('alignments from imported units', () => {
  it('orders the new documents as the units order their languages', () => {
    expect(languageOrder([unit('it fr'), unit('it en fr')])).toEqual(['it', 'en', 'fr']);
    expect(languageOrder([unit('de'), unit('fr it'), unit('it fr')])).toEqual(['de', 'fr', 'it']);
  });

  it('writes one sentence per line per language and one group per unit with two languages', () => {
    const built = alignmentFromUnits(
      [
        { id: 'a', status: 'suggested', score: 0.5, note: 'n', variants: [{ lang: 'it', text: 'Uno.' }, { lang: 'it', text: 'Due.\nTre' }, { lang: 'fr', text: 'Un, deux, trois.' }] },
        { id: 'a', variants: [{ lang: 'it', text: 'Quattro.' }, { lang: 'fr', text: 'Quatre.' }] },
        { id: 'has space', variants: [{ lang: 'it', text: 'Cinque.' }, { lang: 'fr', text: 'Cinq.' }] },
        { id: 'g1', variants: [{ lang: 'it', text: 'Solo.' }, { lang: 'fr', text: '\u0001 ' }] },
      ],
      { pathFor: (l) => `x.${l}.txt`, hash: sha },
    );
    expect(findViolations(built.alignment)).toEqual([]);
    expect(built.documents.map((d) => [d.id, d.path, d.text])).toEqual([
      ['it', 'x.it.txt', 'Uno.\nDue. Tre\nQuattro.\nCinque.\nSolo.\n'],
      ['fr', 'x.fr.txt', 'Un, deux, trois.\nQuatre.\nCinq.\n'],
    ]);
    expect(built.alignment.groups).toEqual([
      { id: 'a', status: 'suggested', origin: 'manual', score: 0.5, note: 'n', members: [{ doc: 'it', sentences: [0, 1] }, { doc: 'fr', sentences: [0] }] },
      { id: 'g1', status: 'confirmed', origin: 'manual', members: [{ doc: 'it', sentences: [2] }, { doc: 'fr', sentences: [1] }] },
      { id: 'g2', status: 'confirmed', origin: 'manual', members: [{ doc: 'it', sentences: [3] }, { doc: 'fr', sentences: [2] }] },
    ]);
    expect(built.notices.map((n) => n.code)).toEqual(['single-language-units', 'empty-texts', 'renamed-groups']);
  });

  it('refuses a language that is not a tag, since it names a file', () => {
    const units = [{ variants: [{ lang: '../../etc/evil', text: 'x' }, { lang: 'it', text: 'y' }] }];
    expect(() => alignmentFromUnits(units, { pathFor: (l) => `out.${l}.txt`, hash: sha })).toThrow('"../../etc/evil" is not a language tag (like it, fr or pt-BR), so it cannot name a document.');
  });

  it('applies a forced status to every group', () => {
    const built = alignmentFromUnits([{ status: 'suggested', variants: [{ lang: 'it', text: 'Sì.' }, { lang: 'en', text: 'Yes.' }] }], { pathFor: (l) => l, hash: sha, forceStatus: 'confirmed' });
    expect(built.alignment.groups[0]!.status).toBe('confirmed');
  });
});

describe('UnitsAlignment (units added one at a time)', () => {
  it('builds what alignmentFromUnits builds, with texts joined across its blocks', async () => {
    const { UnitsAlignment } = await import('../../../src/core/formats/imported.js');
    const units = Array.from({ length: 1000 }, (_, i) => ({
      ...(i % 7 === 0 ? { id: `t${i % 3}` } : {}),
      variants: i % 11 === 0 ? [{ lang: 'it', text: `Solo ${i}.` }] : [{ lang: 'fr', text: `Phrase ${i}.` }, { lang: 'it', text: ` Frase\n${i}. ` }, ...(i % 5 === 0 ? [{ lang: 'it', text: `Altra ${i}.` }] : [])],
    }));
    const options = { pathFor: (l: string) => `out.${l}.txt`, hash: (t: string) => `h${t.length}` };
    const builder = new UnitsAlignment(options);
    for (const unit of units) builder.add(unit);
    const built = builder.finish();
    expect(built).toEqual(alignmentFromUnits(units, options));
    // Each sentence is one line of its document, at the span the alignment records.
    for (const doc of built.alignment.documents) {
      const text = built.texts.get(doc.id)!;
      expect(text.split('\n').slice(0, -1)).toEqual(doc.sentences.map(([s, e]) => text.slice(s, e)));
    }
    const it = built.alignment.documents.find((d) => d.id === 'it')!;
    expect(built.texts.get('it')!.slice(...it.sentences[1]!)).toBe('Frase 1.');
  });
});
