/**
 * parseAlignment, with a fast path for valid files: JSON.parse instead of a syntax tree, and
 * positions from fast-locate.ts, computed only for the findings. A file that is not valid
 * JSON or fails the schema goes through parseAlignment itself, so messages and positions
 * of those problems are exactly the loader's.
 */
import { findViolations } from '../model/invariants.js';
import { parseAlignment, type ParseResult } from '../model/parse.js';
import { alignmentSchema } from '../model/schema.js';
import type { Alignment } from '../model/types.js';
import { fastLocator } from './fast-locate.js';

export function parseForCheck(text: string): ParseResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return parseAlignment(text);
  }
  const parsed = alignmentSchema.safeParse(value);
  if (!parsed.success) return parseAlignment(text);
  const { $schema: _schema, ...data } = parsed.data;
  const alignment = data as Alignment;
  const locate = fastLocator(text);
  const problems = findViolations(alignment).map((v) => ({ ...locate(v.path), path: v.path, rule: v.rule, message: v.message }));
  return { ok: true, alignment, locate, problems };
}
