/**
 * GitHub Actions workflow commands: one `::error` / `::warning` annotation per finding, then a
 * plain summary line (GitHub shows only the first 10 errors and 10 warnings of a step as
 * annotations, so the summary keeps the totals visible).
 * Escaping follows the runner's rules: data escapes %, \r and \n; properties also : and ,.
 */
import { sanitizeForTerminal } from '../../display/sanitize.js';
import { describeCounts, fixLines } from './fix-lines.js';
import type { Reporter } from './types.js';

export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** Annotations GitHub shows per step, per kind. */
export const GITHUB_ANNOTATION_LIMIT = 10;

export const githubReporter: Reporter = ({ results, summary }) => {
  const lines: string[] = [];
  for (const r of results) {
    for (const f of r.findings) {
      const command = f.severity === 'error' ? 'error' : 'warning';
      // Escape sequences in document text would recolour the log: make them visible first.
      const message = escapeData(sanitizeForTerminal(f.message));
      lines.push(`::${command} file=${escapeProperty(r.file)},line=${f.line},col=${f.column},title=${escapeProperty(f.rule)}::${message}`);
    }
    if (r.fixed) {
      const text = fixLines(r.fixed).map((l) => sanitizeForTerminal(l)).join('\n');
      lines.push(`::notice file=${escapeProperty(r.file)},title=allinea --fix::${escapeData(text)}`);
    }
  }
  const hidden = Math.max(0, summary.errors - GITHUB_ANNOTATION_LIMIT) + Math.max(0, summary.warnings - GITHUB_ANNOTATION_LIMIT);
  const note = hidden > 0 ? ` (GitHub shows ${GITHUB_ANNOTATION_LIMIT} errors and ${GITHUB_ANNOTATION_LIMIT} warnings per step as annotations; all ${summary.errors + summary.warnings} are listed above)` : '';
  const warningLimit = summary.tooManyWarnings ? `; more than ${summary.maxWarnings} warnings (--max-warnings)` : '';
  lines.push(`allinea check: ${describeCounts(summary.errors, summary.warnings)} in ${summary.filesWithProblems} of ${summary.files} ${summary.files === 1 ? 'file' : 'files'}${warningLimit}${note}`);
  return `${lines.join('\n')}\n`;
};
