/**
 * Real inputs for the format tests: the seed articles segmented by the real segmenter with
 * a few real groups linked by hand, and two small documents of hostile text.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createAlignment, type SourceDocument } from '../../../src/core/model/create.js';
import { applySuggestions, link, setNote, setStatus } from '../../../src/core/model/operations.js';
import type { Alignment } from '../../../src/core/model/types.js';
import { segment } from '../../../src/core/text/segment.js';

export const REPO = join(import.meta.dirname, '..', '..', '..');
export const SEEDS = join(REPO, 'seeds');
export const TMX_DTD = join(REPO, '..', 'shared', 'bench', 'tmx', 'tmx14.dtd');
export const TMX_XSD = join(REPO, '..', 'shared', 'bench', 'tmx', 'tmx14.xsd');

export function sha(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export interface Fixture {
  readonly alignment: Alignment;
  readonly texts: Map<string, string>;
}

/** Index of the one sentence of `doc` containing `needle`. */
export function sentenceWith(fx: Fixture, doc: string, needle: string): number {
  const ref = fx.alignment.documents.find((d) => d.id === doc)!;
  const text = fx.texts.get(doc)!;
  const hits = ref.sentences.flatMap(([s, e], i) => (text.slice(s, e).includes(needle) ? [i] : []));
  if (hits.length !== 1) throw new Error(`"${needle}" is in ${hits.length} sentences of ${doc}`);
  return hits[0]!;
}

function fromDocs(docs: SourceDocument[]): Fixture {
  return { alignment: createAlignment(docs, segment), texts: new Map(docs.map((d) => [d.id, d.text])) };
}

/** The five seeds with: the slogan (it-fr, with a note), a 3-language group, a group with two
 * Italian documents, a monolingual it-it link, a suggestion and a rejected group. */
export function seedsFixture(): Fixture {
  const manifest = JSON.parse(readFileSync(join(SEEDS, 'corpus.json'), 'utf8')) as { documents: { id: string; file: string; lang: string; title: string }[] };
  const base = fromDocs(
    manifest.documents.map((d) => {
      const text = readFileSync(join(SEEDS, d.file), 'utf8');
      return { id: d.id, path: `../seeds/${d.file}`, lang: d.lang, title: d.title, text, sha256: sha(text) };
    }),
  );
  const at = (doc: string, needle: string) => ({ doc, sentence: sentenceWith(base, doc, needle) });
  let a = base.alignment;
  a = link(a, [at('it-000', 'Non dimentichiamo.'), at('it-000', 'Non perdoniamo.'), at('fr-003', 'On ne pardonne pas.')], 'slogan').alignment;
  a = setNote(a, 'slogan', 'motto: «Non perdoniamo» <b>&amp; "the same"');
  a = link(a, [at('it-001', 'Per difendere i nostri valori'), at('fr-003', 'Pour défendre nos valeurs'), at('en-004', 'over a month since Anonymous')], 'trio').alignment;
  a = link(a, [at('it-000', 'Il video termina con il motto'), at('it-001', 'Il video si conclude'), at('fr-003', 'Deux vidéos')], 'two-it').alignment;
  a = link(a, [at('it-000', "parte l'#OpParis"), at('it-001', 'Contestualmente sono stati creati')], 'it-only').alignment;
  a = applySuggestions(a, [{ members: [{ doc: 'it-000', sentences: [sentenceWith(base, 'it-000', 'Reclutamento online')] }, { doc: 'en-002', sentences: [sentenceWith(base, 'en-002', 'ups Twitter war')] }], score: 0.625 }]);
  a = link(a, [at('en-002', 'All rights reserved.'), at('fr-003', 'Lire aussi')], 'nope').alignment;
  a = setStatus(a, 'nope', 'rejected');
  return { alignment: a, texts: base.texts };
}

export const HOSTILE_IT = [
  '=SOMMA(A1:A9) è una formula.',
  '+39 è il prefisso & <b>non</b> un tag ]]> fine.',
  '-Trattino "doppio" e \'singolo\' in testa.',
  "@menzione e '=apostrofo prima.",
  'Controllo\u0001\u001b[31m rosso\u0007 e \uFFFE e 😀 𝄞 e \uD800 solo.',
  'Tab\tnel\u2028mezzo.',
].join('\n\n');

export const HOSTILE_FR = [
  'Une =formule plus loin.',
  'Le préfixe +33 & <i>pas</i> une balise ]]> fin.',
  'Tiret «double» et ‘simple’.',
  '@mention et \'\'-apostrophes.',
  'Contrôle \u0085 NEL et 𝄞 clé.',
  'Tabulation\tau milieu.',
].join('\n\n');

/** Two documents of hostile sentences, sentence i of one linked with sentence i of the other. */
export function hostileFixture(): Fixture {
  const base = fromDocs([
    { id: 'it-x', path: 'it-x.txt', lang: 'it', text: HOSTILE_IT, sha256: sha(HOSTILE_IT) },
    { id: 'fr-x', path: 'fr-x.txt', lang: 'fr', text: HOSTILE_FR, sha256: sha(HOSTILE_FR) },
  ]);
  let a = base.alignment;
  const n = Math.min(a.documents[0]!.sentences.length, a.documents[1]!.sentences.length);
  for (let i = 0; i < n; i++) a = link(a, [{ doc: 'it-x', sentence: i }, { doc: 'fr-x', sentence: i }]).alignment;
  return { alignment: a, texts: base.texts };
}

/**
 * A workspace on disk for CLI tests: `dir/seeds/*` (copies of the seeds) and
 * `dir/seeds.align.json` holding the seeds fixture's groups.
 */
export async function writeSeedsWorkspace(dir: string): Promise<{ alignmentPath: string; fixture: Fixture }> {
  const { cpSync } = await import('node:fs');
  const { writeAlignmentFile } = await import('../../../src/io/alignment-file.js');
  cpSync(SEEDS, join(dir, 'seeds'), { recursive: true });
  const fixture = seedsFixture();
  const alignment = { ...fixture.alignment, documents: fixture.alignment.documents.map((d) => ({ ...d, path: d.path.replace('../seeds/', 'seeds/') })) };
  const alignmentPath = join(dir, 'seeds.align.json');
  writeAlignmentFile(alignmentPath, alignment, fixture.texts);
  return { alignmentPath, fixture: { alignment, texts: fixture.texts } };
}

/**
 * Validates a TMX file against the TMX 1.4b DTD with xmllint, as CI does. xmllint exits 0
 * on some entity errors, so callers check that it printed nothing as well.
 * A missing xmllint fails loudly: CI installs it (Debian package libxml2-utils).
 */
export async function xmllint(file: string, against: 'dtd' | 'xsd' = 'dtd'): Promise<{ status: number | null; output: string }> {
  const { spawnSync } = await import('node:child_process');
  const schema = against === 'dtd' ? ['--dtdvalid', TMX_DTD] : ['--schema', TMX_XSD];
  const run = spawnSync('xmllint', ['--noout', ...schema, file], { encoding: 'utf8' });
  if (run.error) {
    throw new Error(`xmllint could not be run (${run.error.message}): install it with "apt-get install libxml2-utils".`);
  }
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}
