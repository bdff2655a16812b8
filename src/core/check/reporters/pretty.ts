/** Output for people: findings grouped by file, aligned columns, colour only when asked for. */
import { sanitizeForTerminal } from '../../display/sanitize.js';
import { describeCounts, fixLines } from './fix-lines.js';
import type { Reporter } from './types.js';

const paint = (on: boolean, code: string) => (s: string) => (on ? `\u001b[${code}m${s}\u001b[0m` : s);

export const prettyReporter: Reporter = ({ results, summary, color = false }) => {
  const red = paint(color, '31');
  const yellow = paint(color, '33');
  const green = paint(color, '32');
  const dim = paint(color, '2');
  const bold = paint(color, '1');
  const lines: string[] = [];
  for (const result of results) {
    if (result.findings.length === 0 && !result.fixed) continue;
    lines.push(bold(sanitizeForTerminal(result.file)));
    const width = Math.max(0, ...result.findings.map((f) => `${f.line}:${f.column}`.length));
    for (const f of result.findings) {
      const where = `${f.line}:${f.column}`.padEnd(width);
      const severity = f.severity === 'error' ? red('error  ') : yellow('warning');
      lines.push(`  ${dim(where)}  ${severity}  ${sanitizeForTerminal(f.message)}  ${dim(f.rule)}`);
    }
    if (result.fixed) for (const line of fixLines(result.fixed)) lines.push(`  ${green(sanitizeForTerminal(line))}`);
    lines.push('');
  }
  const files = `${summary.files} ${summary.files === 1 ? 'file' : 'files'}`;
  const fixed = summary.fixedFiles > 0 ? `; ${summary.fixedFiles} fixed` : '';
  if (summary.errors + summary.warnings === 0) {
    lines.push(green(`✔ ${files} checked, no problems${fixed}`));
  } else {
    const total = summary.errors + summary.warnings;
    const mark = summary.errors > 0 || summary.tooManyWarnings ? red('✖') : yellow('⚠');
    lines.push(`${mark} ${total} ${total === 1 ? 'problem' : 'problems'} (${describeCounts(summary.errors, summary.warnings)}) in ${summary.filesWithProblems} of ${files}${fixed}`);
    if (summary.tooManyWarnings) lines.push(red(`✖ more than ${summary.maxWarnings} warnings (--max-warnings)`));
  }
  return `${lines.join('\n')}\n`;
};
