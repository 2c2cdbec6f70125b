// @ts-check
// builtin:ladder-4 — rung 4 of the ladder: a passing team.
//
// Rung 3 plus the first ideas of real football: the shape changes with possession (spread out
// when we have the ball, compact when we do not), two players press instead of one, and the
// player on the ball looks for a team-mate who is free and further forward before it kicks:
// a pass along a lane no opponent stands in, a short dribble into space, or a shot in range.
// The keeper throws the ball to a free defender instead of kicking it away.
//
// Own frame: we attack toward +x; our goal line is x = -52.5.

/** @typedef {import('../../engine/policy').Observation} Observation */
/** @typedef {import('../../engine/policy').PlayerView} PlayerView */
/** @typedef {import('../../engine/policy').PlayerCommand} PlayerCommand */
/** @typedef {import('../../engine/policy').Vec2} Vec2 */

const HALF_L = 52.5;
const BOX_X = -HALF_L + 16.5;
const BOX_Y = 20.16;
const RECKLESS = 5.4; // a tackle faster than 5.5 m/s is a yellow card: stay under it

/** With the ball: a 4-3-3 spread wide and pushed up. Index 0 is the keeper. */
const ATTACK = [
  [-48, 0],
  [-25, -24], [-32, -8], [-32, 8], [-25, 24],
  [-10, -14], [-14, 0], [-10, 14],
  [10, -22], [14, 0], [10, 22],
];
/** Without it: a compact 4-4-2. */
const DEFEND = [
  [-50, 0],
  [-34, -18], [-36, -6], [-36, 6], [-34, 18],
  [-20, -20], [-22, -7], [-22, 7], [-20, 20],
  [-6, -6], [-6, 6],
];

/** @param {{x:number,y:number}} a @param {{x:number,y:number}} b */
function dist(a, b) {
  return Math.hypot(a.x - b.x, a.y - b.y);
}

/** @param {number} v @param {number} lo @param {number} hi */
function clamp(v, lo, hi) {
  return v < lo ? lo : v > hi ? hi : v;
}

/** Distance from point p to the segment a-b. @param {Vec2} p @param {Vec2} a @param {Vec2} b */
function toSegment(p, a, b) {
  const dx = b.x - a.x, dy = b.y - a.y;
  const len2 = dx * dx + dy * dy || 1;
  const t = clamp(((p.x - a.x) * dx + (p.y - a.y) * dy) / len2, 0, 1);
  return Math.hypot(a.x + t * dx - p.x, a.y + t * dy - p.y);
}

/** Distance from point q to the nearest opponent who is still on the pitch. @param {Observation} obs @param {Vec2} q */
function space(obs, q) {
  let d = Infinity;
  for (const o of obs.opponents) if (!o.sentOff) d = Math.min(d, dist(o, q));
  return d;
}

/** Kick power for a ground pass that rolls `d` metres and still arrives at about 4 m/s. @param {Observation} obs @param {number} d */
function passPower(obs, d) {
  // Rolling loses roughly 1.6 m/s per second over a pass, so v0^2 = v1^2 + 2 * 1.6 * d.
  return clamp(Math.sqrt(16 + 3.2 * d) / obs.info.physics.maxKickSpeed, 0.15, 1);
}

/** The best team-mate to pass to, or null: free, in an open lane, and worth it. @param {Observation} obs @param {PlayerView} me */
function bestPass(obs, me) {
  const b = obs.ball;
  let best = null;
  let bestScore = -Infinity;
  for (const m of obs.own) {
    if (m.index === me.index || m.sentOff || m.isGoalkeeper) continue;
    // Lead the receiver a little toward goal.
    const target = { x: m.x + 1.5, y: m.y };
    const d = dist(b, target);
    if (d < 6 || d > 35 || target.x < b.x - 12) continue;
    let lane = Infinity;
    for (const o of obs.opponents) if (!o.sentOff) lane = Math.min(lane, toSegment(o, b, target) - 0.06 * dist(b, o));
    if (lane < 2) continue;
    const free = space(obs, target);
    if (free < 3.5) continue;
    const score = (target.x - b.x) * 0.5 + Math.min(free, 12) * 0.4 + Math.min(lane, 6) * 0.3 - d * 0.05;
    if (score > bestScore) { bestScore = score; best = { target, d }; }
  }
  return best;
}

/** What the player on the ball does: shoot, pass, dribble, or clear. @param {Observation} obs @param {PlayerView} me */
function onTheBall(obs, me) {
  const b = obs.ball;
  const keeperY = obs.opponents[0]?.y ?? 0;
  const toGoal = dist(b, { x: HALF_L, y: 0 });
  if (toGoal < 26 && Math.abs(b.y) < 16) return { target: { x: HALF_L + 1, y: keeperY > 0 ? -2.6 : 2.6 }, power: 0.95, lift: 0.06 };
  const pressed = space(obs, b) < 5;
  const pass = bestPass(obs, me);
  // Carry the ball while nobody is near and nobody better placed is free.
  const ahead = { x: b.x + 5, y: b.y * 0.92 };
  if (!pressed && space(obs, ahead) > 6 && (!pass || pass.target.x < b.x + 10)) return { target: ahead, power: 0.2, lift: 0 };
  if (pass) return { target: pass.target, power: passPower(obs, pass.d), lift: 0 };
  // Nothing on: a high ball forward, toward the wing in our half.
  return { target: { x: b.x + 30, y: b.x < 0 ? (b.y >= 0 ? 24 : -24) : b.y * 0.5 }, power: 0.8, lift: 0.45 };
}

