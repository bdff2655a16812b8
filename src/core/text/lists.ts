/**
 * Enumerations written on one line: "1) The first item 2) The second item",
 * "a. First b. Second", "• 9. The first item • 10. The second item".
 * When a line starts with an item marker, each following marker of the same kind, numbered
 * in sequence, starts a new segment even without final punctuation before it; the markers
 * themselves ("1.", "2.)", "b.") are never sentence ends.
 */
import { isWhitespace } from './chars.js';

export interface ListLayout {
  /** Offsets where a new item starts (a boundary just before each). */
  readonly itemStarts: number[];
  /** [start, end) of every item marker; final punctuation inside one is not a boundary. */
  readonly markers: Array<readonly [number, number]>;
}

// Dashes are left out on purpose: Italian and French use them for dialogue and asides.
const BULLETS = '•◦▪▫‣⁃●○■□►▸';
/** An enumerator: a number or a lowercase letter, then ".)", ")" or ".". */
const ENUMERATOR = /^(\d{1,3}|[a-z])(\.\)|\)|\.)/;

interface Marker {
  readonly bullet: string;
  readonly value: string;
  readonly style: string;
  readonly length: number;
}

export function listLayout(text: string, start: number, end: number): ListLayout | undefined {
  const first = readMarker(text, start, end);
  if (!first) return undefined;
  const layout: ListLayout = { itemStarts: [], markers: [[start, start + first.length]] };
  let expected = first.value === '' ? '' : successor(first.value);
  for (let i = start + first.length; i < end; i++) {
    if (!isWhitespace(text[i - 1]) || isWhitespace(text[i])) continue;
    const marker = readMarker(text, i, end);
    if (!marker || marker.bullet !== first.bullet || marker.style !== first.style) continue;
    if (first.value !== '' && marker.value !== expected) continue;
    layout.itemStarts.push(i);
    layout.markers.push([i, i + marker.length]);
    if (expected !== '') expected = successor(expected);
    i += marker.length - 1;
  }
  return layout;
}

function readMarker(text: string, at: number, end: number): Marker | undefined {
  let i = at;
  let bullet = '';
  if (BULLETS.includes(text[i] ?? '\0')) {
    bullet = text[i]!;
    i++;
    while (i < end && text[i] === ' ') i++;
  }
  const head = text.slice(i, Math.min(end, i + 6));
  const match = ENUMERATOR.exec(head);
  if (match) {
    const after = i + match[0].length;
    // "1.gelato, 2.carne" is not a list layout: an item marker is followed by a space.
    if (after >= end || !isWhitespace(text[after])) return undefined;
    return { bullet, value: match[1]!, style: match[2]!, length: after - at };
  }
  if (bullet !== '' && i < end && isWhitespace(text[at + 1])) {
    return { bullet, value: '', style: '', length: i - at };
  }
  return undefined;
}

function successor(value: string): string {
  if (/^\d+$/.test(value)) return String(Number(value) + 1);
  return String.fromCharCode(value.charCodeAt(0) + 1);
}
