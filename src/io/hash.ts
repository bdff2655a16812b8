import { createHash } from 'node:crypto';

/** sha256 (lowercase hex) of a text's UTF-8 bytes, as stored in alignment files. */
export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** sha256 (lowercase hex) of bytes: for a text's UTF-8 bytes, the same as sha256(text). */
export function sha256Bytes(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
