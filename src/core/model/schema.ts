/**
 * The alignment file, format versions 1 and 2, as a zod schema. Version 2 gives sentences
 * stable ids (a split adds an id, a join removes one; no other sentence is renumbered) and
 * records the text around each segmentation override. Version 1 files are still read, and
 * written back as version 2. The published JSON Schema
 * (schema/alignment.schema.json) is generated from this one (`npm run schema`), and a test
 * keeps the two in step.
 */
import { z } from 'zod';
import type { SchemaVerdict } from './parse.js';
import type { Alignment } from './types.js';

const index = z.number().int().nonnegative();
const span = z.tuple([index, index]).describe('[start, end) character offsets of a sentence in the document text');

export const documentSchema = z
  .object({
    id: z.string().min(1).describe('Short stable id, unique in the file'),
    path: z.string().min(1).describe('Path of the text file, relative to the alignment file'),
    lang: z.string().min(1).describe('BCP 47 language tag'),
    sha256: z.string().regex(/^[0-9a-f]{64}$/, 'must be 64 lowercase hex digits').describe('sha256 of the UTF-8 text'),
    title: z.string().optional(),
    sentences: z.array(span).describe('Effective segmentation, in text order'),
  })
  .strict();

export const memberSchema = z
  .object({
    doc: z.string().min(1),
    sentences: z.array(index).min(1),
    texts: z.array(z.string()).optional().describe('Sentence texts when the file was written (review and re-anchoring)'),
  })
  .strict();

export const groupSchema = z
  .object({
    id: z.string().min(1),
    status: z.enum(['confirmed', 'suggested', 'rejected']),
    origin: z.enum(['manual', 'auto']),
    score: z.number().min(0).max(1).optional(),
    note: z.string().optional(),
    members: z.array(memberSchema),
  })
  .strict();

export const overrideSchema = z
  .object({
    doc: z.string().min(1),
    op: z.enum(['split', 'join']),
    at: index.describe('Character offset of the boundary added (split) or removed (join)'),
  })
  .strict();

export const bookmarkSchema = z
  .object({
    doc: z.string().min(1),
    sentence: index,
    note: z.string().optional(),
    text: z.string().optional(),
  })
  .strict();

const v1Schema = z
  .object({
    $schema: z.string().optional(),
    format: z.literal('allinea-alignment'),
    version: z.literal(1),
    documents: z.array(documentSchema),
    groups: z.array(groupSchema),
    overrides: z.array(overrideSchema).default([]),
    bookmarks: z.array(bookmarkSchema).default([]),
  })
  .strict()
  .describe('Version 1: members and bookmarks name sentences by their index in the document');

const idRun = z
  .tuple([index, z.number().int().positive()])
  .describe('[first id, count]: `count` sentences in a row with the ids first, first + 1, ...');

export const documentV2Schema = documentSchema
  .extend({
    ids: z
      .array(idRun)
      .optional()
      .describe('Stable sentence ids, in text order, as runs; absent: sentence i has id i. A split gives the new sentence a new id, a join removes one, and no other sentence changes id'),
  })
  .strict();

export const memberV2Schema = memberSchema
  .extend({ sentences: z.array(index).min(1).describe('Sentence ids (see the document\'s ids), in text order') })
  .strict();

export const groupV2Schema = groupSchema.extend({ members: z.array(memberV2Schema) }).strict();

export const overrideV2Schema = overrideSchema
  .extend({
    context: z
      .tuple([z.string(), z.string()])
      .optional()
      .describe('[before, after]: the text on each side of the cut when the file was written, so that the override moves with its text'),
  })
  .strict();

export const bookmarkV2Schema = bookmarkSchema.extend({ sentence: index.describe('Sentence id') }).strict();

const v2Schema = z
  .object({
    $schema: z.string().optional(),
    format: z.literal('allinea-alignment'),
    version: z.literal(2),
    documents: z.array(documentV2Schema),
    groups: z.array(groupV2Schema),
    overrides: z.array(overrideV2Schema).default([]),
    bookmarks: z.array(bookmarkV2Schema).default([]),
  })
  .strict()
  .describe('Version 2: members and bookmarks name sentences by their stable id');

export const alignmentSchema = z.discriminatedUnion('version', [v2Schema, v1Schema]);

export type AlignmentFileData = z.infer<typeof alignmentSchema>;

/** zod's verdict on a parsed JSON value: the alignment (defaults filled in, `$schema` left out) or every issue with its path. */
/** What every version has: checked first, so that a file that is not an alignment at all is told so (not "invalid discriminator"). */
const headSchema = z.object({ format: z.literal('allinea-alignment'), version: z.union([z.literal(1), z.literal(2)]) });

export function judgeAlignment(value: unknown): SchemaVerdict {
  const head = headSchema.safeParse(value);
  const parsed = head.success ? alignmentSchema.safeParse(value) : head;
  if (!parsed.success) {
    return { ok: false, issues: parsed.error.issues.map((issue) => ({ path: issue.path.filter((p): p is string | number => typeof p !== 'symbol'), message: issue.message })) };
  }
  const { $schema: _schema, ...data } = parsed.data;
  // The file's data (sentence ids in version 2): parse.ts turns it into the in-memory model.
  return { ok: true, alignment: data as unknown as Alignment };
}

export function alignmentJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(alignmentSchema, { io: 'input' }),
    title: 'allinea alignment file, version 2 (version 1 still read)',
  };
}
