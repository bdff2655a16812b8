import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { anchorFrame, anchoredStdout } from '../../src/tui/anchored-stdout.js';

describe('anchored stdout', () => {
  it('starts a redraw at the top-left corner instead of moving up from the cursor', () => {
    expect(anchorFrame('\u001b[38A\u001b[E\u001b[Gnew row\u001b[K\n')).toBe('\u001b[H\u001b[E\u001b[Gnew row\u001b[K\n');
    expect(anchorFrame('\u001b[0A\u001b[Grow')).toBe('\u001b[H\u001b[Grow');
  });

  it('leaves every other write alone: first frames, erasing, styling, cursor show/hide', () => {
    for (const chunk of ['first frame\nsecond row\n', '\u001b[2K\u001b[1A\u001b[2K\u001b[G', '\u001b[1mbold\u001b[22m', '\u001b[?25l', 'up \u001b[3A later']) {
      expect(anchorFrame(chunk)).toBe(chunk);
    }
  });

  it('gives Ink the real stream for size, TTY and resize events, and anchors what it writes', () => {
    const written: string[] = [];
    const stream = Object.assign(new EventEmitter(), {
      isTTY: true,
      columns: 160,
      rows: 40,
      write(chunk: string) {
        written.push(chunk);
        return true;
      },
    });
    const anchored = anchoredStdout(stream as unknown as NodeJS.WriteStream);
    expect([anchored.columns, anchored.rows, anchored.isTTY]).toEqual([160, 40, true]);
    let resized = 0;
    const onResize = () => resized++;
    anchored.on('resize', onResize);
    stream.emit('resize');
    anchored.off('resize', onResize);
    stream.emit('resize');
    expect(resized).toBe(1);
    anchored.write('\u001b[5Arow');
    anchored.write('plain');
    expect(written).toEqual(['\u001b[Hrow', 'plain']);
  });
});
