/**
 * Segmentation throughput: segment() on a few MiB of Italian, French and English text (plus
 * German, which takes the generic rules), next to sentence-splitter alone on the same
 * documents; with the golden-set scores and a boundary-recovery figure for context.
 *
 * Corpus per language, repeated to about 1.25 MiB each: the seed articles (it, fr, en), the
 * TransRead en/fr novels and the Text+Berg de/fr development set from ../shared (one sentence
 * per line as distributed). The same documents rebuilt as paragraphs of eight sentences make
 * every line go through the boundary rules; segmenting those paragraphs and comparing with the
 * original lines also measures how many sentence boundaries are recovered.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { split } from 'sentence-splitter';
import { segment } from '../src/core/text/segment.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const shared = resolve(repoRoot, '../shared/bench');
const BYTES_PER_LANGUAGE = 1.25 * 1024 * 1024;
const MiB = 1024 * 1024;

interface Doc {
  readonly name: string;
  readonly lang: string;
  readonly text: string;
}

function loadDocs(): Doc[] {
  const seedLangs: Record<string, string> = { '000': 'it', '001': 'it', '002': 'en', '003': 'fr', '004': 'en' };
  const docs: Doc[] = readdirSync(join(repoRoot, 'seeds'))
    .filter((f) => f.endsWith('.txt'))
    .map((f) => ({ name: f, lang: seedLangs[f.slice(0, 3)] ?? 'und', text: readFileSync(join(repoRoot, 'seeds', f), 'utf8') }));
  for (const folder of ['alignment/transread-dev', 'alignment/textberg-dev']) {
    const dir = join(shared, folder);
    if (!existsSync(dir)) {
      console.log(`(${dir} not found: skipped)`);
      continue;
    }
    for (const f of readdirSync(dir).filter((name) => /\.(en|fr|de)$/.test(name))) {
      docs.push({ name: f, lang: f.slice(-2), text: readFileSync(join(dir, f), 'utf8') });
    }
  }
  return docs;
}

function asParagraphs(doc: Doc, linesPerParagraph: number): Doc {
  const lines = doc.text.split('\n');
  const paragraphs: string[] = [];
  for (let i = 0; i < lines.length; i += linesPerParagraph) paragraphs.push(lines.slice(i, i + linesPerParagraph).join(' '));
  return { ...doc, text: paragraphs.join('\n\n') };
}

function repeatTo(docs: readonly Doc[], bytes: number): Doc[] {
  const out: Doc[] = [];
  let total = 0;
  while (total < bytes) {
    for (const doc of docs) {
      out.push(doc);
      total += Buffer.byteLength(doc.text, 'utf8');
    }
  }
  return out;
}

function bytesOf(docs: readonly Doc[]): number {
  return docs.reduce((sum, d) => sum + Buffer.byteLength(d.text, 'utf8'), 0);
}

/** Best of `runs` timings of `work` over `docs`, in MiB/s. */
function throughput(docs: readonly Doc[], runs: number, work: (doc: Doc) => number): { mibPerSecond: number; units: number } {
  let best = Infinity;
  let units = 0;
  for (let r = 0; r < runs; r++) {
    units = 0;
    const t0 = performance.now();
    for (const doc of docs) units += work(doc);
    best = Math.min(best, performance.now() - t0);
  }
  return { mibPerSecond: bytesOf(docs) / MiB / (best / 1000), units };
}

function goldenScores(): string {
  const dir = join(shared, 'segmentation');
  if (!existsSync(dir)) return '(golden sets not found)';
  const sets = [['en.json', 'en'], ['it.json', 'it'], ['fr.json', 'fr'], ['lt-fr.json', 'fr']] as const;
  return sets
    .map(([file, lang]) => {
      const cases = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Array<{ text: string; expected: string[] }>;
      const ok = cases.filter((c) => {
        const got = segment(c.text, lang).map(([s, e]) => c.text.slice(s, e));
        return JSON.stringify(got) === JSON.stringify(c.expected.map((x) => x.trim()));
      }).length;
      return `${file.replace('.json', '')} ${ok}/${cases.length}`;
    })
    .join(', ');
}

