/**
 * Reads an alignment file from text: JSON syntax, then the schema, then the model's
 * invariants. Every problem carries the JSON path and the line/column where it is, so
 * the loader and `allinea check` can point at the exact place.
 */
import { findNodeAtLocation, getNodeValue, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import { alignmentSchema } from './schema.js';
import { findViolations } from './invariants.js';
import type { Alignment } from './types.js';

export type JsonPath = readonly (string | number)[];

export interface Position {
  readonly line: number; // 1-based
  readonly column: number; // 1-based
}

export interface FileProblem extends Position {
  readonly path: JsonPath;
  readonly rule: string;
  readonly message: string;
}

export type ParseResult =
  | { readonly ok: true; readonly alignment: Alignment; readonly locate: (path: JsonPath) => Position; readonly problems: readonly FileProblem[] }
  | { readonly ok: false; readonly problems: readonly FileProblem[]; readonly locate: (path: JsonPath) => Position };

/** Maps character offsets to 1-based line/column. */
export function lineLocator(text: string): (offset: number) => Position {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - starts[lo]! + 1 };
  };
}

/** "groups[3].members[0].doc" */
export function formatPath(path: JsonPath): string {
  let out = '';
  for (const part of path) out += typeof part === 'number' ? `[${part}]` : out === '' ? part : `.${part}`;
  return out || '(root)';
}

function nodeLocator(tree: Node | undefined, toPosition: (offset: number) => Position) {
  return (path: JsonPath): Position => {
    if (!tree) return { line: 1, column: 1 };
    // Walk up the path until a node exists (a missing key points at its parent object).
    for (let n = path.length; n >= 0; n--) {
      const node = findNodeAtLocation(tree, path.slice(0, n) as (string | number)[]);
      if (node) return toPosition(node.parent?.type === 'property' ? node.parent.offset : node.offset);
    }
    return { line: 1, column: 1 };
  };
}

export function parseAlignment(text: string): ParseResult {
  const toPosition = lineLocator(text);
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const locate = nodeLocator(tree, toPosition);
  if (errors.length > 0 || !tree) {
    const first = errors[0];
    const at = toPosition(first?.offset ?? 0);
    const what = first ? printParseErrorCode(first.error).replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase() : 'empty file';
    return { ok: false, locate, problems: [{ ...at, path: [], rule: 'invalid-json', message: `invalid JSON: ${what}` }] };
  }
  const parsed = alignmentSchema.safeParse(getNodeValue(tree));
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
      return { ...locate(path), path, rule: 'schema', message: `${formatPath(path)}: ${issue.message}` };
    });
    return { ok: false, locate, problems };
  }
  const { $schema: _schema, ...data } = parsed.data;
  const alignment = data as Alignment;
  const problems = findViolations(alignment).map((v) => ({ ...locate(v.path), path: v.path, rule: v.rule, message: v.message }));
  return { ok: true, alignment, locate, problems };
}
