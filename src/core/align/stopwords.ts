/**
 * Frequent function words of the languages allinea knows best, per language. They carry no
 * content, so comparable mode never matches on them. Words under four letters are ignored
 * unless a lexicon translates them ("war" → "guerra"), so the short ones are listed too, as
 * bilingual dictionaries translate them ("the" → "il, lo, la, gli", "di" → "of, from, by").
 * Per language, because a function word of one is a content word of another: German "war"
 * (was) is English "war", German "die" English "die".
 */
const WORDS: Record<string, string> = {
  en: `
    about above after again against also although among another anything around because been before
    being between both cannot could does doing down during each either even every from further have
    having here hers herself himself however into itself just last least less many more most much must
    neither never next only other others ought ours over same shall should since some such than that
    their theirs them themselves then there these they this those though through thus together under
    until upon very well were what when where whether which while whom whose will with within without
    would your yours also said says told still says like a an the of to in on at by for and or nor but
    is are was be am it its as he she we you me my our his her him not no so do did has had can may own
    who how why yes per via any all off out up too
`,
  de: `
    eine in am um so da
    aber alle allem allen aller alles also andere anderen auch beim bereits dann darauf daher damit dass
    dein deine denen denn derem deren dessen diese diesem diesen dieser dieses doch dort durch eine
    einem einen einer eines etwa etwas euer eure gegen habe haben hatte hatten hier hinter ihre ihrem
    ihren ihrer immer jede jedem jeden jeder jedes jene jenem jenen jener jenes kann kein keine keinem
    keinen keiner können könnte machen mehr mein meine muss müssen nach nicht noch nun oder ohne schon
    sehr seid sein seine seinem seinen seiner seit selbst sich sie sind sollen sollte sonst soll über
    unter viel vom von vor wann war waren warum was weil welche welchem welchen welcher welches wenn
    werde werden wie wieder will wird wurde wurden zum zur zwar zwischen der die das den dem des ein und
    ist im zu mit von auf an es er sie wir ich ihr
`,
  fr: `
    sommes êtes es serons serez seront étions étiez ai as aurons auront
    le la un a à l d ces ma ta elle on nous vous dans pour avec plus
    ainsi alors après assez aucun aucune aussi autre autres avait avaient avant avec avoir bien cela
    celle celles celui ceux chaque chez comme comment dans depuis des deux devant donc dont elle elles
    encore entre être étaient était fait faire font leur leurs lors lorsque mais même mêmes moins nous
    notre nos parce parmi pendant peut peuvent plus pour pourquoi quand quel quelle quelles quels
    quelque quelques sans selon sera serait ses sinon sont sous suis leur toujours tous tout toute
    toutes très trop vers votre vous avons avez ayant cette ceci celà voici voilà déjà les une de du des
    et ou en au aux ce se sa son ses ne pas qui que il ils je tu y est sur par mon ton nos vos mes tes
    eux lui moi toi ont été
`,
  it: `
    sei siete ero eri eravamo erano hai abbiamo avete
    a i in per una voi lei
    alcuni alcune allora altre altri altro anche ancora avere aveva avevano come con contro cosa cui
    degli dei del della delle dello dopo dove ecco essere essa esse essi esso fino fra hanno lei loro
    molto molti nei nel nella nelle nello nostra nostre nostri nostro ogni oltre perché però poi poiché
    proprio quale quali quando quanto quella quelle quelli quello questa queste questi questo sarà sono
    stata stati stato sempre senza siamo sugli sui sul sulla sulle suo sua suoi sue tanto tra tutta
    tutte tutti tutto una uno verso voi vostro vostra già così il lo la le gli un di da con su tra fra e
    o ma che chi non si ci vi ne al del dal nel sul col ha ho è ed ad noi lui sua suo mio tuo
`,
  es: `
    la le un una y o a en de el se
    para como pero este esta estos estas otro otra otros otras sobre entre desde hasta donde cuando
    también muy más porque sino según todo todos toda todas tiene tienen había fueron sido está están
    ser son era eran hay sus nuestro nuestra ellos ellas
    el los las uno del que es por con lo su sus mi tu yo
`,
};

const parse = (words: string): Set<string> =>
  new Set(
    words
      .split(/\s+/)
      .filter(Boolean)
      .map((w) => w.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase()),
  );

const BY_LANG = new Map(Object.entries(WORDS).map(([lang, words]) => [lang, parse(words)]));

/** Every language's function words: for documents of other or unknown languages. */
export const STOPWORDS: ReadonlySet<string> = new Set([...BY_LANG.values()].flatMap((set) => [...set]));

/** The function words of one language ("fr", "fr-CA"), or of all languages for another one. */
export function stopwordsFor(lang: string | undefined): ReadonlySet<string> {
  const base = (lang ?? '').toLowerCase().split(/[-_]/)[0] ?? '';
  return BY_LANG.get(base) ?? STOPWORDS;
}
