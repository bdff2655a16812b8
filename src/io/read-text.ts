/**
 * Every file allinea reads comes through here: only regular files (a FIFO, /dev/zero or a
 * socket would hang or never end), never more than the input size limit, and text must be
 * UTF-8. Each refusal is one sentence naming the file and what to do.
 */
import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';
import { isUtf8 } from 'node:buffer';
import { AllineaError } from '../core/errors.js';
import { sanitizeForTerminal } from '../core/display/sanitize.js';
import { describeFsError } from './fs-errors.js';
import { sha256Bytes } from './hash.js';

export interface TextWithHash {
  readonly text: string;
  /** sha256 of the text's UTF-8 (the file's bytes without a leading BOM), as `sha256(text)` gives it. */
  readonly sha256: string;
}

/** The default input size limit: far above any corpus document, below what would exhaust memory. */
export const DEFAULT_MAX_INPUT_BYTES = 256 * 1024 * 1024;
export const MAX_INPUT_ENV = 'ALLINEA_MAX_INPUT_SIZE';
export const MAX_INPUT_OPTION = '--max-input-size';

let maxInputBytes = DEFAULT_MAX_INPUT_BYTES;

/** Sets the limit every later read obeys (the CLI sets it for each run from the option or the environment). */
export function setMaxInputBytes(bytes: number): void {
  maxInputBytes = bytes;
}

export function getMaxInputBytes(): number {
  return maxInputBytes;
}

const UNITS: Record<string, number> = { '': 1, b: 1, k: 1024, kb: 1024, kib: 1024, m: 1024 ** 2, mb: 1024 ** 2, mib: 1024 ** 2, g: 1024 ** 3, gb: 1024 ** 3, gib: 1024 ** 3 };

/** "300M", "1.5G", "512k", "1000000" (bytes) -> bytes; undefined when it is not a size. */
export function parseSize(value: string): number | undefined {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(value);
  const unit = m ? UNITS[m[2]!.toLowerCase()] : undefined;
  if (!m || unit === undefined) return undefined;
  const bytes = Math.floor(Number(m[1]) * unit);
  return Number.isSafeInteger(bytes) && bytes > 0 ? bytes : undefined;
}

/** 268435456 -> "256 MiB". */
export function formatSize(bytes: number): string {
  if (bytes >= 1024 ** 3 && bytes % 1024 ** 3 === 0) return `${bytes / 1024 ** 3} GiB`;
  if (bytes >= 1024 ** 2) return `${Math.round((bytes / 1024 ** 2) * 10) / 10} MiB`;
  if (bytes >= 1024) return `${Math.round((bytes / 1024) * 10) / 10} KiB`;
  return `${bytes} bytes`;
}

/** How a path appears in a message: its bytes cannot drive the terminal. */
export function shownPath(path: string): string {
  return sanitizeForTerminal(path);
}

function tooLarge(path: string, size: string, limit: number): AllineaError {
  return new AllineaError(
    `Cannot read ${shownPath(path)}: it is ${size}, over the ${formatSize(limit)} input limit; raise the limit with ${MAX_INPUT_OPTION} (e.g. ${MAX_INPUT_OPTION} 2G) or ${MAX_INPUT_ENV}.`,
  );
}

function kindOf(stats: Stats): string {
  if (stats.isDirectory()) return 'a folder';
  if (stats.isFIFO()) return 'a named pipe (FIFO)';
  if (stats.isCharacterDevice()) return 'a character device';
  if (stats.isBlockDevice()) return 'a block device';
  if (stats.isSocket()) return 'a socket';
  return 'not a regular file';
}

export interface ReadOptions {
  /** The limit for this read (default: the limit set for the run). */
  readonly maxBytes?: number;
  /** Whether the command reads standard input from `-` (said in the refusal of a pipe or device). */
  readonly stdin?: boolean;
  /** How the file is named in messages (default: its path). */
  readonly name?: string;
  /** Throws the command's own refusal of a file over the limit (given its size, or the bytes read so far). */
  readonly onTooLarge?: (bytes: number) => never;
  /** Throws the command's own refusal of a folder (default: "it is a folder"). */
  readonly onFolder?: () => never;
}

/**
 * A regular file's bytes, at most the input size limit. The file is opened non-blocking and
 * checked on its descriptor, so a FIFO never blocks the open and a file swapped for a device
 * between a check and the open is still refused.
 */
