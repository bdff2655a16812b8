/**
 * A quick test for the untranslated rule: whether two texts can be the same text once spaces
 * are collapsed and case is ignored. The rule compares x.replace(/\s+/g, ' ').trim().toLowerCase()
 * with the same of y, which costs four passes and four new strings per pair; translations of
 * similar length (it/fr/es) reach that comparison for most groups, and nearly always differ
 * within their first few characters.
 */

/** The characters of \s (and of what trim() removes). */
function isSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

function skipSpaces(text: string, i: number): number {
  while (i < text.length && isSpace(text.charCodeAt(i))) i++;
  return i;
}

function asciiLower(c: number): number {
  return c >= 0x41 && c <= 0x5a ? c | 0x20 : c;
}

/**
 * Whether two different characters, at the same place in two texts, make the lower-cased
 * texts differ (false), keep them alike (true, the walk goes on), or cannot be told alone
 * (undefined): a Σ lower-cases to σ or ς by context, a surrogate is half a character.
 */
function lowerAlike(a: number, b: number): boolean | undefined {
  if (a < 0x80 && b < 0x80) return asciiLower(a) === asciiLower(b);
  if (a === 0x3a3 || b === 0x3a3 || (a >= 0xd800 && a <= 0xdfff) || (b >= 0xd800 && b <= 0xdfff)) return undefined;
  const lowerA = String.fromCharCode(a).toLowerCase();
  const lowerB = String.fromCharCode(b).toLowerCase();
  if (lowerA === lowerB) return true;
  // İ lower-cases to two characters: past a first one in common, the texts no longer line up.
  return lowerA.charCodeAt(0) === lowerB.charCodeAt(0) ? undefined : false;
}

/**
 * False when the texts certainly differ after collapsing spaces, trimming and lower-casing;
 * true when they may be the same (the caller then compares them in full). Walks both texts
 * while their lower cases agree, a run of spaces in one matching a run in the other; a space
 * against a non-space, or two characters whose lower cases start differently, prove a
 * difference (characters with the same lower case keep the texts lined up).
 */
export function mayBeSameText(x: string, y: string): boolean {
  let i = skipSpaces(x, 0);
  let j = skipSpaces(y, 0);
  while (i < x.length && j < y.length) {
    const a = x.charCodeAt(i);
    const b = y.charCodeAt(j);
    const spaceA = isSpace(a);
    if (spaceA || isSpace(b)) {
      // One space where the other text has a character (lower-casing never makes a space).
      if (!spaceA || !isSpace(b)) return false;
      i = skipSpaces(x, i);
      j = skipSpaces(y, j);
      continue;
    }
    if (a !== b) {
      const alike = lowerAlike(a, b);
      if (alike !== true) return alike === undefined;
    }
    i++;
    j++;
  }
  return true;
}
