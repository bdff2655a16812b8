import { describe, expect, it } from 'vitest';
import { extractSignals } from '../../../src/core/check/signals.js';

const numbers = (text: string) => [...extractSignals(text).numbers].sort();

describe('extractSignals: numbers', () => {
  it('reads thousands the same in every locale (9,200 = 9.200 = 9 200 with space, NBSP or narrow NBSP)', () => {
    for (const written of ['9,200', '9.200', '9 200', '9\u00a0200', '9\u202f200', '9200']) {
      expect(numbers(`circa ${written} account`)).toEqual(['9200']);
    }
  });

  it('reads decimals with a comma (it/fr) and a dot (en) as the same number', () => {
    expect(numbers('una crescita del 3,5%')).toEqual(['3.5']);
    expect(numbers('a growth of 3.5%')).toEqual(['3.5']);
    expect(numbers('1.234,5 euro')).toEqual(numbers('1,234.5 euros'));
  });

  it('ignores numbers written in words and digits inside words', () => {
    expect(numbers('Twitter has shut down thousands of accounts')).toEqual([]);
    expect(numbers('the G7 summit, an MP3 file')).toEqual([]);
  });

  it('makes numeric dates and dates with month names comparable', () => {
    const expected = ['11', '13', '2015'];
    expect(numbers('il 13 novembre 2015')).toEqual(expected);
    expect(numbers('le 13 novembre 2015')).toEqual(expected);
    expect(numbers('on November 13, 2015')).toEqual(expected);
    expect(numbers('13/11/2015')).toEqual(expected);
    expect(numbers('2015-11-13')).toEqual(expected);
    expect(numbers('le 14 juillet')).toEqual(['14', '7']);
    expect(numbers('December 11th')).toEqual(['11', '12']);
  });

  it('reads a 12-hour time as the 24-hour one: 9:30 p.m. = 21:30, 12:15 a.m. = 0:15', () => {
    for (const written of ['9:30 p.m.', '9:30 pm', '9:30PM', '9:30 p. m.']) expect(numbers(`at ${written} today`), written).toEqual(['21:30']);
    expect(numbers('at 12:15 a.m.')).toEqual(['0:15']);
    expect(numbers('at 12:15 p.m.')).toEqual(['12:15']);
    expect(numbers('at 9:30 a.m.')).toEqual(['9:30']);
    // A word that only starts like it is not a 12-hour mark.
    expect(numbers('9:30 amid the noise')).toEqual(['9:30']);
    expect(numbers('9:30 people')).toEqual(['9:30']);
  });

  it('reads a time as one value: 21:30 = 21h30', () => {
    expect(numbers('alle 21:30')).toEqual(['21:30']);
    expect(numbers('à 21h30')).toEqual(['21:30']);
  });

  it('finds the seeds’ death tolls', () => {
    expect(numbers("Dopo l'attentato parigino che è costato la vita a 129 persone")).toEqual(['129']);
    expect(numbers('responsabile della morte di 132 persone.')).toEqual(['132']);
  });
});

describe('extractSignals: hashtags, handles, URLs', () => {
  it('folds case and accents of hashtags and handles and keeps them out of the numbers', () => {
    const s = extractSignals("A seguito dell'operazione @OpIceIsis, parte l'#OpParis contro #Daesh2015.");
    expect([...s.handles]).toEqual(['opiceisis']);
    expect([...s.hashtags].sort()).toEqual(['daesh2015', 'opparis']);
    expect([...s.numbers]).toEqual([]);
    expect([...extractSignals('#Libertà').hashtags]).toEqual(['liberta']);
  });

  it('does not take e-mail addresses for handles or "#1" for a hashtag', () => {
    const s = extractSignals('write to press@example.org, #1 in the charts');
    expect([...s.handles]).toEqual([]);
    expect([...s.hashtags]).toEqual([]);
  });

  it('normalises URLs (scheme, www, trailing slash, case) and keeps their digits out of the numbers', () => {
    const a = extractSignals('See https://www.Example.org/news/2015/ for more.');
    const b = extractSignals('Voir example.org? No: www.example.org/news/2015');
    expect([...a.urls]).toEqual(['example.org/news/2015']);
    expect([...b.urls]).toEqual(['example.org/news/2015']);
    expect([...a.numbers]).toEqual([]);
  });
});
