/**
 * The language layer: which abbreviations a language has, which words typically open a
 * sentence, and a few orthographic facts the boundary rules rely on.
 */
import { ABBREVIATION_DATA, AbbreviationTable, type AbbreviationKind } from './abbreviations.js';
import { normalizeLang } from './lang.js';

export interface LanguageRules {
  readonly lang: string;
  readonly abbreviations: AbbreviationTable;
  /**
   * Capitalised words that usually open a sentence (pronouns, articles, conjunctions...).
   * After an abbreviation that may or may not end the sentence ("Co.", "U.S.", "psicol."),
   * only such a word shows that a new sentence starts. Undefined: no such knowledge, the
   * base splitter's capitalisation rule applies.
   */
  readonly sentenceStarters: ReadonlySet<string> | undefined;
  /** Elided articles and pronouns that open a sentence: L’obiettivo, Qu’il, J’ai. */
  readonly elisionStarters: ReadonlySet<string>;
  /**
   * Native words end in a vowel (Italian): a lowercase word ending in a consonant and followed
   * by a period and a lowercase word is a truncation (meteor., idraul.), not a sentence end.
   */
  readonly wordsEndInVowels: boolean;
  /**
   * "<number>." before a capitalised word ends a sentence. Languages that write ordinals as
   * "3." (German and others, handled by the generic rules) only trust numbers of 3+ digits.
   */
  readonly ordinalNumbersWithPeriod: boolean;
}

const EN_STARTERS = [
  'A', 'An', 'The', 'This', 'That', 'These', 'Those', 'It', 'Its', 'He', 'She', 'We', 'They',
  'I', 'You', 'His', 'Her', 'Our', 'Their', 'My', 'Your', 'There', 'Here', 'What', 'When',
  'Where', 'Who', 'Why', 'How', 'Which', 'However', 'But', 'And', 'So', 'Yet', 'Or', 'If',
  'In', 'On', 'At', 'For', 'After', 'Before', 'Although', 'Though', 'As', 'Since', 'While',
  'Meanwhile', 'Then', 'Also', 'All', 'Some', 'Many', 'Most', 'More', 'Each', 'Every', 'No',
  'None', 'Both', 'Being', 'Did', 'Do', 'Does', 'Is', 'Are', 'Was', 'Were', 'Can', 'Could',
  'Will', 'Would', 'Should', 'Let', 'Please', 'Thank', 'Thanks', 'Yes', 'Millions', 'Today',
  'Yesterday', 'Tomorrow', 'Now', 'Still', 'Even', 'Only', 'One', 'Two', 'Three', 'Everyone',
  'Everybody', 'Everything', 'Nobody', 'Nothing', 'Someone', 'Somebody', 'Something', 'Anyone',
  'Another', 'Other', 'Others', 'Such', 'Instead', 'Later', 'Earlier', 'Finally', 'Indeed',
];

const IT_STARTERS = [
  'Il', 'Lo', 'La', 'I', 'Gli', 'Le', 'Un', 'Uno', 'Una', 'Questo', 'Questa', 'Questi',
  'Queste', 'Quello', 'Quella', 'Quelli', 'Quelle', 'Ma', 'E', 'Ed', 'O', 'Però', 'Quindi',
  'Poi', 'Dunque', 'Infatti', 'Inoltre', 'Anche', 'Non', 'Si', 'Ci', 'Io', 'Tu', 'Lui', 'Lei',
  'Noi', 'Voi', 'Loro', 'Egli', 'Essa', 'Esso', 'Che', 'Chi', 'Cosa', 'Come', 'Dove',
  'Quando', 'Perché', 'Se', 'In', 'Nel', 'Nella', 'Nei', 'Negli', 'Nelle', 'Per', 'Con',
  'Da', 'Dal', 'Dalla', 'Dopo', 'Prima', 'Di', 'Del', 'Della', 'A', 'Al', 'Alla', 'Oggi',
  'Ieri', 'Domani', 'Ora', 'Adesso', 'Ecco', 'Grazie', 'Tutti', 'Tutto', 'Molti', 'Alcuni',
  'Ogni', 'Mi', 'Ti', 'Vi', 'Sono', 'È', 'Era', 'Ha', 'Hanno', 'Secondo', 'Mentre', 'Così',
  'Sì', 'No', 'Arrivederci', 'Buongiorno', 'Salve', 'Ciao', 'Nessuno', 'Qualcuno', 'Ognuno',
  'Niente', 'Nulla', 'Altri', 'Altre', 'Intanto', 'Allora', 'Invece', 'Tuttavia', 'Infine',
];

