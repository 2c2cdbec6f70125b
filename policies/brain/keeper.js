// The reference brain, part 5: the goalkeeper.
import { HALF_L, BOX_X, BOX_Y, HORIZON, dist, clamp } from './physics.js';
import { inOwnBox, read } from './read.js'; // read: for the JSDoc type ReturnType<typeof read>
import { bestPass, powerFor } from './on-ball.js';
import { takeRestart } from './restarts.js';
import { STYLE } from './style.js';

/** @typedef {import('./types.js').Observation} Observation */
/** @typedef {import('./types.js').PlayerView} PlayerView */
/** @typedef {import('./types.js').PlayerCommand} PlayerCommand */

// ---------------------------------------------------------------------------------------------
// The goalkeeper.
// ---------------------------------------------------------------------------------------------

/** Per side (home/away), ticks the keeper has held the ball: the law allows 60. */
export const held = { home: 0, away: 0 };

/** @param {Observation} obs @param {ReturnType<typeof read>} m @param {PlayerView} p @returns {PlayerCommand} */
export function keeper(obs, m, p) {
  const b = obs.ball;
  const side = obs.info.side;
  if (p.holdingBall) {
    held[side]++;
    // Let the team spread out for a moment, then throw (or kick) it to a free man; never past ~45 ticks.
    const wait = held[side] < 12;
    const pass = wait ? null : bestPass(obs, m, p, held[side] > 35 ? 2 : STYLE.passSafety + 2);
    const stay = { x: clamp(p.x, -HALF_L + 1, BOX_X - 2), y: clamp(p.y, -BOX_Y + 2, BOX_Y - 2) };
    if (pass) {
      const speed = pass.lift > 0 ? pass.speed : Math.min(pass.speed, 18);
      return { kick: { target: pass.target, power: clamp(speed / 30, 0, 1), lift: pass.lift }, moveTo: stay };
    }
    if (held[side] > 45) return { kick: { target: { x: 10, y: b.y >= 0 ? 22 : -22 }, power: 0.95, lift: 0.6 }, moveTo: stay };
    return { moveTo: stay };
  }
  held[side] = 0;
  const r = obs.restart;
  // Our goal kick: the keeper takes it.
  if (r && r.team === 'own' && r.kind === 'goal_kick') return takeRestart(obs, m, p);
  const near = dist(p, b) <= obs.info.physics.kickReach;
  // A ball we may not handle (a team-mate kicked it to us) or outside the box: play it with the feet.
  const backPass = obs.lastTouch !== null && obs.lastTouch.team === 'own' && obs.lastTouch.index !== 0;
  const canCatch = obs.mode === 'play' && !backPass && inOwnBox(b.x, b.y, 0.3) && b.z < 2.5;
  /** @type {PlayerCommand} */
  const cmd = { moveTo: guardSpot(obs, m), sprint: true };
  // A shot or loose ball coming into the box: go to meet it.
  if (obs.mode === 'play' && m.first === 0) {
    const t = Math.min(Math.round(m.ownT[0]), HORIZON);
    cmd.moveTo = { x: m.path.xs[t], y: m.path.ys[t] };
  } else if (obs.mode === 'play' && b.vx < -5) {
    const cross = lineCrossing(m.path);
    if (cross) cmd.moveTo = cross;
  }
  if (canCatch && dist(p, b) <= obs.info.physics.catchReach) cmd.catch = true;
  if (near && !cmd.catch) {
    const pass = bestPass(obs, m, p, STYLE.passSafety + 3);
    cmd.kick = pass
      ? { target: pass.target, power: powerFor(obs, p, pass.speed), lift: pass.lift }
      : { target: { x: b.x + 30, y: b.y >= 0 ? 30 : -30 }, power: 0.9, lift: 0.6 };
  }
  // Stay within the box (carrying or catching outside it is a handling offence; off the line is fine).
  if (cmd.moveTo) cmd.moveTo = { x: clamp(cmd.moveTo.x, -HALF_L + 0.3, BOX_X - 1), y: clamp(cmd.moveTo.y, -BOX_Y + 1, BOX_Y - 1) };
  return cmd;
}

/** Where the predicted ball path crosses near our goal mouth, if it does. @param {{xs:number[],ys:number[],zs:number[]}} path */
export function lineCrossing(path) {
  for (let t = 1; t <= HORIZON; t++) {
    if (path.xs[t] < -HALF_L + 1.2) {
      if (Math.abs(path.ys[t]) < 5.5 && path.zs[t] < 3) return { x: -HALF_L + 0.8, y: path.ys[t] };
      return null;
    }
  }
  return null;
}

/** The keeper's spot: on the line from the goal centre to the ball, further out as the ball comes closer. @param {Observation} obs @param {ReturnType<typeof read>} m */
export function guardSpot(obs, m) {
  const b = obs.ball;
  const gx = b.x + HALF_L, gy = b.y;
  const d = Math.hypot(gx, gy) || 1;
  const out = d < 20 ? 1.5 : d < 40 ? 2.5 : 4;
  return { x: -HALF_L + (gx / d) * out, y: clamp((gy / d) * out, -2.8, 2.8) };
}
