/** The CI report formats, as their consumers check them: Jenkins' JUnit schema and GitHub code scanning's SARIF rules. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/core/check/rules.js';
import { cli } from '../helpers/cli.js';
import { REPO_ROOT } from '../helpers/seeds.js';
import { buildFixture, readFile } from '../core/check/fixture.js';

const hasXmllint = spawnSync('xmllint', ['--version'], { stdio: 'ignore' }).status === 0;
const XSD = join(REPO_ROOT, 'tests', 'fixtures', 'junit-jenkins.xsd');

function validate(xml: string): { status: number | null; stderr: string } {
  const path = join(mkdtempSync(join(tmpdir(), 'allinea-junit-')), 'report.xml');
  writeFileSync(path, xml);
  const child = spawnSync('xmllint', ['--noout', '--schema', XSD, path], { encoding: 'utf8' });
  return { status: child.status, stderr: child.stderr };
}

describe.skipIf(!hasXmllint)(`JUnit report${hasXmllint ? '' : ' — SKIPPED: xmllint is not installed (Debian: libxml2-utils)'}`, () => {
  it('validates against the schema of Jenkins\' xunit plugin, with errors, warnings and a --fix report', async () => {
    const f = buildFixture();
    writeFileSync(join(f.dir, 'alignments', 'broken <&>.align.json'), readFile(f.file).slice(0, 500));
    const result = await cli(['check', '--format', 'junit'], { cwd: f.dir });
    expect(result.code).toBe(1);
    const check = validate(result.stdout);
    expect(check.stderr).toContain('validates');
    expect(check.status).toBe(0);
  });

  it('the schema really refuses what Jenkins refuses (a testcase with a file attribute)', () => {
    const bad = '<?xml version="1.0"?>\n<testsuites><testsuite name="s" tests="1" failures="0" errors="0"><testcase name="a" file="a"/></testsuite></testsuites>\n';
    expect(validate(bad).status).not.toBe(0);
  });
});

describe('SARIF report', () => {
  it('gives every rule a name, fullDescription and help (text and markdown), as GitHub code scanning wants', async () => {
    const f = buildFixture();
    const result = await cli(['check', '--format', 'sarif'], { cwd: f.dir });
    const log = JSON.parse(result.stdout) as { runs: { tool: { driver: { rules: { id: string; name: string; shortDescription: { text: string }; fullDescription: { text: string }; help: { text: string; markdown: string } }[] } } }[] };
    const rules = log.runs[0]!.tool.driver.rules;
    expect(rules.map((r) => r.id)).toEqual([...RULES.keys()]);
    for (const rule of rules) {
      expect(rule.name, rule.id).toMatch(/^[A-Z][A-Za-z0-9]+$/);
      expect(rule.fullDescription.text.startsWith(rule.shortDescription.text), rule.id).toBe(true);
      expect(rule.fullDescription.text.length, rule.id).toBeGreaterThan(rule.shortDescription.text.length);
      expect(rule.help.text, rule.id).not.toMatch(/[`*]/);
      expect(rule.help.markdown, rule.id).toContain(`**${rule.id}**`);
    }
    expect(rules.find((r) => r.id === 'source-changed')!.help.text).toContain('allinea check --fix');
  });
});
