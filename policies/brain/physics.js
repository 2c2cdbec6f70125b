// The reference brain, part 1: the engine's physics as a policy must know it (ball flight, roll, running).
import { DT as TICK, FOULS, KICK, PHYS, PITCH, RULES } from '../../engine/constants.js';

/** @typedef {import('./types.js').PlayerView} PlayerView */

// ---------------------------------------------------------------------------------------------
// Physics a policy must know (docs/RULES.md lists them; only some are in obs.info.physics).
// ---------------------------------------------------------------------------------------------
// The engine's own numbers (engine/constants.ts: policies/brain/generate.ts writes their values in).
export const DT = TICK; // seconds per tick
export const ROLL_DECEL = PHYS.rollDecel; // m/s^2, constant rolling loss on grass
export const ROLL_DRAG = PHYS.rollDrag; // 1/s, speed-proportional rolling loss
export const AIR_DRAG = PHYS.airDrag; // 1/m, quadratic air drag
export const GRAVITY = PHYS.gravity; // m/s^2
export const BALL_R = PHYS.ballRadius; // m: a ball at rest on the grass has z = BALL_R
export const BOUNCE = PHYS.bounce;
export const BOUNCE_FRICTION = PHYS.bounceFriction;
export const SETTLE = PHYS.settleSpeed;
export const ACCEL = PHYS.acceleration; // m/s^2, player acceleration
export const DECEL = PHYS.deceleration; // m/s^2, player braking
export const RUN = PHYS.runSpeed; // m/s, top speed running
export const SPRINT = PHYS.sprintSpeed; // m/s, top speed sprinting
export const EXHAUSTED = PHYS.exhaustedSpeedFactor; // top speed factor at zero stamina
export const KICK_MAX_Z = PHYS.kickMaxHeight; // m, the highest ball a foot can play
export const KICK_NOISE_BASE = PHYS.kickNoiseBase; // a kick's direction noise, as a lateral fraction...
export const KICK_NOISE_POWER = PHYS.kickNoisePower; // ...growing with power squared
export const AWK_LOSS = KICK.awkSpeedLoss; // a kick at the edge of reach loses this fraction of its speed
export const HALF_L = PITCH.halfLength;
export const HALF_W = PITCH.halfWidth;
export const BOX_X = -PITCH.halfLength + PITCH.penaltyAreaDepth; // edge of our penalty area
export const BOX_Y = PITCH.penaltyAreaWidth / 2;
export const GOAL_Y = PITCH.goalWidth / 2; // the posts stand at y = +-GOAL_Y
export const RESTART_TICKS = RULES.restartTicks; // ticks a team has to take a restart
export const RECKLESS = FOULS.recklessSpeed - 0.1; // m/s, just under the speed that makes a foul tackle reckless (a yellow card)
// The brain's own numbers.
export const HORIZON = 40; // ticks of ball flight we look ahead

/** @param {{x:number,y:number}} a @param {{x:number,y:number}} b */
export function dist(a, b) {
  const dx = a.x - b.x;
  const dy = a.y - b.y;
  return Math.sqrt(dx * dx + dy * dy);
}

/** @param {number} v @param {number} lo @param {number} hi */
export function clamp(v, lo, hi) {
  return v < lo ? lo : v > hi ? hi : v;
}

/**
 * Where the ball will be over the next `n` ticks: the engine's own model of flight, bounce
 * and roll, replayed here so we can plan where to meet it. Returns flat arrays x, y, z.
 * @param {{x:number,y:number,z:number,vx:number,vy:number,vz:number}} b
 * @param {number} n
 */
export function simulateBall(b, n) {
  const xs = new Array(n + 1);
  const ys = new Array(n + 1);
  const zs = new Array(n + 1);
  let x = b.x, y = b.y, z = b.z, vx = b.vx, vy = b.vy, vz = b.vz;
  const r = BALL_R;
  xs[0] = x; ys[0] = y; zs[0] = z;
  for (let t = 1; t <= n; t++) {
    if (z > r + 1e-9 || vz > 0) {
      // In the air: a few substeps of drag and gravity, and a bounce on landing.
      for (let k = 0; k < 4; k++) {
        const h = DT / 4;
        const sp = Math.sqrt(vx * vx + vy * vy + vz * vz);
        const d = Math.max(0, 1 - AIR_DRAG * sp * h);
        vx *= d; vy *= d; vz = vz * d - GRAVITY * h;
        x += vx * h; y += vy * h; z += vz * h;
        if (z <= r) {
          z = r;
          if (-vz > SETTLE) { vz = -vz * BOUNCE; vx *= BOUNCE_FRICTION; vy *= BOUNCE_FRICTION; } else vz = 0;
        }
      }
    } else {
      const sp = Math.sqrt(vx * vx + vy * vy);
      if (sp > 0) {
        const loss = (ROLL_DECEL + ROLL_DRAG * sp) * DT;
        const f = sp > loss ? (sp - loss) / sp : 0;
        vx *= f; vy *= f;
      }
      x += vx * DT; y += vy * DT;
    }
    xs[t] = x; ys[t] = y; zs[t] = z;
  }
  return { xs, ys, zs };
}

