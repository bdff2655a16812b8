/** check's machine-readable reports on a terminal never write C1 controls from a file raw. */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';
import { REPO_ROOT } from '../helpers/seeds.js';

const folders: string[] = [];
afterEach(() => {
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** The committed seeds alignment with a CSI (U+009B) and a bidi override in a recorded member text (check quotes it). */
function hostileCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'allinea-check-tty-'));
  folders.push(dir);
  cpSync(join(REPO_ROOT, 'seeds'), join(dir, 'seeds'), { recursive: true });
  const file = join(dir, 'alignments', 'seeds.align.json');
  cpSync(join(REPO_ROOT, 'alignments'), join(dir, 'alignments'), { recursive: true });
  const text = readFileSync(file, 'utf8').replace(/"texts": \["/, '"texts": ["\u009b31m\u202e');
  writeFileSync(file, text);
  return file;
}

describe('check reports on a terminal', () => {
  for (const format of ['json', 'sarif', 'junit']) {
    it(`--format ${format} escapes C1 controls and bidi marks on a TTY, and keeps them in a pipe`, async () => {
      const file = hostileCopy();
      const tty = await cli(['check', file, '--format', format, '--max-warnings', '1000'], { tty: true });
      expect(tty.stdout.length).toBeGreaterThan(0);
      expect(tty.stdout).not.toMatch(/[\u0080-\u009f\u202a-\u202e]/);
      const piped = await cli(['check', file, '--format', format, '--max-warnings', '1000']);
      expect(piped.stdout).toContain('\u009b31m\u202e');
      if (format !== 'junit') expect(JSON.parse(tty.stdout)).toEqual(JSON.parse(piped.stdout));
    });
  }
});
