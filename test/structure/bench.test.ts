// `npm run bench` always ends by itself with its JSON line, and a part that fails or hangs is listed under `skipped`.
import { spawnSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';

function bench(env: Record<string, string>): { status: number | null; signal: NodeJS.Signals | null; last: Record<string, unknown>; stderr: string } {
  const r = spawnSync(process.execPath, ['--no-node-snapshot', '--import', 'tsx', 'test/bench/run.ts'], {
    encoding: 'utf8',
    env: { ...process.env, ...env },
    // A net for the test run only: the run is expected to end by itself well before.
    timeout: 90_000,
  });
  const lines = r.stdout.trim().split('\n');
  return { status: r.status, signal: r.signal, last: JSON.parse(lines[lines.length - 1] || '{}') as Record<string, unknown>, stderr: r.stderr };
}

describe('npm run bench', () => {
  it('reports a part that throws, one that never finishes and an unknown name under skipped, and exits', () => {
    const r = bench({ MATCHDAY_BENCH_PARTS: 'engine,cup,nonesuch', MATCHDAY_BENCH_FAIL: 'engine', MATCHDAY_BENCH_HANG: 'cup', MATCHDAY_BENCH_TIMEOUT_S: '2' });
    expect(r.signal).toBeNull();
    expect(r.status).toBe(0);
    expect(r.last).toEqual({
      skipped: {
        nonesuch: expect.stringContaining('no such part'),
        engine: 'forced by MATCHDAY_BENCH_FAIL',
        cup: 'did not finish within 2 s',
      },
    });
    expect(r.stderr).toContain('bench: cup skipped: did not finish within 2 s');
  });

  it('refuses a time limit that is not a positive number, with one line', () => {
    const r = bench({ MATCHDAY_BENCH_PARTS: 'engine', MATCHDAY_BENCH_TIMEOUT_S: 'soon' });
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toBe("bench: MATCHDAY_BENCH_TIMEOUT_S must be a positive number of seconds, not 'soon'");
  });

  it('probes each CPU with the same pinned workload and reports the slowest over the fastest', () => {
    const r = bench({ MATCHDAY_BENCH_PARTS: 'vcpu' });
    expect(r.status).toBe(0);
    if (availableParallelism() < 2) {
      expect(r.last).toEqual({ skipped: { vcpu: 'one CPU: nothing to compare' } });
      return;
    }
    const n = Math.min(availableParallelism(), 4);
    const ms = Array.from({ length: n }, (_, cpu) => r.last[`vcpu${cpu}_probe_ms`]);
    for (const m of ms) expect(m).toBeGreaterThan(0);
    const nums = ms as number[];
    expect(r.last.vcpu_skew).toBe(Math.round((Math.max(...nums) / Math.min(...nums)) * 100) / 100);
  });
});
