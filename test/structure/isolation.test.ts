// The fast tier runs test files in a shared process; the guard that keeps one file's environment changes from
// reaching the next must see a change, a removal and a new folder, and nothing when state is put back.
import { describe, expect, it } from 'vitest';
import { captureProcessState, processStateChanges } from '../helpers/process-state.js';

describe('process state guard', () => {
  it('names a variable set, one removed and one changed, and a changed working folder', () => {
    const before = { env: { KEEP: '1', GONE: 'x', CHANGED: 'a' }, cwd: '/a' };
    const after = { env: { KEEP: '1', ADDED: 'y', CHANGED: 'b' }, cwd: '/b' };
    expect(processStateChanges(before, after)).toEqual([
      'environment variable ADDED: unset before, set after',
      'environment variable CHANGED: was set before, set after (changed)',
      'environment variable GONE: was set before, unset after',
      'working folder: /a before, /b after',
    ]);
  });

  it('sees nothing when a test puts the process back as it found it', () => {
    const before = captureProcessState();
    process.env.MATCHDAY_GUARD_PROBE = '1';
    expect(processStateChanges(before, captureProcessState())).toEqual(['environment variable MATCHDAY_GUARD_PROBE: unset before, set after']);
    delete process.env.MATCHDAY_GUARD_PROBE;
    expect(processStateChanges(before, captureProcessState())).toEqual([]);
  });

  it('is the fast tier\'s setup file', async () => {
    const config = (await import('../../vitest.config.js')).default as { test?: { setupFiles?: string[]; isolate?: boolean } };
    expect(config.test?.isolate).toBe(false);
    expect(config.test?.setupFiles).toContain('test/helpers/isolation-guard.ts');
  });
});
