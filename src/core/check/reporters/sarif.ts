/**
 * SARIF 2.1.0 (what GitHub code scanning uploads): the rules with their effective levels in
 * tool.driver.rules, one result per finding with a physical location (file URI relative to
 * the repository root, %SRCROOT%, and the line and column of the finding).
 */
import { RULES, type RuleInfo } from '../rules.js';
import type { Reporter } from './types.js';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

/** A relative POSIX path as a URI reference; absolute paths become file:// URIs. */
export function fileUri(path: string): { uri: string; uriBaseId?: string } {
  const encoded = path.split('/').map(encodeURIComponent).join('/');
  return path.startsWith('/') ? { uri: `file://${encoded}` } : { uri: encoded, uriBaseId: '%SRCROOT%' };
}

/** "number-mismatch" -> "NumberMismatch": SARIF's rule name, an identifier. */
function ruleName(id: string): string {
  return id.replace(/(^|-)([a-z0-9])/g, (_m, _dash: string, c: string) => c.toUpperCase());
}

const CATEGORY: Record<RuleInfo['category'], string> = {
  file: 'It concerns the file as a whole: nothing else is checked until it passes.',
  structure: "It concerns the file's structure: the alignment contradicts itself and tools reading it may misread it.",
  source: 'It concerns the source texts the file names.',
  quality: 'It is a translation-quality signal: a hint for the reviewer that the group may be wrong, not proof.',
};

function fullDescription(info: RuleInfo): string {
  const level = info.fatal ? 'Always an error (cannot be switched off).' : `Default level: ${info.level}.`;
  return `${info.description} ${CATEGORY[info.category]} ${level}`;
}

function optionsText(info: RuleInfo): string {
  return info.options ? ` Options (with their defaults): ${JSON.stringify(info.options)}.` : '';
}

/** What to do about a finding: GitHub code scanning shows it beside each alert. */
function ruleHelp(info: RuleInfo): { text: string; markdown: string } {
  const fix =
    info.fixable ? 'Run `allinea check --fix` to re-anchor the groups onto the current text, then review what it reports.'
    : info.category === 'quality' ? 'Open the alignment in the workbench (`allinea view FILE`) and confirm, fix or reject the group.'
    : info.category === 'source' ? 'Restore the source text, or point the document at its new place, then check again.'
    : 'Correct the file (the finding gives the line and column), or save it again from the workbench, then check again.';
  const config = info.fatal ? '' : ` The level can be changed, or the rule switched off, in \`allinea.config.json\` ("rules": { "${info.id}": "off" }).`;
  const markdown = `**${info.id}**: ${info.description}\n\n${fix}${config}${optionsText(info)}\n\nSee the rules in docs/check.md of allinea.`;
  return { text: markdown.replace(/\*\*|`/g, '').replace(/\n\n/g, ' '), markdown };
}

export const sarifReporter: Reporter = ({ results, rules, toolVersion }) => {
  const ids = [...RULES.keys()];
  const ruleIndex = new Map(ids.map((id, i) => [id, i]));
  const driverRules = ids.map((id) => {
    const info = RULES.get(id)!;
    const level = rules.get(id)?.level ?? info.level;
    return {
      id,
      name: ruleName(id),
      shortDescription: { text: info.description },
      fullDescription: { text: fullDescription(info) },
      help: ruleHelp(info),
      defaultConfiguration: { level: level === 'off' ? 'none' : level },
      properties: { category: info.category, tags: [info.category], ...(info.fixable ? { fixable: true } : {}) },
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
