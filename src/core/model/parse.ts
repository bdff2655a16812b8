/**
 * Reads an alignment file from text: JSON syntax, then the schema, then the model's
 * invariants. Every problem carries the JSON path and the line/column where it is, so
 * the loader and `allinea check` can point at the exact place.
 */
import { findNodeAtLocation, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import { findViolations } from './invariants.js';
import { fromFileData } from './sentence-ids.js';
import { alignmentFromShape, hasAlignmentShape } from './shape.js';
import { fastLocator, lineLocator } from './json-locate.js';
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
  | {
      readonly ok: false;
      readonly problems: readonly FileProblem[];
      readonly locate: (path: JsonPath) => Position;
      /** The file does not follow the schema, and no judge was given to say where and why. */
      readonly unexplained?: true;
    };

/** zod's verdict on a JSON value (schema.ts): the alignment, or every place where it does not fit. */
export type SchemaVerdict =
  | { readonly ok: true; readonly alignment: Alignment }
  | { readonly ok: false; readonly issues: readonly { readonly path: JsonPath; readonly message: string }[] };
export type SchemaJudge = (value: unknown) => SchemaVerdict;

/** "groups[3].members[0].doc" */
export function formatPath(path: JsonPath): string {
  let out = '';
  for (const part of path) out += typeof part === 'number' ? `[${part}]` : out === '' ? part : `.${part}`;
  return out || '(root)';
}

/**
 * Locator over jsonc-parser's syntax tree: the reference for fastLocator (json-locate.ts),
 * which gives the same positions without building a tree. Used for invalid JSON only.
 */
export function treeLocator(text: string): (path: JsonPath) => Position {
  const tree = parseTree(text, [], { disallowComments: true, allowTrailingComma: false });
  return nodeLocator(tree, lineLocator(text));
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

/**
 * Valid JSON (the usual case) is read with JSON.parse, and positions are computed only for
 * the problems found; jsonc-parser's syntax tree is built only to place a syntax error.
 * The schema is tested by shape.ts, which copies nothing; zod (`judge`, from schema.ts) is
 * consulted only when that test fails, to say where and why. Without a judge such a file
 * gets one `unexplained` problem: parseAlignmentExplained loads zod for it.
 */
export function parseAlignment(text: string, judge?: SchemaJudge): ParseResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return syntaxError(text);
  }
  const locate = fastLocator(text);
  let alignment: Alignment;
  if (hasAlignmentShape(value)) alignment = alignmentFromShape(value);
  else if (!judge) {
    return { ok: false, locate, unexplained: true, problems: [{ ...locate([]), path: [], rule: 'schema', message: 'the file does not follow the alignment file schema (version 1 or 2)' }] };
  } else {
    const verdict = judge(value);
    if (!verdict.ok) {
      const problems = verdict.issues.map(({ path, message }) => ({ ...locate(path), path, rule: 'schema', message: `${formatPath(path)}: ${message}` }));
      return { ok: false, locate, problems };
    }
    alignment = verdict.alignment;
  }
  // Version 2 names sentences by id: the model works with indices.
  const converted = fromFileData(alignment);
  alignment = converted.alignment;
  const known = new Set(converted.problems.map((v) => `${v.rule}\u0000${v.path.join('\u0000')}`));
  const violations = [...converted.problems, ...findViolations(alignment).filter((v) => !known.has(`${v.rule}\u0000${v.path.join('\u0000')}`))];
  const problems = violations.map((v) => ({ ...locate(v.path), path: v.path, rule: v.rule, message: v.message }));
  return { ok: true, alignment, locate, problems };
}

/** parseAlignment with zod's explanation of schema problems, loading zod only when a file needs it (fast CLI starts). */
export async function parseAlignmentExplained(text: string): Promise<ParseResult> {
  const first = parseAlignment(text);
  if (first.ok || !first.unexplained) return first;
  const { judgeAlignment } = await import('./schema.js');
  return parseAlignment(text, judgeAlignment);
}

function syntaxError(text: string): ParseResult {
  const toPosition = lineLocator(text);
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const first = errors[0];
  const at = toPosition(first?.offset ?? 0);
  const what = first ? printParseErrorCode(first.error).replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase() : 'empty file';
  return {
    ok: false,
    locate: nodeLocator(tree, toPosition),
    problems: [{ ...at, path: [], rule: 'invalid-json', message: `invalid JSON: ${what}` }],
  };
}
