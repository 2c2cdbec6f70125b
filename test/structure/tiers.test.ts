// The tier list (test/tiers.ts) names real files: a slow-tier entry that matched nothing would let a
// renamed suite fall out of CI without anyone noticing.
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SLOW_TESTS } from '../tiers.js';

describe('test tiers', () => {
  // Every entry but the test/slow/ folder glob is one file.
  it.each(SLOW_TESTS.filter((g) => !g.includes('*')))('%s exists', (file) => {
    expect(existsSync(file)).toBe(true);
  });

  it('has only one glob, the test/slow/ folder', () => {
    expect(SLOW_TESTS.filter((g) => g.includes('*'))).toEqual(['test/slow/**/*.test.ts']);
  });
});
