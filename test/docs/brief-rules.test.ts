// Holds the brief's answers on restarts, reach, the ball's contact, kick-off goals, the shoot-out's time
// limit and team names against the engine: each test plays the situation the docs describe.
import { describe, expect, it } from 'vitest';
import { inProcessController } from '../../engine/inprocess.js';
import { runMatch } from '../../engine/match.js';
import { decodeObservation, matchInfo, writeObservation } from '../../engine/observation.js';
import { OBS_LENGTH } from '../../engine/obs-layout.js';
import type { Observation, PlayerCommand } from '../../engine/policy.js';
import { beginRestart } from '../../engine/referee/restarts.js';
import { createMatch, defaultConfig } from '../../engine/setup.js';
import { MODES, M_CORNER, M_DROPPED, M_FREE_KICK, M_GOAL_KICK, M_INDIRECT, M_KICKOFF, M_PENALTY, M_THROW_IN } from '../../engine/state.js';
import { resolveTeam } from '../../policies/builtins.js';
import { teamName } from '../../tournament/config.js';
import { policy } from '../helpers/match.js';
import { scenario } from '../helpers/scenario.js';
import { ballAfter, doc } from './brief.js';
import { ROOT } from './render.js';

describe('restart.minDistance (RULES.md §4)', () => {
  it('is the distance the referee keeps the opponents at, for every restart', () => {
    const spot = { [M_KICKOFF]: [0, 0] } as Record<number, [number, number]>;
    for (const mode of [M_KICKOFF, M_THROW_IN, M_CORNER, M_GOAL_KICK, M_FREE_KICK, M_INDIRECT, M_PENALTY, M_DROPPED]) {
      const sc = scenario(1);
      sc.clear();
      const [x, y] = spot[mode] ?? [5, 5];
      beginRestart(sc.s, mode, 0, x, y);
      const buf = new Float64Array(OBS_LENGTH);
      writeObservation(sc.s, 1, buf);
      const seen = decodeObservation(buf, matchInfo(sc.s, 1)).restart!;
      const name = MODES[mode]!;
      expect(seen.kind).toBe(name);
      // The number the docs print for this restart.
      expect(seen.minDistance, name).toBe(doc(`distance.${name}`));
      // An opponent standing next to the spot (inside its own half at a kick-off) is moved out to exactly that distance.
      sc.put(15, x + 0.3, y + 0.2);
      sc.step();
      const [px, py] = sc.pos(15);
      expect(Math.hypot(px - x, py - y), name).toBeCloseTo(seen.minDistance, 9);
    }
  });
});

describe('reach and contact (RULES.md §1, one tick; §2)', () => {
  const reach = doc('PHYS.kickReach');

  it('judges reach only at ticks: a ball faster than reachSkipSpeed can pass a willing kicker untouched', () => {
    for (const [start, kicked] of [[-1.3, false], [-0.9, true]] as const) {
      const sc = scenario(1);
      sc.clear();
      sc.ball(start * reach, 0, doc('PHYS.ballRadius'), doc('derived.reachSkipSpeed') + 5, 0, 0);
      for (let t = 0; t < 3; t++) {
        sc.put(9, 0, 0);
        sc.step({ 9: { kick: { target: { x: 0, y: 30 }, power: 0.5 } } });
      }
      expect(sc.s.lastTouchPlayer === 9, `ball from ${start} m`).toBe(kicked);
      if (!kicked) expect(sc.s.ball[0]!).toBeGreaterThan(reach);
    }
  });

  it('lets the ball pass through bodies: players in its path change nothing', () => {
    const sc = scenario(1);
    sc.clear();
    for (const [i, x] of [[9, 2], [10, 3.5], [15, 5], [16, 6.2]] as const) sc.put(i, x, 0.1);
    sc.ball(0, 0, doc('PHYS.ballRadius'), 10, 0, 0);
    let free: Float64Array = Float64Array.from(sc.s.ball);
    for (let t = 0; t < 10; t++) {
      sc.step();
      free = ballAfter(free, free[3]!, free[4]!, free[5]!);
      expect(Array.from(sc.s.ball)).toEqual(Array.from(free));
    }
    expect(sc.s.ball[0]!).toBeGreaterThan(6.2);
  });
});

