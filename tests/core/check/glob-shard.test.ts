import { describe, expect, it } from 'vitest';
import { globBase, globToRegExp, isGlob } from '../../../src/core/check/glob.js';
import { parseShard, selectShard } from '../../../src/core/check/shard.js';

describe('glob', () => {
  it('splits a pattern into the folder to walk and the part to match', () => {
    expect(globBase('alignments/**/*.align.json')).toEqual({ base: 'alignments', rest: '**/*.align.json' });
    expect(globBase('*.align.json')).toEqual({ base: '.', rest: '*.align.json' });
    expect(isGlob('alignments/seeds.align.json')).toBe(false);
  });

  it('matches *, **, ?, {a,b} and [..] like a shell with globstar', () => {
    const deep = globToRegExp('**/*.align.json');
    expect(deep.test('seeds.align.json')).toBe(true);
    expect(deep.test('a/b/seeds.align.json')).toBe(true);
    expect(deep.test('a/b/seeds.json')).toBe(false);
    const flat = globToRegExp('*.align.json');
    expect(flat.test('a/seeds.align.json')).toBe(false);
    expect(globToRegExp('{it,fr}-?.align.json').test('fr-1.align.json')).toBe(true);
    expect(globToRegExp('{it,fr}-?.align.json').test('en-1.align.json')).toBe(false);
    expect(globToRegExp('run[0-9].align.json').test('run7.align.json')).toBe(true);
    expect(globToRegExp('run[!0-9].align.json').test('run7.align.json')).toBe(false);
    expect(globToRegExp('corpus/**').test('corpus/x/y.align.json')).toBe(true);
  });
});

describe('shard', () => {
  it('parses I/N and refuses anything else', () => {
    expect(parseShard('2/3')).toEqual({ index: 2, count: 3 });
    for (const bad of ['0/3', '4/3', '1/0', '1', 'a/b', '1/2/3']) expect(parseShard(bad)).toBeUndefined();
  });

  it('puts every file in exactly one shard, sorted by path, whatever the input order', () => {
    const files = Array.from({ length: 11 }, (_, i) => `alignments/f${String(i).padStart(2, '0')}.align.json`);
    const shuffled = [...files].reverse();
    const shards = [1, 2, 3].map((index) => selectShard(shuffled, (f) => f, { index, count: 3 }));
    expect(shards.map((s) => s.length)).toEqual([4, 4, 3]);
    expect(shards.flat().sort()).toEqual(files);
    expect(shards[0]).toEqual([files[0], files[3], files[6], files[9]]);
    expect(selectShard(files, (f) => f, { index: 1, count: 3 })).toEqual(shards[0]);
  });
});
