import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    // tmux end-to-end tests start real processes; give them room on a 2-core machine.
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
    // Commands the tests start run the sources being tested, never a stale dist/ bundle
    // (tests/package/ installs the packed bundle and clears this on purpose).
    env: { ALLINEA_FROM_SOURCE: '1' },
  },
});
