/** Document ids of new alignments, from file names. */
import { describe, expect, it } from 'vitest';
import { idsFromFileNames, uniqueIdWork, uniqueIds } from '../../../src/core/corpus/manifest.js';

describe('document ids from file names', () => {
  it('keeps a file name\'s language when the stems are the same (dev.de, dev.fr), as allinea import does', () => {
    expect(idsFromFileNames(['dev.de', 'dev.fr'])).toEqual(['dev-de', 'dev-fr']);
    expect(idsFromFileNames(['europarl.en', 'europarl.fr', 'europarl.it'])).toEqual(['europarl-en', 'europarl-fr', 'europarl-it']);
    expect(idsFromFileNames(['dev.de.txt', 'dev.fr.txt'])).toEqual(['dev.de', 'dev.fr']);
    // Different stems need no extension; one extension for all says nothing.
    expect(idsFromFileNames(['report.txt', 'rapport.txt'])).toEqual(['report', 'rapport']);
    expect(idsFromFileNames(['text.txt', 'text.txt'])).toEqual(['text', 'text-2']);
  });

  it('keeps letters of any script, composed (città, Ärger, Москва, 東京)', () => {
    expect(idsFromFileNames(['città.it', 'Ärger.txt', 'Москва.ru', '東京.ja'])).toEqual(['città', 'Ärger', 'Москва', '東京']);
    // A decomposed name (as macOS stores it) gives the same id as the composed one.
    expect(idsFromFileNames(['citta\u0300.txt'])).toEqual(['città']);
    expect(idsFromFileNames(['my report (final).txt', '¿qué?.txt', '...txt'])).toEqual(['my-report-final', 'qué', 'doc']);
  });

  it('never gives a suffixed id that another file has (a, a, a-2)', () => {
    expect(uniqueIds(['a', 'a', 'a-2'])).toEqual(['a', 'a-3', 'a-2']);
    expect(idsFromFileNames(['a.txt', 'a.txt', 'a-2.txt'])).toEqual(['a', 'a-3', 'a-2']);
    const many = uniqueIds([...Array.from({ length: 50 }, () => 'x'), ...Array.from({ length: 50 }, (_, i) => `x-${i + 2}`)]);
    expect(new Set(many).size).toBe(100);
  });

  it('does linear work when many files share a stem (a count, not a time)', () => {
    const triedFor = (n: number): number => {
      const before = uniqueIdWork.tried;
      // Half the names are the suffixes the other half would take first.
      const ids = uniqueIds([...Array.from({ length: n }, (_, i) => `doc-${i + 2}`), ...Array.from({ length: n }, () => 'doc')]);
      expect(new Set(ids).size).toBe(2 * n);
      return uniqueIdWork.tried - before;
    };
    const small = triedFor(2000);
    const large = triedFor(4000);
    expect(large / small).toBeLessThanOrEqual(2.3);
    expect(large).toBeLessThanOrEqual(4 * 2 * 4000);
  });
});
