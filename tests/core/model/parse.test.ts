import { fromFileData } from '../../../src/core/model/sentence-ids.js';
import { describe, expect, it } from 'vitest';
import { parseAlignment, parseAlignmentExplained, formatPath } from '../../../src/core/model/parse.js';
import { judgeAlignment } from '../../../src/core/model/schema.js';
import { lineLocator } from '../../../src/core/model/json-locate.js';
import { serializeAlignment } from '../../../src/core/model/serialize.js';
import { link, applySuggestions, toggleBookmark, setNote, splitSentence } from '../../../src/core/model/operations.js';
import { findSentence, seedsAlignment } from '../../helpers/seeds.js';

const { alignment: base, texts } = seedsAlignment();
const it0 = findSentence(base, texts, 'it-000', 'Non perdoniamo.');
const fr3 = findSentence(base, texts, 'fr-003', 'On ne pardonne pas');
let rich = link(base, [{ doc: 'it-000', sentence: it0 }, { doc: 'fr-003', sentence: fr3 }]).alignment;
rich = setNote(rich, 'g1', 'the motto, "quoted" \\ with a backslash');
rich = applySuggestions(rich, [{ members: [{ doc: 'it-001', sentences: [1] }, { doc: 'en-002', sentences: [2, 3] }], score: 0.4 }]);
rich = toggleBookmark(rich, { doc: 'en-004', sentence: 2 }, 'check');
const frText = texts.get('fr-003')!;
const [s0, e0] = rich.documents.find((d) => d.id === 'fr-003')!.sentences[0]!;
rich = splitSentence(rich, { doc: 'fr-003', sentence: 0 }, s0 + Math.floor((e0 - s0) / 2), frText);

describe('serialize and parse', () => {
  it('round-trips an alignment with groups, notes, suggestions, overrides and bookmarks', () => {
    const text = serializeAlignment(rich, texts);
    const result = parseAlignment(text);
    expect(result.problems).toEqual([]);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const { groups, ...rest } = result.alignment;
    const { groups: richGroups, ...richRest } = rich;
    // Read back as version 2, with the text around each override's cut.
    expect(rest).toEqual({
      ...richRest,
      version: 2,
      overrides: richRest.overrides.map((o) => ({ ...o, context: [expect.any(String), expect.any(String)] })),
      bookmarks: richRest.bookmarks.map((b) => ({ ...b, text: expect.any(String) })),
    });
    expect(groups.map((g) => ({ ...g, members: g.members.map(({ texts: _t, ...m }) => m) }))).toEqual(richGroups);
  });

  it('writes member texts from the sources so a diff shows the aligned sentences', () => {
    const text = serializeAlignment(rich, texts);
    const groupLine = text.split('\n').find((l) => l.includes('"id": "g1"'))!;
    expect(groupLine).toContain('"texts": ["Non perdoniamo."]');
    expect(groupLine).toContain('On ne pardonne pas.');
  });

  it('writes one group per line in a stable order (byte-identical on rewrite)', () => {
    const text = serializeAlignment(rich, texts);
    const lines = text.split('\n');
    expect(lines.filter((l) => l.trimStart().startsWith('{"id": "g')).length).toBe(rich.groups.length);
    const again = parseAlignment(text);
    if (!again.ok) throw new Error('did not parse');
    expect(serializeAlignment(again.alignment, texts)).toBe(text);
    expect(JSON.parse(text)).toBeTruthy();
  });
});