/** Rolling distance from speed v to a stop, for v = 0, 0.5, 1, ... 30 m/s (filled once). */
export const ROLL = (() => {
  const table = [];
  for (let i = 0; i <= 60; i++) {
    let v = i * 0.5;
    let d = 0;
    while (v > 0) {
      const loss = (ROLL_DECEL + ROLL_DRAG * v) * DT;
      v = v > loss ? v - loss : 0;
      d += v * DT;
    }
    table.push(d);
  }
  return table;
})();

/** @param {number} v */
export function rollDistance(v) {
  const i = clamp(v * 2, 0, 59.999);
  const k = Math.floor(i);
  return ROLL[k] + (ROLL[k + 1] - ROLL[k]) * (i - k);
}

/** Kick speed (m/s) that rolls the ball `d` metres and still arrives at `arrive` m/s. */
export function groundSpeedFor(d, arrive) {
  const want = d + rollDistance(arrive);
  let lo = 0, hi = 30;
  for (let k = 0; k < 16; k++) {
    const mid = (lo + hi) / 2;
    if (rollDistance(mid) < want) lo = mid; else hi = mid;
  }
  return hi;
}

/** Top speed of a player right now (stamina lowers it). @param {PlayerView} p @param {boolean} sprint */
export function topSpeed(p, sprint) {
  return (sprint ? SPRINT : RUN) * (EXHAUSTED + (1 - EXHAUSTED) * p.stamina);
}

/**
 * Seconds player `p` needs to come within `reach` metres of point (x, y), accelerating from
 * its current velocity. Simple, and good enough to decide who gets to a ball first.
 * @param {PlayerView} p @param {number} x @param {number} y @param {number} reach
 */
export function timeTo(p, x, y, reach) {
  const dx = x - p.x;
  const dy = y - p.y;
  const d = Math.sqrt(dx * dx + dy * dy) - reach;
  if (d <= 0) return 0;
  const vmax = topSpeed(p, true);
  const along = (p.vx * dx + p.vy * dy) / (d + reach);
  const v0 = clamp(along, 0, vmax);
  // A player running the wrong way first has to stop.
  const turn = along < 0 ? -along / DECEL : 0;
  const tAcc = (vmax - v0) / ACCEL;
  const dAcc = v0 * tAcc + 0.5 * ACCEL * tAcc * tAcc;
  if (d <= dAcc) return turn + (-v0 + Math.sqrt(v0 * v0 + 2 * ACCEL * d)) / ACCEL;
  return turn + tAcc + (d - dAcc) / vmax;
}

/**
 * The first tick at which `p` can play the ball on its predicted path (z low enough),
 * or HORIZON + time to its resting place if never.
 * @param {PlayerView} p @param {{xs:number[],ys:number[],zs:number[]}} path @param {number} maxZ @param {number} reach
 */
export function interceptTick(p, path, maxZ, reach) {
  // A cheap test first, to spare most calls to timeTo: see runStride. Written out, not called: a
  // call costs a sandbox unit, and this loop runs 41 times for each of 22 players every tick.
  const stride = runStride(p);
  const skip = stride > 0 && reach >= 0;
  for (let t = 0; t <= HORIZON; t++) {
    if (path.zs[t] > maxZ) continue;
    if (skip) {
      const dx = path.xs[t] - p.x;
      const dy = path.ys[t] - p.y;
      const r = reach + stride * (t + 1) + 1e-6;
      if (dx * dx + dy * dy > r * r) continue;
    }
    if (timeTo(p, path.xs[t], path.ys[t], reach) <= (t + 1) * DT) return t;
  }
  return HORIZON + timeTo(p, path.xs[HORIZON], path.ys[HORIZON], reach) / DT;
}

/**
 * For cheap tests that spare calls to timeTo: how far `p` can run in one tick at most (widened by a
 * hair so rounding never matters), or -1 when its top speed is no sane number. timeTo is never below
 * (distance - reach) / top speed, so a point further than reach + stride * n + 1e-6 (compared
 * squared, without a square root) surely takes more than n ticks: a loop may skip that call knowing
 * its answer, and decides exactly as before. A NaN never skips.
 * @param {PlayerView} p
 */
export function runStride(p) {
  const vmax = topSpeed(p, true);
  return vmax > 0 && vmax < 100 ? vmax * DT * 1.000001 : -1;
}
