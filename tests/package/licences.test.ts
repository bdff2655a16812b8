/** Licence and provenance: the code's licence ships, and every bundled data file says what it is and under which terms. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/seeds.js';

const read = (...p: string[]) => readFileSync(join(REPO_ROOT, ...p), 'utf8');

describe('licences and provenance', () => {
  it('has an MIT LICENSE for the code, named in package.json and packed', () => {
    expect(read('LICENSE')).toMatch(/^MIT License/);
    const pkg = JSON.parse(read('package.json')) as { license: string; files: string[] };
    expect(pkg.license).toBe('MIT');
    expect(pkg.files).toEqual(expect.arrayContaining(['LICENSE', 'docs']));
  });

  for (const folder of ['seeds', 'lexicons']) {
    it(`${folder}/README.md names every file in ${folder}/ and its terms`, () => {
      const readme = read(folder, 'README.md');
      for (const file of readdirSync(join(REPO_ROOT, folder))) expect(readme, file).toContain(`\`${file}\``);
      expect(readme).toMatch(/licen[cs]e|copyright/i);
    });
  }

  it('says in the seeds README that the publishers keep their rights', () => {
    expect(read('seeds', 'README.md')).toMatch(/copyright in each article stays with its publisher/);
  });

  it('has one README line on the licences of code, lexicons and seeds', () => {
    const line = read('README.md').split('\n').find((l) => l.includes('(LICENSE)'));
    expect(line).toBeDefined();
    expect(line).toMatch(/MIT.*lexicons\/README\.md.*seeds\/README\.md/);
  });

  it('ships the notices of every package the bundle took code from, all under permissive licences', () => {
    const out = mkdtempSync(join(tmpdir(), 'allinea-notices-'));
    try {
      const built = spawnSync(process.execPath, [join(REPO_ROOT, 'scripts', 'build.mjs'), '--outdir', out], { encoding: 'utf8' });
      expect(built.status, built.stderr).toBe(0);
      // What the bundle holds, read from its source maps (independent of how the notices are made).
      const bundled = new Set<string>();
      for (const map of readdirSync(out).filter((f) => f.endsWith('.map'))) {
        for (const source of (JSON.parse(readFileSync(join(out, map), 'utf8')) as { sources: string[] }).sources) {
          const m = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(source);
          if (m) bundled.add(m[1]!);
        }
      }
      expect(bundled.size).toBeGreaterThan(20);
      const notices = readFileSync(join(out, 'THIRD-PARTY-NOTICES.md'), 'utf8');
      for (const name of bundled) expect(notices, name).toMatch(new RegExp(`^## ${name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} \\d`, 'm'));
      const licences = [...notices.matchAll(/^Licence: (.+)$/gm)].map((m) => m[1]!);
      expect(licences.length).toBeGreaterThanOrEqual(bundled.size);
      for (const licence of licences) expect(['MIT', 'ISC', 'BSD-2-Clause', 'BSD-3-Clause', 'Apache-2.0', '0BSD']).toContain(licence);
      // Every section carries a licence text with a copyright line.
      for (const section of notices.split(/^## /m).slice(1)) expect(section, section.split('\n')[0]).toMatch(/copyright/i);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
