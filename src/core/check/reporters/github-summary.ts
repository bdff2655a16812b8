/**
 * The Markdown written to $GITHUB_STEP_SUMMARY with `--format github`: totals, a table of
 * the files with problems and the first findings, so the run's page shows what the
 * (capped) annotations cannot.
 */
import { sanitizeForTerminal } from '../../display/sanitize.js';
import { describeCounts } from './fix-lines.js';
import type { ReportInput } from './types.js';

export const SUMMARY_FINDINGS = 50;

function cell(s: string): string {
  return sanitizeForTerminal(s).replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/</g, '&lt;');
}

export function githubStepSummary({ results, summary }: ReportInput): string {
  const lines = ['### allinea check', ''];
  const files = `${summary.files} ${summary.files === 1 ? 'file' : 'files'}`;
  const verdict = summary.errors > 0 || summary.tooManyWarnings ? '❌' : summary.warnings > 0 ? '⚠️' : '✅';
  lines.push(`${verdict} ${describeCounts(summary.errors, summary.warnings)} in ${summary.filesWithProblems} of ${files}${summary.tooManyWarnings ? ` (more than ${summary.maxWarnings} warnings allowed)` : ''}.`, '');
  const withProblems = results.filter((r) => r.findings.length > 0);
  if (withProblems.length === 0) return `${lines.join('\n')}\n`;
  lines.push('| file | errors | warnings |', '|---|---:|---:|');
  for (const r of withProblems) {
    const errors = r.findings.filter((f) => f.severity === 'error').length;
    lines.push(`| ${cell(r.file)} | ${errors} | ${r.findings.length - errors} |`);
  }
  const all = withProblems.flatMap((r) => r.findings.map((f) => ({ file: r.file, f })));
  lines.push('', `| place | severity | rule | message |`, '|---|---|---|---|');
  for (const { file, f } of all.slice(0, SUMMARY_FINDINGS)) {
    lines.push(`| ${cell(`${file}:${f.line}:${f.column}`)} | ${f.severity} | ${f.rule} | ${cell(f.message)} |`);
  }
  if (all.length > SUMMARY_FINDINGS) lines.push('', `…and ${all.length - SUMMARY_FINDINGS} more in the job log.`);
  return `${lines.join('\n')}\n`;
}
