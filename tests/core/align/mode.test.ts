/**
 * `auto` mode on real inputs: translations must come out parallel (with several shared names,
 * numbers and dates per sentence too), the seeds (independent articles) comparable.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decideMode, weaklyMonotoneChain } from '../../../src/core/align/mode.js';
import { presplitDocument, presplitLines } from '../../../src/core/align/presplit.js';
import type { AlignDocument } from '../../../src/core/align/types.js';
import { segment } from '../../../src/core/text/segment.js';
import { REPO_ROOT, SHARED_DIR, seedDocs } from '../../helpers/seeds.js';
import { parseTsvLexicon } from '../../../src/core/align/lexicon.js';
import { gunzipSync } from 'node:zlib';

const DATA = join(SHARED_DIR, 'bench/alignment');
const presplit = (id: string, lang: string, path: string): AlignDocument => presplitDocument(id, lang, presplitLines(readFileSync(path, 'utf8')));
const doc = (id: string, lang: string, text: string): AlignDocument => ({ id, lang, text, sentences: segment(text, lang) });

// A news-like translation where most sentences carry several shared rare words (names, numbers,
// dates, acronyms): the case a chain of one point per sentence pair scored as "comparable".
const IT = [
  'Il 13 novembre 2015 Mario Rossi è arrivato a Roma alle 21:30 con 40 colleghi.',
  "Secondo l'ISTAT il PIL è cresciuto del 3,5% nel 2014, contro il 2,1% del 2013.",
  'La riunione con Bianchi e Verdi è durata 3 ore, dalle 9 alle 12.',
  'Alla fine Rossi ha ringraziato i 120 presenti della FIAT di Torino.',
  'Il 14 novembre la delegazione di 25 persone è ripartita per Milano.',
  "L'UNESCO ha stanziato 800.000 euro per il progetto Aurora nel 2016.",
  'Il sindaco Gualtieri ha incontrato Macron a Parigi il 2 dicembre.',
  'Nel 2017 il progetto Aurora contava 1.250 volontari in 14 città.',
].join(' ');
const FR = [
  'Le 13 novembre 2015, Mario Rossi est arrivé à Rome à 21h30 avec 40 collègues.',
  "Selon l'ISTAT, le PIB a augmenté de 3,5 % en 2014, contre 2,1 % en 2013.",
  'La réunion avec Bianchi et Verdi a duré 3 heures, de 9 h à 12 h.',
  'À la fin, Rossi a remercié les 120 présents de la FIAT de Turin.',
  'Le 14 novembre, la délégation de 25 personnes est repartie pour Milan.',
  "L'UNESCO a débloqué 800 000 euros pour le projet Aurora en 2016.",
  'Le maire Gualtieri a rencontré Macron à Paris le 2 décembre.',
  'En 2017, le projet Aurora comptait 1 250 bénévoles dans 14 villes.',
].join(' ');

describe('auto mode', () => {
  it('takes a translation whose sentences share several rare words each as parallel', () => {
    const decision = decideMode([doc('it', 'it', IT), doc('fr', 'fr', FR)], []);
    expect(decision.mode, decision.reason).toBe('parallel');
  });

  it('takes the dev translations as parallel', () => {
    expect(decideMode([presplit('de', 'de', join(DATA, 'textberg-dev/dev.de')), presplit('fr', 'fr', join(DATA, 'textberg-dev/dev.fr'))], []).mode).toBe('parallel');
    for (const book of ['Candide', 'Emma']) {
      const pair = [presplit('en', 'en', join(DATA, `transread-dev/${book}.en`)), presplit('fr', 'fr', join(DATA, `transread-dev/${book}.fr`))];
      expect(decideMode(pair, []).mode, book).toBe('parallel');
    }
  });

  it('takes the seeds (independent articles) as comparable, also the two Italian ones alone', () => {
    const seeds = seedDocs().map((d) => doc(d.id, d.lang, d.text));
    expect(decideMode(seeds, []).mode).toBe('comparable');
    const frIt = parseTsvLexicon(gunzipSync(readFileSync(join(REPO_ROOT, 'lexicons/fr-it.freedict.tsv.gz'))).toString('utf8'), { name: 'fr-it', a: 'fr', b: 'it' });
    expect(decideMode(seeds, [frIt]).mode).toBe('comparable');
    const italian = seeds.filter((d) => d.lang === 'it');
    expect(italian).toHaveLength(2);
    expect(decideMode(italian, []).mode).toBe('comparable');
  });

  it('with almost no shared words, goes by the sizes and says why', () => {
    const a = doc('a', 'it', 'Oggi piove molto. Domani forse no. Speriamo bene.');
    const b = doc('b', 'en', 'It is raining hard today. Perhaps not tomorrow. Let us hope so.');
    const same = decideMode([a, b], []);
    expect(same.mode).toBe('parallel');
    expect(same.reason).toMatch(/sizes match/);
    const longer = doc('c', 'en', 'It rains. It pours. The roads flood. The trains stop. Schools close. People stay home. Shops shut early.');
    expect(decideMode([a, longer], []).mode).toBe('comparable');
  });

  it('chains points on one row or column (weakly monotone), never backwards', () => {
    const chain = weaklyMonotoneChain([[0, 0], [0, 1], [1, 1], [2, 1], [1, 0], [3, 4], [2, 5], [4, 0]]);
    expect(chain).toHaveLength(5);
    for (let k = 1; k < chain.length; k++) {
      expect(chain[k]![0]).toBeGreaterThanOrEqual(chain[k - 1]![0]);
      expect(chain[k]![1]).toBeGreaterThanOrEqual(chain[k - 1]![1]);
    }
    expect(weaklyMonotoneChain([])).toEqual([]);
  });
});
