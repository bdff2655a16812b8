import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sha256, sha256Bytes } from '../../src/io/hash.js';
import { DEFAULT_MAX_INPUT_BYTES, formatSize, parseSize, readFileBounded, readStdinText, readTextFile, readTextFileWithHash, setMaxInputBytes } from '../../src/io/read-text.js';

const dir = mkdtempSync(join(tmpdir(), 'allinea-read-text-'));
const SEEDS = join(import.meta.dirname, '..', '..', 'seeds');

function file(name: string, bytes: Uint8Array | string): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

/** What the reader promised before it validated with isUtf8: a fatal TextDecoder that drops one leading BOM. */
function decodedLikeTextDecoder(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return undefined;
  }
}

describe('readTextFile', () => {
  it('reads the seeds as the plain UTF-8 decoder does, with the hash of their bytes', () => {
    for (const name of ['000_8f095107cca91a8d.txt', '002_d4f6eed8031313f2.txt', '003_f35f84bb321ab2af.txt']) {
      const path = join(SEEDS, name);
      const bytes = readFileSync(path);
      expect(readTextFile(path)).toBe(bytes.toString('utf8'));
      expect(readTextFileWithHash(path)).toEqual({ text: bytes.toString('utf8'), sha256: sha256(bytes.toString('utf8')) });
    }
  });

  it('drops a leading BOM from the text and from the hash, keeps CRLF and any later BOM', () => {
    const text = 'Prima riga.\r\nSeconda: «Non perdoniamo.»\r\n\uFEFFtre 🙂\r\n';
    const path = file('bom.txt', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]));
    expect(readTextFile(path)).toBe(text);
    const read = readTextFileWithHash(path);
    expect(read.text).toBe(text);
    expect(read.sha256).toBe(sha256(text));
    expect(read.sha256).not.toBe(sha256Bytes(readFileSync(path)));
    expect(readTextFileWithHash(file('bom-only.txt', Buffer.from([0xef, 0xbb, 0xbf])))).toEqual({ text: '', sha256: sha256('') });
  });

  it('refuses invalid UTF-8 (Latin-1, stray continuation, overlong, surrogate, truncated, past U+10FFFF) in one sentence', () => {
    const invalid: Record<string, number[]> = {
      latin1: [0x63, 0x61, 0x66, 0xe9],
      continuation: [0x61, 0x80, 0x62],
      overlong: [0x61, 0xc0, 0xaf],
      surrogate: [0x61, 0xed, 0xa0, 0x80],
      truncated: [0x61, 0xe2, 0x82],
      beyond: [0xf4, 0x90, 0x80, 0x80],
      bomThenBad: [0xef, 0xbb, 0xbf, 0xff],
    };
    for (const [name, bytes] of Object.entries(invalid)) {
      const path = file(`${name}.txt`, Uint8Array.from(bytes));
      expect(decodedLikeTextDecoder(Uint8Array.from(bytes))).toBeUndefined();
      expect(() => readTextFile(path)).toThrow(`Cannot read ${path}: it is not valid UTF-8 text (if it is Latin-1, convert it first, e.g. iconv -f latin1 -t utf-8).`);
      expect(() => readTextFileWithHash(path)).toThrow(`Cannot read ${path}: it is not valid UTF-8 text (if it is Latin-1, convert it first, e.g. iconv -f latin1 -t utf-8).`);
    }
  });

  it('refuses binary files and says what is missing', () => {
    const path = file('binary.bin', Uint8Array.from([0x41, 0x00, 0x42]));
    expect(() => readTextFile(path)).toThrow(`Cannot read ${path}: it looks like a binary file, not text.`);
    expect(() => readTextFileWithHash(join(dir, 'absent.txt'))).toThrow(/absent\.txt: it does not exist/);
  });

  it('reads files of any size in a row without one read spoiling another', () => {
    const sizes = [200_000, 10, 1_000_000, 0, 300_000, 1_000_001];
    const texts = sizes.map((n, k) => `${String.fromCharCode(0x61 + k)}è“`.repeat(Math.ceil(n / 3)).slice(0, n));
    const paths = texts.map((text, k) => file(`size-${k}.txt`, text));
    const read = paths.map((path) => readTextFileWithHash(path));
    read.forEach((r, k) => expect(r).toEqual({ text: texts[k], sha256: sha256(texts[k]!) }));
    expect(paths.map((path) => readTextFile(path))).toEqual(texts);
  });

  it('reads files that report no size, and names a folder as such', () => {
    if (process.platform === 'linux') expect(readTextFile('/proc/self/status')).toMatch(/^Name:/);
    expect(() => readTextFile(dir)).toThrow(`Cannot read ${dir}: it is a folder.`);
  });

  it('accepts and decodes exactly what a fatal TextDecoder does, and hashes the text it returns', () => {
    // Bytes biased towards UTF-8 lead and continuation bytes, so that both valid and invalid sequences are common.
    const byte = fc.oneof(fc.integer({ min: 1, max: 0x7f }), fc.integer({ min: 0x80, max: 0xbf }), fc.integer({ min: 0xc0, max: 0xff }));
    const chars = fc.string({ unit: 'binary', maxLength: 12 }).map((s) => Array.from(Buffer.from(s.replace(/\0/g, ' '), 'utf8')));
    const pieces = fc.array(fc.oneof(chars, fc.array(byte, { maxLength: 4 })), { maxLength: 6 });
    const bom = fc.boolean();
    let valid = 0;
    fc.assert(
      fc.property(bom, pieces, (withBom, parts) => {
        const bytes = Uint8Array.from([...(withBom ? [0xef, 0xbb, 0xbf] : []), ...parts.flat()]);
        const path = file('random.txt', bytes);
        const expected = decodedLikeTextDecoder(bytes);
        if (expected === undefined) {
          expect(() => readTextFileWithHash(path)).toThrow('is not valid UTF-8 text (');
          return;
        }
        valid++;
        expect(readTextFile(path)).toBe(expected);
        expect(readTextFileWithHash(path)).toEqual({ text: expected, sha256: sha256(expected) });
      }),
      { numRuns: 250 },
    );
    expect(valid).toBeGreaterThan(30);
  });
});

