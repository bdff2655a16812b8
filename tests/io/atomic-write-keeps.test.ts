/** Saves keep what the user set: links stay links, mode and owner stay, no temporary files are left. */
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { removeStaleTempFiles, tempScanWork, writeFileAtomic } from '../../src/io/atomic-write.js';
import { followLinks } from '../../src/io/follow-links.js';
import { REPO_ROOT } from '../helpers/seeds.js';

const temp = () => mkdtempSync(join(tmpdir(), 'allinea-keep-'));

/** The pid of a process that has ended. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}

describe('writeFileAtomic keeps what the user set', () => {
  it('writes the file a symbolic link points to, and the link stays a link', () => {
    const dir = temp();
    mkdirSync(join(dir, 'real'));
    const target = join(dir, 'real', 'a.align.json');
    writeFileSync(target, 'old');
    const link = join(dir, 'a.align.json');
    symlinkSync('real/a.align.json', link);
    writeFileAtomic(link, 'new');
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(target, 'utf8')).toBe('new');
    expect(readdirSync(dir).sort()).toEqual(['a.align.json', 'real']);
    expect(readdirSync(join(dir, 'real'))).toEqual(['a.align.json']);
  });

  it('follows a chain of links, and a dangling link creates the file it names', () => {
    const dir = temp();
    symlinkSync('b', join(dir, 'a'));
    symlinkSync('c', join(dir, 'b'));
    writeFileAtomic(join(dir, 'a'), 'x');
    expect(readFileSync(join(dir, 'c'), 'utf8')).toBe('x');
    expect(lstatSync(join(dir, 'a')).isSymbolicLink()).toBe(true);
    expect(followLinks(join(dir, 'a'))).toBe(join(dir, 'c'));
  });

  it('keeps the permission bits of the file it replaces (0600 stays 0600)', () => {
    const dir = temp();
    const path = join(dir, 'private.align.json');
    writeFileSync(path, 'old');
    chmodSync(path, 0o600);
    writeFileAtomic(path, 'new');
    expect(statSync(path).mode & 0o777).toBe(0o600);
    chmodSync(path, 0o640);
    writeFileAtomic(path, 'newer');
    expect(statSync(path).mode & 0o777).toBe(0o640);
  });

  it.skipIf(process.getuid?.() !== 0)('keeps the owner and group where the process may set them (root)', () => {
    const dir = temp();
    const path = join(dir, 'theirs.align.json');
    writeFileSync(path, 'old');
    chownSync(path, 65534, 65534);
    writeFileAtomic(path, 'new');
    expect([statSync(path).uid, statSync(path).gid]).toEqual([65534, 65534]);
  });
});

describe('temporary files of saves', () => {
  it('the next save removes those left by a process that is gone, and keeps those of live processes', () => {
    const dir = temp();
    const path = join(dir, 'a.align.json');
    writeFileSync(path, 'old');
    const dead = deadPid();
    const stale = [`.a.align.json.${dead}.0badf00d.tmp`, `.a.align.json.${dead}.tmp`];
    const live = `.a.align.json.${process.ppid}.1234abcd.tmp`; // our parent runs: its save may be in progress
    const other = `.b.align.json.${dead}.0badf00d.tmp`; // another file's: not this save's business
    const recent = `.a.align.json.${dead}.feedf00d.tmp`; // a minute old at most: maybe another machine's save
    const hourAgo = new Date(Date.now() - 3_600_000);
    for (const name of [...stale, live, other, recent]) {
      writeFileSync(join(dir, name), 'x'.repeat(1000));
      if (name !== recent) utimesSync(join(dir, name), hourAgo, hourAgo);
    }
    writeFileAtomic(path, 'new');
    expect(readdirSync(dir).sort()).toEqual([live, other, recent, 'a.align.json'].sort());
    expect(removeStaleTempFiles(join(dir, 'b.align.json'))).toEqual([other]);
  });

  it('saving many files into one folder reads its entries a bounded number of times, not once per save (a count)', () => {
    // Each save looked for stale temporary files by listing the folder: n saves read n²/2 entries.
    const entriesFor = (n: number): number => {
      const dir = temp();
      const before = tempScanWork.entries;
      for (let i = 0; i < n; i++) writeFileAtomic(join(dir, `${i}.align.json`), `{"n":${i}}`);
      expect(readdirSync(dir)).toHaveLength(n);
      return tempScanWork.entries - before;
    };
    const small = entriesFor(150);
    const large = entriesFor(300);
    expect(large).toBeLessThanOrEqual(2.3 * Math.max(1, small));
    expect(large).toBeLessThanOrEqual(300);
  });

  it('a SIGTERM during saves does not leave a temporary file (the save finishes, then the process ends)', async () => {
    const dir = temp();
    const path = join(dir, 'big.align.json');
    const script = join(dir, 'saver.ts');
    writeFileSync(
      script,
      `import { writeFileAtomic } from ${JSON.stringify(pathToFileURL(join(REPO_ROOT, 'src/io/atomic-write.ts')).href)};
const data = 'x'.repeat(8 * 1024 * 1024);
process.stdout.write('ready\\n');
// Save after save, letting the event loop turn between them as the CLI and the workbench do.
const save = () => {
  writeFileAtomic(${JSON.stringify(path)}, data);
  setImmediate(save);
};
save();
`,
    );
    for (let round = 0; round < 5; round++) {
      const child = spawn(process.execPath, ['--import', 'tsx', script], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
      await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
      // Wait until a save is under way, then end the process in the middle of it.
      const started = Date.now();
      while (!readdirSync(dir).some((f) => f.endsWith('.tmp')) && Date.now() - started < 10_000) await new Promise((r) => setTimeout(r, 1));
      const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 20_000); // never leave it running
      expect(await exited).toBe('SIGTERM');
      clearTimeout(timer);
      expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
      expect(statSync(path).size).toBe(8 * 1024 * 1024);
    }
  }, 60_000);
});

describe('alignments opened through a link', () => {
  it('find their documents beside the file the link points to', async () => {
    const { readSources, documentPath } = await import('../../src/io/alignment-sources.js');
    const dir = temp();
    mkdirSync(join(dir, 'project', 'alignments'), { recursive: true });
    mkdirSync(join(dir, 'project', 'seeds'));
    writeFileSync(join(dir, 'project', 'seeds', 'a.txt'), 'Uno.');
    const real = join(dir, 'project', 'alignments', 'x.align.json');
    writeFileSync(real, '{}');
    const link = join(dir, 'x.align.json');
    symlinkSync(real, link);
    expect(documentPath(link, '../seeds/a.txt')).toBe(join(dir, 'project', 'seeds', 'a.txt'));
    const status = readSources(link, { documents: [{ id: 'a', path: '../seeds/a.txt', sha256: '' }] } as never);
    expect(status.missing).toEqual([]);
    expect(existsSync(join(dir, 'seeds'))).toBe(false);
  });
});

describe('allinea check over many files in one folder', () => {
  it('lists the folder once for the run, not once per file (a count)', async () => {
    const { cli } = await import('../helpers/cli.js');
    const entriesFor = async (n: number): Promise<number> => {
      const dir = mkdtempSync(join(tmpdir(), 'allinea-check-many-'));
      for (let i = 0; i < n; i++) writeFileSync(join(dir, `${i}.align.json`), '{}');
      const before = tempScanWork.entries;
      const result = await cli(['check', dir]);
      expect(result.stderr).not.toMatch(/unexpected error/);
      return tempScanWork.entries - before;
    };
    const small = await entriesFor(100);
    const large = await entriesFor(200);
    expect(large).toBeLessThanOrEqual(2.3 * Math.max(1, small));
    expect(large).toBeLessThanOrEqual(200);
  });
});
