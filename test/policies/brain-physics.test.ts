// The reference brain's own predictions (ball flight, roll, kick speeds, running times) checked against the engine playing the same situation.
import { describe, expect, it } from 'vitest';
import { DT, PHYS } from '../../engine/constants.js';
import { applyKick } from '../../engine/kick.js';
import { stepBall } from '../../engine/physics/ball.js';
import { P_STAMINA, P_STRIDE, P_VX, P_VY, P_X, P_Y } from '../../engine/state.js';
import { scenario } from '../helpers/scenario.js';

// The brain is plain JavaScript (policies/brain/*.js, concatenated into the one-file styles), so
// TypeScript has no types for it: these are the shapes the tests rely on.
interface Ball { x: number; y: number; z: number; vx: number; vy: number; vz: number }
interface Runner { x: number; y: number; vx: number; vy: number; stamina: number }
interface Path { xs: number[]; ys: number[]; zs: number[] }
interface BrainPhysics {
  HORIZON: number;
  simulateBall(b: Ball, n: number): Path;
  rollDistance(v: number): number;
  groundSpeedFor(d: number, arrive: number): number;
  timeTo(p: Runner, x: number, y: number, reach: number): number;
  interceptTick(p: Runner, path: Path, maxZ: number, reach: number): number;
}
interface KickObs { ball: { x: number; y: number }; info: { physics: { kickReach: number; maxKickSpeed: number } } }
interface BrainOnBall {
  loftSpeedFor(d: number): number;
  powerFor(obs: KickObs, p: { x: number; y: number }, speed: number): number;
}

async function brain<T>(module: string): Promise<T> {
  const path = `../../policies/brain/${module}.js`;
  return (await import(path)) as T;
}
const B = await brain<BrainPhysics>('physics');
const onBall = await brain<BrainOnBall>('on-ball');

/** The engine's ball path from `b` over `n` ticks. */
function engineBall(b: Ball, n: number): Path {
  const s = new Float64Array([b.x, b.y, b.z, b.vx, b.vy, b.vz]);
  const path: Path = { xs: [b.x], ys: [b.y], zs: [b.z] };
  for (let t = 1; t <= n; t++) {
    stepBall(s);
    path.xs.push(s[0]!);
    path.ys.push(s[1]!);
    path.zs.push(s[2]!);
  }
  return path;
}

/** A kick of `speed` m/s with `lift` toward +x, as the engine launches it (horizontal speed speed/q, vertical speed*lift/q). */
function kicked(speed: number, lift: number, vy = 0): Ball {
  const q = Math.sqrt(1 + lift * lift);
  return { x: 0, y: 0, z: PHYS.ballRadius, vx: speed / q, vy, vz: (speed * lift) / q };
}

describe('the brain\'s ball flight', () => {
  const cases: [string, Ball][] = [
    ['a ground pass', kicked(15, 0, 3)],
    ['a hard ground ball', kicked(25, 0)],
    ['a lofted long ball', kicked(20, 0.55)],
    ['a rising shot', { x: 0, y: 0, z: PHYS.ballRadius, vx: 28, vy: 0, vz: 4 }],
    ['a dropping ball that bounces', { x: 0, y: 0, z: 3, vx: 10, vy: 0, vz: 0 }],
  ];
  for (const [name, ball] of cases) {
    it(`follows the engine's path for ${name} over its whole horizon`, () => {
      const brainPath = B.simulateBall(ball, B.HORIZON);
      const enginePath = engineBall(ball, B.HORIZON);
      for (let t = 0; t <= B.HORIZON; t++) {
        // The brain rolls in one step per tick where the engine takes substeps: a few centimetres a tick at most.
        const off = Math.hypot(brainPath.xs[t]! - enginePath.xs[t]!, brainPath.ys[t]! - enginePath.ys[t]!);
        expect(off, `tick ${t}: ${off.toFixed(3)} m apart`).toBeLessThan(0.02 * t + 0.01);
        expect(Math.abs(brainPath.zs[t]! - enginePath.zs[t]!), `tick ${t}: height`).toBeLessThan(0.25);
      }
    });
  }

  it('knows how far a ground ball rolls before it stops', () => {
    for (const v of [3, 8, 15, 25]) {
      const s = new Float64Array([0, 0, PHYS.ballRadius, v, 0, 0]);
      for (let t = 0; t < 2000 && s[3]! > 0; t++) stepBall(s);
      expect(B.rollDistance(v) / s[0]!, `${v} m/s`).toBeGreaterThan(0.98);
      expect(B.rollDistance(v) / s[0]!, `${v} m/s`).toBeLessThan(1.01);
    }
  });

  it('finds the ground-pass speed that arrives at the speed it asked for', () => {
    for (const [d, arrive] of [[10, 4], [20, 6], [30, 8], [40, 10]] as const) {
      const s = new Float64Array([0, 0, PHYS.ballRadius, B.groundSpeedFor(d, arrive), 0, 0]);
      for (let t = 0; t < 2000 && s[0]! < d; t++) stepBall(s);
      expect(Math.abs(s[3]! - arrive), `${d} m at ${arrive} m/s: arrived at ${s[3]!.toFixed(2)}`).toBeLessThan(0.3);
    }
  });

  it('finds the lofted-ball speed that first lands where it asked', () => {
    for (const d of [15, 20, 30, 40, 50]) {
      const k = kicked(onBall.loftSpeedFor(d), 0.55);
      const s = new Float64Array([k.x, k.y, k.z, k.vx, k.vy, k.vz]);
      let landing = NaN;
      for (let t = 0, vz = s[5]!; t < 200; t++, vz = s[5]!) {
        stepBall(s);
        // The first bounce: the vertical speed turns from down to up.
        if (vz < 0 && s[5]! >= 0) {
          landing = s[0]!;
          break;
        }
      }
      expect(Math.abs(landing - d) / d, `${d} m: landed at ${landing.toFixed(1)}`).toBeLessThan(0.05);
    }
  });
});

