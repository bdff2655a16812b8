/**
 * Abbreviation data per language. Entries are written without their final period; internal
 * periods are kept ("sig.ra", "p.m", "c.-à-d").
 *
 * - `titles` precede a name and never end a sentence (Mr. Smith, Sig. Rossi, M. Dupont).
 * - `abbreviations` usually continue the sentence but can end it ("... & Co. It closed").
 * - `numerals` are abbreviations only in front of a number.
 *
 * Lowercase entries match any capitalisation (etc./Etc., dott./Dott.); an entry with capitals
 * matches only tokens capitalised the same way, so that the English state "Me." or "Ill."
 * does not swallow the words "me." and "ill.".
 */
import { English } from 'sentence-splitter/lang';

export interface AbbreviationData {
  readonly titles: readonly string[];
  readonly abbreviations: readonly string[];
  /** Abbreviations only before a number (No. 5, N°. 12); elsewhere the word is a word ("no."). */
  readonly numerals?: readonly string[];
  /** Words that end in "!" without ending the sentence (Yahoo!). */
  readonly exclamationWords: readonly string[];
}

/** Understood in every language: Latin and international abbreviations, English titles. */
const INTERNATIONAL: AbbreviationData = {
  titles: ['mr', 'mrs', 'ms', 'messrs', 'dr', 'drs', 'prof'],
  abbreviations: [
    'etc', 'e.g', 'i.e', 'cf', 'cfr', 'vs', 'viz', 'ca', 'approx', 'ibid', 'op', 'cit', 'st',
    'n', 'p', 'pp', 'fig', 'figs', 'fax', 'ed', 'eds', 'ltd', 'inc', 'co', 'corp', 'a.c', 'd.c',
    'a.m', 'p.m',
  ],
  // Also words (art, vol in French, tel in French) when no number follows.
  numerals: ['no', 'nos', 'nr', 'n°', 'nº', 'nn', 'num', 'n.ro', 'art', 'artt', 'vol', 'vols', 'tel'],
  exclamationWords: [],
};

/** Entries of sentence-splitter's English lists that are also common words or not titles. */
const ENGLISH_WORDS: ReadonlySet<string> = new Set([
  'May.', 'Me.', 'Is.', 'Ok.', 'Miss.', 'Ill.', 'Id.', 'Man.', 'Mass.', 'Wash.', 'Con.', 'Ore.',
  'Arc.', 'Cal.', 'Ken.', 'Ord.', 'Res.', 'Ver.', 'Fed.', 'Med.', 'Del.', 'Ind.', 'Pa.', 'La.',
  'Mo.', 'Bart.', 'Ing.', 'Al.', 'Ida.', 'Penn.', 'No.', 'Nos.', 'Nr.',
]);
const NOT_TITLES_EN: ReadonlySet<string> = new Set(['Vs.', 'St.', 'Ing.', 'V.']);

const ENGLISH: AbbreviationData = {
  // sentence-splitter's own English data, plus military and religious titles it lacks.
  titles: [
    ...English.PREPOSITIVE_ABBREVIATIONS.filter((entry) => !NOT_TITLES_EN.has(entry)),
    'sgt', 'lt', 'capt', 'col', 'gen', 'adm', 'cmdr', 'maj', 'rev', 'fr', 'hon', 'pres', 'gov',
    'sen', 'rep', 'supt', 'insp', 'mt', 'mx',
  ],
  abbreviations: [
    ...English.ABBREVIATIONS.filter((entry) => !ENGLISH_WORDS.has(entry)),
    'jr', 'sr', 'esq', 'bros', 'dept', 'univ', 'assn', 'govt', 'est', 'misc', 'ref', 'ext',
    'feb', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'tue', 'tues',
    'thu', 'thur', 'thurs', 'fri', 'ave', 'blvd', 'rd', 'hwy', 'mtn', 'ch', 'chap', 'secs',
    'hr', 'hrs', 'mins', 'oz', 'lb', 'lbs', 'yr', 'yrs', 'mos', 'pt', 'pts', 'trans', 'repr',
    'al', 'ft', 'u.s', 'u.k', 'u.n', 'e.u', 'ph.d', 'b.a', 'm.a', 'b.sc', 'm.sc', 'b.c', 'a.d',
  ],
  exclamationWords: English.EXCLAMATION_WORDS,
};

