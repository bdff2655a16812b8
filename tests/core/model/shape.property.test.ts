/**
 * shape.ts must accept exactly what the zod schema accepts: valid files, and files broken
 * at a random place in a random way (a key removed or added, a value replaced, an array
 * element added or removed), starting from real alignment files.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { alignmentSchema, judgeAlignment } from '../../../src/core/model/schema.js';
import { alignmentFromShape, hasAlignmentShape } from '../../../src/core/model/shape.js';
import { serializeAlignment } from '../../../src/core/model/serialize.js';
import { applySuggestions, link, setNote, splitSentence, toggleBookmark } from '../../../src/core/model/operations.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT, findSentence, seedsAlignment } from '../../helpers/seeds.js';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const { alignment: base, texts } = seedsAlignment();
let rich = link(base, [
  { doc: 'it-000', sentence: findSentence(base, texts, 'it-000', 'Non perdoniamo.') },
  { doc: 'fr-003', sentence: findSentence(base, texts, 'fr-003', 'On ne pardonne pas') },
]).alignment;
rich = setNote(rich, 'g1', 'the motto');
rich = applySuggestions(rich, [{ members: [{ doc: 'it-001', sentences: [1] }, { doc: 'en-002', sentences: [2, 3] }], score: 0.4 }]);
rich = toggleBookmark(rich, { doc: 'en-004', sentence: 2 }, 'check');
const [s0, e0] = rich.documents.find((d) => d.id === 'fr-003')!.sentences[0]!;
rich = splitSentence(rich, { doc: 'fr-003', sentence: 0 }, s0 + Math.floor((e0 - s0) / 2), texts.get('fr-003')!);

/** A small file (a few spans per document) so that random paths often land in groups, overrides and bookmarks. */
function small(): Json {
  const file = JSON.parse(serializeAlignment(rich, texts)) as { documents: { sentences: unknown[] }[]; $schema?: string };
  for (const doc of file.documents) doc.sentences = doc.sentences.slice(0, 6);
  file.$schema = '../schema/alignment.schema.json';
  return file as unknown as Json;
}

/** The same small file as version 1 wrote it: no sentence ids, no override context. */
function smallV1(): Json {
  const file = small() as { version: number; documents: Record<string, Json>[]; overrides: Record<string, Json>[] };
  file.version = 1;
  for (const doc of file.documents) delete doc.ids;
  for (const o of file.overrides) delete o.context;
  return file as unknown as Json;
}

/** Every path to a value in the tree. */
function paths(value: Json, prefix: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(prefix);
  if (Array.isArray(value)) value.forEach((v, i) => paths(v, [...prefix, i], out));
  else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) paths(v, [...prefix, k], out);
  return out;
}

const REPLACEMENTS: Json[] = [
  null, true, 0, -1, 1, 0.5, 1.5, 2 ** 53, -0, 1e21, '', 'x', 'confirmed', 'auto', 'split', 'allinea-alignment',
  'a'.repeat(64), '0123456789abcdef'.repeat(4), 'ABCDEF0123456789'.repeat(4), [], [1], [1, 2], [1, 2, 3], ['x'], [[0, 1]], {}, { doc: 'it-000' },
];

type Mutation = { kind: 'replace'; with: number } | { kind: 'delete' } | { kind: 'add-key'; key: string } | { kind: 'push'; with: number } | { kind: 'pop' };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('replace' as const), with: fc.nat(REPLACEMENTS.length - 1) }),
  fc.constant({ kind: 'delete' as const }),
  fc.record({ kind: fc.constant('add-key' as const), key: fc.constantFrom('extra', 'note', 'title', 'score', 'texts', 'overrides', '$schema') }),
  fc.record({ kind: fc.constant('push' as const), with: fc.nat(REPLACEMENTS.length - 1) }),
  fc.constant({ kind: 'pop' as const }),
);