describe('the brain\'s kicks', () => {
  const reach = PHYS.kickReach;
  for (const [name, foot] of [['at the feet', 0.3], ['at the edge of reach', 0.9]] as const) {
    it(`asks for the power that gives the ball the speed it wants, ${name}`, () => {
      const sc = scenario(3);
      sc.clear();
      const obs: KickObs = { ball: { x: 0, y: 0 }, info: { physics: { kickReach: reach, maxKickSpeed: PHYS.maxKickSpeed } } };
      const kicker = { x: -foot, y: 0 };
      for (const want of [8, 15, 22]) {
        const power = onBall.powerFor(obs, kicker, want);
        let sum = 0;
        const n = 60;
        for (let k = 0; k < n; k++) {
          sc.put(5, kicker.x, kicker.y);
          sc.ball(0, 0);
          applyKick(sc.s, 5, 0, 1, { tx: 20, ty: 0, power, lift: 0.3, maxSpeed: PHYS.maxKickSpeed });
          const b = sc.s.ball;
          const vh = Math.hypot(b[3]!, b[4]!);
          // Lift sets the launch angle exactly, as judgePass assumes: noise turns and scales the kick, never tilts it.
          expect(b[5]! / vh).toBeCloseTo(0.3, 9);
          sum += Math.hypot(vh, b[5]!);
        }
        // The engine's speed noise averages out (6% of the speed at full power, per kick).
        expect(Math.abs(sum / n - want) / want, `${want} m/s ${name}`).toBeLessThan(0.02);
      }
    });
  }
});

describe('the brain\'s running times', () => {
  /** Ticks the engine takes to bring player 5, sprinting to (tx, ty), within `reach` of it. */
  function engineTime(p: Runner, tx: number, ty: number, reach: number): number {
    const sc = scenario(1);
    sc.clear();
    sc.put(5, p.x, p.y, p.vx, p.vy);
    sc.s.players[5 * P_STRIDE + P_STAMINA] = p.stamina;
    sc.ball(0, 30);
    for (let t = 0; t < 200; t++) {
      const [x, y] = sc.pos(5);
      if (Math.hypot(x - tx, y - ty) <= reach) return t * DT;
      sc.step({ 5: { moveTo: { x: tx, y: ty }, sprint: true } });
    }
    return Infinity;
  }

  const runs: [string, Runner, number, number][] = [
    ['5 m from a standing start', { x: 0, y: 0, vx: 0, vy: 0, stamina: 1 }, 5, 0],
    ['10 m from a standing start', { x: 0, y: 0, vx: 0, vy: 0, stamina: 1 }, 10, 0],
    ['30 m on a diagonal', { x: -10, y: 0, vx: 0, vy: 0, stamina: 1 }, 20, 5],
    ['15 m, already running that way', { x: 0, y: 0, vx: 6, vy: 0, stamina: 1 }, 15, 0],
    ['15 m, running the wrong way first', { x: 0, y: 0, vx: -6, vy: 0, stamina: 1 }, 15, 0],
    ['15 m, running across', { x: 0, y: 0, vx: 0, vy: 6, stamina: 1 }, 15, 0],
    ['20 m, tired', { x: 0, y: 0, vx: 0, vy: 0, stamina: 0.2 }, 20, 0],
  ];
  for (const [name, p, tx, ty] of runs) {
    it(`predicts the time to run ${name}, a little optimistically`, () => {
      const predicted = B.timeTo(p, tx, ty, 1);
      const actual = engineTime(p, tx, ty, 1);
      // The brain's model ignores the engine's braking on arrival and its turn, so the engine's
      // player is up to half a second later; he is never more than one tick earlier.
      expect(actual - predicted, `predicted ${predicted.toFixed(2)} s, engine ${actual.toFixed(2)} s`).toBeGreaterThan(-DT - 1e-9);
      expect(actual - predicted, `predicted ${predicted.toFixed(2)} s, engine ${actual.toFixed(2)} s`).toBeLessThan(0.5);
    });
  }
});

