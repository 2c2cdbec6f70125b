import { describe, expect, it } from 'vitest';
import { inProcessController } from '../../engine/inprocess.js';
import { runMatch } from '../../engine/match.js';
import type { Observation, PlayerCommand } from '../../engine/policy.js';
import { SHOOTOUT } from '../../engine/constants.js';
import { decided } from '../../engine/referee/shootout.js';
import { defaultConfig } from '../../engine/setup.js';

/** A team that does nothing in play and takes its penalties toward `aimY` (7+ is wide of the post). */
function taker(aimY: (kick: number) => number) {
  return inProcessController({
    tick(obs: Observation) {
      const so = obs.shootout;
      const cmds: PlayerCommand[] = [];
      if (!so || so.kicking !== 'own') return cmds;
      const b = obs.ball;
      cmds[so.kickerIndex] = { moveTo: { x: b.x - 0.5, y: b.y }, kick: { target: { x: 52.5, y: aimY(so.ownKicks) }, power: 0.5 } };
      return cmds;
    },
  });
}

function shootout(home: ReturnType<typeof taker>, away: ReturnType<typeof taker>, seed = 1) {
  return runMatch(defaultConfig({ seed, halfTicks: 20, shootout: true, homeName: 'H', awayName: 'A' }), [home, away]);
}

describe('penalty shoot-out', () => {
  it('ends early once one side cannot catch up', () => {
    const r = shootout(taker(() => 1.5), taker(() => 12));
    expect(r.endReason).toBe('shootout');
    expect(r.shootout).toEqual([3, 0]);
    expect(r.winner).toBe('home');
    const kicks = r.events.filter((e) => e.type === 'shootout_kick');
    expect(kicks).toHaveLength(6);
  });

  it('goes to sudden death after five each, and ends on the first unequal pair', () => {
    // Away misses its seventh kick; both score everything before.
    const r = shootout(taker(() => 1.5), taker((k) => (k === 6 ? 12 : -1.5)));
    const kicks = r.events.filter((e) => e.type === 'shootout_kick');
    expect(kicks).toHaveLength(14);
    expect(r.shootout).toEqual([7, 6]);
    expect(r.winner).toBe('home');
  });

  it('alternates ABAB and nobody kicks twice before every eligible team-mate has kicked', () => {
    const r = shootout(taker(() => 1.5), taker(() => -1.5));
    const kicks = r.events.filter((e) => e.type === 'shootout_kick');
    expect(kicks.length).toBeGreaterThanOrEqual(24);
    for (let i = 1; i < kicks.length; i++) expect(kicks[i]!.team).not.toBe(kicks[i - 1]!.team);
    const homeKickers = kicks.filter((e) => e.team === 0).map((e) => e.player % 11);
    expect(homeKickers.slice(0, 11)).toEqual([...SHOOTOUT.kickerOrder]);
    expect(new Set(homeKickers.slice(0, 11)).size).toBe(11);
    expect(homeKickers[11]).toBe(SHOOTOUT.kickerOrder[0]);
  });

  it('decides by the counting rule', () => {
    expect(decided([3, 0], [3, 3])).toBe(true);
    expect(decided([3, 1], [3, 3])).toBe(false);
    expect(decided([5, 4], [5, 5])).toBe(true);
    expect(decided([5, 5], [5, 5])).toBe(false);
    expect(decided([6, 5], [6, 5])).toBe(false);
    expect(decided([6, 5], [6, 6])).toBe(true);
  });
});

describe('a shoot-out nobody misses', () => {
  it('is settled by a seeded lot at the kick cap, so a match always ends', () => {
    const a = shootout(taker(() => 0), taker(() => 0), 3);
    const b = shootout(taker(() => 0), taker(() => 0), 3);
    expect(a.endReason).toBe('shootout_lot');
    expect(a.shootout).toEqual([SHOOTOUT.maxKicks, SHOOTOUT.maxKicks]);
    expect(['home', 'away']).toContain(a.winner);
    expect(a.events.filter((e) => e.type === 'shootout_lot')).toHaveLength(1);
    expect(b.winner).toBe(a.winner);
    expect(b.hash).toBe(a.hash);
  });
});
