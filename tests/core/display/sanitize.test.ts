import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { excerpt, jsonForTerminal, sanitizeForTerminal, terminalMessage } from '../../../src/core/display/sanitize.js';
import { messageStream } from '../../../src/cli/streams.js';

/** Anything a terminal would act on: C0 (but line feed), DEL, C1, bidi overrides and isolates. */
const ACTIVE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

const hostile = fc.stringMatching(/^(?:[a-zàé «»\n\t\r]|\u001b\[[0-9;]*[A-Za-z]|\u001b\][^\u0007]*\u0007|[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069])*$/);

describe('sanitizeForTerminal and the functions built on it', () => {
  it('leave nothing a terminal acts on, for any mix of text and escape sequences', () => {
    fc.assert(
      fc.property(hostile, (text) => {
        expect(sanitizeForTerminal(text)).not.toMatch(ACTIVE);
        expect(sanitizeForTerminal(text)).not.toContain('\n');
        expect(terminalMessage(text)).not.toMatch(ACTIVE);
        expect(excerpt(text)).not.toMatch(ACTIVE);
        // Idempotent: sanitizing twice (stream and message) changes nothing more.
        expect(sanitizeForTerminal(sanitizeForTerminal(text))).toBe(sanitizeForTerminal(text));
      }),
    );
  });

  it('show what was there: ␛ for an escape sequence, control pictures for C0', () => {
    expect(sanitizeForTerminal('a\u001b]0;title\u0007b\u001b[31mc\u0001')).toBe('a␛b␛c␁');
  });

  it('excerpt quotes a short piece; terminalMessage keeps the head and the tail (what to do)', () => {
    expect(excerpt('x'.repeat(500), 40)).toBe(`${'x'.repeat(40)}…`);
    expect(excerpt('short')).toBe('short');
    const message = `${'bytes '.repeat(2000)}; convert it first.`;
    const bounded = terminalMessage(message);
    expect(bounded.length).toBeLessThanOrEqual(600);
    expect(bounded.endsWith('; convert it first.')).toBe(true);
  });

  it('jsonForTerminal escapes DEL, C1 and bidi marks and keeps the JSON value', () => {
    fc.assert(
      fc.property(hostile, (text) => {
        const json = jsonForTerminal(JSON.stringify({ text }));
        expect(json).not.toMatch(ACTIVE);
        expect(JSON.parse(json)).toEqual({ text });
      }),
    );
  });

  it('messageStream sanitizes each line and keeps the line ends', () => {
    let out = '';
    const stream = messageStream({ write: (s: string) => (out += s), isTTY: true });
    stream.write('allinea: \u001b[2Jbad\u0007 name\nsecond\n');
    expect(out).toBe('allinea: ␛bad␇ name\nsecond\n');
    expect(stream.isTTY).toBe(true);
    expect(messageStream(stream)).toBe(stream);
  });
});
