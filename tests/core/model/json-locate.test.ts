import { describe, expect, it } from 'vitest';
import { fastLocator } from '../../../src/core/model/json-locate.js';
import { treeLocator, type JsonPath } from '../../../src/core/model/parse.js';
import { buildFixture, readFile } from '../check/fixture.js';

/** Every path down to the numbers of the groups, documents' spans and overrides of an alignment value. */
function allPaths(value: unknown, path: (string | number)[] = [], out: JsonPath[] = []): JsonPath[] {
  out.push(path);
  if (Array.isArray(value)) value.forEach((v, i) => allPaths(v, [...path, i], out));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) allPaths(v, [...path, k], out);
  return out;
}

describe('fastLocator', () => {
  const fixture = buildFixture();
  const stable = readFile(fixture.file);
  const value = JSON.parse(stable) as Record<string, unknown>;
  // The same content in other layouts: pretty-printed, minified, with escapes and odd spacing.
  value.groups = [...(value.groups as unknown[]), { id: 'g"5\\', status: 'rejected', origin: 'manual', note: 'a "quoted" note, with [brackets] and {braces}', members: [] }];
  const layouts = {
    stable,
    pretty: JSON.stringify(value, null, 2),
    minified: JSON.stringify(value),
    spaced: JSON.stringify(value, null, '\t').replace(/,\n/g, ' ,\r\n'),
  };

  for (const [name, text] of Object.entries(layouts)) {
    it(`gives the syntax tree's positions for every path (${name} layout)`, () => {
      const slow = treeLocator(text);
      const fast = fastLocator(text);
      const paths = allPaths(JSON.parse(text));
      expect(paths.length).toBeGreaterThan(300);
      for (const path of paths) expect({ path, ...fast(path) }).toEqual({ path, ...slow(path) });
    });
  }

  it('points a path that does not exist at its nearest existing parent, like the syntax tree', () => {
    const slow = treeLocator(stable);
    const fast = fastLocator(stable);
    for (const path of [['groups', 99], ['groups', 0, 'members', 0, 'sentences', 7], ['groups', 1, 'score'], ['nothing']] as JsonPath[]) {
      expect(fast(path)).toEqual(slow(path));
    }
  });
});
