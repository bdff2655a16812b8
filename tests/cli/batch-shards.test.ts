/**
 * Batch alignment (issue 13): the shards of a manifest together give exactly the files of the
 * unsharded run, and several jobs (child processes aligning runs of sets) give the same bytes
 * as one job.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';
import { SHARED_DIR } from '../helpers/seeds.js';

const TB = join(SHARED_DIR, 'bench/alignment/textberg-dev');

/** A folder with 8 small German-French pairs cut from the Text+Berg dev set, one missing file, and a manifest. */
function batchFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'allinea-shards-'));
  const de = readFileSync(join(TB, 'dev.de'), 'utf8').split('\n');
  const fr = readFileSync(join(TB, 'dev.fr'), 'utf8').split('\n');
  const lines: string[] = [];
  for (let k = 0; k < 8; k++) {
    writeFileSync(join(dir, `p${k}.de`), `${de.slice(k * 25, k * 25 + 25 + k).join('\n')}\n`);
    writeFileSync(join(dir, `p${k}.fr`), `${fr.slice(k * 25, k * 25 + 27).join('\n')}\n`);
    // Two sets share a name: the second becomes "pair-2" in every run alike.
    lines.push(k === 3 ? `pair\tp${k}.de\tp${k}.fr` : k === 5 ? `pair\tp${k}.de\tp${k}.fr` : `p${k}.de\tp${k}.fr`);
  }
  lines.splice(4, 0, 'broken\tmissing.de\tp0.fr');
  writeFileSync(join(dir, 'pairs.tsv'), `${lines.join('\n')}\n`);
  return dir;
}

function filesIn(dir: string): Map<string, string> {
  return new Map(readdirSync(dir).sort().map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
}

const ALIGN = ['align', '--presplit', '--mode', 'parallel', '--manifest', 'pairs.tsv', '--no-bundled-lexicons', '--lang', 'de'];

describe.skipIf(!existsSync(TB))('batch shards and jobs', () => {
  it('shards 1/3, 2/3 and 3/3 together are byte-identical to the unsharded run', async () => {
    const dir = batchFolder();
    const whole = await cli([...ALIGN, '--out-dir', 'all'], { cwd: dir });
    expect(whole.code).toBe(1); // the broken set fails, the others are aligned
    expect(whole.stderr).toMatch(/Done: 8 aligned, 1 failed/);
    const expected = filesIn(join(dir, 'all'));
    expect([...expected.keys()]).toEqual(['p0.align.json', 'p1.align.json', 'p2.align.json', 'p4.align.json', 'p6.align.json', 'p7.align.json', 'pair-2.align.json', 'pair.align.json']);
    const seen = new Map<string, string>();
    let failed = 0;
    for (const shard of ['1/3', '2/3', '3/3']) {
      const out = `shard${shard[0]}`;
      const r = await cli([...ALIGN, '--out-dir', out, '--shard', shard], { cwd: dir });
      failed += Number(/(\d+) failed/.exec(r.stderr)?.[1]);
      for (const [name, text] of filesIn(join(dir, out))) {
        expect(seen.has(name)).toBe(false); // no set in two shards
        seen.set(name, text);
      }
    }
    expect(failed).toBe(1);
    expect(new Map([...seen].sort())).toEqual(expected);
  });

  it('two jobs write the same files as one', async () => {
    const dir = batchFolder();
    await cli([...ALIGN, '--out-dir', 'one'], { cwd: dir });
    const r = await cli([...ALIGN, '--out-dir', 'two', '--jobs', '2'], { cwd: dir });
    expect(r.stderr).toMatch(/Done: 8 aligned, 1 failed/);
    expect(r.stderr).toMatch(/^broken: /m);
    expect(r.stderr).toMatch(/^pair-2: mode: parallel/m);
    expect(r.code).toBe(1);
    expect(filesIn(join(dir, 'two'))).toEqual(filesIn(join(dir, 'one')));
  }, 120_000);
});
