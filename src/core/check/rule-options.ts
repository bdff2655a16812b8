/**
 * Validation of the options a config file gives a rule (zod). Loaded only when a config file
 * is read, so that `allinea check` without one starts without zod. The defaults are the
 * rule table's (rules.ts); a test checks that every option has one.
 */
import { z } from 'zod';
import { LENGTH_RATIO_DEFAULTS, NUMBER_MISMATCH_DEFAULTS, UNTRANSLATED_DEFAULTS, type LengthRatioOptions, type NumberMismatchOptions, type UntranslatedOptions } from './rules.js';

const lengthRatioOptions: z.ZodType<LengthRatioOptions, unknown> = z
  .object({
    max: z.number().min(1).default(LENGTH_RATIO_DEFAULTS.max),
    minChars: z.number().int().nonnegative().default(LENGTH_RATIO_DEFAULTS.minChars),
    expected: z.record(z.string(), z.number().positive()).default({ ...LENGTH_RATIO_DEFAULTS.expected }),
  })
  .strict();

const numberMismatchOptions: z.ZodType<NumberMismatchOptions, unknown> = z
  .object({ ignoreMissing: z.boolean().default(NUMBER_MISMATCH_DEFAULTS.ignoreMissing) })
  .strict();

const untranslatedOptions: z.ZodType<UntranslatedOptions, unknown> = z
  .object({ minLetters: z.number().int().nonnegative().default(UNTRANSLATED_DEFAULTS.minLetters) })
  .strict();

/** Option schemas by rule id, for the rules that take options. */
export const RULE_OPTION_SCHEMAS: ReadonlyMap<string, z.ZodType<object, unknown>> = new Map<string, z.ZodType<object, unknown>>([
  ['length-ratio', lengthRatioOptions],
  ['number-mismatch', numberMismatchOptions],
  ['untranslated', untranslatedOptions],
]);
