/**
 * Every rule `allinea check` knows: id, default level, what it checks, and the options it
 * accepts. Reporters (SARIF's rule list), the config validator and docs/check.md read this table.
 * Structural rule ids are the model's own invariant names (model/invariants.ts), so the
 * loader and the checker speak of the same things.
 */
import type { Severity } from './types.js';

export type RuleCategory = 'file' | 'structure' | 'source' | 'quality';

export interface RuleInfo {
  readonly id: string;
  readonly category: RuleCategory;
  readonly level: Severity;
  readonly description: string;
  /** Fatal rules stop the checking of a file and cannot be switched off. */
  readonly fatal?: boolean;
  readonly fixable?: boolean;
  /**
   * The rule's options with their default values, for rules that take options. A config
   * file's options are validated by rule-options.ts (zod, loaded only when a config file
   * gives options), whose defaults are these.
   */
  readonly options?: object;
}

export interface LengthRatioOptions {
  /** Flag when the (expected-adjusted) ratio of the longer to the shorter member exceeds this. */
  readonly max: number;
  /** Only groups whose longest member has at least this many characters are measured. */
  readonly minChars: number;
  /** Characters per character of English, by language, overriding the built-in table. */
  readonly expected: Readonly<Record<string, number>>;
}

export interface NumberMismatchOptions {
  /** Only flag groups where every member has numbers (a number present on one side only is then accepted). */
  readonly ignoreMissing: boolean;
}

export interface UntranslatedOptions {
  /** Identical texts with fewer letters than this (names, acronyms) are not flagged. */
  readonly minLetters: number;
}

export const LENGTH_RATIO_DEFAULTS: LengthRatioOptions = { max: 2.5, minChars: 40, expected: {} };
export const NUMBER_MISMATCH_DEFAULTS: NumberMismatchOptions = { ignoreMissing: false };
export const UNTRANSLATED_DEFAULTS: UntranslatedOptions = { minLetters: 12 };

const table: RuleInfo[] = [
  { id: 'parse-error', category: 'file', level: 'error', fatal: true, description: 'The file is not valid JSON.' },
  { id: 'schema', category: 'file', level: 'error', fatal: true, description: 'The file does not follow the alignment file schema (version 1).' },
  { id: 'duplicate-document-id', category: 'structure', level: 'error', description: 'Two documents have the same id.' },
  { id: 'bad-spans', category: 'structure', level: 'error', description: 'A sentence span is empty, reversed, overlaps the previous one or ends past the text.' },
  { id: 'duplicate-group-id', category: 'structure', level: 'error', description: 'Two groups have the same id.' },
  { id: 'unknown-document', category: 'structure', level: 'error', description: 'A group member names a document the file does not list.' },
  { id: 'duplicate-member-document', category: 'structure', level: 'error', description: 'A group lists the same document twice.' },
  { id: 'sentence-out-of-range', category: 'structure', level: 'error', description: 'A group points at a sentence index the document does not have.' },
  { id: 'unsorted-sentences', category: 'structure', level: 'error', description: "A member's sentence indices are not ascending or repeat." },
  { id: 'too-few-members', category: 'structure', level: 'error', description: 'A group links fewer than two documents.' },
  { id: 'sentence-in-two-groups', category: 'structure', level: 'error', description: 'A sentence belongs to two live (confirmed or suggested) groups.' },
  { id: 'texts-mismatch', category: 'structure', level: 'error', description: 'A member records a different number of texts than sentences.' },
  { id: 'bookmark-out-of-range', category: 'structure', level: 'error', description: 'A bookmark points at a sentence that does not exist.' },
  { id: 'score-out-of-range', category: 'structure', level: 'error', description: 'A group score is outside [0, 1].' },
  { id: 'document-missing', category: 'source', level: 'error', description: 'A document named in the file cannot be read.' },
  { id: 'source-changed', category: 'source', level: 'error', fixable: true, description: 'A source text changed since the file was written (hash or recorded sentence texts differ); --fix re-anchors it.' },
  { id: 'override-mismatch', category: 'source', level: 'error', description: 'A segmentation override no longer fits the text or the segmentation.' },
  { id: 'number-mismatch', category: 'quality', level: 'warning', options: NUMBER_MISMATCH_DEFAULTS, description: 'Numbers differ between the members of a group (locale-aware: 9,200 = 9.200 = 9 200).' },
  { id: 'hashtag-mismatch', category: 'quality', level: 'warning', description: 'A hashtag is present in some members of a group only.' },
  { id: 'handle-mismatch', category: 'quality', level: 'warning', description: 'An @handle is present in some members of a group only.' },
  { id: 'url-mismatch', category: 'quality', level: 'warning', description: 'A URL is present in some members of a group only.' },
  { id: 'length-ratio', category: 'quality', level: 'warning', options: LENGTH_RATIO_DEFAULTS, description: 'The members of a group differ in length far more than the language pair usually does.' },
  { id: 'untranslated', category: 'quality', level: 'warning', options: UNTRANSLATED_DEFAULTS, description: 'Two members in different languages have identical text.' },
  { id: 'unbalanced-quotes', category: 'quality', level: 'warning', description: 'Quotes or brackets are balanced in some members of a group and not in others.' },
  { id: 'unreviewed-suggestion', category: 'quality', level: 'warning', description: 'The file still holds suggested groups nobody has confirmed or rejected.' },
];

export const RULES: ReadonlyMap<string, RuleInfo> = new Map(table.map((r) => [r.id, r]));
export const RULE_IDS: readonly string[] = table.map((r) => r.id);
