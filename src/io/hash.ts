import { createHash } from 'node:crypto';

/** sha256 (lowercase hex) of a text's UTF-8 bytes, as stored in alignment files. */
export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
