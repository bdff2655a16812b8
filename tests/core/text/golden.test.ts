/**
 * The external golden sets (Pragmatic Segmenter golden rules via pySBD, LanguageTool's French
 * tokenizer tests). Each set must reach the target of exact matches; the cases that
 * fail are printed so that regressions are visible.
 */
import { describe, expect, it } from 'vitest';
import { segment } from '../../../src/core/text/segment.js';
import { GOLDEN_DIR, GOLDEN_SETS, HAVE_GOLDEN, readGolden, sentencesOf } from './fixtures.js';

describe.skipIf(!HAVE_GOLDEN)(`golden segmentation sets (${GOLDEN_DIR})`, () => {
  for (const set of GOLDEN_SETS) {
    it(`${set.file} (${set.lang}) reaches at least ${set.target} exact matches`, () => {
      const cases = readGolden(set.file);
      const failures: string[] = [];
      for (const c of cases) {
        const got = sentencesOf(c.text, segment(c.text, set.lang));
        const expected = c.expected.map((s) => s.trim());
        if (JSON.stringify(got) !== JSON.stringify(expected)) {
          failures.push(`${c.id}\n    expected ${JSON.stringify(expected)}\n    got      ${JSON.stringify(got)}`);
        }
      }
      const passed = cases.length - failures.length;
      console.info(`segmentation ${set.file}: ${passed}/${cases.length} (target ${set.target})`);
      if (failures.length > 0) console.info(`failing cases in ${set.file}:\n  ${failures.join('\n  ')}`);
      expect(passed, `failing cases:\n  ${failures.join('\n  ')}`).toBeGreaterThanOrEqual(set.target);
    });
  }
});
