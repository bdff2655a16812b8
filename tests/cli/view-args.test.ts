import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';

describe('allinea view arguments', () => {
  it('says a mistyped command is neither a command nor a file, before asking for a terminal', async () => {
    const result = await cli(['frobnicate'], { cwd: '/tmp' });
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr: "allinea: 'frobnicate' is neither a command nor a file or folder here (see allinea --help).\n",
    });
  });

  it('names a missing corpus file', async () => {
    const result = await cli(['view', 'missing/a.txt', 'b.txt'], { cwd: '/tmp' });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('allinea: Cannot read /tmp/missing/a.txt: it does not exist.\n');
  });
});

describe('help about a command that does not exist', () => {
  it.each([
    [['batch', '--help']],
    [['batch', '-h']],
    [['help', 'batch']],
  ])('%j says batch is not a command and where batches are made, instead of printing the top-level help', async (args) => {
    const result = await cli(args, { cwd: '/tmp' });
    expect(result.stdout).toBe('');
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      "allinea: 'batch' is not an allinea command: batches are aligned with allinea align --manifest FILE --out-dir DIR; see allinea align --help.\n",
    );
  });

  it('suggests the command a typo meant', async () => {
    const result = await cli(['alig', '--help'], { cwd: '/tmp' });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("'alig' is not an allinea command: did you mean allinea align?");
    const bare = await cli(['exprot'], { cwd: '/tmp' });
    expect(bare.stderr).toBe("allinea: 'exprot' is neither a command nor a file or folder here: did you mean allinea export?\n");
    const batch = await cli(['batch'], { cwd: '/tmp' });
    expect(batch).toEqual({ code: 2, stdout: '', stderr: "allinea: 'batch' is neither a command nor a file or folder here: batches are aligned with allinea align --manifest FILE --out-dir DIR; see allinea align --help.\n" });
  });

  it('names an unknown subcommand of lexicon instead of printing lexicon help', async () => {
    const result = await cli(['lexicon', 'frob', '--help'], { cwd: '/tmp' });
    expect(result).toEqual({ code: 2, stdout: '', stderr: "allinea: 'lexicon frob' is not an allinea command (allinea lexicon --help lists the commands).\n" });
  });

  it.each(['view', 'split', 'align', 'eval', 'lexicon', 'export', 'import', 'check', 'completion'])('%s --help prints its own usage', async (name) => {
    const result = await cli([name, '--help'], { cwd: '/tmp' });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(new RegExp(`^Usage: allinea ${name} `));
    const viaHelp = await cli(['help', name], { cwd: '/tmp' });
    expect(viaHelp.stdout).toBe(result.stdout);
  });

  it('lexicon subcommands print their own usage, also through help', async () => {
    for (const name of ['install', 'import']) {
      const result = await cli(['lexicon', name, '--help'], { cwd: '/tmp' });
      expect(result.stdout).toMatch(new RegExp(`^Usage: allinea lexicon ${name} `));
      for (const args of [['help', 'lexicon', name], ['lexicon', 'help', name]]) {
        const viaHelp = await cli(args, { cwd: '/tmp' });
        expect(viaHelp.stdout, args.join(' ')).toBe(result.stdout);
      }
    }
    const helpHelp = await cli(['help', 'help'], { cwd: '/tmp' });
    expect(helpHelp.code).toBe(0);
    expect(helpHelp.stdout).toMatch(/^Usage: allinea \[options\] \[command\]/);
  });

  it('still shows help when the first word is a corpus folder or a view option comes first', async () => {
    const folder = await cli(['tmp', '--help'], { cwd: '/' });
    expect(folder.code).toBe(0);
    expect(folder.stdout).toMatch(/^Usage: allinea/);
    const option = await cli(['-a', 'new.align.json', '--help'], { cwd: '/tmp' });
    expect(option.code).toBe(0);
    expect(option.stdout).toMatch(/^Usage: allinea/);
  });
});
