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

/** A document id from a file name: its stem, reduced to characters that read well in ids. */
export function idFromFileName(fileName: string): string {
  const stem = fileName.replace(/\.[^.]*$/, '');
  const id = stem.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[-._]+|[-._]+$/g, '');
  return id || 'doc';
}

/** Makes ids unique by suffixing -2, -3, ... in order of appearance. */
export function uniqueIds(ids: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return ids.map((id) => {
    const n = (seen.get(id) ?? 0) + 1;
    seen.set(id, n);
    return n === 1 ? id : `${id}-${n}`;
  });
}
