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
