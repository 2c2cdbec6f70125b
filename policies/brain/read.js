// The reference brain, part 2: what this tick's observation means (who gets to the ball first, the offside line).
import { HALF_L, BOX_X, BOX_Y, HORIZON, simulateBall, interceptTick } from './physics.js';

/** @typedef {import('./types.js').Observation} Observation */

// ---------------------------------------------------------------------------------------------
// The match, as this tick sees it.
// ---------------------------------------------------------------------------------------------

/**
 * Facts every decision below reads: who can reach the ball first, the offside line, and so on.
 * @param {Observation} obs
 */
export function read(obs) {
  const ball = obs.ball;
  const path = simulateBall(ball, HORIZON);
  const reach = obs.info.physics.kickReach;
  const own = obs.own.filter((p) => !p.sentOff);
  const opp = obs.opponents.filter((p) => !p.sentOff);
  /** @type {number[]} */
  const ownT = [];
  let first = -1;
  let firstT = Infinity;
  for (const p of obs.own) {
    if (p.sentOff) { ownT.push(Infinity); continue; }
    const t = interceptTick(p, path, 1.8, reach * 0.8);
    // The goalkeeper goes for loose balls only where it may use its hands.
    let tt = t;
    if (p.isGoalkeeper) {
      const ti = Math.min(Math.round(t), HORIZON);
      if (!inOwnBox(path.xs[ti], path.ys[ti], 1)) tt = Infinity;
    }
    ownT.push(tt);
    if (tt < firstT) { firstT = tt; first = p.index; }
  }
  let oppT = Infinity;
  let oppFirst = -1;
  for (const o of opp) {
    const t = interceptTick(o, path, 1.8, reach);
    if (t < oppT) { oppT = t; oppFirst = o.index; }
  }
  // The offside line: the second-last opponent (the goalkeeper counts), never behind halfway.
  const xsOpp = opp.map((o) => o.x).sort((a, b) => b - a);
  const offsideLine = Math.max(0, xsOpp[1] ?? 0);
  const keeperHolds = obs.opponents.some((o) => o.holdingBall);
  const weHold = obs.own.some((o) => o.holdingBall);
  // We are "in possession" when we will reach the ball first (or hold it in our hands).
  const ours = weHold || (!keeperHolds && firstT <= oppT);
  return { ball, path, reach, own, opp, ownT, first, firstT, oppT, oppFirst, offsideLine, ours };
}

/** True when (x, y) lies in our own penalty area, `margin` metres inside its lines. */
export function inOwnBox(x, y, margin) {
  return x < BOX_X - margin && x > -HALF_L && Math.abs(y) < BOX_Y - margin;
}

/** True when (x, y) lies in the opponents' penalty area. */
export function inTheirBox(x, y) {
  return x > -BOX_X && Math.abs(y) < BOX_Y;
}
