/** Licence and provenance: the code's licence ships, and every bundled data file says what it is and under which terms. */
import { readdirSync, readFileSync } from 'node:fs';
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
});