describe('the brain\'s interceptions', () => {
  /**
   * Player 5 chases the ball the brain's way: every tick it re-predicts the path and runs to where
   * it meets it. Returns the first tick at which the engine has the ball playable at its feet.
   */
  function chase(p: Runner, ball: Ball): number {
    const sc = scenario(1);
    sc.clear();
    sc.put(5, p.x, p.y, p.vx, p.vy);
    sc.ball(ball.x, ball.y, ball.z, ball.vx, ball.vy, ball.vz);
    for (let t = 0; t <= B.HORIZON; t++) {
      const o = 5 * P_STRIDE;
      const pl = sc.s.players;
      const b = sc.s.ball;
      const me = { x: pl[o + P_X]!, y: pl[o + P_Y]!, vx: pl[o + P_VX]!, vy: pl[o + P_VY]!, stamina: 1 };
      if (Math.hypot(me.x - b[0]!, me.y - b[1]!) <= PHYS.kickReach && b[2]! < PHYS.kickMaxHeight) return t;
      const path = B.simulateBall({ x: b[0]!, y: b[1]!, z: b[2]!, vx: b[3]!, vy: b[4]!, vz: b[5]! }, B.HORIZON);
      const at = Math.min(Math.round(B.interceptTick(me, path, 1.8, 0.8 * PHYS.kickReach)), B.HORIZON);
      sc.step({ 5: { moveTo: { x: path.xs[at]!, y: path.ys[at]! }, sprint: true } });
    }
    return Infinity;
  }
  const still = (x: number, y: number): Runner => ({ x, y, vx: 0, vy: 0, stamina: 1 });

  const cases: [string, Runner, Ball][] = [
    ['a ball rolling at the player', still(20, 0), { x: 0, y: 0, z: PHYS.ballRadius, vx: 10, vy: 0, vz: 0 }],
    ['a ball rolling across, well ahead of him', still(10, 5), { x: -10, y: 0, z: PHYS.ballRadius, vx: 12, vy: 2, vz: 0 }],
    ['a lofted ball dropping near him', still(25, 5), { x: 0, y: 0, z: PHYS.ballRadius, vx: 15, vy: 0, vz: 8 }],
    ['a slow ball running away from him', still(0, 0), { x: 3, y: 3, z: PHYS.ballRadius, vx: 3, vy: 4, vz: 0 }],
  ];
  for (const [name, p, ball] of cases) {
    it(`predicts when a player gets to ${name}`, () => {
      const path = B.simulateBall(ball, B.HORIZON);
      const predicted = B.interceptTick(p, path, 1.8, 0.8 * PHYS.kickReach);
      const actual = chase(p, ball);
      // As with running times: the engine's player is a few ticks later than predicted, never earlier.
      expect(actual - predicted, `predicted tick ${predicted}, engine ${actual}`).toBeGreaterThanOrEqual(0);
      expect(actual - predicted, `predicted tick ${predicted}, engine ${actual}`).toBeLessThanOrEqual(5);
    });
  }

  it('knows when a ball is out of a player\'s reach within its horizon', () => {
    const p = still(40, 30);
    const ball = { x: -10, y: 0, z: PHYS.ballRadius, vx: 5, vy: 0, vz: 0 };
    expect(B.interceptTick(p, B.simulateBall(ball, B.HORIZON), 1.8, 0.8 * PHYS.kickReach)).toBeGreaterThan(B.HORIZON);
    expect(chase(p, ball)).toBe(Infinity);
  });
});
