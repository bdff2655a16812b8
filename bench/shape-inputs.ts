/**
 * Deterministic inputs of the shapes real corpora come in (issue 13), at any size: the shape
 * benchmark runs each at n and 2n. Every shape is a pair of documents (a "source" and its
 * pseudo-translation: the same sentences, word for word from another vocabulary, so that
 * parallel alignment has something to find), except "many tiny documents", which is many such pairs.
 */
import { mulberry32 } from '../tests/helpers/prng.js';

export interface ShapeFile {
  /** File name inside the shape's folder. */
  readonly name: string;
  readonly text: string;
}

export interface ShapeInput {
  readonly files: ShapeFile[];
  /** Sentence pairs (source, target) as generated: what a TMX of this shape holds. */
  readonly pairs: Array<readonly [string, string]>;
}

export interface Shape {
  readonly name: string;
  readonly lang: readonly [string, string];
  /** Builds about `bytes` UTF-8 bytes per side. */
  readonly make: (bytes: number) => ShapeInput;
}


const EN = 'the committee met on day and agreed plan for region council report said new law market city people work water school year government health study data river village minister court music language history night'.split(' ');
const FR = 'le comité réuni au jour et accord plan pour région conseil rapport dit nouvelle loi marché ville gens travail eau école année gouvernement santé étude données fleuve village ministre cour musique langue histoire nuit'.split(' ');
const RU = 'комитет собрался в день и согласовал план для региона совет доклад сказал новый закон рынок город люди работа вода школа год'.split(' ');
const EL = 'η επιτροπή συνεδρίασε την ημέρα και συμφώνησε σχέδιο για περιοχή συμβούλιο έκθεση είπε νέος νόμος αγορά πόλη άνθρωποι'.split(' ');
const ZH = '委员会 在 今天 开会 并 同意 了 该 地区 的 计划 报告 说 新 法律 市场 城市 人民 工作'.split(' ');
const AR = 'اجتمعت اللجنة في اليوم ووافقت على خطة المنطقة المجلس التقرير قال قانون جديد السوق المدينة الناس العمل'.split(' ');
const EMOJI = ['🙂', '🚀', '👍🏽', '🇮🇹', '👨‍👩‍👧', '✅'];
const CAP = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);

type Side = 0 | 1;

/** A sentence builder for both sides: `words` picks vocabulary indices, sides map them. */
interface Sentence {
  readonly words: number[];
  readonly end: string;
}

function randomSentence(next: () => number, min: number, max: number): Sentence {
  const count = min + Math.floor(next() * (max - min + 1));
  const words: number[] = [];
  for (let i = 0; i < count; i++) words.push(Math.floor(next() * EN.length));
  const r = next();
  return { words, end: r < 0.8 ? '.' : r < 0.9 ? '?' : '!' };
}

function render(s: Sentence, side: Side, decorate?: (words: string[], side: Side) => string[]): string {
  const vocab = side === 0 ? EN : FR;
  let words = s.words.map((w) => vocab[w]!);
  words[0] = CAP(words[0]!);
  if (decorate) words = decorate(words, side);
  return `${words.join(' ')}${s.end}`;
}

/** Sentences until `bytes` per side, each rendered on both sides. */
function sentencePairs(bytes: number, seed: number, min: number, max: number, decorate?: (words: string[], side: Side, k: number) => string[]): Array<[string, string]> {
  const next = mulberry32(seed);
  const pairs: Array<[string, string]> = [];
  let size = 0;
  for (let k = 0; size < bytes; k++) {
    const s = randomSentence(next, min, max);
    const pair: [string, string] = [
      render(s, 0, decorate && ((w, side) => decorate(w, side, k))),
      render(s, 1, decorate && ((w, side) => decorate(w, side, k))),
    ];
    size += Buffer.byteLength(pair[0]) + 1;
    pairs.push(pair);
  }
  return pairs;
}

/** Joins sentences into paragraphs of 3–8 sentences, separated by a blank line. */
function paragraphs(sentences: readonly string[], seed: number, newline = '\n', paragraphBreak = '\n\n'): string {
  const next = mulberry32(seed);
  const out: string[] = [];
  for (let i = 0; i < sentences.length; ) {
    const size = 3 + Math.floor(next() * 6);
    out.push(sentences.slice(i, i + size).join(' '));
    i += size;
  }
  return out.join(paragraphBreak).replaceAll('\n', newline);
}

function pairDocs(pairs: Array<[string, string]>, join: (sentences: string[], side: Side) => string, lang: readonly [string, string]): ShapeInput {
  return {
    files: [
      { name: `a.${lang[0]}.txt`, text: join(pairs.map((p) => p[0]), 0) },
      { name: `b.${lang[1]}.txt`, text: join(pairs.map((p) => p[1]), 1) },
    ],
    pairs,
  };
}

