import { chmodSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../src/io/atomic-write.js';

describe('writeFileAtomic', () => {
  it('replaces the file and leaves no temporary file behind', () => {
    const dir = mkdtempSync(join(tmpdir(), 'allinea-atomic-'));
    const path = join(dir, 'a.align.json');
    writeFileSync(path, 'old');
    writeFileAtomic(path, 'new ✓');
    expect(readFileSync(path, 'utf8')).toBe('new ✓');
    expect(readdirSync(dir)).toEqual(['a.align.json']);
  });

  it('keeps the old file when the write fails', () => {
    if (process.getuid?.() === 0) return; // root ignores folder permissions; nothing to observe
    const dir = mkdtempSync(join(tmpdir(), 'allinea-atomic-'));
    const path = join(dir, 'a.align.json');
    writeFileSync(path, 'old');
    chmodSync(dir, 0o500);
    try {
      expect(() => writeFileAtomic(path, 'new')).toThrow();
      expect(readFileSync(path, 'utf8')).toBe('old');
    } finally {
      chmodSync(dir, 0o700);
    }
  });

  it('fails on a missing folder without creating anything', () => {
    const dir = mkdtempSync(join(tmpdir(), 'allinea-atomic-'));
    expect(() => writeFileAtomic(join(dir, 'nope', 'x.json'), 'x')).toThrow();
    expect(readdirSync(dir)).toEqual([]);
  });
});
