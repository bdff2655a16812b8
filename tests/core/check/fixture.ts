/**
 * A valid alignment over the real seeds, written to a temp workspace, plus helpers to break
 * copies of it. Sentence indices are found by text, so the fixture follows the segmenter.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { link } from '../../../src/core/model/operations.js';
import type { Alignment } from '../../../src/core/model/types.js';
import { writeAlignmentFile } from '../../../src/io/alignment-file.js';
import { findSentence, seedsAlignment, tempWorkspace } from '../../helpers/seeds.js';

export interface Fixture {
  readonly dir: string;
  /** Absolute path of alignments/seeds.align.json. */
  readonly file: string;
  readonly alignment: Alignment;
  readonly texts: Map<string, string>;
  /** Sentence indices used by the groups. */
  readonly s: { toll129: number; toll132: number; opening: number; members: number; isis: number; recruit: number };
}

/**
 * Groups: g1 the death tolls (it-000 "129 persone" / it-001 "132 persone", confirmed: one
 * number-mismatch warning), g2 the opening sentences (it-000 / en-002, confirmed),
 * g3 online recruitment (it-000 / en-002, confirmed), g4 a rejected pair overlapping g1.
 */
export function buildFixture(): Fixture {
  const dir = tempWorkspace();
  mkdirSync(join(dir, 'alignments'));
  const { alignment: fresh, texts } = seedsAlignment();
  const s = {
    toll129: findSentence(fresh, texts, 'it-000', '129 persone'),
    toll132: findSentence(fresh, texts, 'it-001', '132 persone'),
    opening: findSentence(fresh, texts, 'it-000', 'Anche questa volta'),
    members: findSentence(fresh, texts, 'en-002', 'Members of the world'),
    isis: findSentence(fresh, texts, 'it-000', 'Molti membri'),
    recruit: findSentence(fresh, texts, 'en-002', 'relies on Twitter'),
  };
  let a = fresh;
  a = link(a, [{ doc: 'it-000', sentence: s.toll129 }, { doc: 'it-001', sentence: s.toll132 }], 'g1').alignment;
  a = link(a, [{ doc: 'it-000', sentence: s.opening }, { doc: 'en-002', sentence: s.members }], 'g2').alignment;
  a = link(a, [{ doc: 'it-000', sentence: s.isis }, { doc: 'en-002', sentence: s.recruit }], 'g3').alignment;
  // A rejected group records "these do not go together" and may overlap live groups.
  a = { ...a, groups: [...a.groups, { id: 'g4', status: 'rejected', origin: 'auto', score: 0.41, members: [{ doc: 'it-000', sentences: [s.toll129] }, { doc: 'en-002', sentences: [s.members] }] }] };
  const file = join(dir, 'alignments', 'seeds.align.json');
  writeAlignmentFile(file, a, texts);
  return { dir, file, alignment: a, texts, s };
}

export function readFile(path: string): string {
  return readFileSync(path, 'utf8');
}

/** Replaces one exact substring of a file (which must occur exactly once). */
export function editFile(path: string, from: string, to: string): void {
  const text = readFile(path);
  const at = text.indexOf(from);
  if (at < 0 || text.indexOf(from, at + 1) >= 0) throw new Error(`"${from}" must occur exactly once in ${path}`);
  writeFileSync(path, text.slice(0, at) + to + text.slice(at + from.length));
}

/** 1-based line and column of the first occurrence of `needle` in `text` (plus `offset` characters). */
export function positionOf(text: string, needle: string, offset = 0): { line: number; column: number } {
  const at = text.indexOf(needle);
  if (at < 0) throw new Error(`"${needle}" not found`);
  const before = text.slice(0, at + offset);
  const line = before.split('\n').length;
  return { line, column: at + offset - before.lastIndexOf('\n') };
}
