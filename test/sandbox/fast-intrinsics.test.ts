// Lockdown leaves every intrinsic in V8's fast mode (guest/lockdown.ts, fastAgain): in dictionary mode TurboFan
// cannot inline a built-in method found there, and String.prototype's methods, Array.isArray and the like cost
// several times as much as in-process. V8's own test hook says which objects are which, so the check runs in a
// child process with --allow-natives-syntax (fast-intrinsics-probe.ts).
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

describe('lockdown', () => {
  it('leaves no intrinsic in dictionary mode', () => {
    const r = spawnSync(process.execPath, ['--no-node-snapshot', '--allow-natives-syntax', '--import', 'tsx', 'test/sandbox/fast-intrinsics-probe.ts'], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(r.status, r.stderr).toBe(0);
    const slow = JSON.parse(r.stdout.trim().split('\n').pop() ?? 'null') as unknown;
    expect(slow).toEqual([]);
  });
});
