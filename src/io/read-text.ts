import { readFileSync } from 'node:fs';
import { AllineaError } from '../core/errors.js';
import { describeFsError } from './fs-errors.js';

/**
 * Reads a UTF-8 text file. A leading BOM is kept out of the text, and CRLF is kept as is
 * (offsets must match the file byte for byte after decoding). Binary files are refused.
 */
export function readTextFile(path: string): string {
  let buffer: Buffer;
  try {
    buffer = readFileSync(path);
  } catch (error) {
    throw describeFsError(error, path);
  }
  if (buffer.subarray(0, 8000).includes(0)) throw new AllineaError(`Cannot read ${path}: it looks like a binary file, not text.`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(buffer);
  } catch {
    throw new AllineaError(`Cannot read ${path}: it is not valid UTF-8 text.`);
  }
  return text;
}
