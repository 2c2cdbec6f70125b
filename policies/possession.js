// @ts-check
// builtin:possession — keeps the ball with short, safe passes and patient build-up;
// shoots only from good positions. A reference team: it uses the public API only.
//
// Everything is in our own frame: we always attack toward +x, our goal is at x = -52.5.

/** @typedef {import('../engine/policy').Observation} Observation */
/** @typedef {import('../engine/policy').PlayerView} PlayerView */
/** @typedef {import('../engine/policy').PlayerCommand} PlayerCommand */
/** @typedef {import('../engine/policy').Vec2} Vec2 */

// The style, in numbers.
const STYLE = {
  /** Home positions (x, y) when the ball is at the centre spot: a 4-3-3. */
  shape: [
    [-50, 0],
    [-34, -22], [-37, -8], [-37, 8], [-34, 22],
    [-18, -12], [-22, 0], [-18, 12],
    [-4, -22], [-2, 0], [-4, 22],
  ],
  /** How far the whole shape follows the ball along x and across y. */
  followX: 0.55,
  followY: 0.3,
  /** Shoot when the goal is this close. */
  shootRange: 24,
  /** Prefer passes shorter than this. */
  passRange: 22,
  /** Press: how many of our players go for the ball when the opponent has it. */
  pressers: 1,
  /** Forward bias of a pass (higher: prefer team-mates further up the pitch). */
  forwardBias: 0.25,
  /** Dribble while no opponent is closer than this. */
  dribbleSpace: 5,
};

const GOAL = { x: 52.5, y: 0 };

/** @param {Vec2} a @param {Vec2} b */
function dist(a, b) {
  const dx = a.x - b.x;
  const dy = a.y - b.y;
  return Math.sqrt(dx * dx + dy * dy);
}

/** Where the ball will roll to in `t` seconds, roughly (rolling friction ignored for short looks). */
function ballIn(obs, t) {
  return { x: obs.ball.x + obs.ball.vx * t * 0.8, y: obs.ball.y + obs.ball.vy * t * 0.8 };
}

/** Kick power that rolls the ball `d` metres and arrives with some pace. */
function passPower(d, maxKickSpeed) {
  return Math.min(1, Math.sqrt(20 + 2.6 * d) / maxKickSpeed);
}

/** How open a team-mate is: distance to the nearest opponent and to the pass line. */
function openness(obs, from, to) {
  let best = 99;
  for (const o of obs.opponents) {
    if (o.sentOff) continue;
    best = Math.min(best, dist(o, to));
    // Distance from the opponent to the segment from -> to.
    const dx = to.x - from.x;
    const dy = to.y - from.y;
    const len2 = dx * dx + dy * dy || 1;
    const u = Math.max(0, Math.min(1, ((o.x - from.x) * dx + (o.y - from.y) * dy) / len2));
    const px = from.x + dx * u;
    const py = from.y + dy * u;
    best = Math.min(best, Math.sqrt((o.x - px) ** 2 + (o.y - py) ** 2) * 1.5);
  }
  return best;
}

/** The best pass for `p`, or null. */
function choosePass(obs, p) {
  let best = null;
  let bestScore = -Infinity;
  for (const m of obs.own) {
    if (m.index === p.index || m.sentOff || m.isGoalkeeper) continue;
    const d = dist(p, m);
    if (d < 6 || d > STYLE.passRange * 1.6) continue;
    const open = openness(obs, p, m);
    if (open < 2.5) continue;
    const score = Math.min(open, 8) - Math.abs(d - STYLE.passRange * 0.6) * 0.15 + (m.x - p.x) * STYLE.forwardBias;
    if (score > bestScore) {
      bestScore = score;
      best = m;
    }
  }
  return best;
}

/** The player on the ball decides: shoot, pass or dribble. @returns {PlayerCommand} */
function onTheBall(obs, p) {
  const maxKick = obs.info.physics.maxKickSpeed;
  const toGoal = dist(p, GOAL);
  if (toGoal < STYLE.shootRange) {
    // Aim inside the post farther from the goalkeeper.
    const keeper = obs.opponents[0];
    const aimY = keeper && keeper.y > 0 ? -2.8 : 2.8;
    return { kick: { target: { x: GOAL.x, y: aimY }, power: toGoal < 12 ? 0.75 : 0.95, lift: toGoal > 16 ? 0.08 : 0 } };
  }
  let nearest = 99;
  for (const o of obs.opponents) if (!o.sentOff) nearest = Math.min(nearest, dist(o, p));
  const mate = choosePass(obs, p);
  if (mate && (nearest < STYLE.dribbleSpace || mate.x > p.x + 8)) {
    const lead = { x: mate.x + mate.vx * 0.6, y: mate.y + mate.vy * 0.6 };
    const d = dist(p, lead);
    const lift = d > 30 ? 0.35 : 0;
    return { kick: { target: lead, power: lift > 0 ? Math.min(1, 0.45 + d / 120) : passPower(d, maxKick), lift } };
  }
  // Dribble toward goal, drifting away from the nearest opponent.
  const ahead = { x: p.x + 5, y: p.y * 0.9 };
  return { kick: { target: ahead, power: 0.2 }, moveTo: ahead };
}

