/**
 * The alignment file, format version 1, as a zod schema. The published JSON Schema
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

export const alignmentSchema = z
  .object({
    $schema: z.string().optional(),
    format: z.literal('allinea-alignment'),
    version: z.literal(1),
    documents: z.array(documentSchema),
    groups: z.array(groupSchema),
    overrides: z.array(overrideSchema).default([]),
    bookmarks: z.array(bookmarkSchema).default([]),
  })
  .strict();

export type AlignmentFileData = z.infer<typeof alignmentSchema>;

/** zod's verdict on a parsed JSON value: the alignment (defaults filled in, `$schema` left out) or every issue with its path. */
export function judgeAlignment(value: unknown): SchemaVerdict {
  const parsed = alignmentSchema.safeParse(value);
  if (!parsed.success) {
    return { ok: false, issues: parsed.error.issues.map((issue) => ({ path: issue.path.filter((p): p is string | number => typeof p !== 'symbol'), message: issue.message })) };
  }
  const { $schema: _schema, ...data } = parsed.data;
  return { ok: true, alignment: data as Alignment };
}

export function alignmentJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(alignmentSchema, { io: 'input' }),
    title: 'allinea alignment file, version 1',
  };
}
