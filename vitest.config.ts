// Tests run in forked processes with --no-node-snapshot: isolated-vm needs both on Node 20.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    pool: 'forks',
    execArgv: ['--no-node-snapshot'],
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    env: { TZ: 'UTC', LANG: 'C', LC_ALL: 'C' },
  },
});
