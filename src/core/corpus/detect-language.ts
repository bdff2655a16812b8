/**
 * Language identification for corpora without a manifest or --lang, with franc-min
 * (trigram profiles of 82 languages). Returns a BCP 47 tag: ISO 639-1 where one exists.
 */
import { franc } from 'franc-min';

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

/** The most likely language of `text`, or "und" when there is too little text to tell. */
export function detectLanguage(text: string): string {
  const code = franc(text.slice(0, 20_000), { minLength: 20 });
  if (code === 'und') return 'und';
  return ISO_639_1[code] ?? code;
}
