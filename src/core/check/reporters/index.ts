import { githubReporter } from './github.js';
import { jsonReporter } from './json.js';
import { junitReporter } from './junit.js';
import { prettyReporter } from './pretty.js';
import { sarifReporter } from './sarif.js';
import type { ReportFormat, Reporter } from './types.js';

export { REPORT_FORMATS, type ReportFormat, type ReportInput, type Reporter } from './types.js';

export const REPORTERS: Readonly<Record<ReportFormat, Reporter>> = {
  pretty: prettyReporter,
  json: jsonReporter,
  github: githubReporter,
  junit: junitReporter,
  sarif: sarifReporter,
};
