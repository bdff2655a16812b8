import { AllineaError } from '../core/errors.js';

/** A user-facing error: one sentence, and the exit code the command ends with. */
export { AllineaError as UserError } from '../core/errors.js';

/**
 * Reports any error as one line on stderr and returns the exit code. Unexpected errors
 * say so in one sentence; the stack is shown only with ALLINEA_DEBUG=1.
 */
export function reportError(error: unknown, stderr: { write(s: string): unknown }, env: Readonly<Record<string, string | undefined>>): number {
  if (error instanceof AllineaError) {
    stderr.write(`allinea: ${error.message}\n`);
    return error.exitCode;
  }
  const message = error instanceof Error ? error.message : String(error);
  stderr.write(`allinea: unexpected error: ${message.split('\n')[0]} (set ALLINEA_DEBUG=1 for details)\n`);
  if (env.ALLINEA_DEBUG === '1' && error instanceof Error && error.stack) stderr.write(`${error.stack}\n`);
  return 1;
}