function mutate(file: Json, at: (string | number)[], m: Mutation): Json {
  const copy = structuredClone(file);
  if (at.length === 0) return m.kind === 'replace' ? REPLACEMENTS[m.with]! : copy;
  let parent: Json = copy;
  for (const part of at.slice(0, -1)) parent = (parent as Record<string | number, Json>)[part]!;
  const last = at[at.length - 1]!;
  const target = (parent as Record<string | number, Json>)[last]!;
  const holder = parent as Record<string | number, Json>;
  switch (m.kind) {
    case 'replace':
      holder[last] = structuredClone(REPLACEMENTS[m.with]!);
      break;
    case 'delete':
      if (Array.isArray(parent)) parent.splice(last as number, 1);
      else delete holder[last];
      break;
    case 'add-key':
      if (target !== null && typeof target === 'object' && !Array.isArray(target)) target[m.key] = 'added';
      break;
    case 'push':
      if (Array.isArray(target)) target.push(structuredClone(REPLACEMENTS[m.with]!));
      break;
    case 'pop':
      if (Array.isArray(target)) target.pop();
      break;
  }
  return copy;
}

describe('the shape test agrees with the zod schema', () => {
  it('accepts real files and gives the alignment zod gives', () => {
    const committed = JSON.parse(readFileSync(join(REPO_ROOT, 'alignments', 'seeds.align.json'), 'utf8')) as Json;
    for (const file of [small(), smallV1(), committed, JSON.parse(serializeAlignment(rich, texts)) as Json, JSON.parse(serializeAlignment(base))]) {
      expect(hasAlignmentShape(file)).toBe(true);
      const judged = judgeAlignment(file);
      expect(judged.ok).toBe(true);
      if (judged.ok) expect(alignmentFromShape(file)).toStrictEqual(judged.alignment);
    }
  });

  it('accepts and refuses exactly what zod does, for files broken anywhere (versions 2 and 1)', () => {
    for (const file of [small(), smallV1()]) {
      const all = paths(file);
      fc.assert(
        fc.property(fc.nat(all.length - 1), mutation, (p, m) => {
          const broken = mutate(file, all[p]!, m);
          expect(hasAlignmentShape(broken)).toBe(alignmentSchema.safeParse(broken).success);
        }),
        { numRuns: 3000 },
      );
    }
  });

  it('agrees that version 1 has no sentence ids and no override context, and version 2 may', () => {
    const v2 = small() as { documents: Record<string, Json>[]; overrides: Record<string, Json>[]; version: number };
    expect(v2.documents.some((d) => d.ids !== undefined) && v2.overrides.every((o) => o.context !== undefined)).toBe(true);
    const asV1 = { ...structuredClone(v2), version: 1 };
    expect(hasAlignmentShape(asV1)).toBe(false);
    expect(alignmentSchema.safeParse(asV1).success).toBe(false);
    for (const bad of [[[0, 0]], [[-1, 2]], [[0, 1.5]], [0], [[0, 1, 2]]]) {
      const broken = structuredClone(v2);
      broken.documents[3]!.ids = bad as Json;
      expect(hasAlignmentShape(broken)).toBe(alignmentSchema.safeParse(broken).success);
      expect(hasAlignmentShape(broken)).toBe(false);
    }
  });

  it('agrees on values JSON.parse can give that look like numbers but are not indices', () => {
    const file = small() as { groups: { members: { sentences: number[] }[]; score?: number }[] };
    for (const value of [JSON.parse('1e999') as number, -1e-7, 2 ** 53 + 2, 3.0000001]) {
      const broken = structuredClone(file);
      broken.groups[0]!.members[0]!.sentences[0] = value;
      expect(hasAlignmentShape(broken)).toBe(alignmentSchema.safeParse(broken).success);
      broken.groups[0]!.score = value;
      expect(hasAlignmentShape(broken)).toBe(alignmentSchema.safeParse(broken).success);
    }
  });
});
