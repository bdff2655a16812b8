import fc from 'fast-check';
import wrapAnsi from 'wrap-ansi';
import { describe, expect, it } from 'vitest';
import { wrapLines } from '../../../src/core/session/layout.js';
import { seedDocs } from '../../helpers/seeds.js';

const wrapAnsiLines = (text: string, width: number) => wrapAnsi(text, width, { hard: true, trim: true }).split('\n');

describe('wrapLines', () => {
  it('wraps every seed article exactly as wrap-ansi does, at every pane width', () => {
    for (const doc of seedDocs()) {
      for (const width of [4, 9, 17, 20, 26, 31, 45, 80]) expect(wrapLines(doc.text, width)).toEqual(wrapAnsiLines(doc.text, width));
    }
  });

  it('matches wrap-ansi on narrow text (the fast path): runs of spaces, words longer than the line', () => {
    const chars = fc.constantFrom(' ', ' ', ' ', ' ', 'a', 'b', 'c', 'é', '«', '’', '…', '│', '■', 'Ж', 'ω', '\n', '\u00a0');
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 120 }), fc.integer({ min: 1, max: 25 }), (parts, width) => {
        const text = parts.join('');
        expect(wrapLines(text, width)).toEqual(wrapAnsiLines(text, width));
      }),
      { numRuns: 5000 },
    );
  });

  it('matches wrap-ansi on any text: spaces, long words, newlines, wide and zero-width characters', () => {
    const chars = fc.constantFrom(' ', ' ', ' ', 'a', 'b', 'é', 'ß', '«', '’', '…', '│', '■', 'Ж', 'ω', '\n', '\u00ad', '\u0301', '\u0483', '界', '😀', '\u200b', '\r', '\u00a0');
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 90 }), fc.integer({ min: 1, max: 30 }), (parts, width) => {
        const text = parts.join('');
        expect(wrapLines(text, width)).toEqual(wrapAnsiLines(text, width));
      }),
      { numRuns: 3000 },
    );
  });
});
