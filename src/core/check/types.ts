/** What `allinea check` produces: findings per file, with a rule, a severity and a place. */
import type { JsonPath } from '../model/parse.js';

export type Severity = 'error' | 'warning';
/** A configured rule level; "off" rules are not run at all. */
export type RuleLevel = Severity | 'off';

export interface Finding {
  /** Stable kebab-case rule id, e.g. "number-mismatch". */
  readonly rule: string;
  readonly severity: Severity;
  /** 1-based line and column in the alignment file. */
  readonly line: number;
  readonly column: number;
  /** JSON path of what the finding is about, e.g. ["groups", 3]. */
  readonly path: JsonPath;
  /** One sentence, no trailing newline. */
  readonly message: string;
}

/** What `--fix` did to one file. */
export interface FixReport {
  /** Documents re-anchored onto their changed source text. */
  readonly documents: readonly {
    readonly doc: string;
    readonly exact: number;
    readonly fuzzy: number;
    readonly lost: number;
    readonly droppedOverrides: number;
    readonly dissolvedGroups: readonly string[];
    /** Found up to line endings, Unicode normalisation and whitespace. */
    readonly normalized?: number;
    /** Segmentation overrides moved with their text, or added to keep a recorded sentence whole. */
    readonly movedOverrides?: number;
  }[];
  /** One line per sentence that could not be found again (doc, sentence, group, text). */
  readonly lost: readonly string[];
  /** One line per sentence re-attached to a changed text, override dropped and group dissolved. */
  readonly details?: readonly string[];
}

export interface FileResult {
  /** The file as shown to the user: relative to the working folder, POSIX separators. */
  readonly file: string;
  readonly findings: readonly Finding[];
  /** Present when --fix rewrote the file. */
  readonly fixed?: FixReport;
}

export interface CheckSummary {
  readonly files: number;
  readonly filesWithProblems: number;
  readonly errors: number;
  readonly warnings: number;
  readonly fixedFiles: number;
  /** --max-warnings, when given. */
  readonly maxWarnings?: number;
  /** True when warnings exceed --max-warnings. */
  readonly tooManyWarnings: boolean;
}

export function summarize(results: readonly FileResult[], maxWarnings?: number): CheckSummary {
  let errors = 0;
  let warnings = 0;
  let filesWithProblems = 0;
  let fixedFiles = 0;
  for (const r of results) {
    if (r.findings.length > 0) filesWithProblems++;
    if (r.fixed) fixedFiles++;
    for (const f of r.findings) {
      if (f.severity === 'error') errors++;
      else warnings++;
    }
  }
  const tooManyWarnings = maxWarnings !== undefined && warnings > maxWarnings;
  return {
    files: results.length,
    filesWithProblems,
    errors,
    warnings,
    fixedFiles,
    ...(maxWarnings !== undefined ? { maxWarnings } : {}),
    tooManyWarnings,
  };
}

/** 0 clean (warnings within limits), 1 errors or too many warnings. Usage and I/O problems (2) never get here. */
export function exitCodeOf(summary: CheckSummary): number {
  return summary.errors > 0 || summary.tooManyWarnings ? 1 : 0;
}

/** Findings in file order: line, column, then rule id, so every reporter lists them the same way. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return findings.slice().sort((a, b) => a.line - b.line || a.column - b.column || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0));
}

/** A finding before the configuration gives it a severity and the file a position. */
export interface RawFinding {
  readonly rule: string;
  readonly path: JsonPath;
  readonly message: string;
}
