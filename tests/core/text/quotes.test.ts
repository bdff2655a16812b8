/** Pairing of « » “ ” ‘ ’ " ' and brackets; stray marks never switch splitting off. */
import { describe, expect, it } from 'vitest';
import { pairRegions } from '../../../src/core/text/quotes.js';
import { sentences } from './helpers.js';

describe('pairRegions', () => {
  it('pairs guillemets, curly and straight quotes and brackets, ignoring apostrophes', () => {
    const text = "«Oui» “yes” 'casa' \"sì\" (bene) l'Isis l’Isis";
    const pairs = pairRegions(text, 0, text.length).map((r) => [text.slice(r.open, r.close + 1), r.kind]);
    expect(pairs).toEqual([
      ['«Oui»', 'quote'],
      ['“yes”', 'quote'],
      ["'casa'", 'quote'],
      ['"sì"', 'quote'],
      ['(bene)', 'bracket'],
    ]);
  });

  it('pairs ‘ ’ while ’ inside a word stays an apostrophe', () => {
    const text = 'He said ‘it’s over. Go home.’ and left.';
    const [region] = pairRegions(text, 0, text.length);
    expect(region && text.slice(region.open, region.close + 1)).toBe('‘it’s over. Go home.’');
    expect(sentences(text, 'en')).toEqual([text]);
  });

  it('pairs German „…“ quotations', () => {
    const text = 'Er sagte „Nein. Nie.“ und ging.';
    const [region] = pairRegions(text, 0, text.length);
    expect(region && text.slice(region.open, region.close + 1)).toBe('„Nein. Nie.“');
  });
});

describe('quotations in segmentation', () => {
  it('an unpaired " does not turn splitting off for the rest of the line or text', () => {
    const text = 'He said "yes. Then he left. She stayed. It rained.\nNext line. Another one.';
    expect(sentences(text, 'en')).toEqual(['He said "yes.', 'Then he left.', 'She stayed.', 'It rained.', 'Next line.', 'Another one.']);
  });

  it('keeps a quotation embedded in its sentence whole', () => {
    expect(sentences('« Nous sommes là. Nous restons. », a-t-il dit. Puis il est parti.', 'fr')).toEqual([
      '« Nous sommes là. Nous restons. », a-t-il dit.',
      'Puis il est parti.',
    ]);
    expect(sentences('She turned to him, "This is great." she said.', 'en')).toEqual(['She turned to him, "This is great." she said.']);
  });

  it('splits a quoted passage that ends its sentence into its sentences', () => {
    expect(sentences('Il messaggio diceva: “Siamo qui. Non ce ne andremo”. Poi il video finisce.', 'it')).toEqual([
      'Il messaggio diceva: “Siamo qui.',
      'Non ce ne andremo”.',
      'Poi il video finisce.',
    ]);
  });

  it('ends a sentence after a closing quotation mark when a new sentence follows', () => {
    expect(sentences('Elle assure que ce mouvement « n’aura aucun impact ». Les syndicats doutent.', 'fr')).toEqual([
      'Elle assure que ce mouvement « n’aura aucun impact ».',
      'Les syndicats doutent.',
    ]);
    expect(sentences('Il a dit « C’est fini. » Personne n’a répondu.', 'fr')).toEqual(['Il a dit « C’est fini. »', 'Personne n’a répondu.']);
  });

  it('pairs straight quotes spaced like guillemets', () => {
    expect(sentences('Il a dit : " Nous sommes en guerre. " Puis il est parti.', 'fr')).toEqual([
      'Il a dit : " Nous sommes en guerre. "',
      'Puis il est parti.',
    ]);
    expect(sentences('Il est parti. " Nous sommes là ", dit-il.', 'fr')).toEqual(['Il est parti.', '" Nous sommes là ", dit-il.']);
  });

  it('never ends a sentence inside parentheses', () => {
    expect(sentences('Le parti (fondé en 1990. Dissous en 2000.) a disparu.', 'fr')).toEqual(['Le parti (fondé en 1990. Dissous en 2000.) a disparu.']);
    expect(sentences('(This whole sentence is in brackets.) The next one is not.', 'en')).toEqual([
      '(This whole sentence is in brackets.)',
      'The next one is not.',
    ]);
  });
});

describe('German quotation marks closing a sentence', () => {
  it('pairs reversed guillemets »…« and ›…‹', () => {
    const text = 'Er sagte »Nein« und ›ja‹.';
    const pairs = pairRegions(text, 0, text.length).map((r) => text.slice(r.open, r.close + 1));
    expect(pairs).toEqual(['»Nein«', '›ja‹']);
  });

  it.each([
    ['„Ja.“ Dann ging er.', ['„Ja.“', 'Dann ging er.']],
    ['»Nein.« Dann ging er.', ['»Nein.«', 'Dann ging er.']],
    ['„Wirklich?“ Er lachte.', ['„Wirklich?“', 'Er lachte.']],
    ['Gut. »Nein!« Dann ging er.', ['Gut.', '»Nein!«', 'Dann ging er.']],
    ['»Ja«, sagte er. »Nein.« Dann.', ['»Ja«, sagte er.', '»Nein.«', 'Dann.']],
    ['Er rief: »Komm her!«, und lief.', ['Er rief: »Komm her!«, und lief.']],
    ['Er sagte „Nein. Nie.“ und ging.', ['Er sagte „Nein. Nie.“ und ging.']],
  ])('%s', (text, expected) => {
    for (const lang of ['de', 'en', 'it']) expect(sentences(text, lang)).toEqual(expected);
  });

  it('keeps French guillemets and their spacing as before', () => {
    expect(sentences('Il a dit « oui. » Puis il est parti.', 'fr')).toEqual(['Il a dit « oui. »', 'Puis il est parti.']);
    expect(sentences('» Et puis il partit. « Non », dit-il.', 'fr')).toEqual(['» Et puis il partit.', '« Non », dit-il.']);
    expect(sentences('«Non.» Alors il part.', 'fr')).toEqual(['«Non.»', 'Alors il part.']);
  });
});
