// The reference brain, part 6: taking our restarts.
import { HALF_L, RESTART_TICKS, dist, groundSpeedFor } from './physics.js';
import { read } from './read.js'; // for the JSDoc type ReturnType<typeof read>
import { bestPass, loftSpeedFor, powerFor, bestCross } from './on-ball.js';
import { STYLE } from './style.js';

/** @typedef {import('./types.js').Observation} Observation */
/** @typedef {import('./types.js').PlayerView} PlayerView */
/** @typedef {import('./types.js').PlayerCommand} PlayerCommand */
/** @typedef {import('./types.js').Vec2} Vec2 */

// ---------------------------------------------------------------------------------------------
// Restarts: kick-off, throw-ins, corners, goal kicks, free kicks, penalties, dropped balls.
// ---------------------------------------------------------------------------------------------

/** Our player who takes our current restart: the keeper for goal kicks, else the nearest outfielder. @param {Observation} obs */
export function restartTaker(obs) {
  const r = obs.restart;
  if (!r) return -1;
  if (r.kind === 'goal_kick' && !obs.own[0].sentOff) return 0;
  let best = -1, bd = Infinity;
  for (const p of obs.own) {
    if (p.sentOff || p.isGoalkeeper) continue;
    const d = dist(p, r.spot);
    if (d < bd) { bd = d; best = p.index; }
  }
  return best;
}

/** The taker's command: walk up behind the ball, wait for the team to set, then play it. @param {Observation} obs @param {ReturnType<typeof read>} m @param {PlayerView} p @returns {PlayerCommand} */
export function takeRestart(obs, m, p) {
  const r = obs.restart;
  if (!r) return {};
  const b = obs.ball;
  /** @type {{target: Vec2, power: number, lift: number}} */
  let kick;
  if (r.kind === 'penalty') {
    kick = penaltyKick(obs);
  } else if (r.kind === 'kickoff') {
    // Back to a midfielder: the kick-off only has to move the ball.
    const mate = obs.own[6].sentOff ? obs.own[2] : obs.own[6];
    kick = { target: { x: mate.x, y: mate.y }, power: powerFor(obs, p, groundSpeedFor(dist(b, mate), 4)), lift: 0 };
  } else if (r.kind === 'free_kick' && b.x > 25 && Math.abs(b.y) < 16) {
    // A direct free kick in range: a curling-free but firm shot over the wall, away from the keeper.
    const keeperY = obs.opponents[0].y;
    kick = { target: { x: HALF_L + 1, y: keeperY > 0 ? -2.6 : 2.6 }, power: 0.9, lift: 0.12 };
  } else if (r.kind === 'corner' && STYLE.crosses > 0) {
    const c = bestCross(obs, m);
    const t = c ? c.target : { x: 43, y: 0 };
    kick = { target: t, power: powerFor(obs, p, loftSpeedFor(dist(b, t))), lift: 0.5 };
  } else {
    const maxSpeed = r.kind === 'throw_in' ? 17 : 29;
    // While the referee still allows time, only a clearly safe pass will do: at a throw-in we wait
    // for a team-mate to get free (an opponent may stand 2 m off and intercepts anything
    // marginal); from a goal kick or a free kick we go long instead.
    const patient = r.ticksLeft > 45;
    const pass = bestPass(obs, m, p, patient ? 4 : 2);
    if (pass && pass.speed <= maxSpeed) kick = { target: pass.target, power: powerFor(obs, p, pass.speed), lift: pass.lift };
    else if (patient && r.kind === 'throw_in') return { moveTo: { x: b.x, y: b.y - Math.sign(b.y) * 0.5 } };
    else if (r.kind === 'throw_in') kick = { target: { x: b.x + 12, y: b.y * 0.6 }, power: 0.55, lift: 0 };
    else kick = { target: { x: Math.max(b.x + 30, 10), y: b.y * 0.5 }, power: 0.9, lift: 0.6 };
  }
  // Stand just behind the ball on the line of the kick, then strike.
  const dx = kick.target.x - b.x, dy = kick.target.y - b.y, d = Math.hypot(dx, dy) || 1;
  const spot = { x: b.x - (dx / d) * 0.5, y: b.y - (dy / d) * 0.5 };
  const waited = RESTART_TICKS - r.ticksLeft;
  // Kick-offs and penalties at once, throw-ins quickly (a team that kicks the ball out wants time), the rest once the team is set.
  const wait = r.kind === 'kickoff' || r.kind === 'penalty' ? 0 : r.kind === 'throw_in' ? Math.min(8, STYLE.restartWait) : STYLE.restartWait;
  const ready = dist(p, b) <= obs.info.physics.kickReach && waited >= wait;
  return ready ? { moveTo: spot, kick } : { moveTo: spot, sprint: dist(p, b) > 5 };
}

/** A penalty: firm and low, inside the post further from where the keeper stands. @param {Observation} obs */
export function penaltyKick(obs) {
  const k = obs.opponents[0];
  // The side is chosen from the seed and the score, so it is not the same every time.
  const pick = (obs.info.seed + obs.tick) % 2 === 0 ? 1 : -1;
  const side = Math.abs(k.y) > 0.3 ? (k.y > 0 ? -1 : 1) : pick;
  return { target: { x: HALF_L + 1, y: side * 2.7 }, power: 0.85, lift: 0.03 };
}
