/** `allinea completion bash|zsh|fish`: scripts generated from the program's own commands and options, that the shells accept and use. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Option } from 'commander';
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/cli/program.js';
import { cli } from '../helpers/cli.js';

const has = (shell: string) => spawnSync(shell, ['-c', 'exit 0'], { stdio: 'ignore' }).status === 0;
const program = buildProgram({ stdout: { write: () => true }, stderr: { write: () => true }, stdin: process.stdin, cwd: '/', env: {} }, () => {});

async function script(shell: string): Promise<string> {
  const result = await cli(['completion', shell]);
  expect(result.code, result.stderr).toBe(0);
  return result.stdout;
}

function saved(text: string, name: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'allinea-completion-')), name);
  writeFileSync(path, text);
  return path;
}

describe('allinea completion', () => {
  it('names every command and every option of the program, and the choices of options that have them', async () => {
    for (const shell of ['bash', 'zsh', 'fish']) {
      const text = await script(shell);
      for (const command of program.commands) {
        expect(text, `${shell}: ${command.name()}`).toContain(command.name());
        for (const option of command.options as Option[]) {
          const flag = shell === 'fish' ? `-l ${option.long!.slice(2)}` : option.long!;
          expect(text, `${shell}: ${command.name()} ${option.long}`).toContain(flag);
          for (const choice of option.argChoices ?? []) expect(text, `${shell}: ${option.long} ${choice}`).toContain(choice);
        }
      }
    }
  });

  it('refuses a shell it does not know and names the ones it knows', async () => {
    const result = await cli(['completion', 'tcsh']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("'tcsh' is invalid for argument 'shell'. Allowed choices are bash, zsh, fish.");
  });

  it.skipIf(!has('bash'))('bash: loads, and completes commands, options and option values', async () => {
    const path = saved(await script('bash'), 'allinea.bash');
    const complete = (words: string[]) => {
      const line = `source ${JSON.stringify(path)}; cd ${JSON.stringify(tmpdir())}; COMP_WORDS=(${words.map((w) => JSON.stringify(w)).join(' ')}); COMP_CWORD=${words.length - 1}; _allinea; printf '%s\\n' "\${COMPREPLY[@]}"`;
      const child = spawnSync('bash', ['-c', line], { encoding: 'utf8' });
      expect(child.stderr).toBe('');
      return child.stdout.split('\n').filter(Boolean);
    };
    expect(complete(['allinea', 'ex'])).toContain('export');
    expect(complete(['allinea', 'export', 'a.align.json', '--to', ''])).toEqual(['tmx', 'json', 'jsonl', 'tsv', 'csv', 'moses', 'beads']);
    expect(complete(['allinea', 'check', '--f'])).toEqual(['--format', '--fix']);
    expect(complete(['allinea', 'align', '-m', 'p'])).toEqual(['parallel']);
    expect(complete(['allinea', 'lexicon', ''])).toContain('import');
    expect(complete(['allinea', 'completion', ''])).not.toContain('--to');
    // A subcommand's own options, and the values of its options.
    expect(complete(['allinea', 'lexicon', 'import', '--'])).toEqual(expect.arrayContaining(['--output', '--from', '--to', '--force', '--help']));
    expect(complete(['allinea', 'lexicon', 'import', 'x.tsv', '--f'])).toEqual(expect.arrayContaining(['--from', '--force']));
    // A global option's value is not taken for the command name.
    expect(complete(['allinea', '--max-input-size', '1G', 'sp'])).toEqual(['split']);
    expect(complete(['allinea', '--max-input-size', '1G', 'check', '--f'])).toEqual(['--format', '--fix']);
    expect(complete(['allinea', '--max-input-size=1G', 'export', 'a.align.json', '--to', 't'])).toEqual(['tmx', 'tsv']);
  });

  it.skipIf(!has('zsh'))(`zsh: the script parses${has('zsh') ? '' : ' — SKIPPED: zsh is not installed'}`, async () => {
    const child = spawnSync('zsh', ['-n', saved(await script('zsh'), '_allinea')], { encoding: 'utf8' });
    expect(child.stderr).toBe('');
    expect(child.status).toBe(0);
  });

  it.skipIf(!has('fish'))(`fish: the script parses and completes option values${has('fish') ? '' : ' — SKIPPED: fish is not installed'}`, async () => {
    const path = saved(await script('fish'), 'allinea.fish');
    expect(spawnSync('fish', ['-n', path], { encoding: 'utf8' }).status).toBe(0);
    const child = spawnSync('fish', ['-c', `source ${path}; complete -C 'allinea export x --to '`], { encoding: 'utf8' });
    expect(child.stdout.split('\n').map((l) => l.split('\t')[0])).toEqual(expect.arrayContaining(['tmx', 'tsv', 'beads']));
    // A subcommand's own options.
    const sub = spawnSync('fish', ['-c', `source ${path}; complete -C 'allinea lexicon import x.tsv --'`], { encoding: 'utf8' });
    expect(sub.stdout.split('\n').map((l) => l.split('\t')[0])).toEqual(expect.arrayContaining(['--output', '--from', '--to', '--force']));
  });
});