const QUOTES: Array<[string, string]> = [['“', '”'], ['"', '"'], ['«\u00a0', '\u00a0»'], ['‘', '’'], ['(', ')']];

const EN_FR = ['en', 'fr'] as const;

export const SHAPES: readonly Shape[] = [
  {
    name: 'paragraphs',
    lang: EN_FR,
    make: (bytes) =>
      pairDocs(
        sentencePairs(bytes, 11, 6, 28, (w, side, k) => {
          // Now and then a title, a quotation or an apostrophe, as in news text.
          if (k % 9 === 3) w.splice(1, 0, side === 0 ? 'Mr.' : 'M.', 'Smith');
          if (k % 7 === 5) w.splice(2, 2, `“${w[2]}`, `${w[3]}”`);
          if (k % 11 === 1) w.splice(1, 0, side === 0 ? "don't" : "l'eau");
          return w;
        }),
        (s, side) => paragraphs(s, 12 + side),
        EN_FR,
      ),
  },
  {
    name: 'one sentence per line',
    lang: EN_FR,
    make: (bytes) => pairDocs(sentencePairs(bytes, 21, 5, 25), (s) => s.join('\n'), EN_FR),
  },
  {
    name: 'one long line',
    lang: EN_FR,
    make: (bytes) =>
      pairDocs(
        sentencePairs(bytes, 31, 6, 28, (w, _side, k) => (k % 13 === 2 ? [w[0]!, `"${w[1]}`, ...w.slice(2, -1), `${w.at(-1)}"`] : w)),
        (s) => s.join(' '),
        EN_FR,
      ),
  },
  {
    name: 'no quote marks',
    lang: EN_FR,
    make: (bytes) => pairDocs(sentencePairs(bytes, 41, 6, 28), (s, side) => paragraphs(s, 42 + side), EN_FR),
  },
  {
    name: 'a quote in every sentence',
    lang: EN_FR,
    make: (bytes) =>
      pairDocs(
        sentencePairs(bytes, 51, 6, 28, (w, side, k) => {
          const [open, close] = side === 1 && k % 2 === 0 ? ['«\u00a0', '\u00a0»'] : QUOTES[k % QUOTES.length]!;
          const at = 1 + (k % Math.max(1, w.length - 2));
          w[at] = `${open}${w[at]}`;
          w[w.length - 1] = `${w.at(-1)}${close}`;
          return w;
        }),
        (s, side) => paragraphs(s, 52 + side),
        EN_FR,
      ),
  },
  {
    name: 'unbalanced quotes',
    lang: EN_FR,
    make: (bytes) =>
      pairDocs(
        sentencePairs(bytes, 61, 6, 28, (w, _side, k) => {
          // Openers never closed, closers never opened, in every sentence.
          const marks = ['"', '“', '(', '«', '‘', "'", '[', '„'];
          w[1] = `${marks[k % marks.length]}${w[1]}`;
          if (k % 3 === 0) w[w.length - 1] = `${w.at(-1)}${[')', '”', '»', '"'][k % 4]}`;
          return w;
        }),
        (s, side) => paragraphs(s, 62 + side),
        EN_FR,
      ),
  },
  {
    name: 'CRLF',
    lang: EN_FR,
    make: (bytes) => pairDocs(sentencePairs(bytes, 71, 5, 25), (s, side) => paragraphs(s, 72 + side, '\r\n', '\r\n\r\n'), EN_FR),
  },
  {
    name: 'many tiny documents',
    lang: EN_FR,
    make: (bytes) => {
      const pairs = sentencePairs(bytes, 81, 4, 18);
      const files: ShapeFile[] = [];
      const perDoc = 2;
      for (let i = 0, d = 0; i < pairs.length; i += perDoc, d++) {
        const chunk = pairs.slice(i, i + perDoc);
        const id = String(d).padStart(6, '0');
        files.push({ name: `${id}.en.txt`, text: `${chunk.map((p) => p[0]).join(' ')}\n` });
        files.push({ name: `${id}.fr.txt`, text: `${chunk.map((p) => p[1]).join(' ')}\n` });
      }
      return { files, pairs };
    },
  },
  {
    name: 'very long sentences (10 kB)',
    lang: EN_FR,
    make: (bytes) =>
      pairDocs(
        sentencePairs(bytes, 91, 1500, 1900, (w, side, k) => {
          // Clauses, abbreviations and numbers, but no sentence end inside.
          for (let i = 12; i < w.length - 1; i += 12) w[i] = `${w[i]},`;
          for (let i = 40; i < w.length - 1; i += 97) w[i] = side === 0 ? `${w[i]} e.g. ${k}.${i} km` : `${w[i]} p. ex. ${k},${i} km`;
          return w;
        }),
        (s) => s.join('\n'),
        EN_FR,
      ),
  },
  {
    name: 'mixed scripts',
    lang: ['en', 'fr'],
    make: (bytes) => {
      const next = mulberry32(101);
      const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!;
      const pairs: Array<[string, string]> = [];
      let size = 0;
      for (let k = 0; size < bytes; k++) {
        const script = k % 6;
        const n = 5 + Math.floor(next() * 15);
        const words = Array.from({ length: n }, () => next());
        const sentence = (side: Side): string => {
          const vocab = [side === 0 ? EN : FR, RU, EL, ZH, AR, side === 0 ? EN : FR][script]!;
          const ws = words.map((r) => vocab[Math.floor(r * vocab.length)]!);
          if (script === 5) ws.splice(2, 0, EMOJI[k % EMOJI.length]!, EMOJI[(k + 1) % EMOJI.length]!);
          if (script === 3) return `${ws.join('')}。`;
          if (script === 4) return `${ws.join(' ')}${k % 2 ? '؟' : '.'}`;
          ws[0] = CAP(ws[0]!);
          return `${ws.join(' ')}${pick(['.', '.', '?', '!'])}`;
        };
        const pair: [string, string] = [sentence(0), sentence(1)];
        size += Buffer.byteLength(pair[0]) + 1;
        pairs.push(pair);
      }
      return pairDocs(pairs, (s, side) => paragraphs(s, 102 + side), ['en', 'fr']);
    },
  },
];

