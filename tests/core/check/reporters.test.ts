import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { defaultRules } from '../../../src/core/check/config.js';
import { escapeData, escapeProperty, githubReporter } from '../../../src/core/check/reporters/github.js';
import { REPORTERS, REPORT_FORMATS } from '../../../src/core/check/reporters/index.js';
import { escapeXml } from '../../../src/core/check/reporters/junit.js';
import { fileUri } from '../../../src/core/check/reporters/sarif.js';
import { summarize, type FileResult, type Finding } from '../../../src/core/check/types.js';

const finding = (n: number, severity: 'error' | 'warning', message = `problem ${n}`): Finding => ({ rule: 'number-mismatch', severity, line: n, column: 5, path: ['groups', n], message });

describe('reporters', () => {
  it('github escapes data (%, CR, LF) and properties (also : and ,) as the runner expects', () => {
    expect(escapeData('50% done\r\nnext: a,b')).toBe('50%25 done%0D%0Anext: a,b');
    expect(escapeProperty('a,b:c%')).toBe('a%2Cb%3Ac%25');
  });

  it('github makes escape sequences in document text visible instead of passing them to the log', () => {
    const results: FileResult[] = [{ file: 'x.align.json', findings: [finding(1, 'warning', 'text "\u001b[31mred\u001b[0m"\nsecond line')] }];
    const out = githubReporter({ results, summary: summarize(results), rules: defaultRules(), toolVersion: '0.1.0' });
    expect(out).not.toContain('\u001b');
    expect(out.split('\n')[0]).toBe('::warning file=x.align.json,line=1,col=5,title=number-mismatch::text "␛red␛" second line');
  });

  it('github says how many findings GitHub will not show as annotations', () => {
    const findings = [...Array.from({ length: 12 }, (_, i) => finding(i + 1, 'error')), ...Array.from({ length: 3 }, (_, i) => finding(i + 20, 'warning'))];
    const results: FileResult[] = [{ file: 'x.align.json', findings }];
    const lines = githubReporter({ results, summary: summarize(results), rules: defaultRules(), toolVersion: '0.1.0' }).trim().split('\n');
    expect(lines).toHaveLength(16);
    expect(lines.at(-1)).toBe('allinea check: 12 errors and 3 warnings in 1 of 1 file (GitHub shows 10 errors and 10 warnings per step as annotations; all 15 are listed above)');
  });

  it('junit stays valid XML whatever the messages hold', () => {
    expect(escapeXml('a<b & "c" \u0001 \ud800')).toBe('a&lt;b &amp; &quot;c&quot; \ufffd \ufffd');
    const results: FileResult[] = [{ file: 'x <y>.align.json', findings: [finding(1, 'error', 'bad \u0007 «text» & <tag> ]]>')] }];
    const out = REPORTERS.junit({ results, summary: summarize(results), rules: defaultRules(), toolVersion: '0.1.0' });
    expect(XMLValidator.validate(out)).toBe(true);
  });

  it('sarif names files relative to the repository root, or by file URI when outside it', () => {
    expect(fileUri('alignments/a b#1.align.json')).toEqual({ uri: 'alignments/a%20b%231.align.json', uriBaseId: '%SRCROOT%' });
    expect(fileUri('/tmp/x.align.json')).toEqual({ uri: 'file:///tmp/x.align.json' });
  });

  it('every format reports an empty run', () => {
    for (const format of REPORT_FORMATS) {
      const out = REPORTERS[format]({ results: [], summary: summarize([]), rules: defaultRules(), toolVersion: '0.1.0' });
      expect(out.endsWith('\n')).toBe(true);
    }
    expect(REPORTERS.pretty({ results: [], summary: summarize([]), rules: defaultRules(), toolVersion: '0.1.0' })).toBe('✔ 0 files checked, no problems\n');
  });
});
