/**
 * Concrete expectations on the real seed articles: each sentence its own segment, titles and
 * lines without final punctuation as segments, the Anonymous motto split into its sentences.
 */
import { describe, expect, it } from 'vitest';
import { segment } from '../../../src/core/text/segment.js';
import { readSeed, sentencesOf } from './fixtures.js';

function sentencesOfSeed(prefix: string): string[] {
  const seed = readSeed(prefix);
  return sentencesOf(seed.text, segment(seed.text, seed.lang));
}

describe('segmentation of the seed articles', () => {
  it('000 (it): titles are segments and the motto gives five sentences', () => {
    const sentences = sentencesOfSeed('000');
    expect(sentences).toContain('La dichiarazione');
    expect(sentences).toContain('Reclutamento online');
    const motto = sentences.indexOf("'Noi siamo Anonymous.");
    expect(motto).toBeGreaterThan(0);
    expect(sentences.slice(motto - 1, motto + 6)).toEqual([
      'Il video termina con il motto degli Anonymous che è anche un avvertimento.',
      "'Noi siamo Anonymous.",
      'Noi siamo legione.',
      'Non dimentichiamo.',
      'Non perdoniamo.',
      'Aspettateci."',
      // The stray " after "Aspettateci." must not pair with the next quotation mark.
      'Gli Anonymous come già specificato, combattono per la libertà, e già dopo l\'attentato di Charlie Habdo, hanno giurato di non fermarsi finché tutti i membri dell\'Isis non saranno stati scovati e consegnati all\'opinione pubblica, come ha ribadito il loro portavoce "Noi non ci fermeremo, noi non perdoneremo, e faremo tutto ciò che è necessario per mettere fine alle loro azioni".',
    ]);
    expect(sentences.slice(0, 4)).toEqual([
      'Anche questa volta gli Anonymous di tutto il mondo si sono uniti per difendere la libertà e i diritti umani.',
      "Dopo l'attentato parigino che è costato la vita a 129 persone, il gruppo di Hacktivists ha dichiarato per la seconda volta guerra all'Isis.",
      "A seguito dell'operazione @OpIceIsis, parte l'#OpParis, volta a fornire smascherare terroristi e evitare la diffusione di video e contenuti virtuali postati sui maggiori sociale network dall'Isis.",
      'La dichiarazione',
    ]);
    expect(sentences).toHaveLength(17);
  });

  it('001 (it): a quoted passage that ends its sentence is split into its sentences', () => {
    const sentences = sentencesOfSeed('001');
    expect(sentences).toContain(
      'L’obiettivo è semplice: una chiamata alle armi (virtuali), la dichiarazione di guerra contro l’Isis, responsabile della morte di 132 persone.',
    );
    const appeal = sentences.findIndex((s) => s.startsWith('Il video si conclude'));
    expect(sentences.slice(appeal, appeal + 3)).toEqual([
      'Il video si conclude con l’appello vero e proprio e alla mobilitazione di tutti coloro in possesso delle necessarie competenze informatiche: “Facciamo dunque appello a voi, riunitevi, mobilitatevi e difendete queste idee.',
      'Aspettatevi una mobilitazione totale da parte nostra.',
      'Questa violenza non ci deve indebolire, essa deve al contrario darci la forza di riunirci e di lottare insieme, contro la tirannia e l’oscurantismo.”',
    ]);
    // Italian puts the full stop after the closing quotation mark.
    expect(sentences).toContain('Stiamo venendo a prendervi, vi colpiremo più forte che mai”.');
    expect(sentences).toHaveLength(12);
  });

  it('002 (en): numbers, the "Inc." of the copyright line and the doubled final period', () => {
    const sentences = sentencesOfSeed('002');
    expect(sentences[0]).toBe('Anonymous ups Twitter war against ISIS');
    expect(sentences).toContain(
      'Anonymous released a list of roughly 9,200 accounts it believes are associated with ISIS in a move to pressure Twitter to take them down.',
    );
    // The CMS marker stays glued to its sentence: it is part of the line, not a sentence.
    expect(sentences).toContain(
      '{mosads}Locating jihadis on social media has become a serious concern for Anonymous in the wake of the terrorist attacks in Paris earlier this year.',
    );
    expect(sentences).toContain('For its latest ISIS account dump, Anonymous reportedly worked with two other hacker organizations, GhostSec and CtrlSec.');
    expect(sentences).toContain('The collaboration was described as unprecedented by one user associated with the movement.');
    expect(sentences.slice(-3)).toEqual([
      'Copyright 2024 Nexstar Media Inc.',
      'All rights reserved.',
      'This material may not be published, broadcast, rewritten, or redistributed..',
    ]);
    expect(sentences).toHaveLength(21);
  });

  it('003 (fr): headings and guillemets', () => {
    const sentences = sentencesOfSeed('003');
    expect(sentences[0]).toBe('France');
    // A quotation embedded in its sentence stays whole, as in the golden rules.
    expect(sentences[1]).toBe('«On ne pardonne pas. On n’oublie pas.» : Anonymous en croisade après l’attentat de Nice (VIDEOS)');
    expect(sentences).toContain(
      'La branche française de l’organisation, Anonymous France, a elle aussi publié un message sur la toile quelques heures après la tragédie qui a frappé Nice.',
    );
    expect(sentences).toContain(
      '«Le terrorisme doit être éradiqué et ce par tous les moyens dont nous disposons», a indiqué un homme arborant le célèbre masque des hackers.',
    );
    expect(sentences).toContain('Les Anonymous avaient ensuite remis le couvert après les sanglantes attaques terroristes qui avaient frappé Bruxelles le 22 mars.');
    expect(sentences).toContain('Lire aussi :\u00a0Attentat à Nice : «La France est en guerre», les réactions de personnalités obtenues par RT France');
    expect(sentences).toHaveLength(15);
  });

  it('004 (en): headline and photo credit lines, quoted words, "Milo Alert!"', () => {
    const sentences = sentencesOfSeed('004');
    expect(sentences.slice(0, 2)).toEqual(['Anonymous Claims to Have Thwarted Islamic State Attack on Italy', 'Ben Pruchnie/Getty Images']);
    expect(sentences).toContain('OpParis also promised a video to “satisfy curiosity.”');
    expect(sentences).toContain('It has been over a month since Anonymous “declared war” on ISIS.');
    expect(sentences).toContain('Other groups, however, have criticised Anonymous’ approach.');
    expect(sentences.at(-1)).toBe(
      'Follow Allum Bokhari @LibertarianBlue\u00a0on Twitter, and download Milo Alert! for Android to be kept up to date on his latest articles.',
    );
    expect(sentences).toHaveLength(17);
  });
});
