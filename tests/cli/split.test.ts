import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';
import { REPO_ROOT, SEEDS_DIR, seedDocs } from '../helpers/seeds.js';

describe('allinea split', () => {
  it('prints one JSON object per document with exact offsets (seeds, --format json)', async () => {
    const files = seedDocs().map((d) => join(SEEDS_DIR, d.file));
    const result = await cli(['split', ...files, '--format', 'json']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const lines = result.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.lang)).toEqual(['it', 'it', 'en', 'fr', 'en']);
    for (const [i, doc] of seedDocs().entries()) {
      const out = lines[i];
      expect(out.path).toBe(files[i]);
      expect(out.sentences.length).toBeGreaterThan(5);
      for (const [k, s] of out.sentences.entries()) {
        expect(s.index).toBe(k);
        expect(doc.text.slice(s.start, s.end)).toBe(s.text);
      }
    }
    const it000 = lines[0].sentences.map((s: { text: string }) => s.text);
    expect(it000).toContain('Non dimentichiamo.');
    expect(it000).toContain('La dichiarazione');
  });

  it('prints numbered sentences (text) and one per line (lines), with --lang', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'allinea-split-'));
    writeFileSync(join(dir, 'de.txt'), 'Das ist gut. Wirklich?\nJa');
    const text = await cli(['split', 'de.txt', '--lang', 'de'], { cwd: dir });
    expect(text.stdout).toBe(`== ${join(dir, 'de.txt')} (de, 3 sentences)\n1  Das ist gut.\n2  Wirklich?\n3  Ja\n`);
    const lines = await cli(['split', 'de.txt', '--lang', 'de', '--format', 'lines'], { cwd: dir });
    expect(lines.stdout).toBe('Das ist gut.\nWirklich?\nJa\n');
  });

  it('neutralises escape sequences when writing to a terminal', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'allinea-split-'));
    writeFileSync(join(dir, 'evil.txt'), 'Hello \u001b[2J\u001b]0;pwned\u0007world.');
    const result = await cli(['split', 'evil.txt', '--lang', 'en', '--format', 'lines'], { cwd: dir, tty: true });
    expect(result.stdout).not.toContain('\u001b');
    expect(result.stdout).not.toContain('\u0007');
  });

  it('splits a long list of files one at a time, and stops with one sentence at one it cannot read', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'allinea-split-list-'));
    const files: string[] = [];
    for (let i = 0; i < 300; i++) {
      files.push(`${i}.txt`);
      writeFileSync(join(dir, `${i}.txt`), `Document ${i} begins. It ends here.\n`);
    }
    const all = await cli(['split', '-f', 'lines', '-l', 'en', ...files], { cwd: dir });
    expect(all.code).toBe(0);
    expect(all.stdout.split('\n\n')).toHaveLength(300);
    expect(all.stdout.startsWith('Document 0 begins.\nIt ends here.\n\nDocument 1 begins.')).toBe(true);
    const broken = await cli(['split', '-f', 'lines', '-l', 'en', '0.txt', '1.txt', 'gone.txt', '2.txt'], { cwd: dir });
    expect(broken.code).toBe(2);
    expect(broken.stderr).toBe(`allinea: Cannot read ${join(dir, 'gone.txt')}: it does not exist.\n`);
    expect(broken.stdout).toBe('Document 0 begins.\nIt ends here.\n\nDocument 1 begins.\nIt ends here.\n');
  });

  it('fails with one sentence and exit 2 on bad input or usage', async () => {
    const missing = await cli(['split', '/nonexistent/file.txt']);
    expect(missing).toMatchObject({ code: 2, stdout: '' });
    expect(missing.stderr).toBe('allinea: Cannot read /nonexistent/file.txt: it does not exist.\n');
    const badFormat = await cli(['split', 'x.txt', '--format', 'xml']);
    expect(badFormat.code).toBe(2);
    expect(badFormat.stderr).toMatch(/^allinea: option '-f, --format <format>' argument 'xml' is invalid/);
  });

  it('has --help', async () => {
    const help = await cli(['split', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/Usage: allinea split \[options\] <files\.\.\.>/);
  });

  it('runs as a real process through the bin script', () => {
    const run = spawnSync(process.execPath, [join(REPO_ROOT, 'bin', 'allinea.js'), 'split', join(SEEDS_DIR, '003_f35f84bb321ab2af.txt'), '--format', 'lines'], { encoding: 'utf8' });
    expect(run.status).toBe(0);
    expect(run.stdout.split('\n')[0]).toBe('France');
  });
});
