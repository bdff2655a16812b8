/**
 * Language identification for corpora without a manifest or --lang, with franc-all (trigram
 * profiles of 414 languages: Icelandic, Faroese and the like too, which the 82 of franc-min
 * lacked, so Icelandic came out as Swedish). Returns a BCP 47 tag: ISO 639-1 where one exists.
 * Among many languages some neighbours score alike (Spanish and Asturian, English and Scots):
 * then the widely used one is taken, and when two widely used languages still score alike the
 * guess is "und" (unsure) so that the caller asks for --lang instead of guessing.
 */
import { francAll } from 'franc-all';
import { iso6393To1 } from 'iso-639-3/iso6393-to-1.js';

/** franc's ISO 639-3 codes with an ISO 639-1 equivalent. Others are valid BCP 47 tags as they are. */
const ISO_639_1: Readonly<Record<string, string>> = {
  cmn: 'zh', spa: 'es', eng: 'en', rus: 'ru', arb: 'ar', ben: 'bn', hin: 'hi', por: 'pt', ind: 'id', jpn: 'ja',
  fra: 'fr', deu: 'de', jav: 'jv', kor: 'ko', tel: 'te', vie: 'vi', mar: 'mr', ita: 'it', tam: 'ta', tur: 'tr',
  urd: 'ur', guj: 'gu', pol: 'pl', ukr: 'uk', kan: 'kn', mal: 'ml', pes: 'fa', mya: 'my', swh: 'sw', sun: 'su',
  ron: 'ro', pan: 'pa', amh: 'am', hau: 'ha', bos: 'bs', hrv: 'hr', nld: 'nl', srp: 'sr', tha: 'th', ckb: 'ckb',
  yor: 'yo', uzn: 'uz', zlm: 'ms', ibo: 'ig', npi: 'ne', tgl: 'tl', hun: 'hu', azj: 'az', sin: 'si', ell: 'el',
  ces: 'cs', bel: 'be', plt: 'mg', nya: 'ny', pbu: 'ps', kin: 'rw', zul: 'zu', bul: 'bg', swe: 'sv', lin: 'ln',
  som: 'so', ilo: 'ilo', kaz: 'kk', run: 'rn', ceb: 'ceb', uig: 'ug', hat: 'ht', khm: 'km', prs: 'prs', aka: 'ak',
  tat: 'tt', slk: 'sk', dan: 'da', fin: 'fi', nob: 'nb', heb: 'he', cat: 'ca', kat: 'ka', hye: 'hy', lit: 'lt',
  lav: 'lv', est: 'et', slv: 'sl', mkd: 'mk', sqi: 'sq', eus: 'eu', glg: 'gl', afr: 'af', tuk: 'tk', kir: 'ky',
};

/** Widely used languages (the 82 of franc-min, each with millions of speakers). */
const WIDELY_USED = new Set(Object.keys(ISO_639_1));
/** Candidates scoring within this of the best (franc's scores: 1 for the best) count as ties. */
const TIE = 0.02;
/** Two widely used languages closer than this cannot be told apart: unsure. */
const UNSURE = 0.005;
/**
 * Fewer letters than this and trigram profiles are unreliable among 414 languages (a short
 * Portuguese greeting scores as Kabuverdianu): the guess is given, but as unsure.
 */
const MIN_LETTERS = 200;
/** Characters read: enough for a stable guess, cheap on long books. */
const SAMPLE = 20_000;

export interface LanguageGuess {
  /** BCP 47 tag of the best guess, or "und" with too little text. */
  readonly lang: string;
  /** False when another language scores as well (see `candidates`): ask the user. */
  readonly sure: boolean;
  /** The languages that scored alike (best first), as BCP 47 tags. */
  readonly candidates: readonly string[];
}

function toTag(code: string): string {
  return ISO_639_1[code] ?? iso6393To1[code] ?? code;
}

export function guessLanguage(text: string): LanguageGuess {
  const sample = text.slice(0, SAMPLE);
  const scores = francAll(sample, { minLength: 20 });
  const best = scores[0];
  if (!best || best[0] === 'und') return { lang: 'und', sure: false, candidates: [] };
  const ties = scores.filter(([, s]) => s >= best[1] - TIE);
  // A text is far more likely in a widely used language than in a regional neighbour whose
  // trigrams score the same.
  const widely = ties.filter(([c]) => WIDELY_USED.has(c));
  const pool = widely.length > 0 ? widely : ties;
  const pick = pool[0]!;
  const rivals = pool.filter(([c, s]) => c !== pick[0] && s >= pick[1] - UNSURE);
  const letters = sample.match(/\p{L}/gu)?.length ?? 0;
  const enough = letters >= MIN_LETTERS;
  const named = enough ? [pick, ...rivals] : [pick, ...scores.filter(([c]) => c !== pick[0]).slice(0, 2)];
  return { lang: toTag(pick[0]), sure: enough && rivals.length === 0, candidates: named.map(([c]) => toTag(c)) };
}

/** The most likely language of `text`, or "und" when there is too little text or two languages score alike. */
export function detectLanguage(text: string): string {
  // Too few letters is never a sure guess: no need to score 414 languages (milliseconds per
  // text, which made up nearly all of loading a corpus of many tiny documents).
  if (!hasLetters(text.slice(0, SAMPLE), MIN_LETTERS)) return 'und';
  const guess = guessLanguage(text);
  return guess.sure ? guess.lang : 'und';
}

/** Whether `text` holds at least `wanted` letters (as guessLanguage counts them), stopping there. */
function hasLetters(text: string, wanted: number): boolean {
  let count = 0;
  for (const _ of text.matchAll(/\p{L}/gu)) if (++count >= wanted) return true;
  return false;
}
