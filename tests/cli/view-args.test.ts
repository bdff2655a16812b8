import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';

describe('allinea view arguments', () => {
  it('says a mistyped command is neither a command nor a file, before asking for a terminal', async () => {
    const result = await cli(['frobnicate'], { cwd: '/tmp' });
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr: "allinea: 'frobnicate' is neither a command nor a file or folder here (see allinea --help).\n",
    });
  });

  it('names a missing corpus file', async () => {
    const result = await cli(['view', 'missing/a.txt', 'b.txt'], { cwd: '/tmp' });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('allinea: Cannot read /tmp/missing/a.txt: it does not exist.\n');
  });
});
