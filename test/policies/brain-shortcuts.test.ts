// The brain's cheap tests before timeTo (interceptTick, judgePass) change no answer: each is held to the plain loop it replaced.
import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';

// Shapes the tests rely on (the brain is plain JavaScript).
interface Runner { x: number; y: number; vx: number; vy: number; stamina: number; index: number }
interface Path { xs: number[]; ys: number[]; zs: number[] }
interface Ball { x: number; y: number; z: number; vx: number; vy: number; vz: number }
interface Physics {
  DT: number;
  HORIZON: number;
  KICK_MAX_Z: number;
  simulateBall(b: Ball, n: number): Path;
  timeTo(p: Runner, x: number, y: number, reach: number): number;
  interceptTick(p: Runner, path: Path, maxZ: number, reach: number): number;
}
interface Judged { margin: number; at: { x: number; y: number } }
interface OnBall {
  judgePass(obs: { ball: Ball }, m: { reach: number; opp: Runner[] }, target: { x: number; y: number }, speed: number, lift: number, mate: Runner): Judged;
}

const P = (await import('../../policies/brain/physics.js' as string)) as Physics;
const O = (await import('../../policies/brain/on-ball.js' as string)) as OnBall;
const { DT, HORIZON } = P;

/** interceptTick as it was: timeTo at every tick of the path. */
function plainIntercept(p: Runner, path: Path, maxZ: number, reach: number): number {
  for (let t = 0; t <= HORIZON; t++) {
    if (path.zs[t]! > maxZ) continue;
    if (P.timeTo(p, path.xs[t]!, path.ys[t]!, reach) <= (t + 1) * DT) return t;
  }
  return HORIZON + P.timeTo(p, path.xs[HORIZON]!, path.ys[HORIZON]!, reach) / DT;
}

/** judgePass as it was: timeTo at every tick for the mate and every nearby opponent. */
function plainJudge(ball: Ball, reach: number, opp: Runner[], target: { x: number; y: number }, speed: number, lift: number, mate: Runner): Judged {
  const b = ball;
  const dx = target.x - b.x;
  const dy = target.y - b.y;
  const d = Math.sqrt(dx * dx + dy * dy) || 1;
  const q = Math.sqrt(1 + lift * lift);
  const vh = speed / q;
  const path = P.simulateBall({ x: b.x, y: b.y, z: Math.max(b.z, 0.11), vx: (dx / d) * vh, vy: (dy / d) * vh, vz: (speed * lift) / q }, HORIZON);
  let mateT = -1;
  for (let t = 1; t <= HORIZON; t++) {
    const x = path.xs[t]!, y = path.ys[t]!;
    if (Math.abs(x) > 52.5 || Math.abs(y) > 34) return { margin: -99, at: target };
    if (path.zs[t]! > 1.8) continue;
    if (P.timeTo(mate, x, y, reach * 0.7) <= (t + 1) * DT) { mateT = t; break; }
  }
  if (mateT < 0) return { margin: -99, at: target };
  let margin = 99;
  for (const o of opp) {
    const u = Math.min(Math.max(((o.x - b.x) * dx + (o.y - b.y) * dy) / (d * d), 0), 1.2);
    const near = Math.hypot(b.x + dx * u - o.x, b.y + dy * u - o.y);
    if (near > 3 + (mateT + 1) * DT * 8) continue;
    for (let t = 1; t <= mateT; t++) {
      if (path.zs[t]! > P.KICK_MAX_Z) continue;
      margin = Math.min(margin, P.timeTo(o, path.xs[t]!, path.ys[t]!, reach) / DT - t);
    }
  }
  return { margin, at: { x: path.xs[mateT]!, y: path.ys[mateT]! } };
}

function runner(rng: () => number, index: number, near: { x: number; y: number }, spread: number): Runner {
  // Stamina now and then out of its range, or NaN: the shortcut must stand aside, not guess.
  const odd = rng();
  const stamina = odd < 0.02 ? NaN : odd < 0.04 ? -3 : odd < 0.06 ? 40 : rng();
  return { x: near.x + (rng() - 0.5) * spread, y: near.y + (rng() - 0.5) * spread, vx: (rng() - 0.5) * 16, vy: (rng() - 0.5) * 16, stamina, index };
}

function ball(rng: () => number): Ball {
  const air = rng() < 0.3;
  return { x: (rng() - 0.5) * 100, y: (rng() - 0.5) * 64, z: air ? 0.11 + rng() * 3 : 0.11, vx: (rng() - 0.5) * 50, vy: (rng() - 0.5) * 40, vz: air ? (rng() - 0.3) * 12 : 0 };
}

describe('the brain\'s shortcuts before timeTo', () => {
  it('interceptTick gives the plain loop\'s answer, bit for bit', () => {
    const rng = seedrandom('intercept');
    let early = 0;
    for (let k = 0; k < 20_000; k++) {
      const b = ball(rng);
      const path = P.simulateBall(b, HORIZON);
      const p = runner(rng, 1, b, [2, 10, 40, 120][k % 4]!);
      const reach = [1, 0.8, 1.2, 0, -1][k % 5]!;
      const maxZ = k % 3 === 0 ? 1.8 : 2.6;
      const want = plainIntercept(p, path, maxZ, reach);
      expect(Object.is(P.interceptTick(p, path, maxZ, reach), want), `case ${k}`).toBe(true);
      if (want <= HORIZON) early++;
    }
    // Both outcomes were exercised: interceptions inside the horizon and beyond it.
    expect(early).toBeGreaterThan(2000);
    expect(early).toBeLessThan(18_000);
  });

  it('judgePass gives the plain loops\' margin and meeting point, bit for bit', () => {
    const rng = seedrandom('judge');
    let judged = 0;
    for (let k = 0; k < 5_000; k++) {
      const b = { ...ball(rng), vx: 0, vy: 0, vz: 0, z: 0.11 };
      const mate = runner(rng, 2, b, 40);
      const opp = Array.from({ length: 11 }, (_, i) => runner(rng, 11 + i, b, [10, 30, 80][k % 3]!));
      const target = { x: mate.x + (rng() - 0.5) * 10, y: mate.y + (rng() - 0.5) * 10 };
      const speed = 8 + rng() * 22;
      const lift = k % 4 === 0 ? 0.55 : 0;
      const reach = k % 7 === 0 ? 0 : 1;
      const got = O.judgePass({ ball: b }, { reach, opp }, target, speed, lift, mate);
      const want = plainJudge(b, reach, opp, target, speed, lift, mate);
      expect(Object.is(got.margin, want.margin) && Object.is(got.at.x, want.at.x) && Object.is(got.at.y, want.at.y), `case ${k}`).toBe(true);
      if (want.margin !== -99) judged++;
    }
    // Most cases reached the opponents' loop, not only the early outs.
    expect(judged).toBeGreaterThan(1000);
  });
});