const ITALIAN: AbbreviationData = {
  titles: [
    'sig', 'sigg', 'sig.ra', 'sig.na', 'sig.ri', 'sigra', 'signa', 'dott', 'dott.ssa', 'dr',
    'dr.ssa', 'prof', 'prof.ssa', 'proff', 'ing', 'avv', 'arch', 'geom', 'rag', 'p.i', 'egr',
    'egr.mo', 'egr.ma', 'gent', 'gent.mo', 'gent.ma', 'gent.mi', 'gentil.mo', 'ill', 'ill.mo',
    'ill.ma', 'chiar', 'chiar.mo', 'preg', 'preg.mo', 'spett', 'spett.le', 'on', 'sen', 'dep',
    'mons', 'rev', 'rev.mo', 'card', 'cav', 'comm', 'gr.uff', 'uff', 'col', 'magg', 'ten',
    'sott', 'serg', 'brig', 'm.llo', 'mar.llo', 's.e', 's.s', 'ss', 'sac', 'mo', 'm°', 'dott.ri',
  ],
  abbreviations: [
    // Texts, references and letters.
    'ecc', 'es', 'p.es', 'pag', 'pagg', 'cap', 'capp', 'artt', 'par', 'parr', 'voll',
    'figg', 'tab', 'tabb', 'tav', 'tavv', 'cell', 'int', 'edd', 'trad', 'sec', 'secc', 'sg',
    'sgg', 'segg', 'seg', 'ib', 'vd', 'gen', 'dir', 'pres', 'vicepres',
    'cod', 'c.c', 'c.p', 'c.p.c', 'c.p.p', 'd.lgs', 'd.l', 'd.p.r', 'l', 'g.u', 'reg', 'rif',
    'all', 'ogg', 'prot', 'racc', 'sez', 'suppl', 'ms', 'mss', 'cca', 'mln', 'mld',
    'c.a', 'p.s', 'n.b', 'n.d.r', 'n.d.t', 'a.c', 'd.c', 's.p.a', 's.r.l', 's.n.c', 's.a.s',
    'spa', 'srl', 'snc', 'c.so', 'v.le', 'p.za', 'p.zza', 'p.le', 'loc', 'fraz', 'prov', 'com',
    'str', 'univ', 'dip', 'dipart', 'fac', 'soc', 'ass', 'assoc', 'fond', 'coop', 'cons', 'min',
    'naz', 'intern', 'gov', 'amb', 'racc', 'ist',
    // Months and days ("ago." and "gio." are left out: ago is a word, Gio a name).
    'genn', 'feb', 'febbr', 'mar', 'apr', 'mag', 'giu', 'lug', 'set', 'sett',
    'ott', 'nov', 'dic', 'lun', 'mer', 'ven', 'sab', 'dom',
    // Grammar and dictionary labels.
    'abbr', 'agg', 'avv', 'sost', 's.m', 's.f', 'pl', 'sing', 'masc', 'femm', 'inter', 'cong',
    'prep', 'pron', 'v.tr', 'v.intr', 'tr', 'intr', 'rifl', 'part', 'pres', 'imperf',
    'fut', 'cond', 'congiunt', 'indic', 'ger', 'inf', 'lett', 'letter', 'estens', 'spec',
    'partic', 'gener', 'fam', 'scherz', 'spreg', 'ant', 'arc', 'dial', 'region',
    'tosc', 'lomb', 'sett', 'merid', 'centr', 'lat', 'gr', 'ingl', 'fr', 'sp',
    'port', 'ar', 'ebr', 'russ', 'giapp', 'cin', 'deriv', 'dimin', 'accr', 'pegg', 'vezz',
    // Fields of knowledge (as in dictionary entries and course names).
    'bot', 'zool', 'anat', 'med', 'chir', 'farm', 'chim', 'fis', 'fisiol', 'geom',
    'geogr', 'geol', 'miner', 'astr', 'meteor', 'mus', 'relig', 'eccl', 'stor', 'st',
    'archeol', 'filos', 'psicol', 'psich', 'sociol', 'pedag', 'ling', 'gramm', 'retor', 'econ',
    'fin', 'banc', 'giur', 'amm', 'polit', 'mil', 'marin', 'aer', 'aeron', 'ferr', 'autom',
    'mecc', 'elettr', 'elettron', 'inform', 'tecn', 'tecnol', 'edil', 'idraul', 'agr', 'zoot',
    'enol', 'gastr', 'tess', 'tip', 'fot', 'cinem', 'teatr', 'equit', 'az', 'ind',
    'ist', 'biol', 'biochim', 'genet', 'ott', 'acust', 'elettrotecn', 'topogr', 'urban',
  ],
  exclamationWords: [],
};

