// A match process that dies in the host's own work (after a policy call returned) is never
// charged to a team: the match is retried as it was, and if host work dies again at the same
// tick the match fails as a host failure the organizer sees, never as a result.
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultConfig } from '../../engine/setup.js';
import { resolveTeam } from '../../policies/builtins.js';
import { MatchPool } from '../../tournament/runner/pool.js';

const job = () => ({
  config: defaultConfig({ seed: 3, halfTicks: 40, homeName: 'chaser', awayName: 'possession' }),
  home: resolveTeam('builtin:chaser'),
  away: resolveTeam('builtin:possession'),
});

let pool: MatchPool | null = null;
afterEach(async () => {
  delete process.env.MATCHDAY_TEST_HOST_DEATH;
  await pool?.close();
  pool = null;
});

describe('a match process that dies in host work', () => {
  it('is retried and charges neither team', async () => {
    const flag = join(mkdtempSync(join(tmpdir(), 'md-host-death-')), 'died');
    process.env.MATCHDAY_TEST_HOST_DEATH = `30:${flag}`;
    pool = new MatchPool(1);
    const r = await pool.run(job());
    expect(existsSync(flag)).toBe(true);
    expect(r.crashes).toHaveLength(1);
    expect(r.crashes[0]).toMatchObject({ tick: 30, team: -1 });
    expect(r.crashes[0]?.how).toMatch(/SIGKILL/);
    for (const t of r.teams) {
      expect(t.frozenFrom).toBeNull();
      expect(t.faults).toEqual([]);
    }
    expect(r.ticks).toBe(80);
  });

  it('twice at the same tick is a host failure, with no result and no team blamed', async () => {
    process.env.MATCHDAY_TEST_HOST_DEATH = '30';
    pool = new MatchPool(1);
    await expect(pool.run(job())).rejects.toThrow(/^host failure: the match process died twice at tick 30 outside any policy call \(SIGKILL.*no team is blamed$/);
  });
});
