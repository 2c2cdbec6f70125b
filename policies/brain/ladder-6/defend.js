// ladder-6, addition 3: no risks in front of our own goal: a safe pass or a clearance on the ball, and a keeper who clears a shot he would likely parry.
import { BOX_X, BOX_Y, HALF_L, HORIZON, clamp, dist, interceptTick } from '../physics.js';
import { read } from '../read.js'; // for the JSDoc type ReturnType<typeof read>
import { bestPass, powerFor } from '../on-ball.js';
import { keeper as brainKeeper, lineCrossing } from '../keeper.js';
import { STYLE } from '../style.js';

/** @typedef {import('../types.js').Observation} Observation */
/** @typedef {import('../types.js').PlayerView} PlayerView */
/** @typedef {import('../types.js').PlayerCommand} PlayerCommand */

// ---------------------------------------------------------------------------------------------
// ladder-6: no risks in front of our own goal.
// ---------------------------------------------------------------------------------------------

/** Our danger zone: the ball nearer our goal line than this x, with an opponent within DANGER_NEAR metres of it. */
const DANGER_X = -28;
const DANGER_NEAR = 7;
/** The keeper catches a ball he holds at least this often; a harder one he kicks away (see keeper). */
const KEEPER_HOLD = 0.85;

/**
 * Goals conceded against direct and gegenpress came mostly from a defender near our box taking a
 * touch (a dribble, a trap, a short pass) with a forward close by: the kick then cools down for a
 * few ticks, the ball rolls off his foot, and the forward scores. So in the danger zone the
 * player on the ball plays a pass only when it is safe by the full margin and goes forward, and
 * otherwise clears the ball high and wide at once. Returns null outside the danger zone.
 * @param {Observation} obs @param {ReturnType<typeof read>} m @param {PlayerView} p @returns {PlayerCommand | null}
 */
export function clearance(obs, m, p) {
  const b = obs.ball;
  if (b.x > DANGER_X) return null;
  let nearest = 99;
  for (const o of m.opp) nearest = Math.min(nearest, dist(o, b));
  if (nearest > DANGER_NEAR) return null;
  const pass = bestPass(obs, m, p, STYLE.passSafety);
  if (pass && pass.target.x > b.x + 5) return { kick: { target: pass.target, power: powerFor(obs, p, pass.speed), lift: pass.lift } };
  // High and wide, toward the touchline on the ball's side, well up the pitch.
  const side = b.y >= 0 ? 1 : -1;
  return { kick: { target: { x: b.x + 40, y: side * clamp(Math.abs(b.y) + 18, 20, 30) }, power: 0.9, lift: 0.6 } };
}

/**
 * The goalkeeper: the brain's, except against a fast ball. A catch fails more often the faster
 * the ball and the further it is from his hands (RULES §3: min(1, max(0.1, 1.3 - speed / 35)),
 * halved at full stretch), and a failed catch is a parry: the ball drops near goal, the keeper
 * cannot play it for 5 ticks, and a forward following in scores. Most goals against the long-ball
 * teams came that way. So when the catch is more likely than not to fail and the ball is at his
 * feet, he kicks it high and wide instead: a kick always plays the ball.
 * @param {Observation} obs @param {ReturnType<typeof read>} m @param {PlayerView} p @returns {PlayerCommand}
 */
export function keeper(obs, m, p) {
  const cmd = brainKeeper(obs, m, p);
  const b = obs.ball;
  // A shot coming at goal: stand where the ball will be at a tick, not where it crosses the line.
  // The catch is judged with the ball where a tick's observation shows it (it moves 2-3 m between
  // ticks), so a keeper waiting on the line meets it at a random distance up to his reach, often at
  // full stretch; one who is at a point of its path when it gets there meets it at his hands.
  if (!p.holdingBall && obs.mode === 'play' && b.vx < -5 && lineCrossing(m.path)) {
    const k = interceptTick(p, m.path, obs.info.physics.catchMaxHeight - 0.2, 0.2);
    if (k <= HORIZON && k >= 1) {
      const x = m.path.xs[k], y = m.path.ys[k];
      if (x > -HALF_L + 0.3 && x < BOX_X - 1 && Math.abs(y) < BOX_Y - 1) cmd.moveTo = { x, y };
    }
  }
  // A high ball dropping into our box (a cross, a long ball): only his hands can play it above
  // kickMaxHeight, so he claims it where he can reach its path in time, before it drops to their forwards.
  const theirs = obs.lastTouch !== null && obs.lastTouch.team === 'opponent';
  if (!p.holdingBall && obs.mode === 'play' && theirs && (b.z > 1.5 || b.vz > 2)) {
    const k = interceptTick(p, m.path, obs.info.physics.catchMaxHeight - 0.2, 0.5);
    if (k <= HORIZON && k <= m.oppT + 1) {
      const x = m.path.xs[k], y = m.path.ys[k];
      if (x < BOX_X - 3 && x > -HALF_L + 0.3 && Math.abs(y) < BOX_Y - 4) cmd.moveTo = { x, y };
    }
  }
  if (!cmd.catch) return cmd;
  const d = dist(p, b);
  const speed = Math.hypot(b.vx, b.vy, b.vz);
  const dive = clamp((d - 0.8) / 0.4, 0, 1);
  const hold = Math.min(1, Math.max(0.1, 1.3 - speed / 35)) * (1 - 0.5 * dive);
  if (hold >= KEEPER_HOLD || d > obs.info.physics.kickReach * 0.95 || b.z > obs.info.physics.kickMaxHeight - 0.1) return cmd;
  const side = b.y >= 0 ? 1 : -1;
  return { moveTo: cmd.moveTo, kick: { target: { x: b.x + 30, y: side * 30 }, power: 0.9, lift: 0.6 } };
}
