/** `allinea view --view rows|panes|groups`: documented, and a wrong value is one clear line. */
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';

describe('allinea view --view', () => {
  it('is in --help with its choices and default', async () => {
    const help = await cli(['view', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--view <view>');
    expect(help.stdout.replace(/\s+/g, ' ')).toContain('rows for translations, panes for comparable corpora');
  });

  it('refuses an unknown view in one line, exit 2, before starting', async () => {
    const result = await cli(['view', '--view', 'table']);
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain('rows, panes, groups');
  });
});
