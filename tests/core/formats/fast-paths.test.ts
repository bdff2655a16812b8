/**
 * The formats' fast paths (text cleaning tested by code unit first, CSV fields taken in
 * slices) against straightforward reference versions, on random text full of the
 * characters that matter: breaks, controls, lone and paired surrogates, quotes, commas.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanText, joinSentences, removeForbidden } from '../../../src/core/formats/clean-text.js';
import { parseCsv } from '../../../src/core/formats/delimited.js';

// The patterns as clean-text.ts states them, applied to every text.
const BREAKS = /[^\S\t\n\v\f\r\u0085\u2028\u2029]*[\t\n\v\f\r\u0085\u2028\u2029][\s]*/gu;
const FORBIDDEN = /[^\t\n\r\u0020-\u007E\u00A0-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

function referenceRemove(text: string) {
  let removed = 0;
  const out = text.replace(FORBIDDEN, () => {
    removed++;
    return '';
  });
  return { text: out, removed };
}
function referenceClean(text: string) {
  const { text: allowed, removed } = referenceRemove(text.replace(BREAKS, ' '));
  return { text: allowed.trim(), removed };
}

/** RFC 4180 read one character at a time (how delimited.ts read CSV before). */
function referenceCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      field += c;
      i++;
      continue;
    }
    if (c === '"' && field === '') {
      quoted = true;
      i++;
    } else if (c === ',') {
      row.push(field);
      field = '';
      i++;
    } else if (c === '\r' || c === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
    } else {
      field += c;
      i++;
    }
  }
  if (quoted) throw new Error('unclosed');
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

const tricky = fc.constantFrom('a', 'è', ' ', '\t', '\n', '\r', '\u000b', '\u0085', '\u2028', '\u00a0', '\u0001', '\u001b', '\u007f', '\u009f', '\ud83d\ude00', '\ud800', '\udc00', '\ufffe', '\uffff', '\ufeff', '\ue000');
const text = fc.array(tricky, { maxLength: 16 }).map((cs) => cs.join(''));

describe('fast paths', () => {
  it('cleaning gives exactly what the stated patterns give (property)', () => {
    fc.assert(
      fc.property(text, (t) => {
        expect(removeForbidden(t)).toEqual(referenceRemove(t));
        expect(cleanText(t)).toEqual(referenceClean(t));
        expect(joinSentences([t])).toEqual(referenceClean(t.trim()));
      }),
      { numRuns: 2000 },
    );
  });

  it('CSV rows are what a character-by-character reader gives (property)', () => {
    const csvChar = fc.constantFrom('a', 'b', ' ', ',', '"', '\r', '\n', '\r\n', '""');
    fc.assert(
      fc.property(fc.array(csvChar, { maxLength: 24 }).map((cs) => cs.join('')), (t) => {
        let expected: string[][] | undefined;
        try {
          expected = referenceCsv(t);
        } catch {
          expect(() => parseCsv(t)).toThrow(/never closed/);
          return;
        }
        expect(parseCsv(t)).toEqual(expected);
      }),
      { numRuns: 3000 },
    );
  });
});
