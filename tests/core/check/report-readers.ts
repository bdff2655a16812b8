/** Reads the findings back out of each report format, as [rule, severity, line, column] tuples. */
import { XMLParser, XMLValidator } from 'fast-xml-parser';

export type Tuple = [rule: string, severity: 'error' | 'warning', line: number, column: number];
export const FORMATS = ['pretty', 'json', 'github', 'junit', 'sarif'] as const;
export type Format = (typeof FORMATS)[number];

const byPlace = (a: Tuple, b: Tuple) => a[2] - b[2] || a[3] - b[3] || a[0].localeCompare(b[0]);

export function findingsOf(format: Format, output: string): Tuple[] {
  const out: Tuple[] = [];
  if (format === 'json') {
    const report = JSON.parse(output) as { files: { findings: { rule: string; severity: 'error' | 'warning'; line: number; column: number }[] }[] };
    for (const file of report.files) for (const f of file.findings) out.push([f.rule, f.severity, f.line, f.column]);
  } else if (format === 'github') {
    for (const line of output.split('\n')) {
      const m = /^::(error|warning) file=[^,]*,line=(\d+),col=(\d+),title=([^:]+)::/.exec(line);
      if (m) out.push([m[4]!, m[1] as 'error' | 'warning', Number(m[2]), Number(m[3])]);
    }
  } else if (format === 'sarif') {
    const log = JSON.parse(output) as { runs: { results: { ruleId: string; level: 'error' | 'warning'; locations: { physicalLocation: { region: { startLine: number; startColumn: number } } }[] }[] }[] };
    for (const r of log.runs[0]!.results) {
      const region = r.locations[0]!.physicalLocation.region;
      out.push([r.ruleId, r.level, region.startLine, region.startColumn]);
    }
  } else if (format === 'junit') {
    const valid = XMLValidator.validate(output);
    if (valid !== true) throw new Error(`invalid JUnit XML: ${JSON.stringify(valid)}`);
    const doc = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'testcase' }).parse(output) as {
      testsuites: { testsuite: { testcase: { failure?: { '#text': string }; 'system-out'?: string }[] } };
    };
    for (const testcase of doc.testsuites.testsuite.testcase) {
      const text = `${testcase.failure?.['#text'] ?? ''}\n${testcase['system-out'] ?? ''}`;
      for (const line of text.split('\n')) {
        const m = /:(\d+):(\d+): (error|warning) ([a-z-]+): /.exec(line);
        if (m) out.push([m[4]!, m[3] as 'error' | 'warning', Number(m[1]), Number(m[2])]);
      }
    }
  } else {
    for (const line of output.split('\n')) {
      const m = /^ {2}(\d+):(\d+)\s+(error|warning)\s+.*\s{2}([a-z-]+)$/.exec(line);
      if (m) out.push([m[4]!, m[3] as 'error' | 'warning', Number(m[1]), Number(m[2])]);
    }
  }
  return out.sort(byPlace);
}

export function sortTuples(tuples: Tuple[]): Tuple[] {
  return tuples.slice().sort(byPlace);
}
