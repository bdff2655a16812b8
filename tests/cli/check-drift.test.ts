/**
 * `allinea check` and `check --fix` on the committed seeds alignment after its sources
 * drifted (issue 14): the fix re-anchors every confirmed member onto the sentence holding its
 * old text, and a file whose structure is broken is not "fixed" at all.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAlignment } from '../../src/core/model/parse.js';
import { textKey } from '../../src/core/model/text-match.js';
import { cli } from '../helpers/cli.js';
import { REPO_ROOT, SEEDS_DIR } from '../helpers/seeds.js';

function workspace(): { dir: string; file: string; seed: (name: string) => string } {
  const dir = mkdtempSync(join(tmpdir(), 'allinea-check-drift-'));
  cpSync(SEEDS_DIR, join(dir, 'seeds'), { recursive: true });
  mkdirSync(join(dir, 'alignments'));
  const file = join(dir, 'alignments', 'seeds.align.json');
  cpSync(join(REPO_ROOT, 'alignments', 'seeds.align.json'), file);
  return { dir, file, seed: (name) => join(dir, 'seeds', name) };
}

const FR = '003_f35f84bb321ab2af.txt';
const IT = '000_8f095107cca91a8d.txt';

/** Every confirmed member's recorded texts, by group and document, as keys (line endings, NFC and whitespace folded). */
function memberKeys(text: string): Map<string, string[]> {
  const parsed = parseAlignment(text);
  if (!parsed.ok) throw new Error('does not parse');
  const out = new Map<string, string[]>();
  for (const g of parsed.alignment.groups) for (const m of g.members) out.set(`${g.id}/${m.doc}`, (m.texts ?? []).map(textKey));
  return out;
}

describe('check --fix on drifted seeds', () => {
  it('re-anchors every member onto its own text after insertion, CRLF, NFD and whitespace edits', async () => {
    const w = workspace();
    const committed = readFileSync(w.file, 'utf8');
    const fr = readFileSync(w.seed(FR), 'utf8');
    writeFileSync(w.seed(FR), `Une phrase ajoutée au début. ${fr}`.normalize('NFD'));
    const it = readFileSync(w.seed(IT), 'utf8');
    writeFileSync(w.seed(IT), it.replace(/\n/g, '\r\n').replace(/\. /g, '.  '));

    const fixed = await cli(['check', '--fix', 'alignments/'], { cwd: w.dir });
    expect(fixed.code).toBe(0);
    expect(fixed.stdout).toMatch(/fixed: re-anchored "fr-003": \d+ sentences found exactly, \d+ up to line endings, Unicode or whitespace, 0 with a changed text, 6 segmentation overrides moved with their text/);
    expect(fixed.stdout).not.toMatch(/^ {2}(lost|changed):/m);
    const after = readFileSync(w.file, 'utf8');
    // Same groups, same member texts (up to the edits): nothing landed on another sentence.
    expect(memberKeys(after)).toEqual(memberKeys(committed));
    const again = await cli(['check', '--format', 'json', 'alignments/'], { cwd: w.dir });
    expect(JSON.parse(again.stdout).files[0].findings.filter((f: { severity: string }) => f.severity === 'error')).toEqual([]);
  });

  it('reports a sentence deleted from a two-sentence member by group and text', async () => {
    const w = workspace();
    writeFileSync(w.seed(FR), readFileSync(w.seed(FR), 'utf8').replace(' Nous n’oublions pas.', ''));
    const before = await cli(['check', 'alignments/'], { cwd: w.dir });
    expect(before.code).toBe(1);
    expect(before.stdout).toContain('lose sentence 12 of group g9 ("Nous n’oublions pas.")');
    const fixed = await cli(['check', '--fix', 'alignments/'], { cwd: w.dir });
    expect(fixed.code).toBe(1);
    expect(fixed.stdout).toContain('lost: fr-003 sentence 12 (group g9): "Nous n’oublions pas."');
    const g9 = JSON.parse(readFileSync(w.file, 'utf8')).groups.find((g: { id: string }) => g.id === 'g9');
    expect(g9.members.find((m: { doc: string }) => m.doc === 'fr-003').texts).toEqual(['On n’oublie pas.»']);
  });
});

describe('check --fix on a file whose structure is broken', () => {
  it('refuses to fix, names the errors to fix first, and leaves the file as it was', async () => {
    const w = workspace();
    // Two documents with one id, a member listing a sentence twice, and a drifted source.
    const broken = readFileSync(w.file, 'utf8')
      .replace('"id": "it-001"', '"id": "it-000"')
      .replace('{"doc": "en-002", "sentences": [9]', '{"doc": "en-002", "sentences": [9, 9]');
    writeFileSync(w.file, broken);
    writeFileSync(w.seed(FR), `Une phrase ajoutée au début. ${readFileSync(w.seed(FR), 'utf8')}`);
    const result = await cli(['check', '--fix', '--format', 'json', 'alignments/'], { cwd: w.dir });
    expect(result.code).toBe(1);
    expect(readFileSync(w.file, 'utf8')).toBe(broken);
    const file = JSON.parse(result.stdout).files[0];
    expect(file.fixed).toBeUndefined();
    const refusal = file.findings.find((f: { message: string }) => f.message.startsWith('--fix did not change the file'));
    expect(refusal.severity).toBe('error');
    expect(refusal.message).toMatch(/its structure is invalid.*fix these \d+ errors first .*duplicate-document-id \(at \d+:\d+\)/);
    expect(refusal.message).toMatch(/unsorted-sentences \(at \d+:\d+\)/);
    const rules = file.findings.map((f: { rule: string }) => f.rule);
    expect(rules).toContain('duplicate-document-id');
    expect(rules).toContain('unsorted-sentences');
  });
});

describe('a source whose only change is its line endings', () => {
  it.each([
    ['LF to CRLF', false],
    ['CRLF to LF', true],
  ])('%s: still changed (offsets count the CRs), said so, and --fix re-anchors every sentence exactly', async (_name, fromCrlf) => {
    const w = workspace();
    const lf = readFileSync(w.seed(IT), 'utf8');
    expect(lf).not.toContain('\r');
    const crlf = lf.replace(/\n/g, '\r\n');
    if (fromCrlf) {
      // The alignment first records the CRLF text (a checkout with autocrlf, then --fix).
      writeFileSync(w.seed(IT), crlf);
      expect((await cli(['check', '--fix', 'alignments/'], { cwd: w.dir })).code).toBe(0);
    }
    writeFileSync(w.seed(IT), fromCrlf ? lf : crlf);
    const result = await cli(['check', 'alignments/'], { cwd: w.dir });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('the text of document "it-000" (../seeds/000_8f095107cca91a8d.txt) changed since the file was written (only its line endings, LF to CRLF or back, which the sentence offsets count)');
    expect(result.stdout).toMatch(/re-anchoring would find all \d+ grouped or bookmarked sentences again \(\d+ exactly, 0 with a changed text\)/);
    const fixed = await cli(['check', '--fix', 'alignments/'], { cwd: w.dir });
    expect(fixed.code).toBe(0);
    expect((await cli(['check', 'alignments/'], { cwd: w.dir })).code).toBe(0);
  });

  it('a real edit is not called a line-ending change', async () => {
    const w = workspace();
    const it = readFileSync(w.seed(IT), 'utf8');
    writeFileSync(w.seed(IT), `${it.replace(/\r?\n/g, '\r\n')} Aggiunta.`);
    const result = await cli(['check', 'alignments/'], { cwd: w.dir });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('changed since the file was written');
    expect(result.stdout).not.toContain('only its line endings');
  });
});
