// The fast tier (`npm test`). Tests run in forked processes with --no-node-snapshot: isolated-vm needs
// both on Node 20. The slow tier is vitest.slow.config.ts; test/tiers.ts says which files are which.
import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import { SLOW_TESTS } from './test/tiers.js';

export const shared = {
  pool: 'forks' as const,
  execArgv: ['--no-node-snapshot'],
  testTimeout: 120_000,
  hookTimeout: 120_000,
  env: { TZ: 'UTC', LANG: 'C', LC_ALL: 'C' },
};

export default defineConfig({
  test: {
    ...shared,
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    exclude: ['**/node_modules/**', ...SLOW_TESTS],
    // vitest's default is one fork less than the cores: a single fork on a 2-core machine, which left
    // the second core idle while a test waited on its child processes. Two forks: 444 s -> 265 s for
    // the fast tier on this machine, measured from a clean clone, all passing. Larger machines keep the default.
    maxWorkers: Math.max(2, availableParallelism() - 1),
  },
});
