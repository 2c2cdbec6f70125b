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
    // Each fork runs its test files one after another in one module graph instead of a fresh process per file:
    // importing the project (esbuild transform of the TypeScript, fastify, react, isolated-vm) once per fork and not
    // once per file. Same suite, same machine, one run each under load: 361 s -> 273 s of CPU (user + sys, with every
    // child process), vitest's own import time 184 s -> 31 s. Tests that change process state (environment variables
    // the runner reads) put it back in afterEach; test/structure/isolation.test.ts holds them to it.
    isolate: false,
    setupFiles: ['test/helpers/isolation-guard.ts'],
  },
});
