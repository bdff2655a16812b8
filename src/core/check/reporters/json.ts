/**
 * Machine-readable output, one JSON document (shape documented in docs/check.md, versioned):
 * { version: 1, summary: {...}, files: [{ file, errors, warnings, findings: [...], fixed? }] }
 */
import type { Reporter } from './types.js';

export const jsonReporter: Reporter = ({ results, summary }) => {
  const files = results.map((r) => ({
    file: r.file,
    errors: r.findings.filter((f) => f.severity === 'error').length,
    warnings: r.findings.filter((f) => f.severity === 'warning').length,
    findings: r.findings.map((f) => ({ rule: f.rule, severity: f.severity, line: f.line, column: f.column, path: f.path, message: f.message })),
    ...(r.fixed ? { fixed: r.fixed } : {}),
  }));
  const { files: fileCount, filesWithProblems, errors, warnings, fixedFiles, maxWarnings, tooManyWarnings } = summary;
  return `${JSON.stringify({ version: 1, summary: { files: fileCount, filesWithProblems, errors, warnings, fixedFiles, maxWarnings: maxWarnings ?? null, tooManyWarnings }, files }, null, 2)}\n`;
};
