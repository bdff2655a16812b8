/** @jsxRuntime automatic @jsxImportSource react */
/**
 * One screen row that is already laid out: styled, sanitized and exactly `width` columns wide
 * (the document panes build their rows this way). Ink measures every <Text> on every frame
 * (string-width over each grapheme: about 8 ms a frame at 160×40 once a row holds any
 * non-ASCII character, and pane rows always do: │ ▸ ■ accents). A row that is already exactly
 * `width` columns needs no measuring, so Ink is given a blank placeholder of the same width
 * (measured through its ASCII fast path, and cached) and Transform puts the row in its place
 * when the frame is written. Memoized on its content: unchanged rows are not re-rendered.
 */
import { Text, Transform, useIsScreenReaderEnabled } from 'ink';
import { memo, useCallback } from 'react';

const blanks = new Map<number, string>();

function blank(width: number): string {
  let b = blanks.get(width);
  if (b === undefined) {
    if (blanks.size > 16) blanks.clear();
    blanks.set(width, (b = ' '.repeat(Math.max(1, width))));
  }
  return b;
}

export interface ScreenRowProps {
  /** The row, SGR styling allowed, exactly `width` display columns. */
  readonly text: string;
  readonly width: number;
}

export const ScreenRow = memo(function ScreenRow({ text, width }: ScreenRowProps) {
  const screenReader = useIsScreenReaderEnabled();
  const transform = useCallback(() => text, [text]);
  // Screen readers get the text itself (Ink reads children there, not the transformed output).
  if (screenReader) return <Text wrap="truncate-end">{text}</Text>;
  return <Transform transform={transform}>{blank(width)}</Transform>;
});
