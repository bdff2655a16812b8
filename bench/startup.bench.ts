/**
 * `npm run bench -- startup`: start-up of the installed package, as a user runs it. Packs the
 * project, installs the tarball into a temporary prefix (tests/helpers/packed-install.ts) and
 * times the `allinea` command npm linked, from a folder outside the repository:
 * - `allinea --version` (target ≤ 150 ms)
 * - `allinea check` on the seeds' alignment (target ≤ 300 ms)
 * Median and worst of 15 runs each, after 2 warm-up runs (the file cache warm, as on a second
 * run in CI). Figures only.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { cleanEnv, packAndInstall } from '../tests/helpers/packed-install.js';

const RUNS = 15;

function time(bin: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): number[] {
  const times: number[] = [];
  for (let i = 0; i < RUNS + 2; i++) {
    const start = process.hrtime.bigint();
    const child = spawnSync(bin, args, { cwd, env, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (child.status !== 0 && !(args[0] === 'check' && child.status === 1)) throw new Error(`allinea ${args.join(' ')} failed: ${child.stderr}`);
    if (i >= 2) times.push(ms);
  }
  return times.sort((a, b) => a - b);
}

export default async function startup(): Promise<void> {
  const t0 = Date.now();
  const install = packAndInstall();
  console.log(`packed and installed in ${((Date.now() - t0) / 1000).toFixed(1)} s (${install.packageDir})`);
  try {
    const work = mkdtempSync(join(install.root, 'work-'));
    const env = cleanEnv(install.binDir, work);
    const align = spawnSync(install.bin, ['align'], { cwd: work, env, encoding: 'utf8' });
    if (align.status !== 0) throw new Error(`allinea align failed: ${align.stderr}`);
    const cases: [string, string[], number][] = [
      ['allinea --version', ['--version'], 150],
      ['allinea check seeds.align.json', ['check', 'seeds.align.json'], 300],
      ['allinea --help', ['--help'], 150],
    ];
    for (const [label, args, target] of cases) {
      const times = time(install.bin, args, work, env);
      const median = times[Math.floor(times.length / 2)]!;
      console.log(`${label.padEnd(32)} median ${median.toFixed(0).padStart(4)} ms   worst ${times[times.length - 1]!.toFixed(0).padStart(4)} ms   (target ≤ ${target} ms)`);
    }
    console.log(`node ${process.version} alone: median ${time(process.execPath, ['-e', '0'], work, env)[Math.floor(RUNS / 2)]!.toFixed(0)} ms (the floor under every figure)`);
  } finally {
    rmSync(install.root, { recursive: true, force: true });
  }
}
