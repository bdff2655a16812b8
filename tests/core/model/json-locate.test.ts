import fc from 'fast-check';
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

/** JSON text of a value with the given whitespace between every two tokens (used in turn). */
function layout(value: unknown, spaces: readonly string[]): string {
  let n = 0;
  const ws = () => spaces[n++ % spaces.length] ?? '';
  const write = (v: unknown): string => {
    if (Array.isArray(v)) return `[${ws()}${v.map((x) => write(x)).join(`${ws()},${ws()}`)}${ws()}]`;
    if (v && typeof v === 'object') {
      const members = Object.entries(v).map(([k, x]) => `${JSON.stringify(k)}${ws()}:${ws()}${write(x)}`);
      return `{${ws()}${members.join(`${ws()},${ws()}`)}${ws()}}`;
    }
    return JSON.stringify(v);
  };
  return `${ws()}${write(value)}${ws()}`;
}

/** Strings that look like structure: brackets, braces, quotes, backslashes, escapes. */
const tricky = fc.constantFrom('', '[', ']', '{', '}', '"', '\\', '\\"', '"]}', '{"a": [1]}', '\u005b', 'a\\', '“x”', '😀');

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

  it('gives the syntax tree\'s positions for random values, nestings and layouts', () => {
    const key = fc.oneof(fc.string({ maxLength: 4 }), tricky);
    const value = fc.letrec((tie) => ({
      value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, fc.jsonValue({ maxDepth: 0 }), tricky, tie('array'), tie('object')),
      array: fc.array(tie('value'), { maxLength: 4 }),
      object: fc.dictionary(key, tie('value'), { maxKeys: 4 }),
    })).value;
    const root = fc.dictionary(key, value, { maxKeys: 5 });
    const spaces = fc.array(fc.constantFrom('', ' ', '\n', '\r\n', '\t', '  \n    '), { minLength: 1, maxLength: 5 });
    fc.assert(
      fc.property(root, spaces, (object, ws) => {
        const text = layout(object, ws);
        const slow = treeLocator(text);
        const fast = fastLocator(text);
        for (const path of allPaths(JSON.parse(text))) expect({ path, ...fast(path) }).toEqual({ path, ...slow(path) });
        for (const path of allPaths(JSON.parse(text))) expect(fast([...path, 'missing', 0])).toEqual(slow([...path, 'missing', 0]));
      }),
      { numRuns: 300 },
    );
  });

  it('gives the syntax tree\'s positions inside containers nested deeper than its pattern', () => {
    let deep: unknown = { end: ['[x]', { y: 1 }] };
    for (let d = 0; d < 12; d++) deep = d % 2 ? { [`k${d}`]: deep, after: d } : [d, deep, `s${d}`];
    const value = { before: deep, groups: [deep, { id: 'g"]' }, deep], after: [1] };
    for (const text of [JSON.stringify(value), JSON.stringify(value, null, 2)]) {
      const slow = treeLocator(text);
      const fast = fastLocator(text);
      const paths = allPaths(JSON.parse(text));
      expect(paths.length).toBeGreaterThan(100);
      for (const path of paths) expect({ path, ...fast(path) }).toEqual({ path, ...slow(path) });
    }
  });

  it('finds its way through a container of millions of tokens (too long for a single pattern match)', () => {
    // 600,000 elements of 5 nested arrays: more backtracking entries than the pattern's stack
    // holds in V8 11 (which then throws), so the locator skips the elements one by one.
    const count = 600_000;
    const text = `{"big": [{"sentences": [${Array(count).fill('[[[[]]]]').join(', ')}]}], "groups": [{"id": "g1"}, {"id": "g2"}], "after": 1}`;
    const fast = fastLocator(text);
    const column = (needle: string) => text.indexOf(needle) + 1;
    expect(fast(['groups', 1, 'id'])).toEqual({ line: 1, column: text.indexOf('"id": "g2"') + 1 });
    expect(fast(['after'])).toEqual({ line: 1, column: column('"after"') });
    expect(fast(['big', 0, 'sentences', count - 1])).toEqual({ line: 1, column: text.lastIndexOf('[[[[]]]]') + 1 });
  });
});
