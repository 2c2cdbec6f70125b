// Pins engine/observation.ts's decodeObservation (rewritten without per-call closures so fresh
// isolates compile it faster) to the decoder it replaced: the same objects, the same key order,
// on random flat observations that reach every branch and on every observation of a real match.
import { describe, expect, it } from 'vitest';
import type { TeamController } from '../../engine/controller.js';
import { runMatch } from '../../engine/match.js';
import * as L from '../../engine/obs-layout.js';
import { decodeObservation } from '../../engine/observation.js';
import type { GameMode, MatchInfo, Observation, Period, PlayerView } from '../../engine/policy.js';
import { defaultConfig } from '../../engine/setup.js';
import { MODES, PERIODS, TEAM_SIZE } from '../../engine/state.js';
import { INFO } from './harness.js';

/** The decoder as it was before the fourth performance round, verbatim but for its name. */
function referenceDecode(f: ArrayLike<number>, info: MatchInfo): Observation {
  const at = (i: number): number => f[i] ?? 0;
  const mode = (MODES[at(L.O_MODE)] ?? 'stopped') as GameMode;
  const restartOwn = at(L.O_RESTART_OWN);
  const players = (from: number): PlayerView[] => {
    const list: PlayerView[] = [];
    for (let k = 0; k < TEAM_SIZE; k++) {
      const o = L.O_PLAYERS + (from + k) * L.OP_STRIDE;
      list.push({
        index: k,
        number: k + 1,
        isGoalkeeper: k === 0,
        x: at(o),
        y: at(o + 1),
        vx: at(o + 2),
        vy: at(o + 3),
        stamina: at(o + 4),
        yellowCards: at(o + 5),
        sentOff: at(o + 6) === 1,
        holdingBall: at(o + 7) === 1,
      });
    }
    return list;
  };
  const touchSide = at(L.O_TOUCH_SIDE);
  return {
    tick: at(L.O_TICK),
    period: (PERIODS[at(L.O_PERIOD)] ?? 'finished') as Period,
    periodTick: at(L.O_PERIOD_TICK),
    periodTicks: at(L.O_PERIOD_TICKS),
    minute: at(L.O_MINUTE),
    mode,
    restart:
      restartOwn < 0 || mode === 'play' || mode === 'stopped'
        ? null
        : {
            kind: mode,
            team: restartOwn === 1 ? 'own' : 'opponent',
            spot: { x: at(L.O_RESTART_X), y: at(L.O_RESTART_Y) },
            minDistance: at(L.O_RESTART_DIST),
            ticksLeft: at(L.O_RESTART_LEFT),
          },
    score: { own: at(L.O_SCORE_OWN), opponent: at(L.O_SCORE_OPP) },
    ball: {
      x: at(L.O_BALL),
      y: at(L.O_BALL + 1),
      z: at(L.O_BALL + 2),
      vx: at(L.O_BALL + 3),
      vy: at(L.O_BALL + 4),
      vz: at(L.O_BALL + 5),
    },
    lastTouch: touchSide < 0 ? null : { team: touchSide === 0 ? 'own' : 'opponent', index: at(L.O_TOUCH_INDEX) },
    own: players(0),
    opponents: players(TEAM_SIZE),
    shootout:
      at(L.O_SHOOTOUT) === 1
        ? {
            own: at(L.O_SHOOTOUT + 1),
            opponent: at(L.O_SHOOTOUT + 2),
            ownKicks: at(L.O_SHOOTOUT + 3),
            opponentKicks: at(L.O_SHOOTOUT + 4),
            kicking: at(L.O_SHOOTOUT + 5) === 0 ? 'own' : 'opponent',
            kickerIndex: at(L.O_SHOOTOUT + 6),
          }
        : null,
    info,
  };
}

/** Same values and the same key order at every level (JSON text keeps the order; toEqual the values). */
function expectSame(f: ArrayLike<number>): void {
  const got = decodeObservation(f, INFO);
  const want = referenceDecode(f, INFO);
  expect(got).toEqual(want);
  expect(JSON.stringify(got)).toBe(JSON.stringify(want));
}

describe('decodeObservation', () => {
  it('gives the objects the previous decoder gave, on 3,000 random observations covering every branch', () => {
    let s = 12345;
    const rnd = (): number => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
    const pick = (xs: number[]): number => xs[Math.floor(rnd() * xs.length)] as number;
    for (let n = 0; n < 3000; n++) {
      const f = new Float64Array(L.OBS_LENGTH);
      for (let i = 0; i < f.length; i++) f[i] = rnd() < 0.2 ? pick([0, 1, -1]) : (rnd() - 0.5) * 200;
      f[L.O_MODE] = pick([...MODES.keys(), MODES.length, -1]);
      f[L.O_PERIOD] = pick([...PERIODS.keys(), PERIODS.length]);
      f[L.O_RESTART_OWN] = pick([-1, 0, 1]);
      f[L.O_TOUCH_SIDE] = pick([-1, 0, 1]);
      f[L.O_SHOOTOUT] = pick([0, 1, 2]);
      f[L.O_SHOOTOUT + 5] = pick([0, 1]);
      for (let k = 0; k < 2 * TEAM_SIZE; k++) {
        const o = L.O_PLAYERS + k * L.OP_STRIDE;
        f[o + 6] = pick([0, 1]);
        f[o + 7] = pick([0, 1]);
      }
      expectSame(f);
    }
    // A short array-like reads missing slots as 0 in both.
    expectSame([3, 1]);
  });

  it('gives the objects the previous decoder gave on every observation of a match', () => {
    let seen = 0;
    const team = (): TeamController => ({
      setup: () => ({ ok: true }),
      tick: (input) => {
        expectSame(input.flat);
        seen++;
        return undefined;
      },
    });
    runMatch(defaultConfig({ seed: 7, homeName: 'a', awayName: 'b', halfTicks: 200 }), [team(), team()]);
    expect(seen).toBeGreaterThanOrEqual(800);
  });
});
