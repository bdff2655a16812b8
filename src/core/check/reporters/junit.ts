/**
 * JUnit XML, as CI test-report viewers read it: one testcase per file, a <failure> listing
 * its errors when it has any; warnings go to the testcase's <system-out>.
 *
 * Made for Jenkins (junit and xunit plugins), GitLab and GitHub test-report actions, and kept
 * to what the schema Jenkins' xunit plugin validates with (junit-10.xsd) allows: that is the
 * strictest of them. So a testcase carries only name, classname and time (no `file`
 * attribute, which that schema refuses; the name is the file's path), and the suites carry
 * name, tests, failures, errors, skipped and time.
 */
import { describeCounts, fixLines } from './fix-lines.js';
import type { Reporter } from './types.js';

// Characters XML 1.0 forbids (C0 controls but tab/LF/CR, lone surrogates, U+FFFE/U+FFFF).
const INVALID_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

export function escapeXml(s: string): string {
  return s
    .replace(INVALID_XML, '\ufffd')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

export const junitReporter: Reporter = ({ results, summary }) => {
  const failures = results.filter((r) => r.findings.some((f) => f.severity === 'error')).length;
  const cases = results.map((r) => {
    const errors = r.findings.filter((f) => f.severity === 'error');
    const warnings = r.findings.filter((f) => f.severity === 'warning');
    const line = (f: (typeof r.findings)[number]) => `${r.file}:${f.line}:${f.column}: ${f.severity} ${f.rule}: ${f.message}`;
    const parts: string[] = [];
    if (errors.length > 0) {
      parts.push(`      <failure type="error" message="${escapeXml(describeCounts(errors.length, warnings.length))}">${escapeXml(errors.map(line).join('\n'))}</failure>`);
    }
    const out = [...warnings.map(line), ...(r.fixed ? fixLines(r.fixed) : [])];
    if (out.length > 0) parts.push(`      <system-out>${escapeXml(out.join('\n'))}</system-out>`);
    const open = `    <testcase classname="allinea.check" name="${escapeXml(r.file)}" time="0"`;
    return parts.length === 0 ? `${open}/>` : `${open}>\n${parts.join('\n')}\n    </testcase>`;
  });
  const counts = `tests="${summary.files}" failures="${failures}" errors="0" time="0"`;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="allinea check" ${counts}>`,
    `  <testsuite name="allinea check" ${counts} skipped="0">`,
    ...cases,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
};
