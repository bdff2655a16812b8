import { readFileSync } from 'node:fs';
import { isUtf8 } from 'node:buffer';
import { AllineaError } from '../core/errors.js';
import { describeFsError } from './fs-errors.js';
import { sha256Bytes } from './hash.js';

export interface TextWithHash {
  readonly text: string;
  /** sha256 of the text's UTF-8 (the file's bytes without a leading BOM), as `sha256(text)` gives it. */
  readonly sha256: string;
}

function readFileBytes(path: string): Buffer {
  try {
    return readFileSync(path);
  } catch (error) {
    throw describeFsError(error, path);
  }
}

/**
 * The UTF-8 bytes of a text file, without a leading BOM. Binary files and invalid UTF-8 are
 * refused. isUtf8 (simdutf) is as strict as a fatal TextDecoder (overlong forms, surrogates and
 * truncated sequences are refused) at a fraction of its cost, and valid bytes decode unchecked.
 */
function readTextBytes(path: string): Buffer {
  const buffer = readFileBytes(path);
  if (buffer.subarray(0, 8000).includes(0)) throw new AllineaError(`Cannot read ${path}: it looks like a binary file, not text.`);
  const body = buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf ? buffer.subarray(3) : buffer;
  if (!isUtf8(body)) throw new AllineaError(`Cannot read ${path}: it is not valid UTF-8 text.`);
  return body;
}

/**
 * Reads a UTF-8 text file. A leading BOM is kept out of the text, and CRLF is kept as is
 * (offsets must match the file byte for byte after decoding). Binary files are refused.
 */
export function readTextFile(path: string): string {
  return readTextBytes(path).toString('utf8');
}

/**
 * readTextFile and the sha256 of the text, hashed from the bytes read: valid UTF-8 decodes and
 * re-encodes to the same bytes, so this is sha256(text) without encoding the text again.
 */
export function readTextFileWithHash(path: string): TextWithHash {
  const bytes = readTextBytes(path);
  return { sha256: sha256Bytes(bytes), text: bytes.toString('utf8') };
}