/** @param {Observation} obs @returns {PlayerCommand[]} */
export function tick(obs) {
  /** @type {PlayerCommand[]} */
  const cmds = [];
  const ball = obs.ball;
  const reach = obs.info.physics.kickReach;
  const r = obs.restart;
  const ourRestart = r !== null && r.team === 'own';
  const theirRestart = r !== null && r.team === 'opponent';

  // Who goes for the ball: our outfield players nearest to where it will be.
  const target = ballIn(obs, 0.5);
  const order = obs.own
    .filter((p) => !p.sentOff && !p.isGoalkeeper)
    .map((p) => ({ p, d: dist(p, target) }))
    .sort((a, b) => a.d - b.d || a.p.index - b.p.index);
  const chasers = new Set(order.slice(0, theirRestart ? 0 : ourRestart ? 1 : STYLE.pressers).map((e) => e.p.index));

  for (const p of obs.own) {
    if (p.sentOff) {
      cmds.push({});
      continue;
    }
    if (p.isGoalkeeper) {
      cmds.push(keeper(obs, p));
      continue;
    }
    const home = STYLE.shape[p.index] ?? [0, 0];
    const shapeX = Math.max(-48, Math.min(46, home[0] + ball.x * STYLE.followX));
    const shapeY = home[1] + (ball.y - home[1]) * STYLE.followY;
    /** @type {PlayerCommand} */
    let cmd = { moveTo: { x: shapeX, y: shapeY } };
    if (chasers.has(p.index)) {
      const near = dist(p, ball) <= reach;
      if (near) {
        cmd = { ...onTheBall(obs, p), moveTo: cmd.moveTo && obs.mode === 'play' ? { x: ball.x, y: ball.y } : undefined };
        if (!cmd.moveTo) delete cmd.moveTo;
        if (ourRestart && r.kind === 'kickoff') {
          const mate = choosePass(obs, p) ?? obs.own[6];
          cmd.kick = { target: { x: mate.x, y: mate.y }, power: passPower(dist(p, mate), obs.info.physics.maxKickSpeed) };
        }
      } else {
        // Approach from behind the ball, facing the goal, so the next kick goes forward.
        const behind = { x: target.x - 0.6, y: target.y };
        cmd = { moveTo: behind, sprint: dist(p, target) > 8 };
        // Win the ball back when an opponent has it at his feet.
        const carrier = obs.opponents.find((o) => !o.sentOff && dist(o, ball) < reach);
        if (carrier && dist(p, ball) < obs.info.physics.tackleReach && obs.mode === 'play') cmd.tackle = true;
      }
    } else if (obs.mode === 'play' && p.x > 0) {
      // Stay level with the second-last defender so a pass cannot be offside.
      const line = obs.opponents.filter((o) => !o.sentOff).map((o) => o.x).sort((a, b) => b - a)[1] ?? 50;
      if (cmd.moveTo && cmd.moveTo.x > line - 0.5) cmd.moveTo.x = Math.max(ball.x, line - 0.5);
    }
    cmds.push(cmd);
  }
  return cmds;
}

/** The goalkeeper: between the ball and the goal, catches inside the area, releases quickly. @returns {PlayerCommand} */
function keeper(obs, p) {
  const ball = obs.ball;
  const box = -52.5 + obs.info.pitch.penaltyAreaDepth;
  if (p.holdingBall) {
    const mate = choosePass(obs, p) ?? obs.own[2];
    const d = dist(p, mate);
    return { kick: { target: { x: mate.x, y: mate.y }, power: passPower(d, obs.info.physics.maxKickSpeed), lift: 0 } };
  }
  const r = obs.restart;
  const near = dist(p, ball) <= obs.info.physics.kickReach;
  if (r && r.team === 'own' && r.kind === 'goal_kick') {
    const mate = choosePass(obs, p) ?? obs.own[2];
    return { moveTo: { x: ball.x - 0.5, y: ball.y }, kick: { target: { x: mate.x, y: mate.y }, power: passPower(dist(p, mate), 30) } };
  }
  const danger = ball.x < box + 4 && Math.abs(ball.y) < 24;
  const pos = danger
    ? { x: Math.max(-52, ball.x - 1), y: ball.y }
    : { x: -51, y: Math.max(-3, Math.min(3, ball.y * 0.12)) };
  const backPass = obs.lastTouch !== null && obs.lastTouch.team === 'own' && obs.lastTouch.index !== 0;
  const inBox = ball.x < box && Math.abs(ball.y) < obs.info.pitch.penaltyAreaWidth / 2;
  /** @type {PlayerCommand} */
  const cmd = { moveTo: pos, sprint: danger };
  if (inBox && !backPass && obs.mode === 'play') cmd.catch = true;
  if (near) cmd.kick = { target: { x: 0, y: ball.y > 0 ? 25 : -25 }, power: 0.8, lift: 0.4 };
  return cmd;
}
