/**
 * Outputs that are not regular files: a FIFO or a character device is written through (never
 * replaced by a regular file), /dev/stdout names standard output, a folder or a socket is
 * refused in one sentence; and a write error on standard output fails the command (exit 2,
 * one sentence) while a closed pipe (`| head -1`) stays quiet. Only FIFOs and sockets made
 * here, a null device made here (mknod c 1 3, as root) and /dev/stdout are used as outputs:
 * never the system's /dev/null, which a regression would replace for everyone on the machine;
 * /dev/full only as a redirect target.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../src/io/atomic-write.js';
import { cli } from '../helpers/cli.js';
import { REPO_ROOT } from '../helpers/seeds.js';

const ALIGNMENT = join(REPO_ROOT, 'alignments', 'seeds.align.json');
const TSX = pathToFileURL(join(REPO_ROOT, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href;
const MAIN = join(REPO_ROOT, 'src', 'cli', 'main.ts');
const allineaArgv = (args: string[]) => ['--import', TSX, MAIN, ...args];

const isRoot = process.getuid?.() === 0;
let dir: string;
/** A character device of our own (the null device's numbers), so a regression harms nothing else. */
let device: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'allinea-special-'));
  device = join(dir, 'null.dev');
  if (isRoot) execFileSync('mknod', ['-m', '666', device, 'c', '1', '3']);
});

/** Starts `cat FIFO`, runs `write`, and returns what the reader got. */
async function throughFifo(name: string, write: () => Promise<unknown> | unknown): Promise<string> {
  const fifo = join(dir, name);
  execFileSync('mkfifo', [fifo]);
  const reader = spawn('cat', [fifo], { stdio: ['ignore', 'pipe', 'inherit'] });
  let got = '';
  reader.stdout.on('data', (chunk: Buffer) => (got += chunk.toString('utf8')));
  const done = new Promise<void>((resolve) => reader.on('close', () => resolve()));
  await write();
  await done;
  expect(statSync(fifo).isFIFO()).toBe(true);
  return got;
}

describe('writeFileAtomic on special files', () => {
  it('writes through a FIFO to the process reading it, and the FIFO stays a FIFO', async () => {
    const got = await throughFifo('io.fifo', () => writeFileAtomic(join(dir, 'io.fifo'), ['one ', 'two ✓']));
    expect(got).toBe('one two ✓');
  });

  it.runIf(isRoot)('writes through a character device (a null device made here), which stays a device', () => {
    writeFileAtomic(device, 'nothing');
    expect(statSync(device).isCharacterDevice()).toBe(true);
  });

  it('refuses a folder and a socket in one sentence, leaving them as they are', async () => {
    const folder = join(dir, 'folder');
    mkdirSync(folder);
    expect(() => writeFileAtomic(folder, 'x')).toThrow(/^Cannot write .*folder: it is a folder\.$/);
    expect(statSync(folder).isDirectory()).toBe(true);
    const socket = join(dir, 's.sock');
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(socket, resolve));
    try {
      expect(() => writeFileAtomic(socket, 'x')).toThrow(/^Cannot write .*s\.sock: it is a socket, not a regular file\.$/);
      expect(statSync(socket).isSocket()).toBe(true);
    } finally {
      server.close();
    }
  });
});

describe('commands writing to special files', () => {
  it('export -o FIFO sends the TMX to the reader', async () => {
    let result: { code: number; stderr: string } | undefined;
    const got = await throughFifo('export.fifo', async () => (result = await cli(['export', ALIGNMENT, '--to', 'tmx', '-o', join(dir, 'export.fifo')], { cwd: dir })));
    expect(result!.code, result!.stderr).toBe(0);
    expect(got).toMatch(/^<\?xml[\s\S]*<\/tmx>\n?$/);
  });

  it.runIf(isRoot)('lexicon import -o FIFO and import -o DEVICE: the lexicon goes through, the import is refused in one sentence', async () => {
    const tsv = join(dir, 'words.tsv');
    writeFileSync(tsv, 'casa\tmaison\ncane\tchien\n');
    let lex: { code: number; stderr: string } | undefined;
    const got = await throughFifo('lex.fifo', async () => (lex = await cli(['lexicon', 'import', tsv, '--from', 'it', '--to', 'fr', '-o', join(dir, 'lex.fifo'), '--force'], { cwd: dir })));
    expect(lex!.code, lex!.stderr).toBe(0);
    expect(got).toContain('casa\tmaison');
    const imported = await cli(['import', join(dir, 'words.tsv'), '--from', 'tsv', '-o', device, '--force'], { cwd: dir });
    expect(imported.code).toBe(2);
    expect(imported.stderr.trim().split('\n')).toHaveLength(1);
    expect(imported.stderr).toMatch(/Cannot write .*null\.dev: it is not a regular file/);
    expect(statSync(device).isCharacterDevice()).toBe(true);
  });

  it('export -o /dev/stdout writes to standard output (a pipe here)', () => {
    const child = spawnSync(process.execPath, allineaArgv(['export', ALIGNMENT, '--to', 'tsv', '-o', '/dev/stdout']), { cwd: dir, encoding: 'utf8', timeout: 60_000 });
    expect(child.status, child.stderr).toBe(0);
    expect(child.stdout.split('\n').length).toBeGreaterThan(10);
  });
});

describe('write errors on standard output', () => {
  const withStdoutOn = (path: string, args: string[]) => {
    const fd = openSync(path, 'w');
    try {
      return spawnSync(process.execPath, allineaArgv(args), { cwd: dir, stdio: ['ignore', fd, 'pipe'], encoding: 'utf8', timeout: 60_000 });
    } finally {
      closeSync(fd);
    }
  };

  it.each([
    ['export', ['export', ALIGNMENT, '--to', 'tmx']],
    ['split', ['split', join(REPO_ROOT, 'seeds')]],
    ['--version', ['--version']],
    ['--help', ['--help']],
  ])('%s > /dev/full exits 2 with one sentence and claims nothing', (_name, args) => {
    const child = withStdoutOn('/dev/full', args);
    expect(child.status).toBe(2);
    expect(child.stderr).toBe('allinea: Cannot write standard output: no space left on device.\n');
  });

  it('a reader that stops early (| head -1) ends the command quietly, with no stack', () => {
    const err = join(dir, 'epipe.err');
    const rc = join(dir, 'epipe.rc');
    const out = execFileSync('sh', ['-c', `("$0" "$@" 2>"${err}"; echo $? >"${rc}") | head -1`, process.execPath, ...allineaArgv(['split', join(REPO_ROOT, 'seeds'), '--format', 'lines'])], { cwd: dir, encoding: 'utf8' });
    expect(out.split('\n').filter(Boolean)).toHaveLength(1);
    expect(readFileSync(err, 'utf8')).not.toMatch(/EPIPE|Error|at .*:\d+/);
    expect(readFileSync(rc, 'utf8').trim()).toBe('0');
  });
});
