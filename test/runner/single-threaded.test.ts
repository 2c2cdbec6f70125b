// A pool with a match process per core starts its processes without V8's background threads
// (spawn.ts, SINGLE_THREADED_FLAG); one with cores to spare keeps them. Either way a match plays
// to the same hash: the flag moves CPU between threads, never a result.
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultConfig } from '../../engine/setup.js';
import { resolveTeam } from '../../policies/builtins.js';
import { MatchPool } from '../../tournament/runner/pool.js';
import { SINGLE_THREADED_FLAG } from '../../tournament/runner/spawn.js';

const pools: MatchPool[] = [];
afterEach(async () => {
  await Promise.all(pools.splice(0).map((p) => p.close()));
});

function pool(size: number, singleThreaded?: boolean): MatchPool {
  const p = new MatchPool(size, singleThreaded === undefined ? {} : { singleThreaded });
  pools.push(p);
  return p;
}

/** The command line of a live process, as the kernel has it. */
function argsOf(pid: number): string[] {
  return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
}

const job = () => ({
  config: defaultConfig({ seed: 11, halfTicks: 150, homeName: 'possession', awayName: 'direct' }),
  home: resolveTeam('builtin:possession'),
  away: resolveTeam('builtin:direct'),
});

describe('match processes and V8 background threads', () => {
  it('are single-threaded by default exactly when the pool has a process per core', () => {
    const cores = availableParallelism();
    expect(pool(cores).singleThreaded).toBe(true);
    expect(pool(cores + 1).singleThreaded).toBe(true);
    if (cores > 1) expect(pool(cores - 1).singleThreaded).toBe(false);
    expect(pool(1, false).singleThreaded).toBe(false);
    expect(pool(1, true).singleThreaded).toBe(true);
  });

  it('play the same match to the same hash with and without the flag, which reaches the process', async () => {
    const seen: Array<{ flag: boolean; hash: string; score: [number, number] }> = [];
    for (const singleThreaded of [true, false]) {
      let args: string[] = [];
      const r = await pool(1, singleThreaded).run(job(), {
        onStart: (pid) => {
          args = argsOf(pid);
        },
      });
      expect(r.crashes).toEqual([]);
      expect(r.ticks).toBe(300);
      seen.push({ flag: args.includes(SINGLE_THREADED_FLAG), hash: r.hash, score: r.score });
    }
    expect(seen.map((s) => s.flag)).toEqual([true, false]);
    expect(seen[0]!.hash).toBe(seen[1]!.hash);
    expect(seen[0]!.score).toEqual(seen[1]!.score);
  });
});
