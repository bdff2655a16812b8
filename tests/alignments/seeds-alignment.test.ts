/**
 * The committed seeds alignment: it loads, its sources have not drifted, it holds the slogan
 * aligned part by part across Italian and French and at least ten more confirmed groups, and
 * `allinea check` passes on it while warning about the deliberate death-toll mismatch.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openAlignment } from '../../src/io/alignment-file.js';
import { segment } from '../../src/core/text/segment.js';
import { cli } from '../helpers/cli.js';
import { REPO_ROOT } from '../helpers/seeds.js';

const file = join(REPO_ROOT, 'alignments', 'seeds.align.json');

describe('alignments/seeds.align.json', () => {
  const opened = openAlignment(file, segment);
  const text = (doc: string, sentence: number) => {
    const [s, e] = opened.alignment.documents.find((d) => d.id === doc)!.sentences[sentence]!;
    return opened.texts.get(doc)!.slice(s, e);
  };
  const confirmed = opened.alignment.groups.filter((g) => g.status === 'confirmed');
  const textsOf = (g: (typeof confirmed)[number]) =>
    Object.fromEntries(g.members.map((m) => [m.doc, m.sentences.map((s) => text(m.doc, s))]));

  it('matches its sources (no drift) and covers the five seed articles', () => {
    expect(opened.reanchored).toEqual([]);
    expect(opened.alignment.documents.map((d) => d.id)).toEqual(['it-000', 'it-001', 'en-002', 'fr-003', 'en-004']);
    const docsInGroups = new Set(confirmed.flatMap((g) => g.members.map((m) => m.doc)));
    expect([...docsInGroups].sort()).toEqual(['en-002', 'en-004', 'fr-003', 'it-000', 'it-001']);
  });

  it('aligns the slogan part by part across Italian and French', () => {
    const groups = confirmed.map(textsOf);
    expect(groups).toContainEqual({ 'it-000': ['Non dimentichiamo.'], 'fr-003': ['On n’oublie pas.»', 'Nous n’oublions pas.'] });
    expect(groups).toContainEqual({ 'it-000': ['Non perdoniamo.'], 'fr-003': ['«On ne pardonne pas.', 'Nous ne pardonnons pas.'] });
    expect(groups).toContainEqual({ 'it-000': ["'Noi siamo Anonymous."], 'fr-003': ['«Nous sommes Anonymous.'] });
  });

  it('has at least ten more confirmed groups, with notes, across the three languages', () => {
    expect(confirmed.length).toBeGreaterThanOrEqual(14);
    expect(confirmed.every((g) => (g.note ?? '').length > 10)).toBe(true);
    const langs = new Set(confirmed.flatMap((g) => g.members.map((m) => m.doc.slice(0, 2))));
    expect([...langs].sort()).toEqual(['en', 'fr', 'it']);
    const defend = confirmed.map(textsOf).find((g) => g['fr-003']?.[0]?.startsWith('«Pour défendre nos valeurs'));
    expect(defend?.['it-001']?.[0]).toMatch(/“Per difendere i nostri valori e la nostra libertà/);
  });

  it('passes allinea check, with the death-toll mismatch as a warning', async () => {
    const result = await cli(['check', file, '--format', 'json']);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as { files: { findings: { rule: string; severity: string; message: string }[] }[] };
    const findings = report.files.flatMap((f) => f.findings);
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(findings).toContainEqual(expect.objectContaining({ rule: 'number-mismatch', severity: 'warning', message: expect.stringMatching(/129 in it-000 .*132 in it-001/) }));
  });
});
