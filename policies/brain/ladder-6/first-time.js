// ladder-6, addition 5: the ball won back goes long at once, behind their last line, against a team that goes long.
import { HALF_L, clamp, dist } from '../physics.js';
import { read } from '../read.js'; // for the JSDoc type ReturnType<typeof read>
import { powerFor, loftSpeedFor } from '../on-ball.js';

/** @typedef {import('../types.js').Observation} Observation */
/** @typedef {import('../types.js').PlayerView} PlayerView */
/** @typedef {import('../types.js').PlayerCommand} PlayerCommand */

// ---------------------------------------------------------------------------------------------
// ladder-6: the ball won back goes long at once.
// ---------------------------------------------------------------------------------------------

/**
 * The window after their last touch in which a ball won goes long (ticks; 15 -> 25 -> 40 took ladder-6
 * against counter-direct from 1.69 to 1.82 to 1.93 points a match over 200 matches on seeds 101-200, 80
 * no further), how far ahead of the ball our furthest forward must be (m; 10 was worse), how far behind
 * their line the ball is aimed (m), and how far up the pitch the ball may be won (x; our half only, 5,
 * gave 1.88 and 2.46 against counter-direct and direct over 400 matches, up to 20 m into theirs 2.16 and 2.58).
 */
const FIRST_TIME = { ticks: 40, ahead: 15, behind: 10, fromX: 20 };
/** When they last touched the ball, and whether our read sees them going long (readOpponent sets it). */
const turn = { lostTick: -99, longTeam: false };

/** Forgets the last match: called from setup. */
export function resetTurn() {
  turn.lostTick = -99; turn.longTeam = false;
}

/** Whether our read sees a long-ball team: readOpponent says so every 300 ticks. @param {boolean} long */
export function setLongTeam(long) {
  turn.longTeam = long;
}

/** Remembers when they last touched the ball: called every tick. @param {Observation} obs */
export function noteTouch(obs) {
  if (obs.lastTouch !== null && obs.lastTouch.team === 'opponent') turn.lostTick = obs.tick;
}

/**
 * A team that goes long pushes its own line up to follow its long balls and leaves space behind it;
 * the moment it loses the ball its defenders are still out of shape. So within FIRST_TIME.ticks of their
 * last touch, a ball won in our half or up to 20 m into theirs goes at once into the channel behind their
 * last line, toward our furthest forward who is onside (counter-direct's own weapon, which beat ladder-6 with it).
 * It took ladder-6 from losing to counter-direct to beating it, and lifted it against direct too
 * (docs/LADDER.md has the figures). Returns null when it is not on.
 * @param {Observation} obs @param {ReturnType<typeof read>} m @param {PlayerView} p @returns {PlayerCommand | null}
 */
export function firstTime(obs, m, p) {
  const b = obs.ball;
  if (!turn.longTeam || obs.tick - turn.lostTick >= FIRST_TIME.ticks || b.x >= FIRST_TIME.fromX) return null;
  let front = null;
  for (const o of m.own) if (!o.isGoalkeeper && o.x < m.offsideLine && (!front || o.x > front.x)) front = o;
  if (!front || front.x <= b.x + FIRST_TIME.ahead) return null;
  const target = { x: Math.min(HALF_L - 8, m.offsideLine + FIRST_TIME.behind), y: clamp(front.y, -26, 26) };
  // Once per ball won: the next touch plays as usual.
  turn.lostTick = -99;
  return { kick: { target, power: powerFor(obs, p, loftSpeedFor(dist(b, target))), lift: 0.5 } };
}