const FR_STARTERS = [
  'Le', 'La', 'Les', 'Un', 'Une', 'Des', 'Du', 'De', 'Ce', 'Cet', 'Cette', 'Ces', 'Il',
  'Elle', 'Ils', 'Elles', 'On', 'Nous', 'Vous', 'Je', 'Tu', 'Mais', 'Et', 'Ou', 'Puis',
  'Donc', 'Alors', 'Ainsi', 'Enfin', 'En', 'Dans', 'Pour', 'Par', 'Sur', 'Avec', 'Sans',
  'Si', 'Quand', 'Comme', 'Qui', 'Que', 'Quoi', 'Où', 'Pourquoi', 'Comment', 'Cela', 'Ça',
  'Ceci', 'Tout', 'Tous', 'Toutes', 'Toute', 'Chaque', 'Plusieurs', 'Aujourd’hui',
  "Aujourd'hui", 'Hier', 'Demain', 'Depuis', 'Après', 'Avant', 'Selon', 'Mon', 'Ma', 'Mes',
  'Son', 'Sa', 'Ses', 'Notre', 'Nos', 'Leur', 'Leurs', 'Oui', 'Non', 'Merci', 'Bonjour',
  'Voici', 'Voilà', 'Pourtant', 'Cependant', 'Néanmoins', 'Est', 'Sont', 'À', 'Au', 'Aux',
  'Personne', 'Chacun', 'Rien', 'Aucun', 'Aucune', 'Certains', 'Certaines', 'Ensuite', 'Lorsque',
];

const ELISIONS_IT = ['L', 'Un', 'Dell', 'Dall', 'Nell', 'All', 'Sull', 'Quest', 'Quell', 'C', 'D', 'Com', 'Dov', 'Anch'];
const ELISIONS_FR = ['L', 'D', 'J', 'C', 'S', 'N', 'M', 'T', 'Qu', 'Lorsqu', 'Puisqu', 'Quoiqu', 'Jusqu'];

/** Languages with a dedicated rule layer; any other tag gets the generic rules. */
export const SUPPORTED_LANGUAGES: readonly string[] = Object.freeze(['en', 'it', 'fr']);
const SUPPORTED: ReadonlySet<string> = new Set(SUPPORTED_LANGUAGES);
const rulesCache = new Map<string, LanguageRules>();

/** The rules for a BCP 47 tag; languages without a dedicated layer get the generic rules. */
export function rulesFor(tag: string): LanguageRules {
  const lang = normalizeLang(tag);
  const key = SUPPORTED.has(lang) ? lang : 'und';
  let rules = rulesCache.get(key);
  if (!rules) {
    rules = buildRules(key);
    rulesCache.set(key, rules);
  }
  return rules;
}

function buildRules(lang: string): LanguageRules {
  const starters = { en: EN_STARTERS, it: IT_STARTERS, fr: FR_STARTERS }[lang];
  const elisions = lang === 'it' ? ELISIONS_IT : lang === 'fr' ? ELISIONS_FR : [];
  return {
    lang,
    abbreviations: new AbbreviationTable(ABBREVIATION_DATA[lang]),
    sentenceStarters: starters ? new Set(starters) : undefined,
    elisionStarters: new Set(elisions),
    wordsEndInVowels: lang === 'it',
    ordinalNumbersWithPeriod: !SUPPORTED.has(lang),
  };
}

/** Letters joined by periods: U.S, a.m, Ph.D, V.Cte, LL.AA.II.RR, c.-à-d. */
const ACRONYM = /^(?:\p{L}{1,4}\.-?)+\p{L}{1,4}$/u;
const SINGLE_LETTER = /^\p{L}$/u;

/**
 * What a word written before a period is (the word without that period): a listed title,
 * numeral or abbreviation, or an abbreviation by its shape (an initial, an acronym).
 */
export function abbreviationKind(rules: LanguageRules, word: string): AbbreviationKind | undefined {
  const listed = rules.abbreviations.lookup(word);
  if (listed) return listed;
  return SINGLE_LETTER.test(word) || ACRONYM.test(word) ? 'abbreviation' : undefined;
}