/**
 * Segments the paragraphs and compares with the original one-sentence lines: recall is the
 * share of line starts (inside a paragraph) found as sentence starts, precision the share of
 * sentence starts (inside a paragraph) that are line starts.
 */
function boundaryRecovery(docs: readonly Doc[]): string {
  let expected = 0;
  let predicted = 0;
  let found = 0;
  for (const doc of docs) {
    const gold = new Set<number>();
    const paragraphStarts = new Set<number>();
    const lines = doc.text.split('\n');
    const paragraphs: string[] = [];
    let offset = 0;
    for (let i = 0; i < lines.length; i += 8) {
      const group = lines.slice(i, i + 8);
      let at = offset;
      group.forEach((line, j) => {
        const start = at + (line.length - line.trimStart().length);
        if (line.trim() !== '') (j === 0 ? paragraphStarts : gold).add(start);
        at += line.length + 1;
      });
      const paragraph = group.join(' ');
      paragraphs.push(paragraph);
      offset += paragraph.length + 2;
    }
    const text = paragraphs.join('\n\n');
    const starts = segment(text, doc.lang)
      .map(([start]) => start)
      .filter((start) => !paragraphStarts.has(start) && !isParagraphStart(text, start));
    expected += gold.size;
    predicted += starts.length;
    found += starts.filter((start) => gold.has(start)).length;
  }
  const pct = (a: number, b: number): string => ((100 * a) / Math.max(1, b)).toFixed(1);
  return `recall ${pct(found, expected)}%, precision ${pct(found, predicted)}% (${expected} boundaries)`;
}

/** First non-space character of a paragraph (a blank line or the text start before it). */
function isParagraphStart(text: string, at: number): boolean {
  let i = at - 1;
  while (i >= 0 && text[i] === ' ') i--;
  return i < 0 || text[i] === '\n';
}

export default async function bench(): Promise<void> {
  const docs = loadDocs();
  const langs = ['it', 'fr', 'en', 'de'].filter((lang) => docs.some((d) => d.lang === lang));
  console.log(`golden sets: ${goldenScores()}`);
  for (const [label, source] of [
    ['lines as distributed', docs],
    ['paragraphs of 8 sentences', docs.map((d) => asParagraphs(d, 8))],
  ] as const) {
    const byLang = langs.map((lang) => [lang, repeatTo(source.filter((d) => d.lang === lang), BYTES_PER_LANGUAGE)] as const);
    const all = byLang.flatMap(([, corpus]) => corpus);
    segment(all[0]!.text, all[0]!.lang); // warm-up
    const total = throughput(all, 3, (d) => segment(d.text, d.lang).length);
    console.log(`segment() [${label}]: ${(bytesOf(all) / MiB).toFixed(1)} MiB, ${total.units} sentences, ${total.mibPerSecond.toFixed(2)} MiB/s`);
    for (const [lang, corpus] of byLang) {
      const r = throughput(corpus, 3, (d) => segment(d.text, d.lang).length);
      console.log(`  ${lang}${lang === 'de' ? ' (generic rules)' : ''}: ${(bytesOf(corpus) / MiB).toFixed(2)} MiB, ${r.mibPerSecond.toFixed(2)} MiB/s`);
    }
  }
  for (const lang of langs) {
    const own = docs.filter((d) => d.lang === lang && !d.name.endsWith('.txt'));
    if (own.length > 0) console.log(`boundaries recovered in ${lang} paragraphs: ${boundaryRecovery(own)}`);
  }
  // sentence-splitter as shipped: whole documents, and line by line; one pass over the documents.
  const whole = throughput(docs, 1, (d) => split(d.text).filter((n) => n.type === 'Sentence').length);
  console.log(`sentence-splitter alone, split() per document (${(bytesOf(docs) / MiB).toFixed(2)} MiB): ${whole.mibPerSecond.toFixed(2)} MiB/s`);
  const perLine = throughput(docs, 1, (d) => d.text.split('\n').reduce((n, line) => n + split(line).length, 0));
  console.log(`sentence-splitter alone, split() per line: ${perLine.mibPerSecond.toFixed(2)} MiB/s`);
}