export function readFileBounded(path: string, options: ReadOptions = {}): Buffer {
  const limit = options.maxBytes ?? maxInputBytes;
  const name = options.name ?? path;
  const over = (bytes: number, size: string): never => {
    options.onTooLarge?.(bytes);
    throw tooLarge(name, size, limit);
  };
  const hint = options.stdin ? '; to read standard input, give - as the file name' : '; save its content to a regular file first';
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    // A socket (as /dev/stdin is when a program's input comes through a socket pair) cannot be opened.
    if ((error as NodeJS.ErrnoException).code === 'ENXIO') throw new AllineaError(`Cannot read ${shownPath(name)}: it is a socket, not a regular file${hint}.`);
    throw describeFsError(error, shownPath(name));
  }
  try {
    const stats = fstatSync(fd);
    if (stats.isDirectory()) {
      options.onFolder?.();
      throw new AllineaError(`Cannot read ${shownPath(name)}: it is a folder.`);
    }
    if (!stats.isFile()) {
      throw new AllineaError(`Cannot read ${shownPath(name)}: it is ${kindOf(stats)}, not a regular file${hint}.`);
    }
    if (stats.size > limit) over(stats.size, formatSize(stats.size));
    // Read to the end rather than trusting the size: a file can grow, and /proc reports 0.
    // The first read asks for the whole file and one byte more (one read for a regular file,
    // whose short read of exactly its size is its end); later reads use small chunks.
    const chunks: Buffer[] = [];
    let total = 0;
    let chunkSize = Math.min(stats.size + 1, limit + 1);
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(chunkSize, limit + 1 - total));
      chunkSize = 64 * 1024;
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      chunks.push(n === chunk.length ? chunk : chunk.subarray(0, n));
      total += n;
      if (total > limit) over(total, `more than ${formatSize(limit)}`);
      // A regular file that gave exactly its size, short of what was asked, is at its end: no
      // probe (a 64 KiB buffer and a read per file made up most of reading many tiny files).
      if (chunks.length === 1 && stats.size > 0 && n === stats.size && n < chunk.length) break;
    }
    return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total);
  } catch (error) {
    if (error instanceof AllineaError) throw error;
    throw describeFsError(error, shownPath(name));
  } finally {
    closeSync(fd);
  }
}

/**
 * Checks that bytes are UTF-8 text and drops a leading BOM. Binary files and invalid UTF-8 are
 * refused. isUtf8 (simdutf) is as strict as a fatal TextDecoder (overlong forms, surrogates and
 * truncated sequences are refused) at a fraction of its cost, and valid bytes decode unchecked.
 */
export function textBytes(buffer: Buffer, name: string): Buffer {
  if (buffer.subarray(0, 8000).includes(0)) throw new AllineaError(`Cannot read ${shownPath(name)}: it looks like a binary file, not text.`);
  const body = buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf ? buffer.subarray(3) : buffer;
  if (!isUtf8(body)) {
    throw new AllineaError(`Cannot read ${shownPath(name)}: it is not valid UTF-8 text (if it is Latin-1, convert it first, e.g. iconv -f latin1 -t utf-8).`);
  }
  return body;
}

function readTextBytes(path: string, options?: ReadOptions): Buffer {
  return textBytes(readFileBounded(path, options), path);
}

/**
 * Reads a UTF-8 text file. A leading BOM is kept out of the text, and CRLF is kept as is
 * (offsets must match the file byte for byte after decoding). Binary files are refused.
 */
export function readTextFile(path: string, options?: ReadOptions): string {
  return readTextBytes(path, options).toString('utf8');
}

/**
 * readTextFile and the sha256 of the text, hashed from the bytes read: valid UTF-8 decodes and
 * re-encodes to the same bytes, so this is sha256(text) without encoding the text again.
 */
export function readTextFileWithHash(path: string, options?: ReadOptions): TextWithHash {
  const bytes = readTextBytes(path, options);
  return { sha256: sha256Bytes(bytes), text: bytes.toString('utf8') };
}

/** Standard input as `-` stands for it in messages. */
export const STDIN_NAME = 'standard input';

/** Reads all of standard input as UTF-8 text, within the input size limit. */
export async function readStdinText(stdin: NodeJS.ReadableStream & { isTTY?: boolean }, options: ReadOptions = {}): Promise<TextWithHash> {
  const limit = options.maxBytes ?? maxInputBytes;
  if (stdin.isTTY) throw new AllineaError('"-" reads a document from standard input, but standard input is the terminal: pipe or redirect a file into allinea.');
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stdin) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk as Uint8Array);
    total += buffer.length;
    if (total > limit) {
      // Stop reading: the rest of the stream is not wanted.
      (stdin as NodeJS.ReadableStream & { destroy?: () => void }).destroy?.();
      throw tooLarge(STDIN_NAME, `more than ${formatSize(limit)}`, limit);
    }
    chunks.push(buffer);
  }
  const bytes = textBytes(Buffer.concat(chunks, total), STDIN_NAME);
  return { sha256: sha256Bytes(bytes), text: bytes.toString('utf8') };
}
