/** Chinese and Japanese end sentences with full-width marks and no space after them. */
import { describe, expect, it } from 'vitest';
import { segment } from '../../../src/core/text/segment.js';

const sentences = (text: string, lang: string) => segment(text, lang).map(([s, e]) => text.slice(s, e));

describe('full-width sentence marks', () => {
  it('split Japanese and Chinese sentences that follow each other without a space', () => {
    expect(sentences('今日は晴れです。明日は雨でしょう！本当ですか？', 'ja')).toEqual(['今日は晴れです。', '明日は雨でしょう！', '本当ですか？']);
    expect(sentences('罗西先生抵达罗马。他说了话。', 'zh')).toEqual(['罗西先生抵达罗马。', '他说了话。']);
    // With a space, as before.
    expect(sentences('罗西先生抵达罗马。 他说了话。', 'zh')).toEqual(['罗西先生抵达罗马。', '他说了话。']);
  });

  it('keep what follows a mark inside the run: closing brackets and quotes stay with the sentence', () => {
    expect(sentences('「行きます。」彼は言った。', 'ja')[0]).toMatch(/^「行きます。」/);
    expect(sentences('他来了（真的！）。我们走吧。', 'zh')).toEqual(['他来了（真的！）。', '我们走吧。']);
  });

  it('leave Latin text untouched: a full stop with no space after it is not a boundary', () => {
    expect(sentences('See www.example.com.It is 3.5 now.', 'en')).toHaveLength(1);
  });
});
