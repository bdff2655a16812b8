/**
 * The stdout Ink draws on, with every frame anchored to the top-left corner of the screen.
 *
 * Ink 6.8's incremental redraw moves the cursor back to the top of the previous frame with a
 * relative "cursor up" of (frame lines - 1). That is one row short whenever the previous frame
 * ended with a newline, which Ink adds to every frame shorter than the terminal: the workbench
 * leaves the last row free (a full-height frame is cleared and redrawn whole), so each redraw
 * started one row lower and stale rows piled up. The workbench owns the alternate screen and
 * its frame always starts at the top-left corner, so the relative move that starts a redraw is
 * replaced by "cursor home". Every other write goes through unchanged.
 */

/** A redraw starts with Ink's "cursor up n" (log-update, incremental mode). */
const REDRAW_START = /^\u001b\[\d*A/;
const CURSOR_HOME = '\u001b[H';

/** The chunk with a leading relative "cursor up" replaced by "cursor home". */
export function anchorFrame(chunk: string): string {
  return REDRAW_START.test(chunk) ? chunk.replace(REDRAW_START, CURSOR_HOME) : chunk;
}

/** `stdout` as Ink needs it (size, resize events, TTY), with frames anchored at the top. */
export function anchoredStdout(stdout: NodeJS.WriteStream): NodeJS.WriteStream {
  const write = (chunk: unknown, ...rest: unknown[]): boolean =>
    (stdout.write as (...args: unknown[]) => boolean)(typeof chunk === 'string' ? anchorFrame(chunk) : chunk, ...rest);
  return new Proxy(stdout, {
    get(target, property) {
      if (property === 'write') return write;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}
