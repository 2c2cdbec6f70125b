// The reference brain, part 8: the tick, every player's command (the policy's exported setup and tick).
import { HALF_L, RECKLESS, HORIZON, dist, clamp } from './physics.js';
import { read, inOwnBox } from './read.js';
import { onTheBall } from './on-ball.js';
import { shapeSpot, findSpace, marking } from './off-ball.js';
import { held, keeper } from './keeper.js';
import { restartTaker, takeRestart } from './restarts.js';
import { shootout } from './shootout.js';
import { STYLE } from './style.js';

/** @typedef {import('./types.js').Observation} Observation */
/** @typedef {import('./types.js').PlayerView} PlayerView */
/** @typedef {import('./types.js').PlayerCommand} PlayerCommand */
/** @typedef {import('./types.js').Vec2} Vec2 */

// ---------------------------------------------------------------------------------------------
// The tick: every player's command.
// ---------------------------------------------------------------------------------------------

/** @param {import('../../engine/policy').MatchInfo} info */
export function setup(info) {
  held[info.side] = 0;
}

/** @param {Observation} obs @returns {PlayerCommand[]} */
export function tick(obs) {
  if (obs.period === 'shootout') return shootout(obs);
  const m = read(obs);
  const b = obs.ball;
  const r = obs.restart;
  const ourRestart = r !== null && r.team === 'own';
  const theirRestart = r !== null && r.team === 'opponent';
  const attacking = ourRestart || (!theirRestart && m.ours) || obs.own.some((p) => p.holdingBall);
  const taker = ourRestart ? restartTaker(obs) : -1;

  // Pressing: when they have the ball, the first man goes, and in the press zone up to STYLE.pressers.
  /** @type {Set<number>} */
  const pressers = new Set();
  if (obs.mode === 'play' && !attacking) {
    const order = m.own
      .filter((p) => !p.isGoalkeeper)
      .map((p) => ({ i: p.index, d: dist(p, b) }))
      .sort((a, c) => a.d - c.d);
    const n = b.x > STYLE.pressFrom ? STYLE.pressers : 1;
    for (const e of order.slice(0, n)) pressers.add(e.i);
  }

  // Zones for marking, then the marking assignment.
  /** @type {Map<number, Vec2>} */
  const zones = new Map();
  for (const p of m.own) {
    if (p.isGoalkeeper || pressers.has(p.index) || p.index === m.first || p.index === taker) continue;
    zones.set(p.index, shapeSpot(obs, m, p.index, attacking));
  }
  const marks = attacking || obs.mode === 'stopped' ? new Map() : marking(obs, m, zones);

  /** @type {PlayerCommand[]} */
  const cmds = [];
  for (const p of obs.own) {
    if (p.sentOff) { cmds.push({}); continue; }
    if (obs.mode === 'stopped' || r?.kind === 'kickoff' && p.index !== taker) {
      // Kick-off positions: our shape, all in our own half.
      const s = shapeSpot({ ...obs, ball: { ...b, x: 0, y: 0 } }, m, p.index, ourRestart);
      cmds.push({ moveTo: { x: Math.min(s.x, -1), y: s.y } });
      continue;
    }
    if (p.isGoalkeeper) { cmds.push(keeper(obs, m, p)); continue; }
    if (p.index === taker) { cmds.push(takeRestart(obs, m, p)); continue; }
    if (r !== null) {
      // Someone else's restart: take up the shape (the referee keeps us at the right distance).
      const spot = marks.get(p.index) ?? zones.get(p.index) ?? shapeSpot(obs, m, p.index, attacking);
      cmds.push({ moveTo: attacking ? findSpace(m, spot) : spot });
      continue;
    }
    const onBall = dist(p, b) <= m.reach && b.z <= obs.info.physics.kickMaxHeight;
    if (onBall) {
      const cmd = onTheBall(obs, m, p);
      // Stay with the ball: right after a touch the kick may still be cooling down (3 ticks),
      // and a player who stops while the ball rolls on loses it.
      if (!cmd.moveTo) cmd.moveTo = { x: b.x + b.vx * 0.2, y: b.y + b.vy * 0.2 };
      cmds.push(cmd);
      continue;
    }
    if (p.index === m.first || pressers.has(p.index)) { cmds.push(chase(obs, m, p)); continue; }
    const spot = marks.get(p.index) ?? zones.get(p.index) ?? shapeSpot(obs, m, p.index, attacking);
    const crash = crashTheBox(obs, p);
    if (crash) { cmds.push({ moveTo: crash, sprint: true }); continue; }
    const target = attacking ? findSpace(m, spot) : spot;
    cmds.push({ moveTo: target, sprint: dist(p, target) > 12 });
  }
  return cmds;
}

/**
 * Following in: while our shot is on its way to goal, attackers near the box sprint toward the
 * goal mouth, so a parry or a rebound off the post falls to one of us. Returns the spot, or null.
 * @param {Observation} obs @param {PlayerView} p
 */
function crashTheBox(obs, p) {
  const b = obs.ball;
  const ourShot = obs.lastTouch !== null && obs.lastTouch.team === 'own' && b.vx > 8 && b.x > 20;
  if (!ourShot || p.x < 22 || Math.abs(p.y) > 24) return null;
  // Spread over the near post, the far post and the penalty spot, by where each one comes from.
  const lane = clamp(p.y * 0.3, -4, 4);
  return { x: Math.min(HALF_L - 5, Math.max(p.x + 4, 42)), y: lane };
}

/**
 * Go for the ball: to where we meet it first, approaching from the goal side when they have it,
 * and tackling a carrier within reach (slowly enough not to be reckless).
 * @param {Observation} obs @param {ReturnType<typeof read>} m @param {PlayerView} p @returns {PlayerCommand}
 */
function chase(obs, m, p) {
  const b = obs.ball;
  const t = Math.min(Math.round(m.ownT[p.index] ?? 0), HORIZON);
  let target = { x: m.path.xs[t], y: m.path.ys[t] };
  const dBall = dist(p, b);
  if (!m.ours) {
    // Between the ball and our goal, so the carrier has to beat us.
    const gx = -HALF_L - target.x, gy = -target.y, g = Math.hypot(gx, gy) || 1;
    const off = dBall > 4 ? 1.5 : 0.3;
    target = { x: target.x + (gx / g) * off, y: target.y + (gy / g) * off };
  }
  /** @type {PlayerCommand} */
  const cmd = { moveTo: target, sprint: true };
  const carrier = m.opp.find((o) => dist(o, b) < m.reach * 1.4);
  if (carrier && dBall < 4) {
    // Close in under the reckless speed, then tackle; in our own box only a clean poke at the ball.
    cmd.speed = RECKLESS;
    const ownBox = inOwnBox(b.x, b.y, -1);
    const contact = dist(p, carrier) < 1.15;
    if (dBall < 1.5 && (!ownBox || (dBall < 0.9 && !contact))) cmd.tackle = true;
  }
  return cmd;
}