describe('a goal straight from a kick-off (RULES.md §4)', () => {
  it('counts: a kick-off kicked into the goal untouched is a goal', () => {
    let goals = 0;
    for (let seed = 1; seed <= 20; seed++) {
      const sc = scenario(seed);
      sc.clear();
      beginRestart(sc.s, M_KICKOFF, 0, 0, 0);
      sc.put(10, -0.3, 0);
      sc.step({ 10: { kick: { target: { x: doc('PITCH.halfLength'), y: 0 }, power: 1 } } });
      for (let t = 0; t < 60 && !sc.events.includes('goal') && sc.s.mode !== M_GOAL_KICK; t++) sc.step();
      if (!sc.events.includes('goal')) continue;
      goals++;
      expect(sc.events).not.toContain('no_goal');
      expect([sc.s.lastTouchTeam, sc.s.lastTouchPlayer]).toEqual([0, 10]);
      expect(sc.s.score).toEqual([1, 0]);
    }
    expect(goals).toBeGreaterThan(0);
  });
});

describe('the shoot-out\'s time limit (RULES.md §8)', () => {
  /**
   * Takes its first kick sideways and slowly, on the tick when restart.ticksLeft is `at` (null: never,
   * so the referee shoots); later kicks go at once, into the goal (`scores`) or wide, to end the shoot-out soon.
   */
  function waiter(at: number | null, scores: boolean) {
    return inProcessController({
      tick(obs: Observation) {
        const so = obs.shootout;
        const cmds: PlayerCommand[] = [];
        if (!so || so.kicking !== 'own') return cmds;
        const b = obs.ball;
        const first = so.ownKicks === 0;
        const kick = first ? at !== null && obs.restart?.ticksLeft === at : true;
        const target = first ? { x: b.x, y: b.y + 30 } : { x: obs.info.pitch.length / 2 + 1, y: scores ? 0 : 15 };
        cmds[so.kickerIndex] = { moveTo: { x: b.x, y: b.y }, ...(kick ? { kick: { target, power: first ? 0.25 : 0.8 } } : {}) };
        return cmds;
      },
    });
  }

  function kicks(home: number | null, away: number | null) {
    const r = runMatch(defaultConfig({ seed: 2, halfTicks: 20, shootout: true, homeName: 'H', awayName: 'A' }), [waiter(home, true), waiter(away, false)]);
    const setUp = r.events.find((e) => e.type === 'shootout')!.tick;
    return { r, setUp, done: r.events.filter((e) => e.type === 'shootout_kick') };
  }

  it('counts restartTicks + liveTicks from the set-up of the kick, not from the strike', () => {
    const restart = doc('RULES.restartTicks');
    const limit = doc('derived.shootoutKickTicks');
    expect(limit).toBe(restart + doc('SHOOTOUT.liveTicks'));
    // Struck on the last tick the kicker has, or ten ticks earlier: over at the same tick either way.
    for (const at of [1, 11]) {
      const { setUp, done } = kicks(at, at);
      const first = done[0]!;
      expect(first.detail).toBe('missed');
      expect(first.tick - setUp, `struck with ${at} ticks left`).toBe(limit + 1);
      expect(done[1]!.tick - first.tick).toBe(limit + 1);
    }
  });

  it('has the referee shoot on the last of the kicker\'s restartTicks', () => {
    const { r, setUp } = kicks(null, null);
    const auto = r.events.find((e) => e.type === 'auto_restart' && e.tick > setUp)!;
    expect(auto.tick - setUp).toBe(doc('RULES.restartTicks'));
  });
});

describe('a team\'s name (POLICY_API.md §4)', () => {
  it('is the file name without its extension, the builtin\'s name, or the cup config\'s name', () => {
    expect(resolveTeam('policies/ladder/ladder-1.js', ROOT).name).toBe('ladder-1');
    expect(resolveTeam('builtin:ladder-5').name).toBe('ladder-5');
    expect(teamName({ id: 'blue', policy: 'builtin:direct' })).toBe('blue');
    expect(teamName({ id: 'blue', name: 'The Blues', policy: 'builtin:direct' })).toBe('The Blues');
    const info = matchInfo(createMatch(defaultConfig({ seed: 1, homeName: 'ladder-1', awayName: 'x' })), 0);
    expect(info.teamName).toBe('ladder-1');
  });

  it('keys the team\'s draws: the same seed under another name plays another match', async () => {
    const chaser = await policy('chaser');
    const hash = (home: string) =>
      runMatch(defaultConfig({ seed: 3, halfTicks: 150, homeName: home, awayName: 'other' }), [inProcessController(chaser), inProcessController(chaser)]).hash;
    expect(hash('my-team')).toBe(hash('my-team'));
    expect(hash('my-team')).not.toBe(hash('my-team-v2'));
  });
});