describe('errors name the place', () => {
  const good = serializeAlignment(rich, texts);

  it('reports JSON syntax errors with line and column', () => {
    const lines = good.split('\n');
    const g = lines.findIndex((l) => l.includes('"id": "g1"'));
    lines[g] = lines[g]!.replace('"status": ', '"status" ');
    const result = parseAlignment(lines.join('\n'));
    expect(result.ok).toBe(false);
    expect(result.problems[0]).toMatchObject({ rule: 'invalid-json', line: g + 1 });
    expect(result.problems[0]!.message).toMatch(/colon expected/);
  });

  it('reports schema errors with the JSON path and the line of the value', async () => {
    const broken = good.replace('"status": "confirmed"', '"status": "approved"');
    for (const result of [parseAlignment(broken, judgeAlignment), await parseAlignmentExplained(broken)]) {
      expect(result.ok).toBe(false);
      const problem = result.problems[0]!;
      expect(problem.rule).toBe('schema');
      expect(problem.message).toMatch(/^groups\[0\]\.status: /);
      expect(broken.split('\n')[problem.line - 1]).toContain('"approved"');
    }
  });

  it('without zod, says only that the schema does not fit, and asks for an explanation', () => {
    const broken = good.replace('"status": "confirmed"', '"status": "approved"');
    const result = parseAlignment(broken);
    expect(result).toMatchObject({ ok: false, unexplained: true });
    expect(result.problems).toEqual([expect.objectContaining({ rule: 'schema', path: [], line: 1, column: 1 })]);
  });

  it('gives the same alignment with or without zod on a valid file', async () => {
    const fast = parseAlignment(good);
    const judged = judgeAlignment(JSON.parse(good));
    expect(fast.ok && judged.ok).toBe(true);
    // zod judges the file's data (sentence ids); the parser gives the model (indices).
    if (fast.ok && judged.ok) expect(fast.alignment).toStrictEqual(fromFileData(judged.alignment).alignment);
    const explained = await parseAlignmentExplained(good);
    expect(explained.ok && explained.alignment).toStrictEqual(fast.ok && fast.alignment);
  });

  it('reports invariant violations (out of range, two groups) at the offending value', () => {
    const broken = good.replace(`"sentences": [${it0}], "texts"`, '"sentences": [999], "texts"');
    const result = parseAlignment(broken);
    expect(result.ok).toBe(true);
    expect(result.problems.map((p) => p.rule)).toEqual(['sentence-out-of-range']);
    expect(result.problems[0]!.message).toMatch(/sentence 999 of "it-000"/);
    expect(broken.split('\n')[result.problems[0]!.line - 1]).toContain('[999]');
  });

  it('rejects an empty file and a non-alignment JSON', async () => {
    expect(parseAlignment('').problems[0]!.rule).toBe('invalid-json');
    expect(parseAlignment('{"format": "something-else"}', judgeAlignment).problems[0]!.message).toMatch(/^format: /);
    expect((await parseAlignmentExplained('{"format": "something-else"}')).problems[0]!.message).toMatch(/^format: /);
  });

  it('formats paths and locates offsets', () => {
    expect(formatPath(['groups', 3, 'members', 0, 'doc'])).toBe('groups[3].members[0].doc');
    expect(formatPath([])).toBe('(root)');
    expect(lineLocator('ab\ncd\n')(4)).toEqual({ line: 2, column: 2 });
  });
});

describe('serializeAlignmentChunks (large files written in pieces)', () => {
  it('cuts a file of many groups into several pieces that round-trip, one group per line, and writes it so', async () => {
    const { serializeAlignmentChunks } = await import('../../../src/core/model/serialize.js');
    const { writeAlignmentFile } = await import('../../../src/io/alignment-file.js');
    const { mkdtempSync, readFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const [a, b] = rich.documents;
    const n = Math.min(a!.sentences.length, b!.sentences.length);
    const groups = Array.from({ length: 4500 }, (_, i) => ({
      id: `x${i}`,
      status: 'suggested' as const,
      origin: 'auto' as const,
      score: 0.5,
      members: [
        { doc: a!.id, sentences: [i % n] },
        { doc: b!.id, sentences: [i % n] },
      ],
    }));
    const many = { ...rich, groups: [...rich.groups, ...groups] };
    const chunks = [...serializeAlignmentChunks(many, texts)];
    expect(chunks.length).toBeGreaterThan(3);
    const text = chunks.join('');
    expect(text).toBe(serializeAlignment(many, texts));
    const lines = text.split('\n');
    expect(lines.filter((l) => l.trimStart().startsWith('{"id": "')).length).toBe(many.groups.length);
    const parsed = parseAlignment(text);
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(parsed.alignment.groups.map((g) => g.id)).toEqual(many.groups.map((g) => g.id));
    // Without groups the layout is the same as ever.
    expect([...serializeAlignmentChunks({ ...rich, groups: [] }, texts)].join('')).toContain('  "groups": [],\n  "overrides"');
    const file = join(mkdtempSync(join(tmpdir(), 'allinea-chunks-')), 'many.align.json');
    writeAlignmentFile(file, many, texts);
    expect(readFileSync(file, 'utf8')).toBe(text);
  });
});
