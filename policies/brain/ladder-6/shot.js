// ladder-6, addition 2: a shot model over the published kick noise and keeper reach, and the player on the ball that uses it.
import { HALF_L, KICK_NOISE_BASE, KICK_NOISE_POWER, AWK_LOSS, clamp, dist, timeTo } from '../physics.js';
import { read } from '../read.js'; // for the JSDoc type ReturnType<typeof read>
import { onTheBall as brainOnTheBall } from '../on-ball.js';
import { clearance } from './defend.js';
import { firstTime } from './first-time.js';
import { STYLE } from '../style.js';

/** @typedef {import('../types.js').Observation} Observation */
/** @typedef {import('../types.js').PlayerView} PlayerView */
/** @typedef {import('../types.js').PlayerCommand} PlayerCommand */

// ---------------------------------------------------------------------------------------------
// ladder-6: weighing a shot with the engine's published physics.
// ---------------------------------------------------------------------------------------------

/** Lateral errors (in standard deviations) and weights: a 5-point stand-in for the kick's normal noise. */
const GOAL_Y_IN = 3.45; // m: a ball centre inside this |y| crosses between the posts
const NOISE_Z = [-1.7, -0.85, 0, 0.85, 1.7];
const NOISE_W = [0.09, 0.24, 0.34, 0.24, 0.09];
/** Shoot when the model gives at least this chance of a goal (a shot that misses gives the ball away). */
const SHOT_CHANCE = 0.12;

/**
 * The chance that a shot from player `p` scores, for the best aim and power: the kick's noise
 * (RULES §2: it grows with power, the kicker's speed and the ball's distance from his feet)
 * spreads the ball around the aim; the keeper stops it if he can get there in time (and holds
 * a slower ball more often); an outfield player stops it if it passes at his feet on a tick.
 * Returns {aimY, power, p}.
 * @param {Observation} obs @param {ReturnType<typeof read>} m @param {PlayerView} p
 */
export function shotModel(obs, m, p) {
  const b = obs.ball;
  const kd = Math.min(1, dist(p, b) / m.reach);
  const ks = Math.hypot(p.vx, p.vy);
  const high = b.z - 0.11 > 0.5 ? b.z - 0.11 : 0;
  let keeper = null;
  for (const o of m.opp) if (o.isGoalkeeper) keeper = o;
  let best = { aimY: 0, power: 1, p: 0 };
  for (const power of [0.7, 0.85, 1]) {
    const sigma = KICK_NOISE_BASE + KICK_NOISE_POWER * power * power + 0.03 * ks / 8 + 0.05 * kd + 0.08 * high / 1.9;
    const v0 = power * 30 * (1 - AWK_LOSS * kd);
    for (const aimY of [-3.1, -2.5, -1.7, -0.8, 0, 0.8, 1.7, 2.5, 3.1]) {
      const dx = HALF_L - b.x;
      let total = 0;
      for (let k = 0; k < 5; k++) {
        // Where this kick crosses the goal line: the direction turned by the error.
        const ady = aimY - b.y;
        const D = Math.hypot(dx, ady);
        const ux = dx / D, uy = ady / D;
        const e = NOISE_Z[k] * sigma;
        let wx = ux - uy * e, wy = uy + ux * e;
        const wn = Math.hypot(wx, wy);
        wx /= wn; wy /= wn;
        if (wx <= 0.05) continue;
        const yEnd = b.y + wy * dx / wx;
        if (Math.abs(yEnd) > GOAL_Y_IN) continue;
        const len = dx / wx;
        let stop = 0;
        // Outfield players: one standing within a metre of the line at a tick plays it.
        for (const o of m.opp) {
          if (o.isGoalkeeper) continue;
          const rx = o.x - b.x, ry = o.y - b.y;
          const along = rx * wx + ry * wy;
          if (along < 1 || along > len) continue;
          const tB = along / (v0 * 0.92);
          const px = o.x + o.vx * Math.min(tB, 0.4), py = o.y + o.vy * Math.min(tB, 0.4);
          const perp = Math.abs((px - b.x) * wy - (py - b.y) * wx);
          const cover = perp < 0.6 ? 0.75 : perp < 1.3 ? 0.75 * (1.3 - perp) / 0.7 : 0;
          stop = stop + (1 - stop) * cover;
        }
        if (keeper) {
          // The ball rolls: constant deceleration is close enough over 30 m.
          const tB = len / (v0 * 0.9);
          const vEnd = Math.max(5, v0 - 3.2 * tB);
          // Where the keeper meets the line of the ball, about a metre off his goal line.
          const gx = HALF_L - 1.2, gy = b.y + wy * (gx - b.x) / wx;
          const tK = timeTo(keeper, gx, gy, 1.0) + 0.1;
          const late = tK - tB * (gx - b.x) / dx;
          const reachP = late < -0.15 ? 1 : late > 0.25 ? 0 : (0.25 - late) / 0.4;
          const hold = clamp(1.3 - vEnd / 35, 0.1, 1);
          stop = stop + (1 - stop) * reachP * (0.7 + 0.3 * hold);
        }
        total += NOISE_W[k] * (1 - stop);
      }
      if (total > best.p) best = { aimY, power, p: total };
    }
  }
  return best;
}

/**
 * The player on the ball: a shot when the model likes it (aimed and struck as the model says,
 * along the grass: a lofted ball slows in the air and is easier to hold), no risk near our own
 * goal (clearance), else the brain's choice, with any shot it takes aimed by the model.
 * @param {Observation} obs @param {ReturnType<typeof read>} m @param {PlayerView} p @returns {PlayerCommand}
 */
export function onTheBall(obs, m, p) {
  const b = obs.ball;
  const toGoal = dist(b, { x: HALF_L, y: 0 });
  const inRange = toGoal < STYLE.shootRange && Math.abs(b.y) < 22;
  const sm = inRange ? shotModel(obs, m, p) : null;
  if (sm && (toGoal < STYLE.closeRange || sm.p > SHOT_CHANCE)) {
    return { kick: { target: { x: HALF_L + 1, y: sm.aimY }, power: sm.power, lift: 0 } };
  }
  // The ball just won, against a team that goes long: in behind them at once.
  const quick = firstTime(obs, m, p);
  if (quick) return quick;
  const safe = clearance(obs, m, p);
  if (safe) return safe;
  const cmd = brainOnTheBall(obs, m, p);
  if (sm && cmd.kick && cmd.kick.target.x > HALF_L) cmd.kick = { target: { x: HALF_L + 1, y: sm.aimY }, power: sm.power, lift: 0 };
  return cmd;
}
