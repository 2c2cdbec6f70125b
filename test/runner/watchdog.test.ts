// The wall-clock safety net is a net: a call that hangs where no V8 interrupt reaches it is
// stopped by the match process's watchdog thread within twice its limit; the team whose call it
// was pays (frozen from that tick, after the usual retry) and the match is flagged non-reproducible.
import { afterEach, describe, expect, it } from 'vitest';
import { defaultConfig } from '../../engine/setup.js';
import { resolveTeam } from '../../policies/builtins.js';
import { MatchPool } from '../../tournament/runner/pool.js';

let pool: MatchPool | null = null;
afterEach(async () => {
  delete process.env.MATCHDAY_TEST_HANG;
  await pool?.close();
  pool = null;
});

describe('the wall-clock watchdog', () => {
  it('kills a call that hangs past twice its limit; the team pays and the match is flagged', async () => {
    process.env.MATCHDAY_TEST_HANG = '12:1';
    pool = new MatchPool(1);
    const job = {
      config: defaultConfig({ seed: 5, halfTicks: 20, homeName: 'chaser', awayName: 'possession' }),
      home: resolveTeam('builtin:chaser'),
      away: resolveTeam('builtin:possession'),
      limits: { callWallMs: 400 },
    };
    const r = await pool.run(job);
    expect(r.crashes).toHaveLength(2);
    for (const c of r.crashes) {
      expect(c).toMatchObject({ tick: 12, team: 1, wallClock: true });
      expect(c.how).toMatch(/wall-clock watchdog/);
    }
    expect(r.teams[1].frozenFrom).toBe(12);
    expect(r.teams[0].frozenFrom).toBeNull();
    expect(r.nonReproducible).toBe(true);
    expect(r.ticks).toBe(40);
  });
});
