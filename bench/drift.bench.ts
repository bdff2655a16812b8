/**
 * `npm run bench -- drift`: re-anchoring a drifted document (issue 14), for each kind of edit,
 * at N and 2N sentences, with the ratio (about 2 when the work grows linearly). Also the
 * writer and the reader of the alignment file (format version 2) at the same sizes.
 * - Input: a document of N sentences made from the seeds' sentences (each made distinct by a
 *   number, in paragraphs of five), a second document linked to it (one group per two
 *   sentences), a user's split in every 100th sentence.
 * Figures only (best of three runs): the machine is shared.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createAlignment } from '../src/core/model/create.js';
import { splitSentence } from '../src/core/model/operations.js';
import { parseAlignment } from '../src/core/model/parse.js';
import { reanchorDocument } from '../src/core/model/reanchor.js';
import { serializeAlignment } from '../src/core/model/serialize.js';
import type { Alignment, Group } from '../src/core/model/types.js';
import { segment } from '../src/core/text/segment.js';
import { sha256 } from '../src/io/hash.js';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));

function seedSentences(): string[] {
  const manifest = JSON.parse(readFileSync(join(ROOT, 'seeds', 'corpus.json'), 'utf8')) as { documents: { file: string; lang: string }[] };
  const out: string[] = [];
  for (const d of manifest.documents) {
    const text = readFileSync(join(ROOT, 'seeds', d.file), 'utf8');
    for (const [s, e] of segment(text, d.lang)) if (e - s > 30) out.push(text.slice(s, e).replace(/\s+/g, ' '));
  }
  return out;
}

function makeText(n: number, pool: readonly string[], salt: string): string {
  const paragraphs: string[] = [];
  let current: string[] = [];
  for (let i = 0; i < n; i++) {
    current.push(`${pool[i % pool.length]!.replace(/[.!?»”"]*$/, '')} (${salt}${i}).`);
    if (current.length === 5) {
      paragraphs.push(current.join(' '));
      current = [];
    }
  }
  if (current.length > 0) paragraphs.push(current.join(' '));
  return paragraphs.join('\n\n');
}

function build(n: number): { alignment: Alignment; texts: Map<string, string> } {
  const pool = seedSentences();
  const a = makeText(n, pool, 'a');
  const b = makeText(n, pool, 'b');
  let alignment = createAlignment(
    [
      { id: 'a', path: 'a.txt', lang: 'it', text: a, sha256: sha256(a) },
      { id: 'b', path: 'b.txt', lang: 'it', text: b, sha256: sha256(b) },
    ],
    segment,
  );
  // The user's splits: every 100th sentence of a, at a space in its middle (from the end, so indices hold).
  for (let i = alignment.documents[0]!.sentences.length - 1; i >= 0; i -= 100) {
    const [s, e] = alignment.documents[0]!.sentences[i]!;
    const at = a.indexOf(' ', s + Math.floor((e - s) / 2)) + 1;
    if (at > s && at < e - 1) alignment = splitSentence(alignment, { doc: 'a', sentence: i }, at, a);
  }
  const groups: Group[] = [];
  const count = Math.min(alignment.documents[0]!.sentences.length, alignment.documents[1]!.sentences.length);
  for (let i = 0; i < count; i += 2) groups.push({ id: `g${i / 2 + 1}`, status: 'confirmed', origin: 'manual', members: [{ doc: 'a', sentences: [i] }, { doc: 'b', sentences: [i] }] });
  alignment = { ...alignment, groups };
  // As saved and read back: member texts and override contexts recorded.
  const texts = new Map([['a', a], ['b', b]]);
  const parsed = parseAlignment(serializeAlignment(alignment, texts));
  if (!parsed.ok) throw new Error('the generated file does not parse');
  return { alignment: parsed.alignment, texts };
}

const EDITS: Record<string, (text: string) => string> = {
  'sentence inserted at the start': (t) => `Una frase nuova all'inizio. ${t}`,
  'CRLF line endings': (t) => t.replace(/\n/g, '\r\n'),
  NFD: (t) => t.normalize('NFD'),
  'every 10th paragraph deleted': (t) => t.split('\n\n').filter((_, i) => i % 10 !== 3).join('\n\n'),
  'lines re-wrapped at 72 columns': (t) => t.split('\n').map((l) => l.replace(/(.{1,72})(\s+|$)/g, (_m, c: string, sp: string) => (sp ? `${c}\n` : c)).replace(/\n$/, '')).join('\n'),
};

/** The best of three runs (the machine is shared: the minimum is the least disturbed). */
function time<T>(run: () => T): [T, number] {
  let best = Infinity;
  let value: T | undefined;
  for (let i = 0; i < 3; i++) {
    const start = performance.now();
    value = run();
    best = Math.min(best, performance.now() - start);
  }
  return [value!, best];
}

export default async function bench(): Promise<void> {
  const sizes = [10_000, 20_000];
  const built = sizes.map(build);
  console.log(`documents of ${sizes.join(' and ')} sentences, a group per two sentences, a split per 100 sentences`);
  for (const [name, edit] of Object.entries(EDITS)) {
    const ms: number[] = [];
    let summary = '';
    for (const { alignment, texts } of built) {
      const changed = edit(texts.get('a')!);
      const [result, took] = time(() => reanchorDocument(alignment, 'a', changed, sha256(changed), segment));
      ms.push(took);
      const r = result.report;
      summary = `exact ${r.exact}, normalised ${r.normalized}, recut ${r.recut}, changed ${r.fuzzy}, lost ${r.lost.length}, overrides moved ${r.movedOverrides} / dropped ${r.lostOverrides.length}`;
    }
    console.log(`  ${name.padEnd(32)} ${ms.map((m) => `${m.toFixed(0)} ms`).join(' / ')}  ratio ${(ms[1]! / ms[0]!).toFixed(2)}  (${summary})`);
  }
  const write: number[] = [];
  const read: number[] = [];
  for (const { alignment, texts } of built) {
    const [text, w] = time(() => serializeAlignment(alignment, texts));
    const [, r] = time(() => parseAlignment(text));
    write.push(w);
    read.push(r);
  }
  console.log(`  ${'write the file (version 2)'.padEnd(32)} ${write.map((m) => `${m.toFixed(0)} ms`).join(' / ')}  ratio ${(write[1]! / write[0]!).toFixed(2)}`);
  console.log(`  ${'read the file'.padEnd(32)} ${read.map((m) => `${m.toFixed(0)} ms`).join(' / ')}  ratio ${(read[1]! / read[0]!).toFixed(2)}`);
}
