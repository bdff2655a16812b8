/**
 * Diagnostics for comparable mode (issue 11 §4), not a benchmark:
 *   npx tsx bench/comparable-misses.ts seeds|flood|heist [--installed] [--all]
 * For each annotated statement pair not found in one suggested group (every pair with --all),
 * prints the stage that lost it: no candidate (the index proposed none), its similarity,
 * margin, matched words and confidence, its rank among each sentence's candidates, whether
 * the pair was linked (then the group guard dropped it) and what each sentence linked to
 * instead; then every suggested group, marked correct or not (the bench's measure).
 * --installed adds the lexicons of `allinea lexicon install` (XDG_DATA_HOME, as the CLI).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { alignComparablePair, keyDocumentFrequency, type ScoredPair } from '../src/core/align/comparable.js';
import { align } from '../src/core/align/index.js';
import type { PairLink } from '../src/core/align/n-way.js';
import { presplitDocument } from '../src/core/align/presplit.js';
import { sentenceTexts } from '../src/core/align/signal-scorer.js';
import type { AlignDocument } from '../src/core/align/types.js';
import { segment } from '../src/core/text/segment.js';
import { bundledLexicons, installedLexicons } from '../src/io/lexicon-files.js';
import { FLOOD_ARTICLES, FLOOD_PAIRS } from '../tests/fixtures/comparable-flood.js';
import { HEIST_ARTICLES, HEIST_PAIRS } from '../tests/fixtures/comparable-heist.js';
import { SEED_STATEMENT_PAIRS } from '../tests/fixtures/seeds-comparable.js';

type Ref = readonly [string, number];
type Members = readonly { doc: string; sentences: readonly number[] }[];
type Candidate = ScoredPair & { similarity: number; margin: number; matched: number };

const corpus = process.argv[2] ?? 'seeds';
const lexicons = process.argv.includes('--installed') ? [...bundledLexicons(), ...installedLexicons(process.env)] : bundledLexicons();
let docs: AlignDocument[];
let pairs: (readonly [Ref, Ref])[];
if (corpus === 'seeds') {
  const seeds = join(fileURLToPath(new URL('..', import.meta.url)), 'seeds');
  const manifest = JSON.parse(readFileSync(join(seeds, 'corpus.json'), 'utf8')) as { documents: { id: string; file: string; lang: string }[] };
  docs = manifest.documents.map((d) => {
    const text = readFileSync(join(seeds, d.file), 'utf8');
    return { id: d.id, lang: d.lang, text, sentences: segment(text, d.lang) };
  });
  pairs = SEED_STATEMENT_PAIRS.map((p) => [p.a, p.b] as const);
} else {
  const [articles, annotated] = corpus === 'flood' ? [FLOOD_ARTICLES, FLOOD_PAIRS] : [HEIST_ARTICLES, HEIST_PAIRS];
  docs = articles.map((a) => presplitDocument(a.id, a.lang, a.sentences));
  pairs = [...annotated];
}
const byId = new Map(docs.map((d) => [d.id, d]));
const text = ([doc, s]: Ref): string => (sentenceTexts(byId.get(doc)!)[s] ?? '').replace(/\s+/g, ' ').slice(0, 110);
const has = (g: Members, [doc, s]: Ref): boolean => g.some((m) => m.doc === doc && m.sentences.includes(s));
const groups = align(docs, { mode: 'comparable', lexicons }).suggestions.map((g) => g.members);

// Every document pair again, with every scored candidate (the same scoring as align()).
const documentFrequency = keyDocumentFrequency(docs);
const scored = new Map<string, { all: Candidate[]; links: PairLink[] }>();
for (let x = 0; x < docs.length; x++) {
  for (let y = x + 1; y < docs.length; y++) {
    let all: Candidate[] = [];
    const links = alignComparablePair(docs[x]!, docs[y]!, { lexicons, documentFrequency, inspect: (p) => (all = [...p]) });
    scored.set(`${docs[x]!.id}|${docs[y]!.id}`, { all, links });
  }
}
const order = docs.map((d) => d.id);
for (const [p, q] of pairs) {
  const [a, b] = order.indexOf(p[0]) < order.indexOf(q[0]) ? [p, q] : [q, p];
  const found = groups.some((g) => has(g, a) && has(g, b));
  if (found && !process.argv.includes('--all')) continue;
  const { all, links } = scored.get(`${a[0]}|${b[0]}`)!;
  const c = all.find((x) => x.i === a[1] && x.j === b[1]);
  const linked = links.some((l) => l.a.sentences.includes(a[1]) && l.b.sentences.includes(b[1]));
  const stage = c
    ? `similarity ${c.similarity.toFixed(3)}, margin ${c.margin.toFixed(2)}, ${c.matched} matched, confidence ${c.score.toFixed(3)}, rank ${all.filter((x) => x.i === c.i && x.score > c.score).length + 1}/${all.filter((x) => x.j === c.j && x.score > c.score).length + 1}`
    : 'no candidate';
  const elsewhere = (side: 'a' | 'b', s: number): string =>
    links.filter((l) => l[side].sentences.includes(s)).map((l) => `${(side === 'a' ? l.b : l.a).sentences.join(',')}@${l.score.toFixed(2)}`).join(' ') || '-';
  console.log(`${found ? 'found' : 'MISSED'} ${a.join(':')} ~ ${b.join(':')}: ${stage}; ${linked ? 'linked (the group guard dropped it)' : 'not linked'}; a links ${elsewhere('a', a[1])}; b links ${elsewhere('b', b[1])}`);
  console.log(`    ${text(a)}\n    ${text(b)}`);
}
console.log('\nSuggested groups:');
for (const g of groups) {
  const ok = g.every((m) => m.sentences.some((s) => pairs.some(([a, b]) => (a[0] === m.doc && a[1] === s && has(g, b)) || (b[0] === m.doc && b[1] === s && has(g, a)))));
  console.log(`${ok ? 'correct' : 'WRONG  '} ${g.map((m) => `${m.doc}:${m.sentences.join(',')}`).join('  ')}`);
  if (!ok) for (const m of g) for (const s of m.sentences) console.log(`    ${m.doc}:${s} ${text([m.doc, s])}`);
}