describe('reading bounded regular files (issue 14)', () => {
  it('refuses a FIFO at once, without waiting for a writer, and a device, naming the way out', async () => {
    const { execFileSync } = await import('node:child_process');
    const fifo = join(dir, 'pipe');
    execFileSync('mkfifo', [fifo]);
    const started = Date.now();
    expect(() => readTextFile(fifo)).toThrow(`Cannot read ${fifo}: it is a named pipe (FIFO), not a regular file; save its content to a regular file first.`);
    expect(() => readTextFile(fifo, { stdin: true })).toThrow('not a regular file; to read standard input, give - as the file name.');
    expect(() => readTextFile('/dev/zero')).toThrow('Cannot read /dev/zero: it is a character device, not a regular file');
    expect(Date.now() - started).toBeLessThan(5000); // a blocking open would never return
  });

  it('refuses a file over the limit by its size, and one that only shows its size when read', () => {
    const path = file('big.txt', 'x'.repeat(3000));
    expect(() => readTextFile(path, { maxBytes: 1024 })).toThrow(`Cannot read ${path}: it is 2.9 KiB, over the 1 KiB input limit; raise the limit with --max-input-size (e.g. --max-input-size 2G) or ALLINEA_MAX_INPUT_SIZE.`);
    expect(readTextFile(path, { maxBytes: 3000 })).toHaveLength(3000);
    // /proc files report size 0: the limit holds on what is read.
    expect(() => readFileBounded('/proc/self/maps', { maxBytes: 16 })).toThrow('it is more than 16 bytes, over the 16 bytes input limit');
  });

  it('the limit set for a run applies to every later read', () => {
    const path = file('limit.txt', 'y'.repeat(2048));
    try {
      setMaxInputBytes(1024);
      expect(() => readTextFile(path)).toThrow('over the 1 KiB input limit');
    } finally {
      setMaxInputBytes(DEFAULT_MAX_INPUT_BYTES);
    }
    expect(readTextFile(path)).toHaveLength(2048);
  });

  it('parses sizes as people write them', () => {
    expect(parseSize('512M')).toBe(512 * 1024 ** 2);
    expect(parseSize('2G')).toBe(2 * 1024 ** 3);
    expect(parseSize('1.5 MiB')).toBe(1.5 * 1024 ** 2);
    expect(parseSize('100k')).toBe(102_400);
    expect(parseSize('4096')).toBe(4096);
    for (const bad of ['', 'lots', '-1M', '0', '1X', '1e9']) expect(parseSize(bad)).toBeUndefined();
    expect(formatSize(DEFAULT_MAX_INPUT_BYTES)).toBe('256 MiB');
  });

  it('reads standard input within the limit, refuses binary input and a terminal', async () => {
    const { Readable } = await import('node:stream');
    expect(await readStdinText(Readable.from([Buffer.from('\uFEFFCiao.\r\n')]))).toEqual({ text: 'Ciao.\r\n', sha256: sha256('Ciao.\r\n') });
    await expect(readStdinText(Readable.from([Buffer.alloc(2048, 'a')]), { maxBytes: 1024 })).rejects.toThrow('Cannot read standard input: it is more than 1 KiB, over the 1 KiB input limit');
    await expect(readStdinText(Readable.from([Buffer.from([0x61, 0, 0x62])]))).rejects.toThrow('Cannot read standard input: it looks like a binary file, not text.');
    const tty = Object.assign(Readable.from([]), { isTTY: true });
    await expect(readStdinText(tty)).rejects.toThrow('standard input is the terminal');
  });
});
