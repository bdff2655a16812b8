/**
 * The checker's configuration file (`allinea.config.json`), ESLint style:
 *   { "rules": { "length-ratio": "off" | "warn" | "error" | ["warn", { "max": 3 }] } }
 * Unknown rules, unknown levels and bad options are refused with one sentence.
 */
import { z } from 'zod';
import { formatPath } from '../model/parse.js';
import type { ResolvedRules, RuleSetting } from './config.js';
import { RULE_OPTION_SCHEMAS } from './rule-options.js';
import { RULES, RULE_IDS } from './rules.js';
import type { RuleLevel } from './types.js';

const level = z.enum(['off', 'warn', 'error']);
const setting = z.union([level, z.tuple([level]), z.tuple([level, z.record(z.string(), z.unknown())])]);

export const configSchema = z
  .object({
    $schema: z.string().optional(),
    rules: z.record(z.string(), setting).default({}),
  })
  .strict();

export type CheckConfigFile = z.input<typeof configSchema>;

export type ConfigResult = { readonly ok: true; readonly rules: ResolvedRules } | { readonly ok: false; readonly message: string };

function toLevel(l: 'off' | 'warn' | 'error'): RuleLevel {
  return l === 'warn' ? 'warning' : l;
}

/** Validates a parsed config and merges it over the defaults. `source` names the file in messages. */
export function resolveConfig(data: unknown, source: string): ConfigResult {
  const parsed = configSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
    const what = issue.code === 'invalid_union' ? 'must be "off", "warn", "error" or ["warn", { options }]' : issue.message.replace(/\.$/, '');
    return { ok: false, message: `${source}: ${formatPath(path)}: ${what}.` };
  }
  const configured = parsed.data.rules;
  for (const id of Object.keys(configured)) {
    if (!RULES.has(id)) return { ok: false, message: `${source}: unknown rule "${id}" (known rules: ${RULE_IDS.join(', ')}).` };
  }
  const rules = new Map<string, RuleSetting>();
  for (const info of RULES.values()) {
    const raw = configured[info.id];
    const [lvl, options] = raw === undefined ? [undefined, undefined] : typeof raw === 'string' ? [raw, undefined] : [raw[0], raw[1]];
    const chosen: RuleLevel = lvl === undefined ? info.level : toLevel(lvl);
    if (info.fatal && chosen !== 'error') {
      return { ok: false, message: `${source}: rule "${info.id}" cannot be switched off or lowered, since a file that fails it cannot be checked at all.` };
    }
    const schema = RULE_OPTION_SCHEMAS.get(info.id);
    if (options !== undefined && !schema) {
      return { ok: false, message: `${source}: rule "${info.id}" takes no options.` };
    }
    let parsedOptions: unknown;
    if (schema) {
      const result = schema.safeParse(options ?? {});
      if (!result.success) {
        const issue = result.error.issues[0]!;
        const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
        const where = path.length > 0 ? `option ${formatPath(path)}` : 'options';
        return { ok: false, message: `${source}: rule "${info.id}": ${where}: ${issue.message.replace(/\.$/, '')}.` };
      }
      parsedOptions = result.data;
    }
    rules.set(info.id, { level: chosen, options: parsedOptions });
  }
  return { ok: true, rules };
}
