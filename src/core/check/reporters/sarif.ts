/**
 * SARIF 2.1.0 (what GitHub code scanning uploads): the rules with their effective levels in
 * tool.driver.rules, one result per finding with a physical location (file URI relative to
 * the repository root, %SRCROOT%, and the line and column of the finding).
 */
import { RULES } from '../rules.js';
import type { Reporter } from './types.js';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

/** A relative POSIX path as a URI reference; absolute paths become file:// URIs. */
export function fileUri(path: string): { uri: string; uriBaseId?: string } {
  const encoded = path.split('/').map(encodeURIComponent).join('/');
  return path.startsWith('/') ? { uri: `file://${encoded}` } : { uri: encoded, uriBaseId: '%SRCROOT%' };
}

export const sarifReporter: Reporter = ({ results, rules, toolVersion }) => {
  const ids = [...RULES.keys()];
  const ruleIndex = new Map(ids.map((id, i) => [id, i]));
  const driverRules = ids.map((id) => {
    const info = RULES.get(id)!;
    const level = rules.get(id)?.level ?? info.level;
    return {
      id,
      shortDescription: { text: info.description },
      defaultConfiguration: { level: level === 'off' ? 'none' : level },
      properties: { category: info.category, ...(info.fixable ? { fixable: true } : {}) },
    };
  });
  const sarifResults = results.flatMap((r) =>
    r.findings.map((f) => ({
      ruleId: f.rule,
      ...(ruleIndex.has(f.rule) ? { ruleIndex: ruleIndex.get(f.rule) } : {}),
      level: f.severity,
      message: { text: f.message },
      locations: [{ physicalLocation: { artifactLocation: fileUri(r.file), region: { startLine: f.line, startColumn: f.column } } }],
    })),
  );
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'allinea', version: toolVersion, semanticVersion: toolVersion, rules: driverRules } },
        artifacts: results.map((r) => ({ location: fileUri(r.file) })),
        results: sarifResults,
        columnKind: 'utf16CodeUnits',
        invocations: [{ executionSuccessful: true }],
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
};
