// The slow tier (`npm run test:slow`): statistical, full-length, load, property and fuzz suites.
// Same process setup as the fast tier (vitest.config.ts); test/tiers.ts lists the files.
import { defineConfig } from 'vitest/config';
import { SLOW_TESTS } from './test/tiers.js';
import { shared } from './vitest.config.js';

export default defineConfig({
  test: {
    ...shared,
    include: [...SLOW_TESTS],
    // Long suites: a single file may play dozens of full-length matches.
    testTimeout: 900_000,
  },
});
