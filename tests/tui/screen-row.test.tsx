import { Box, Text } from 'ink';
import { cleanup, render } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { fit } from '../../src/core/session/layout.js';
import { ScreenRow } from '../../src/tui/screen-row.js';
import { styled } from '../../src/tui/styled.js';

afterEach(() => cleanup());

const WIDTH = 40;
const ROWS = [
  styled(fit('▸* 10 ', 7), { bold: true }) + styled('■g1 ', { color: 'cyan', bold: true }) + styled(fit('Non perdoniamo.', WIDTH - 11), { inverse: true }),
  fit('    1 «On ne pardonne pas.» — liberté', WIDTH - 1) + '│',
  styled(fit('全角の文字も幅は二つ', WIDTH), { dim: true }),
  ' '.repeat(WIDTH),
];

function frameOf(rows: readonly string[], asText: boolean): string {
  const { lastFrame } = render(
    <Box flexDirection="column" width={WIDTH}>
      {rows.map((row, r) => (asText ? <Text key={r} wrap="truncate-end">{row}</Text> : <ScreenRow key={r} text={row} width={WIDTH} />))}
    </Box>,
  );
  return lastFrame() ?? '';
}

describe('ScreenRow', () => {
  it('writes a laid-out row exactly as a plain <Text> would, styling and wide characters included', () => {
    const expected = frameOf(ROWS, true);
    cleanup();
    expect(frameOf(ROWS, false)).toBe(expected);
    expect(expected).toContain('Non perdoniamo.');
    expect(expected).toContain('全角');
  });

  it('shows new content when the row changes', () => {
    const { lastFrame, rerender } = render(<ScreenRow text={fit('first', WIDTH)} width={WIDTH} />);
    expect(lastFrame()).toBe('first');
    rerender(<ScreenRow text={fit('second row', WIDTH)} width={WIDTH} />);
    expect(lastFrame()).toBe('second row');
  });
});
