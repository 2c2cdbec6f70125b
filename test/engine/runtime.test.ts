import { describe, expect, it } from 'vitest';

describe('test runtime', () => {
  it('runs with --no-node-snapshot so isolated-vm can load', () => {
    expect(process.execArgv).toContain('--no-node-snapshot');
  });
});
