/** The corpus manifest (`corpus.json` in a corpus folder): names each document of the corpus. */
import { z } from 'zod';

export const manifestSchema = z
  .object({
    $schema: z.string().optional(),
    name: z.string().optional(),
    description: z.string().optional(),
    documents: z
      .array(
        z
          .object({
            id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'use letters, digits, ".", "_" or "-"'),
            file: z.string().min(1),
            lang: z.string().min(1),
            title: z.string().optional(),
          })
          .strict(),
      )
      .min(1),
  })
  .strict();

export type CorpusManifest = z.infer<typeof manifestSchema>;

export { idFromFileName, idsFromFileNames, uniqueIdWork, uniqueIds } from './ids.js';
