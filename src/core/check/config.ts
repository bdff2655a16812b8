/**
 * The rules' settings for a check run: each rule's level and options. Without a config file
 * these are the rule table's defaults (no zod needed: `allinea check` starts faster);
 * config-file.ts reads `allinea.config.json` over them.
 */
import { RULES } from './rules.js';
import type { RuleLevel } from './types.js';

export interface RuleSetting {
  readonly level: RuleLevel;
  /** Parsed options with defaults filled in (undefined for rules without options). */
  readonly options: unknown;
}

export type ResolvedRules = ReadonlyMap<string, RuleSetting>;

/** The defaults of every rule, as if there were no config file. */
export function defaultRules(): ResolvedRules {
  const rules = new Map<string, RuleSetting>();
  for (const info of RULES.values()) rules.set(info.id, { level: info.level, options: info.options ? structuredClone(info.options) : undefined });
  return rules;
}