/** UTF-8 bytes of the source side (what segmentation figures are per). */
export function sourceBytes(input: ShapeInput): number {
  return input.files.filter((_, i) => i % 2 === 0).reduce((n, f) => n + Buffer.byteLength(f.text), 0);
}

/** A TMX 1.4b document holding the shape's sentence pairs as units. */
export function tmxOf(input: ShapeInput, lang: readonly [string, string]): string {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const parts = [
    '<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header creationtool="bench" creationtoolversion="1" datatype="plaintext" segtype="sentence" adminlang="en" srclang="',
    lang[0],
    '" o-tmf="none"/><body>\n',
  ];
  for (const [a, b] of input.pairs) {
    parts.push(`<tu><tuv xml:lang="${lang[0]}"><seg>${esc(a)}</seg></tuv><tuv xml:lang="${lang[1]}"><seg>${esc(b)}</seg></tuv></tu>\n`);
  }
  parts.push('</body></tmx>\n');
  return parts.join('');
}

/**
 * Two comparable documents of `n` sentences in one language (mining parallel statements from
 * comparable text): a Zipfian vocabulary of pseudo-words; half the target's sentences restate a
 * source sentence (some words changed, anywhere in the document), the others are unrelated.
 */
export function comparablePair(n: number, seed = 7): { source: string[]; target: string[]; restated: Map<number, number> } {
  const next = mulberry32(seed);
  const syllables = 'ka ri to me sa lu ne po vi da ge ro mi tu se la fo be ni zu'.split(' ');
  const vocabulary: string[] = [];
  for (let w = 0; w < 40_000; w++) {
    let word = '';
    for (let s = 0, count = 2 + (w % 3); s < count; s++) word += syllables[Math.floor(next() * syllables.length)];
    vocabulary.push(word);
  }
  // Zipf: rank r drawn with weight 1/r (inverse of the harmonic cumulative, approximately).
  const zipf = (): string => vocabulary[Math.min(vocabulary.length - 1, Math.floor(Math.exp(next() * Math.log(vocabulary.length))) - 1)]!;
  const sentence = (): string[] => Array.from({ length: 8 + Math.floor(next() * 22) }, zipf);
  const render = (words: string[]) => `${CAP(words.join(' '))}.`;
  const sourceWords = Array.from({ length: n }, sentence);
  const target: string[] = [];
  /** Target sentence -> the source sentence it restates. */
  const restated = new Map<number, number>();
  for (let k = 0; k < n; k++) {
    if (next() < 0.5) {
      const from = Math.floor(next() * n);
      restated.set(k, from);
      const words = [...sourceWords[from]!];
      for (let c = 0; c < 3; c++) words[Math.floor(next() * words.length)] = zipf();
      target.push(render(words));
    } else target.push(render(sentence()));
  }
  return { source: sourceWords.map(render), target, restated };
}
