/** What `allinea export` writes for downstream tools: complete bead files, and no empty exports. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseBeads } from '../../src/core/formats/beads.js';
import { cli } from '../helpers/cli.js';
import { tempWorkspace } from '../helpers/seeds.js';

let dir: string;
const file = 'alignments/s.align.json';

beforeAll(async () => {
  dir = tempWorkspace();
  const aligned = await cli(['align', 'seeds', '-o', file], { cwd: dir });
  expect(aligned.code, aligned.stderr).toBe(0); // suggestions only: nothing is confirmed yet
});

describe('allinea export', () => {
  it('exits 1 with one sentence saying why when it would write nothing, and writes no file', async () => {
    for (const to of ['tmx', 'tsv', 'json']) {
      const result = await cli(['export', file, '--to', to, '-o', `out.${to}`], { cwd: dir });
      expect(result.code).toBe(1);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
      expect(result.stderr).toMatch(/^allinea: Nothing to export from alignments\/s\.align\.json: no group is confirmed and \d+ are only suggested \(add --status all/);
      expect(existsSync(join(dir, `out.${to}`))).toBe(false);
    }
    const all = await cli(['export', file, '--to', 'tsv', '--status', 'all', '-o', 'out.tsv'], { cwd: dir });
    expect(all.code).toBe(0);
  });

  it('JSONL and Moses over many languages: the refusal names --pair with a pair that qualifies', async () => {
    for (const to of ['jsonl', 'moses']) {
      const result = await cli(['export', file, '--to', to, '--status', 'all', '-o', `out-${to}`], { cwd: dir });
      expect(result.code).toBe(1);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
      const pair = /needs every language in each group: choose two with --pair, e\.g\. --pair (\S+); no file was written\.$/.exec(result.stderr.trim())?.[1];
      expect(pair, result.stderr).toBeDefined();
      const retried = await cli(['export', file, '--to', to, '--status', 'all', '--pair', pair!, '-o', `out-${to}`], { cwd: dir });
      expect(retried.code, retried.stderr).toBe(0);
    }
  });

  it('writes beads for every sentence of both documents: unaligned ones as 1-0 and 0-1 beads, as Vecalign does', async () => {
    const result = await cli(['export', file, '--to', 'beads', '--pair', 'it-000:fr-003', '--status', 'all', '-o', 'b/'], { cwd: dir });
    expect(result.code, result.stderr).toBe(0);
    expect(readdirSync(join(dir, 'b')).sort()).toEqual(['corpus.beads', 'corpus.fr', 'corpus.it']);
    const lines = (name: string) => readFileSync(join(dir, 'b', name), 'utf8').split('\n').slice(0, -1);
    const beads = parseBeads(readFileSync(join(dir, 'b', 'corpus.beads'), 'utf8'));
    const sources = beads.flatMap((b) => b.source).sort((a, b) => a - b);
    const targets = beads.flatMap((b) => b.target).sort((a, b) => a - b);
    expect(sources).toEqual([...lines('corpus.it').keys()]);
    expect(targets).toEqual([...lines('corpus.fr').keys()]);
    const aligned = beads.filter((b) => b.source.length > 0 && b.target.length > 0).length;
    const unaligned = beads.length - aligned;
    expect(aligned).toBeGreaterThan(0);
    expect(unaligned).toBeGreaterThan(0);
    expect(result.stderr).toContain(`wrote ${aligned} aligned bead${aligned === 1 ? '' : 's'} and ${unaligned} 1-0/0-1 beads`);
    // Within the monotonic parts, the unaligned beads sit in order between the aligned ones.
    for (const bead of beads.filter((b) => b.target.length === 0)) expect(bead.source).toHaveLength(1);
  });
});
