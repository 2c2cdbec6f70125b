// @ts-check
// builtin:ladder-3 — rung 3 of the ladder: a simple formation that kicks the ball long.
//
// Ten outfield players keep a 4-4-2 that slides with the ball; only the one nearest the ball
// goes for it, so the team keeps its shape. Whoever reaches the ball shoots when in range and
// otherwise kicks it long toward the opponent's goal. The keeper guards the goal and catches.
// No passing: the ball goes forward and the forwards chase it.
//
// Own frame: we attack toward +x; our goal line is x = -52.5.

/** @typedef {import('../../engine/policy').Observation} Observation */
/** @typedef {import('../../engine/policy').PlayerView} PlayerView */
/** @typedef {import('../../engine/policy').PlayerCommand} PlayerCommand */

const HALF_L = 52.5;
const BOX_X = -HALF_L + 16.5; // edge of our penalty area
const BOX_Y = 20.16;

/** Home spots of the 4-4-2 with the ball on the centre spot; index 0 is the keeper. */
const SHAPE = [
  [-50, 0],
  [-32, -20], [-34, -7], [-34, 7], [-32, 20],
  [-15, -22], [-17, -7], [-17, 7], [-15, 22],
  [0, -8], [0, 8],
];

/** @param {{x:number,y:number}} a @param {{x:number,y:number}} b */
function dist(a, b) {
  return Math.hypot(a.x - b.x, a.y - b.y);
}

/** @param {number} v @param {number} lo @param {number} hi */
function clamp(v, lo, hi) {
  return v < lo ? lo : v > hi ? hi : v;
}

/** Where player `i` stands: its home spot moved toward the ball, half as far along the pitch. @param {Observation} obs @param {number} i */
function spot(obs, i) {
  const [x, y] = /** @type {[number, number]} */ (SHAPE[i]);
  return { x: clamp(x + clamp(obs.ball.x * 0.5, -12, 22), -48, 45), y: clamp(y + obs.ball.y * 0.3, -32, 32) };
}

/** What the player on the ball does: shoot in range, else a long ball toward goal. @param {Observation} obs */
function strike(obs) {
  const b = obs.ball;
  if (b.x > 24 && Math.abs(b.y) < 18) {
    // Aim inside the post away from the keeper.
    const keeperY = obs.opponents[0]?.y ?? 0;
    return { target: { x: HALF_L + 1, y: keeperY > 0 ? -2.5 : 2.5 }, power: 0.9, lift: 0.05 };
  }
  return { target: { x: b.x + 28, y: b.y * 0.6 }, power: 0.75, lift: 0.35 };
}

/** The keeper: on the line between ball and goal centre, catching what comes into the box. @param {Observation} obs @param {PlayerView} p @returns {PlayerCommand} */
function keeper(obs, p) {
  const b = obs.ball;
  const clear = { target: { x: 10, y: b.y >= 0 ? 25 : -25 }, power: 0.95, lift: 0.6 };
  if (p.holdingBall) return { kick: clear };
  // A ball kicked back by a team-mate may not be handled; neither may one outside the box.
  const backPass = obs.lastTouch !== null && obs.lastTouch.team === 'own' && obs.lastTouch.index !== 0;
  const inBox = b.x < BOX_X && Math.abs(b.y) < BOX_Y;
  /** @type {PlayerCommand} */
  const cmd = { moveTo: { x: -HALF_L + 1.5, y: clamp(b.y * 0.1, -2.5, 2.5) }, kick: clear };
  // Come off the line for a ball that is close and in the box.
  if (obs.mode === 'play' && inBox && dist(p, b) < 9) cmd.moveTo = { x: clamp(b.x, -HALF_L + 0.5, BOX_X - 1), y: clamp(b.y, -BOX_Y + 1, BOX_Y - 1) };
  if (obs.mode === 'play' && inBox && !backPass) cmd.catch = true;
  return cmd;
}

/** @param {Observation} obs @returns {PlayerCommand[]} */
export function tick(obs) {
  const b = obs.ball;
  const r = obs.restart;
  const so = obs.shootout;
  if (so) {
    // Shoot-out: the named kicker shoots, the keeper stays on the line.
    return obs.own.map((p) => {
      if (so.kicking === 'own' && p.index === so.kickerIndex) return { moveTo: b, kick: { target: { x: HALF_L + 1, y: 2.5 }, power: 0.85, lift: 0.03 } };
      if (so.kicking === 'opponent' && p.isGoalkeeper) return { moveTo: { x: -HALF_L + 0.5, y: 0 }, catch: true };
      return {};
    });
  }
  // The one outfield player who goes to the ball: the nearest (the keeper takes goal kicks).
  let chaser = -1;
  let best = Infinity;
  for (const p of obs.own) {
    if (p.sentOff || p.isGoalkeeper) continue;
    const d = dist(p, b);
    if (d < best) { best = d; chaser = p.index; }
  }
  const ourRestart = r !== null && r.team === 'own';
  if (ourRestart && r.kind === 'goal_kick') chaser = 0;
  const theirRestart = r !== null && r.team === 'opponent';
  return obs.own.map((p) => {
    if (p.index === chaser && !theirRestart) {
      // Lead a rolling ball a little, so we meet it rather than trail it.
      const to = obs.mode === 'play' ? { x: b.x + b.vx * 0.3, y: b.y + b.vy * 0.3 } : { x: b.x - 0.4, y: b.y };
      /** @type {PlayerCommand} */
      const cmd = { moveTo: to, sprint: true, kick: p.isGoalkeeper ? { target: { x: 10, y: 0 }, power: 0.95, lift: 0.6 } : strike(obs) };
      // Tackle only close in and under 5.5 m/s: a faster tackle is a yellow card.
      if (obs.mode === 'play' && best < 2.5) Object.assign(cmd, { tackle: true, sprint: false, speed: 5.4 });
      return cmd;
    }
    if (p.isGoalkeeper) return keeper(obs, p);
    return { moveTo: spot(obs, p.index) };
  });
}