const FRENCH: AbbreviationData = {
  titles: [
    'm', 'mm', 'mme', 'mmes', 'mlle', 'mlles', 'me', 'mes', 'mgr', 'mgrs', 'dr', 'drs', 'pr',
    'prs', 'st', 'ste', 'sts', 'stes', 'vve', 'cdt', 'cne', 'col', 'gal', 'gén', 'lt', 'sgt',
    'adj', 'fr', 'sr', 'r.p', 'rvd', 's.a', 's.e', 's.m', 'll.mm', 's.s', 'lt-col',
  ],
  abbreviations: [
    // Texts and references.
    'cf', 'p', 'pp', 'pag', 't', 'chap', 'ch', 'fig', 'art', 'al', 'éd', 'édit', 'coll', 'trad',
    'dir', 'préf', 'op', 'ibid', 'id', 'loc', 'réf', 'suppl', 's', 'ss', 'sq', 'sqq',
    'ms', 'mss', 'env', 'ex', 'resp', 'cit', 'éq', 'ann', 'suiv', 'voy', 'univ', 'éds', 'vv',
    // Addresses, companies, units.
    'av', 'bd', 'boul', 'fg', 'pl', 'r', 'rte', 'imp', 'cie', 'sté', 'ets', 'hab', 'tél',
    'dép', 'arr', 'cant', 'mun', 'qqch', 'qqn', 'qq', 'sup', 'inf', 'pt', 'pts', 'min', 'vx',
    'c.-à-d', 'p.-ê', 'p.ex', 'j.-c', 'spéc', 'gén', 'apr',
    // Months and days, without mer., jeu., sept. (words) and sam. (a name).
    'janv', 'févr', 'fév', 'avr', 'juil', 'oct', 'nov', 'déc', 'lun', 'mar', 'ven', 'dim',
    // Grammar and dictionary labels.
    'adj', 'adv', 'conj', 'prép', 'pron', 'interj', 'n.m', 'n.f', 'v.tr', 'v.intr', 'tr',
    'intr', 'pronom', 'masc', 'fém', 'sing', 'plur', 'fam', 'litt', 'péj', 'anc', 'arch',
    'dial', 'lat', 'gr', 'angl', 'all', 'esp', 'ital', 'jur', 'méd', 'math', 'phys', 'chim',
    'bot', 'zool', 'anat', 'géogr', 'géol', 'hist', 'philos', 'psychol', 'mus', 'relig',
    'techn', 'milit', 'écon',
  ],
  exclamationWords: [],
};

/**
 * For languages without a dedicated layer: the commonest titles and abbreviations of German,
 * Spanish, Portuguese and Dutch, which would otherwise be taken for sentence ends before a
 * capitalised word (Sr. García, bzw. Kap. 3).
 */
const GENERIC: AbbreviationData = {
  titles: ['sr', 'sra', 'srta', 'sres', 'dra', 'dña', 'ud', 'uds', 'hr', 'fr', 'frl', 'dhr', 'mevr', 'mw', 'st'],
  abbreviations: [
    'bzw', 'usw', 'vgl', 'evtl', 'ggf', 'inkl', 'sog', 'geb', 'gest', 'hrsg', 'jh', 'kap', 'abs',
    'str', 'z.b', 'd.h', 'u.a', 'o.ä', 's.o', 's.u', 'u.ä', 'z.t', 'pág', 'págs', 'aprox', 'núm',
    'ee.uu', 'av', 'avda', 'blz', 'enz', 'bijv', 'o.a', 'm.a.w', 'univ', 'dept',
  ],
  exclamationWords: [],
};

export const ABBREVIATION_DATA: Readonly<Record<string, AbbreviationData>> = {
  en: ENGLISH,
  it: ITALIAN,
  fr: FRENCH,
  und: GENERIC,
};

export type AbbreviationKind = 'title' | 'abbreviation' | 'numeral';

/** Fast lookup over one language's data (plus the international entries). */
export class AbbreviationTable {
  private readonly anyCase = new Map<string, AbbreviationKind>();
  private readonly exactCase = new Map<string, AbbreviationKind>();
  private readonly exclamations: ReadonlySet<string>;

  constructor(data: AbbreviationData | undefined) {
    // Added from the weakest kind to the strongest: a title stays a title.
    for (const source of [INTERNATIONAL, data]) {
      if (!source) continue;
      for (const entry of source.abbreviations) this.add(entry, 'abbreviation');
    }
    for (const source of [INTERNATIONAL, data]) {
      if (!source) continue;
      for (const entry of source.numerals ?? []) this.add(entry, 'numeral');
    }
    for (const source of [INTERNATIONAL, data]) {
      if (!source) continue;
      for (const entry of source.titles) this.add(entry, 'title');
    }
    this.exclamations = new Set((data?.exclamationWords ?? []).map((w) => w.toLowerCase()));
  }

  private add(entry: string, kind: AbbreviationKind): void {
    const key = entry.endsWith('.') ? entry.slice(0, -1) : entry;
    if (key === '') return;
    if (key === key.toLowerCase()) this.anyCase.set(key, kind);
    else this.exactCase.set(key, kind);
  }

  /** Kind of `word` (given without its final period), if it is a known abbreviation. */
  lookup(word: string): AbbreviationKind | undefined {
    const exact = this.exactCase.get(word);
    const any = this.anyCase.get(word.toLowerCase());
    for (const kind of ['title', 'numeral'] as const) if (exact === kind || any === kind) return kind;
    return exact ?? any;
  }

  isExclamationWord(word: string): boolean {
    return this.exclamations.has(word.toLowerCase());
  }
}
