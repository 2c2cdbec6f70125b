import { afterAll, describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { defaultConfig } from '../../engine/setup.js';
import { resolveTeam } from '../../policies/builtins.js';
import { MatchPool } from '../../tournament/runner/pool.js';

const killer = { spec: 'process-killer.js', name: 'killer', file: resolve('test/fixtures/policies/process-killer.js') };
// A small memory allowance (RLIMIT_DATA, below the killer's 1.5 GB) makes its allocations fail fast; generous wall caps keep a loaded machine from cutting it off first.
const pool = new MatchPool(1, { processMemoryMb: 1000 });
afterAll(() => pool.close());

describe('a policy that kills its match process', () => {
  it('loses only its own match: the death is charged to it at the right tick, and the run goes on', async () => {
    const chaser = resolveTeam('builtin:chaser');
    const job = { config: defaultConfig({ seed: 1, halfTicks: 100, homeName: 'chaser', awayName: 'killer' }), home: chaser, away: killer, limits: { callWallMs: 60_000, matchWallMs: 600_000 } };
    const r = await pool.run(job);
    // Died, retried, died again at the same tick with the same team running: then frozen.
    expect(r.crashes).toHaveLength(2);
    for (const c of r.crashes) expect({ tick: c.tick, team: c.team }).toEqual({ tick: 40, team: 1 });
    expect(r.teams[1].frozenFrom).toBe(40);
    expect(r.teams[1].faults.some((f) => f.kind === 'crash' && f.fatal && /killed its match process at tick 40/.test(f.message))).toBe(true);
    expect(r.teams[0].faults).toEqual([]);
    expect(r.ticks).toBe(200);
    // The next match on the same pool plays normally.
    const next = await pool.run({ config: defaultConfig({ seed: 2, halfTicks: 50, homeName: 'chaser', awayName: 'statue' }), home: chaser, away: resolveTeam('builtin:statue') });
    expect(next.crashes).toEqual([]);
    expect(next.ticks).toBe(100);
  });
});
