import type { ResolvedRules } from '../config.js';
import type { CheckSummary, FileResult } from '../types.js';

export type ReportFormat = 'pretty' | 'json' | 'github' | 'junit' | 'sarif';
export const REPORT_FORMATS: readonly ReportFormat[] = ['pretty', 'json', 'github', 'junit', 'sarif'];

export interface ReportInput {
  readonly results: readonly FileResult[];
  readonly summary: CheckSummary;
  /** Effective rule levels (SARIF lists them). */
  readonly rules: ResolvedRules;
  readonly toolVersion: string;
  /** pretty only: ANSI colours (a TTY with NO_COLOR unset). */
  readonly color?: boolean;
}

export type Reporter = (input: ReportInput) => string;
