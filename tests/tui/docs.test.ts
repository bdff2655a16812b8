import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KEYMAP, keyLabel } from '../../src/core/session/keymap.js';
import { localeResource } from '../../src/i18n/index.js';
import { REPO_ROOT } from '../helpers/seeds.js';

describe('docs/workbench.md', () => {
  it('lists every key of the keymap with its English description', () => {
    const doc = readFileSync(join(REPO_ROOT, 'docs', 'workbench.md'), 'utf8');
    const keys = localeResource('en').keys!;
    for (const binding of KEYMAP) {
      const description = keys[binding.description.replace(/^keys\./, '')]!;
      const row = doc.split('\n').find((l) => l.startsWith('|') && l.endsWith(`| ${description} |`));
      expect(row, description).toBeDefined();
      for (const key of binding.keys) expect(row, `${description}: ${key}`).toContain(`\`${keyLabel(key)}\``);
    }
  });
});
