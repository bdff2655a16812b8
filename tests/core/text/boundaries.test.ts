/** Line breaks, numbers, ellipses, question and exclamation marks, lists. */
import { describe, expect, it } from 'vitest';
import { sentences } from './helpers.js';

describe('line breaks', () => {
  it('every line break is a boundary; blank lines never give empty sentences', () => {
    expect(sentences('Titolo\nPrima frase. Seconda frase\n\n\nUltima riga senza punto\r\nFine.', 'it')).toEqual([
      'Titolo',
      'Prima frase.',
      'Seconda frase',
      'Ultima riga senza punto',
      'Fine.',
    ]);
  });
});

describe('numbers', () => {
  it('ends a sentence after "<number>." when a new sentence starts', () => {
    expect(sentences('Le vittime sono state 129. Il governo ha reagito.', 'it')).toEqual(['Le vittime sono state 129.', 'Il governo ha reagito.']);
    expect(sentences('It happened in 2015. Nobody noticed.', 'en')).toEqual(['It happened in 2015.', 'Nobody noticed.']);
  });

  it('does not split numbers, decimals, thousands or dates', () => {
    expect(sentences('Roughly 9,200 accounts and 3.5 million views on 27.10.2014 were counted.', 'en')).toEqual([
      'Roughly 9,200 accounts and 3.5 million views on 27.10.2014 were counted.',
    ]);
  });

  it('in languages without a layer, short "<number>." is an ordinal', () => {
    expect(sentences('Am 3. Oktober wurde gefeiert. Danach war Ruhe.', 'de')).toEqual(['Am 3. Oktober wurde gefeiert.', 'Danach war Ruhe.']);
    expect(sentences('Das war 1956. Danach war Ruhe.', 'de')).toEqual(['Das war 1956.', 'Danach war Ruhe.']);
  });
});

describe('ellipses', () => {
  it('ends a sentence after an ellipsis only before a capital', () => {
    expect(sentences('Aspetta... Forse domani. Non so … forse sì.', 'it')).toEqual(['Aspetta...', 'Forse domani.', 'Non so … forse sì.']);
  });
});

describe('question and exclamation marks', () => {
  it('split, including French spacing, but not before a lowercase continuation', () => {
    expect(sentences('Vraiment ? Oui ! Bien sûr.', 'fr')).toEqual(['Vraiment ?', 'Oui !', 'Bien sûr.']);
    expect(sentences('« Qui est là ? » demanda-t-il. Personne.', 'fr')).toEqual(['« Qui est là ? » demanda-t-il.', 'Personne.']);
    expect(sentences('She works at Yahoo! in the accounting department.', 'en')).toEqual(['She works at Yahoo! in the accounting department.']);
  });
});

describe('lists on one line', () => {
  it('split numbered and lettered items, not numbers glued to words', () => {
    expect(sentences('1) pane 2) latte 3) uova', 'it')).toEqual(['1) pane', '2) latte', '3) uova']);
    expect(sentences("Ecco l'elenco: 1.gelato, 2.carne, 3.riso.", 'it')).toEqual(["Ecco l'elenco: 1.gelato, 2.carne, 3.riso."]);
    expect(sentences('a. First b. Second', 'en')).toEqual(['a. First', 'b. Second']);
  });

  it('keeps dialogue dashes inside their sentence', () => {
    expect(sentences('– Vieni – disse lui – è tardi.', 'it')).toEqual(['– Vieni – disse lui – è tardi.']);
  });
});

describe('languages without a dedicated layer', () => {
  it('use generic rules: initials, unknown abbreviations before lowercase words', () => {
    expect(sentences('Ähnlich ging es z. B. mit dem Panda. Vgl. auch Izzard.', 'de')).toEqual([
      'Ähnlich ging es z. B. mit dem Panda.',
      'Vgl. auch Izzard.',
    ]);
    expect(sentences('Geleitet von J. O. M. Roberts. Dann kam der Regen.', 'de-CH')).toEqual([
      'Geleitet von J. O. M. Roberts.',
      'Dann kam der Regen.',
    ]);
    expect(sentences('Der Wert ist 8481 m. Am schlimmsten ist es beim Cho Oyu.', 'de')).toEqual([
      'Der Wert ist 8481 m.',
      'Am schlimmsten ist es beim Cho Oyu.',
    ]);
    expect(sentences('Die Expedition musste umkehren. 1955 hatte der Berg Ruhe.', 'de')).toEqual([
      'Die Expedition musste umkehren.',
      '1955 hatte der Berg Ruhe.',
    ]);
    expect(sentences('Hola. ¿Qué tal? Bien.', 'es')).toEqual(['Hola.', '¿Qué tal?', 'Bien.']);
    expect(sentences('Один. Два.', 'und')).toEqual(['Один.', 'Два.']);
  });
});

describe('long lines', () => {
  it('segments a single line of thousands of sentences', () => {
    const text = 'Frase breve. '.repeat(3000).trim();
    const result = sentences(text, 'it');
    expect(result).toHaveLength(3000);
    expect(new Set(result)).toEqual(new Set(['Frase breve.']));
  });

  it('thousands of unclosed brackets do not switch splitting off', () => {
    const result = sentences('(Nota. Testo. '.repeat(2000), 'it');
    expect(result).toHaveLength(4000);
    expect(result.slice(0, 2)).toEqual(['(Nota.', 'Testo.']);
  });
});
