// counter-direct's addition: the first touch after winning the ball goes long, behind the opponents' last line.
import { HALF_L, clamp, dist } from '../physics.js';
import { read } from '../read.js'; // for the JSDoc type ReturnType<typeof read>
import { onTheBall as brainOnTheBall, powerFor, loftSpeedFor } from '../on-ball.js';
import { tick as brainTick } from '../tick.js';

/** @typedef {import('../types.js').Observation} Observation */
/** @typedef {import('../types.js').PlayerView} PlayerView */
/** @typedef {import('../types.js').PlayerCommand} PlayerCommand */

// ---------------------------------------------------------------------------------------------
// counter-direct: win it, play it long at once.
// ---------------------------------------------------------------------------------------------

/** The last tick the opponents touched the ball: the ball was won back after it. */
const lost = { tick: -99 };

/**
 * The player on the ball: within 15 ticks of winning it back in our own half, a lofted ball into
 * the channel behind their last line, toward our furthest forward who is not offside; else the brain's choice.
 * @param {Observation} obs @param {ReturnType<typeof read>} m @param {PlayerView} p @returns {PlayerCommand}
 */
export function onTheBall(obs, m, p) {
  const b = obs.ball;
  if (obs.tick - lost.tick < 15 && b.x < 5) {
    let front = null;
    for (const o of m.own) if (!o.isGoalkeeper && o.x < m.offsideLine && (!front || o.x > front.x)) front = o;
    if (front && front.x > b.x + 15) {
      const target = { x: Math.min(HALF_L - 8, m.offsideLine + 10), y: clamp(front.y, -26, 26) };
      lost.tick = -99;
      return { kick: { target, power: powerFor(obs, p, loftSpeedFor(dist(b, target))), lift: 0.5 } };
    }
  }
  return brainOnTheBall(obs, m, p);
}

/**
 * Remembers when they last touched the ball, then plays the brain's tick.
 * @param {Observation} obs @returns {PlayerCommand[]}
 */
export function tick(obs) {
  if (obs.tick === 0) lost.tick = -99;
  if (obs.lastTouch !== null && obs.lastTouch.team === 'opponent') lost.tick = obs.tick;
  return brainTick(obs);
}
