/**
 * An error meant for the user: its message is one complete sentence, and the command
 * that meets it exits with `exitCode` (2: usage or I/O, 1: the work itself failed).
 */
export class AllineaError extends Error {
  override readonly name = 'AllineaError';
  constructor(
    message: string,
    readonly exitCode: number = 2,
  ) {
    super(message);
  }
}
