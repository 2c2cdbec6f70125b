// The reference brain, part 7: the penalty shoot-out.
import { HALF_L, HORIZON, dist, simulateBall } from './physics.js';
import { inOwnBox } from './read.js';
import { lineCrossing } from './keeper.js';
import { penaltyKick } from './restarts.js';

/** @typedef {import('./types.js').Observation} Observation */
/** @typedef {import('./types.js').PlayerCommand} PlayerCommand */

// ---------------------------------------------------------------------------------------------
// The shoot-out: our kicker takes the kick, or our keeper faces it.
// ---------------------------------------------------------------------------------------------

/** @param {Observation} obs @returns {PlayerCommand[]} */
export function shootout(obs) {
  const so = obs.shootout;
  /** @type {PlayerCommand[]} */
  const cmds = obs.own.map(() => ({}));
  if (!so || obs.mode === 'stopped') return cmds;
  const b = obs.ball;
  if (so.kicking === 'own') {
    const p = obs.own[so.kickerIndex];
    if (!p) return cmds;
    const kick = penaltyKick(obs);
    const spot = { x: b.x - 0.5, y: b.y };
    cmds[so.kickerIndex] = dist(p, b) <= obs.info.physics.kickReach && obs.mode !== 'play' ? { moveTo: spot, kick } : { moveTo: spot };
  } else {
    // The ball comes at our goal: stay central on the line, then go for it once struck.
    const k = obs.own[0];
    /** @type {PlayerCommand} */
    const cmd = { moveTo: { x: -HALF_L + 0.5, y: 0 }, sprint: true };
    if (obs.mode === 'play') {
      const path = simulateBall(b, HORIZON);
      const c = lineCrossing(path);
      if (c) cmd.moveTo = c;
      if (inOwnBox(b.x, b.y, 0.3) && dist(k, b) <= obs.info.physics.catchReach) cmd.catch = true;
      if (dist(k, b) <= obs.info.physics.kickReach) cmd.kick = { target: { x: 0, y: b.y >= 0 ? 30 : -30 }, power: 0.8, lift: 0.3 };
    }
    cmds[0] = cmd;
  }
  return cmds;
}
