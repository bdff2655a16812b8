/**
 * Makes document text safe to write to a terminal: escape sequences and control characters
 * (C0, DEL, C1, bidi overrides) would move the cursor, recolour or hide text, so they are
 * replaced by visible stand-ins. Tabs and newlines become spaces (a sentence is one line of
 * content; wrapping is the view's job).
 */
// ESC [ ... final byte, ESC ] ... BEL/ST, and other two-byte ESC sequences.
const ESCAPE_SEQUENCE = /\u001b(?:\[[0-?]*[ -/]*[@-~]|\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|[@-Z\\-_])/g;
// C0 controls except tab/newline/CR, DEL, C1 controls, and bidi embedding/override/isolate marks.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

export function sanitizeForTerminal(text: string): string {
  return text
    .replace(ESCAPE_SEQUENCE, '\u241b') // ␛
    .replace(/[\t\r\n]+/g, ' ')
    .replace(CONTROL, (ch) => {
      const code = ch.charCodeAt(0);
      return code < 0x20 ? String.fromCharCode(0x2400 + code) : code === 0x7f ? '\u2421' : '\ufffd';
    });
}

/**
 * A short, safe quotation of text from a file for a message: sanitized, on one line, at most
 * `max` characters (cut with an ellipsis).
 */
export function excerpt(text: string, max = 40): string {
  const head = [...text.slice(0, max * 2 + 8)];
  const cut = head.length > max || text.length > max * 2 + 8;
  return sanitizeForTerminal((cut ? head.slice(0, max).join('') : head.join('')).trim()) + (cut ? '…' : '');
}

/**
 * A message made safe and bounded for stderr: one line, no control characters, and, when
 * something quoted a whole file into it, its head and tail only (the end says what to do).
 */
export function terminalMessage(message: string, max = 600): string {
  const safe = sanitizeForTerminal(message);
  if (safe.length <= max) return safe;
  const tail = Math.floor(max / 3);
  return `${safe.slice(0, max - tail - 1)}…${safe.slice(safe.length - tail)}`;
}

/**
 * JSON text made safe for a terminal without changing its value: JSON.stringify escapes C0
 * controls but writes DEL, C1 controls and bidi marks raw; here they become \u escapes too.
 */
export function jsonForTerminal(json: string): string {
  return json.replace(/[\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