/** The keeper: guards the line, catches in the box, throws to a free team-mate. @param {Observation} obs @param {PlayerView} p @returns {PlayerCommand} */
function keeper(obs, p) {
  const b = obs.ball;
  if (p.holdingBall) {
    const pass = bestPass(obs, p);
    const kick = pass && pass.d < 30 ? { target: pass.target, power: passPower(obs, pass.d), lift: 0 } : { target: { x: 5, y: b.y >= 0 ? 24 : -24 }, power: 0.95, lift: 0.6 };
    return { kick, moveTo: { x: clamp(p.x, -HALF_L + 1, BOX_X - 2), y: clamp(p.y, -BOX_Y + 2, BOX_Y - 2) } };
  }
  const backPass = obs.lastTouch !== null && obs.lastTouch.team === 'own' && obs.lastTouch.index !== 0;
  const inBox = b.x < BOX_X && Math.abs(b.y) < BOX_Y;
  // Stand on the line from the goal centre toward the ball, a little off the line.
  const gx = b.x + HALF_L, gy = b.y, gd = Math.hypot(gx, gy) || 1;
  /** @type {PlayerCommand} */
  const cmd = { moveTo: { x: -HALF_L + (gx / gd) * 2, y: clamp((gy / gd) * 2, -2.8, 2.8) }, kick: { target: { x: b.x + 30, y: b.y >= 0 ? 28 : -28 }, power: 0.9, lift: 0.6 } };
  if (obs.mode === 'play' && inBox && dist(p, b) < 10) {
    cmd.moveTo = { x: clamp(b.x + b.vx * 0.2, -HALF_L + 0.5, BOX_X - 1), y: clamp(b.y + b.vy * 0.2, -BOX_Y + 1, BOX_Y - 1) };
    cmd.sprint = true;
  }
  if (obs.mode === 'play' && inBox && !backPass) cmd.catch = true;
  return cmd;
}

/** Where outfield player `i` stands: its spot in the shape of the moment, slid toward the ball. @param {Observation} obs @param {number} i @param {boolean} attacking */
function shapeSpot(obs, i, attacking) {
  const [x, y] = /** @type {[number, number]} */ ((attacking ? ATTACK : DEFEND)[i]);
  const b = obs.ball;
  const shiftX = attacking ? clamp(b.x * 0.7, -10, 30) : clamp(b.x * 0.5, -14, 18);
  return { x: clamp(x + shiftX, -47, 44), y: clamp(y + b.y * (attacking ? 0.2 : 0.35), -32, 32) };
}

/** @param {Observation} obs @returns {PlayerCommand[]} */
export function tick(obs) {
  const b = obs.ball;
  const r = obs.restart;
  const so = obs.shootout;
  if (so) {
    return obs.own.map((p) => {
      if (so.kicking === 'own' && p.index === so.kickerIndex) return { moveTo: b, kick: { target: { x: HALF_L + 1, y: (obs.tick % 2) * 5.4 - 2.7 }, power: 0.85, lift: 0.03 } };
      if (so.kicking === 'opponent' && p.isGoalkeeper) return { moveTo: { x: -HALF_L + 0.5, y: b.vy * 0.3 }, catch: true, sprint: true };
      return {};
    });
  }
  // Outfield players by distance to the ball: the first goes to it, the second presses too when they have it.
  const order = obs.own.filter((p) => !p.sentOff && !p.isGoalkeeper).sort((p, q) => dist(p, b) - dist(q, b) || p.index - q.index);
  let ourD = Infinity;
  for (const p of obs.own) if (!p.sentOff) ourD = Math.min(ourD, dist(p, b));
  const attacking = r !== null ? r.team === 'own' : (obs.lastTouch?.team === 'own' && ourD <= space(obs, b) + 1) || ourD + 2 < space(obs, b);
  const ourRestart = r !== null && r.team === 'own';
  const theirRestart = r !== null && r.team === 'opponent';
  const first = ourRestart && r.kind === 'goal_kick' ? 0 : (order[0]?.index ?? -1);
  const second = attacking || theirRestart ? -1 : (order[1]?.index ?? -1);
  return obs.own.map((p) => {
    if ((p.index === first || p.index === second) && !theirRestart) {
      const lead = obs.mode === 'play' ? 0.3 : 0;
      const d = dist(p, b);
      /** @type {PlayerCommand} */
      const cmd = { moveTo: { x: b.x + b.vx * lead - (obs.mode === 'play' ? 0 : 0.4), y: b.y + b.vy * lead }, sprint: d > 3 };
      // Our restart: wait a moment for the team to take its shape, except at kick-off.
      const waited = r ? 100 - r.ticksLeft : 99;
      const ready = !ourRestart || r.kind === 'kickoff' || waited > 15;
      if (p.index === first && ready) cmd.kick = p.isGoalkeeper ? keeper(obs, p).kick ?? { target: { x: 10, y: 0 }, power: 0.9, lift: 0.6 } : onTheBall(obs, p);
      if (obs.mode === 'play' && d < 2.5 && !attacking) Object.assign(cmd, { tackle: true, sprint: false, speed: RECKLESS });
      return cmd;
    }
    if (p.isGoalkeeper) return keeper(obs, p);
    return { moveTo: shapeSpot(obs, p.index, attacking) };
  });
}
