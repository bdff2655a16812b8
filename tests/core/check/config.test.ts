import { describe, expect, it } from 'vitest';
import { defaultRules } from '../../../src/core/check/config.js';
import { resolveConfig } from '../../../src/core/check/config-file.js';
import { RULES, RULE_IDS } from '../../../src/core/check/rules.js';
import { RULE_OPTION_SCHEMAS } from '../../../src/core/check/rule-options.js';

describe('check config', () => {
  it('defaults: structural and source rules are errors, quality rules warnings', () => {
    const rules = defaultRules();
    expect([...rules.keys()]).toEqual(RULE_IDS);
    expect(rules.get('sentence-in-two-groups')).toEqual({ level: 'error', options: undefined });
    expect(rules.get('number-mismatch')).toEqual({ level: 'warning', options: { ignoreMissing: false } });
    expect(rules.get('length-ratio')).toEqual({ level: 'warning', options: { max: 2.5, minChars: 40, expected: {} } });
  });

  it('sets levels and options, ESLint style', () => {
    const result = resolveConfig({ rules: { 'length-ratio': ['error', { max: 3 }], untranslated: 'off', 'number-mismatch': ['warn'] } }, 'allinea.config.json');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.rules.get('length-ratio')).toEqual({ level: 'error', options: { max: 3, minChars: 40, expected: {} } });
    expect(result.rules.get('untranslated')?.level).toBe('off');
    expect(result.rules.get('number-mismatch')?.level).toBe('warning');
  });

  it('refuses mistakes with one sentence naming the file and the place', () => {
    const cases: [unknown, string][] = [
      [{ rules: { 'lenght-ratio': 'off' } }, 'allinea.config.json: unknown rule "lenght-ratio" (known rules: '],
      [{ rules: { 'length-ratio': 'warning' } }, 'allinea.config.json: rules.length-ratio: must be "off", "warn", "error" or ["warn", { options }].'],
      [{ rules: { 'length-ratio': ['warn', { max: 'big' }] } }, 'allinea.config.json: rule "length-ratio": option max: Invalid input: expected number, received string.'],
      [{ rules: { 'length-ratio': ['warn', { maxx: 3 }] } }, 'allinea.config.json: rule "length-ratio": options: Unrecognized key: "maxx".'],
      [{ rules: { 'too-few-members': ['error', { x: 1 }] } }, 'allinea.config.json: rule "too-few-members" takes no options.'],
      [{ rules: { 'parse-error': 'warn' } }, 'allinea.config.json: rule "parse-error" cannot be switched off or lowered, since a file that fails it cannot be checked at all.'],
      [{ rule: {} }, 'allinea.config.json: (root): Unrecognized key: "rule".'],
    ];
    for (const [config, message] of cases) {
      const result = resolveConfig(config, 'allinea.config.json');
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.message.startsWith(message) ? message : result.message).toBe(message);
    }
  });

  it('every rule has a description and fatal rules are errors', () => {
    for (const rule of RULES.values()) {
      expect(rule.description.length).toBeGreaterThan(10);
      expect(rule.id).toMatch(/^[a-z]+(?:-[a-z0-9]+)*$/);
      if (rule.fatal) expect(rule.level).toBe('error');
    }
  });
});

describe('rule options', () => {
  it('the zod option schemas fill in exactly the rule table defaults', () => {
    for (const info of RULES.values()) {
      const schema = RULE_OPTION_SCHEMAS.get(info.id);
      expect(schema !== undefined, info.id).toBe(info.options !== undefined);
      if (schema) expect(schema.parse({}), info.id).toEqual(info.options);
    }
  });

  it('a config file without options gives the same settings as no config file', () => {
    const result = resolveConfig({}, 'allinea.config.json');
    expect(result.ok && [...result.rules]).toEqual([...defaultRules()]);
  });
});
