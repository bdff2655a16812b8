/** Abbreviations per language: titles never end a sentence, others only before a new sentence. */
import { describe, expect, it } from 'vitest';
import { AbbreviationTable, ABBREVIATION_DATA } from '../../../src/core/text/abbreviations.js';
import { sentences } from './helpers.js';

describe('Italian abbreviations', () => {
  it('keeps titles with the name that follows', () => {
    expect(sentences('Ho parlato con il Sig. Rossi e con il Dott. Bianchi. Poi sono uscito.', 'it')).toEqual([
      'Ho parlato con il Sig. Rossi e con il Dott. Bianchi.',
      'Poi sono uscito.',
    ]);
    expect(sentences("Il Prof. Verdi e l'Avv. Neri sono arrivati. La Sig.ra Mengoni no.", 'it')).toEqual([
      "Il Prof. Verdi e l'Avv. Neri sono arrivati.",
      'La Sig.ra Mengoni no.',
    ]);
  });

  it('does not split after "ecc." or "p. es." inside a sentence, but does at its end', () => {
    expect(sentences('Servono farina, uova, zucchero ecc. per la torta.', 'it')).toEqual(['Servono farina, uova, zucchero ecc. per la torta.']);
    expect(sentences('Alcuni frutti, p. es. le mele, crescono qui.', 'it')).toEqual(['Alcuni frutti, p. es. le mele, crescono qui.']);
    expect(sentences('Abbiamo comprato mele, pere, arance ecc. Poi siamo tornati a casa.', 'it')).toEqual([
      'Abbiamo comprato mele, pere, arance ecc.',
      'Poi siamo tornati a casa.',
    ]);
  });

  it('treats lowercase words ending in a consonant before a lowercase word as truncations', () => {
    expect(sentences('Il corso di filol. romanza è difficile.', 'it')).toEqual(['Il corso di filol. romanza è difficile.']);
  });
});

describe('French abbreviations', () => {
  it('keeps M., MM., Mme and Me with the name', () => {
    expect(sentences('M. Dupont et MM. Durand sont venus. Mme Martin aussi.', 'fr')).toEqual([
      'M. Dupont et MM. Durand sont venus.',
      'Mme Martin aussi.',
    ]);
    expect(sentences('Selon M. Le Pen, rien ne change.', 'fr')).toEqual(['Selon M. Le Pen, rien ne change.']);
  });

  it('handles etc., p. ex., c.-à-d. and initials', () => {
    expect(sentences('Il y avait des pommes, des poires, etc. Le lendemain, tout était vendu.', 'fr')).toEqual([
      'Il y avait des pommes, des poires, etc.',
      'Le lendemain, tout était vendu.',
    ]);
    expect(sentences('Certains fruits, p. ex. les pommes, c.-à-d. les fruits du pommier, poussent ici.', 'fr')).toEqual([
      'Certains fruits, p. ex. les pommes, c.-à-d. les fruits du pommier, poussent ici.',
    ]);
    expect(sentences('La première ascension date de 1933, par E. M. Abalakow.', 'fr')).toEqual([
      'La première ascension date de 1933, par E. M. Abalakow.',
    ]);
  });
});

describe('English abbreviations', () => {
  it('splits after an abbreviation only when a typical sentence opener follows', () => {
    expect(sentences('They signed with Pitt & Co. The deal closed.', 'en')).toEqual(['They signed with Pitt & Co.', 'The deal closed.']);
    expect(sentences('I work for the U.S. Government in Virginia.', 'en')).toEqual(['I work for the U.S. Government in Virginia.']);
    expect(sentences('Dr. Smith met Mrs. Jones at 5 p.m. on Monday.', 'en')).toEqual(['Dr. Smith met Mrs. Jones at 5 p.m. on Monday.']);
  });

  it('does not mistake common words for state abbreviations', () => {
    expect(sentences('Please help me. Nobody else can.', 'en')).toEqual(['Please help me.', 'Nobody else can.']);
    expect(sentences('We met in May. John was there.', 'en')).toEqual(['We met in May.', 'John was there.']);
  });

  it('treats "No.", "art.", "vol." as abbreviations only before a number', () => {
    expect(sentences('See No. 5 in the list.', 'en')).toEqual(['See No. 5 in the list.']);
    expect(sentences('He said no. Then he left.', 'en')).toEqual(['He said no.', 'Then he left.']);
    expect(sentences("Vedi l'art. 5 della legge. Il resto è chiaro.", 'it')).toEqual(["Vedi l'art. 5 della legge.", 'Il resto è chiaro.']);
    expect(sentences('I love art. The museum is open.', 'en')).toEqual(['I love art.', 'The museum is open.']);
    expect(sentences("C'était un vol. Il a été arrêté.", 'fr')).toEqual(["C'était un vol.", 'Il a été arrêté.']);
  });
});

describe('AbbreviationTable', () => {
  it('matches lowercase entries in any case and capitalised entries only as written', () => {
    const en = new AbbreviationTable(ABBREVIATION_DATA.en);
    expect(en.lookup('etc')).toBe('abbreviation');
    expect(en.lookup('Etc')).toBe('abbreviation');
    expect(en.lookup('Mr')).toBe('title');
    expect(en.lookup('mr')).toBe('title');
    expect(en.lookup('Calif')).toBe('abbreviation');
    expect(en.lookup('calif')).toBeUndefined();
    expect(en.lookup('no')).toBe('numeral');
    expect(en.lookup('house')).toBeUndefined();
    expect(new AbbreviationTable(ABBREVIATION_DATA.it).lookup('Sig')).toBe('title');
    expect(new AbbreviationTable(ABBREVIATION_DATA.fr).lookup('MM')).toBe('title');
  });
});

describe('abbreviations before a capitalised word', () => {
  it('end the sentence when a typical sentence opener follows', () => {
    expect(sentences('They moved to Washington, D.C. The city is large.', 'en')).toEqual(['They moved to Washington, D.C.', 'The city is large.']);
    expect(sentences('The meeting ended at 5 p.m. Everyone went home.', 'en')).toEqual(['The meeting ended at 5 p.m.', 'Everyone went home.']);
    expect(sentences("Lo ha detto il prof. Mario Rossi, dell'Univ. Bocconi. Gli studenti hanno applaudito.", 'it')).toEqual([
      "Lo ha detto il prof. Mario Rossi, dell'Univ. Bocconi.",
      'Gli studenti hanno applaudito.',
    ]);
  });

  it('in languages without a layer, common titles and abbreviations are known', () => {
    expect(sentences('El Sr. García llegó. Luego se fue.', 'es')).toEqual(['El Sr. García llegó.', 'Luego se fue.']);
    expect(sentences('Siehe S. 5 bzw. Kap. 3 oben. Dort steht alles.', 'de')).toEqual(['Siehe S. 5 bzw. Kap. 3 oben.', 'Dort steht alles.']);
  });
});
