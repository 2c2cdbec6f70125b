// The reference brain, part 3: the player on the ball shoots, passes, crosses, dribbles or clears.
import { AWK_LOSS, BALL_R, DT, GOAL_Y, HALF_L, HALF_W, HORIZON, KICK_MAX_Z, KICK_NOISE_BASE, KICK_NOISE_POWER, clamp, dist, groundSpeedFor, runStride, simulateBall, timeTo } from './physics.js';
import { inTheirBox, read } from './read.js'; // read: for the JSDoc type ReturnType<typeof read>
import { STYLE } from './style.js';

/** @typedef {import('./types.js').Observation} Observation */
/** @typedef {import('./types.js').PlayerView} PlayerView */
/** @typedef {import('./types.js').PlayerCommand} PlayerCommand */
/** @typedef {import('./types.js').Vec2} Vec2 */

// ---------------------------------------------------------------------------------------------
// On the ball: shoot, pass, dribble or clear.
// ---------------------------------------------------------------------------------------------

/**
 * How clear a shot from the ball at goal point (52.5, aimY) is: seconds between the ball
 * passing and the moment the keeper or any blocker (`margin`), or an outfield blocker
 * (`blocked`), could get to it. Positive: good.
 * @param {Observation} obs @param {number} aimY @param {number} speed
 */
export function shotMargin(obs, aimY, speed) {
  const b = obs.ball;
  const dx = HALF_L - b.x;
  const dy = aimY - b.y;
  const d = Math.sqrt(dx * dx + dy * dy);
  let margin = Infinity;
  // The same for outfield players only: can anyone block it on its way?
  let blocked = Infinity;
  for (const o of obs.opponents) {
    if (o.sentOff) continue;
    // Closest point of the shot line to this opponent.
    const u = clamp(((o.x - b.x) * dx + (o.y - b.y) * dy) / (d * d), 0, 1);
    const px = b.x + dx * u;
    const py = b.y + dy * u;
    const tBall = (u * d) / (speed * 0.9);
    const reach = o.isGoalkeeper ? 1.7 : 0.9;
    const tOpp = timeTo(o, px, py, reach) * (o.isGoalkeeper ? 1 : 1.2);
    margin = Math.min(margin, tOpp - tBall);
    if (!o.isGoalkeeper) blocked = Math.min(blocked, tOpp - tBall);
  }
  return { margin, blocked };
}

/**
 * The best shot from here: {aimY, margin, blocked, power, lift}. Struck hard (a fast ball is
 * harder to hold), placed toward the side the keeper cannot reach in time; a kick's direction
 * noise grows with power and distance, so from further out we aim further inside the posts.
 * @param {Observation} obs
 */
export function bestShot(obs) {
  const b = obs.ball;
  const d = dist(b, { x: HALF_L, y: 0 });
  // Hard: the faster the ball, the less often the keeper holds it (a parry leaves a rebound).
  const power = d < 8 ? 0.8 : 1;
  const speed = power * 29;
  // How far inside the post to aim: half a standard deviation of the kick's spread at this range.
  const spread = (KICK_NOISE_BASE + KICK_NOISE_POWER * power * power + 0.02) * d;
  const maxAim = clamp(GOAL_Y - 0.3 - spread * 0.5, 1.5, 3.1);
  let best = { aimY: 0, margin: -Infinity, blocked: -Infinity, power, lift: d > 18 ? 0.07 : 0.02 };
  for (const f of [-1, -0.7, -0.35, 0.35, 0.7, 1]) {
    const aimY = f * maxAim;
    const r = shotMargin(obs, aimY, speed);
    const m = r.margin - Math.abs(aimY) * 0.02;
    if (m > best.margin) best = { aimY, margin: m, blocked: r.blocked, power, lift: best.lift };
  }
  return best;
}

/**
 * Plays a kick from the ball toward `target` at `speed` m/s with `lift` and follows it: when
 * does team-mate `mate` get it, and when could the first opponent? Returns the margin in ticks
 * (positive: ours) and where the mate meets it.
 * @param {Observation} obs @param {ReturnType<typeof read>} m @param {Vec2} target
 * @param {number} speed @param {number} lift @param {PlayerView} mate
 */
export function judgePass(obs, m, target, speed, lift, mate) {
  const b = obs.ball;
  const dx = target.x - b.x;
  const dy = target.y - b.y;
  const d = Math.sqrt(dx * dx + dy * dy) || 1;
  const q = Math.sqrt(1 + lift * lift);
  const vh = speed / q;
  const path = simulateBall({ x: b.x, y: b.y, z: Math.max(b.z, BALL_R), vx: (dx / d) * vh, vy: (dy / d) * vh, vz: (speed * lift) / q }, HORIZON);
  let mateT = -1;
  // Cheap tests before timeTo, as in interceptTick (see runStride): they skip only calls whose answer is known.
  const mateReach = m.reach * 0.7;
  const mateStride = mateReach >= 0 ? runStride(mate) : -1;
  for (let t = 1; t <= HORIZON; t++) {
    const x = path.xs[t], y = path.ys[t];
    if (Math.abs(x) > HALF_L || Math.abs(y) > HALF_W) return { margin: -99, at: target };
    if (path.zs[t] > 1.8) continue;
    if (mateStride > 0) {
      const r = mateReach + mateStride * (t + 1) + 1e-6;
      if ((x - mate.x) * (x - mate.x) + (y - mate.y) * (y - mate.y) > r * r) continue;
    }
    if (timeTo(mate, x, y, mateReach) <= (t + 1) * DT) { mateT = t; break; }
  }
  if (mateT < 0) return { margin: -99, at: target };
  let margin = 99;
  for (const o of m.opp) {
    // Only opponents that could be anywhere near the line matter.
    const u = clamp(((o.x - b.x) * dx + (o.y - b.y) * dy) / (d * d), 0, 1.2);
    const near = Math.hypot(b.x + dx * u - o.x, b.y + dy * u - o.y);
    if (near > 3 + (mateT + 1) * DT * 8) continue;
    const stride = m.reach >= 0 ? runStride(o) : -1;
    for (let t = 1; t <= mateT; t++) {
      if (path.zs[t] > KICK_MAX_Z) continue;
      // Skipped when tt - t is surely above the margin, so min() would keep it: always when
      // margin + t < 0 (timeTo is never negative), else past the distance of margin + t ticks.
      if (stride > 0) {
        if (margin + t < 0) continue;
        const r = m.reach + stride * (margin + t) + 1e-6;
        const ex = path.xs[t] - o.x, ey = path.ys[t] - o.y;
        if (ex * ex + ey * ey > r * r) continue;
      }
      const tt = timeTo(o, path.xs[t], path.ys[t], m.reach) / DT;
      margin = Math.min(margin, tt - t);
    }
  }
  return { margin, at: { x: path.xs[mateT], y: path.ys[mateT] } };
}

/**
 * The best pass for player `p`, or null: every team-mate, to his feet and into space ahead of him,
 * along the ground or (if the style likes it) in the air. Scored by safety and by how much
 * closer to goal it puts us.
 * @param {Observation} obs @param {ReturnType<typeof read>} m @param {PlayerView} p @param {number} minSafety
 */
export function bestPass(obs, m, p, minSafety) {
  const b = obs.ball;
  let best = null;
  let bestScore = -Infinity;
  for (const mate of m.own) {
    if (mate.index === p.index) continue;
    // Never pass to a team-mate standing offside: the referee judges him at the moment of our kick.
    if (mate.x > 0 && mate.x > b.x && mate.x > m.offsideLine) continue;
    if (mate.isGoalkeeper && b.x > -25) continue;
    const d0 = dist(b, mate);
    if (d0 < 5 || d0 > 55) continue;
    /** @type {{t: Vec2, lift: number}[]} */
    const tries = [{ t: { x: mate.x + mate.vx * 0.5, y: mate.y + mate.vy * 0.5 }, lift: 0 }];
    // Into space ahead of a runner: only to a point he can run onto from an onside position.
    if (mate.x > b.x - 5 && mate.x > -10) {
      tries.push({ t: { x: mate.x + 7, y: mate.y * 0.9 }, lift: 0 });
      tries.push({ t: { x: mate.x + 4, y: mate.y + (mate.y > b.y ? 4 : -4) }, lift: 0 });
    }
    if (STYLE.longBalls > 0 && d0 > 25) tries.push({ t: { x: mate.x + 4, y: mate.y }, lift: 0.55 });
    // Over the top: a lofted ball into the space behind their last line, for a forward on its shoulder to run onto.
    if (STYLE.longBalls > 0 && mate.x > m.offsideLine - 8 && mate.x > b.x + 15) {
      tries.push({ t: { x: Math.min(HALF_L - 8, m.offsideLine + 9), y: mate.y * 0.8 }, lift: 0.55 });
    }
    for (const tr of tries) {
      const T = tr.t;
      if (Math.abs(T.x) > HALF_L - 1 || Math.abs(T.y) > HALF_W - 1) continue;
      const d = dist(b, T);
      let speed;
      if (tr.lift > 0) speed = loftSpeedFor(d);
      // Firm passes: the ball is harder to intercept, and a first touch tames any speed.
      else speed = groundSpeedFor(d, clamp(STYLE.passPace + d * 0.15, 4, 12));
      if (speed > 29) continue;
      const j = judgePass(obs, m, T, speed, tr.lift, mate);
      const need = minSafety + (tr.lift > 0 ? 0 : 0) + (mate.isGoalkeeper ? 4 : 0);
      if (j.margin < need) continue;
      const gain = j.at.x - b.x;
      let score = Math.min(j.margin, 12) * 0.25 + gain * STYLE.forwardGain - Math.max(0, d - STYLE.passLong) * 0.3;
      // Better the closer to goal the receiver ends up, and with room to play.
      score += Math.max(0, j.at.x) * 0.08 + (inTheirBox(j.at.x, j.at.y) ? 3 : 0);
      score -= Math.abs(j.at.y) > 28 ? 1 : 0;
      if (tr.lift > 0) score = score * STYLE.longBalls + (STYLE.longBalls - 1) * 2;
      if (score > bestScore) {
        bestScore = score;
        best = { target: T, speed, lift: tr.lift, score, mate, at: j.at };
      }
    }
  }
  return best;
}

/** Kick speed for a lofted ball (lift 0.55) to first land about `d` metres away (fitted to the flight model). */
export function loftSpeedFor(d) {
  // Range grows roughly with speed squared; air drag shortens long balls, hence the falling constant.
  return clamp(Math.sqrt(d / (0.088 - 0.00068 * d)), 8, 30);
}

/** Kick power that gives the ball `speed` m/s from player `p` (a ball far from the feet comes off weaker). */
export function powerFor(obs, p, speed) {
  const awk = Math.min(1, dist(p, obs.ball) / obs.info.physics.kickReach);
  return clamp(speed / (obs.info.physics.maxKickSpeed * (1 - AWK_LOSS * awk)), 0, 1);
}

/** The decision of the player on the ball. @param {Observation} obs @param {ReturnType<typeof read>} m @param {PlayerView} p @returns {PlayerCommand} */
export function onTheBall(obs, m, p) {
  const b = obs.ball;
  const goal = { x: HALF_L, y: 0 };
  const toGoal = dist(b, goal);
  let nearest = 99;
  for (const o of m.opp) nearest = Math.min(nearest, dist(o, b));
  const pressed = nearest < STYLE.dribbleSpace;
  // 1. Shoot. From inside about 20 m a shot on target goes in one time in three or four; from
  //    further out hardly ever directly (the kick spreads and the keeper has time). So: always
  //    from close in, readily inside the box, and from distance when the way is clear enough.
  if (toGoal < STYLE.shootRange && Math.abs(b.y) < 22) {
    const s = bestShot(obs);
    const inBox = inTheirBox(b.x, b.y);
    const near = toGoal < 20;
    if (
      toGoal < STYLE.closeRange ||
      (near && (s.margin > -0.4 || s.blocked > 0 || (inBox && s.blocked > -0.3) || pressed)) ||
      // From distance a shot rarely scores by itself, but the keeper often only parries it: the
      // rebound is there for the runners following in (see `crashTheBox`).
      (!near && (s.margin > STYLE.longShot || s.blocked > 0 || (pressed && toGoal < 24)))
    ) {
      return { kick: { target: { x: HALF_L + 1, y: s.aimY }, power: s.power, lift: s.lift } };
    }
  }
  // 2. Pass, when it is safe and worth more than carrying the ball.
  const pass = bestPass(obs, m, p, pressed ? STYLE.passSafety * 0.6 : STYLE.passSafety);
  const carryDir = dribbleDirection(obs, m, p);
  const carryValue = carryDir ? carryDir.value : -Infinity;
  // A cross from the wing into the box, when someone is there to meet it.
  if (b.x > 30 && Math.abs(b.y) > 14 && STYLE.crosses > 0) {
    const cross = bestCross(obs, m);
    if (cross && (pressed || b.x > 40) && (!pass || cross.score * STYLE.crosses > pass.score * 0.5)) {
      return { kick: { target: cross.target, power: powerFor(obs, p, cross.speed), lift: 0.45 } };
    }
  }
  if (pass && (pressed || pass.score > carryValue)) {
    return { kick: { target: pass.target, power: powerFor(obs, p, pass.speed), lift: pass.lift } };
  }
  // 3. Carry the ball into space.
  if (carryDir && (!pressed || carryDir.value > -1)) return dribble(obs, p, carryDir);
  // 4. Nothing on: out of danger. In our half a high ball toward the wings; further up, a shot or a hopeful ball into the box.
  if (b.x < 0) {
    // A team that plays long aims it at the channel of its furthest forward; the others just find touch-side space.
    const front = m.own.reduce((a, c) => (c.x > a.x ? c : a), p);
    const side = b.y >= 0 ? 1 : -1;
    const t = STYLE.longBalls >= 0.5 && front.x > b.x + 20
      ? { x: Math.min(b.x + 45, m.offsideLine + 8), y: clamp(front.y, -26, 26) }
      : { x: b.x + 35, y: side * 26 };
    return { kick: { target: t, power: 0.85, lift: 0.6 } };
  }
  if (toGoal < Math.min(30, STYLE.shootRange) && Math.abs(b.y) < 22) {
    // Better a shot the keeper may parry (and a corner or a rebound) than a ball given away.
    const s = bestShot(obs);
    return { kick: { target: { x: HALF_L + 1, y: s.aimY }, power: s.power, lift: s.lift } };
  }
  // A hopeful ball toward the penalty spot, where our forwards gather.
  return { kick: { target: { x: 42, y: -b.y * 0.3 }, power: powerFor(obs, p, loftSpeedFor(dist(b, { x: 42, y: -b.y * 0.3 }))), lift: 0.5 } };
}

/**
 * Where to run with the ball: toward goal, or diagonally, whichever leaves opponents furthest behind.
 * @param {Observation} obs @param {ReturnType<typeof read>} m @param {PlayerView} p
 */
export function dribbleDirection(obs, m, p) {
  const b = obs.ball;
  let best = null;
  for (const [ux0, uy0] of [[1, 0], [0.8, 0.6], [0.8, -0.6], [0.3, 0.95], [0.3, -0.95]]) {
    // Head for goal once close: bend the direction toward the goal centre.
    let ux = ux0, uy = uy0;
    if (b.x > 25) {
      const gx = HALF_L - b.x, gy = -b.y, g = Math.hypot(gx, gy) || 1;
      ux = (ux0 + gx / g) / 2; uy = (uy0 + gy / g) / 2;
      const n = Math.hypot(ux, uy) || 1;
      ux /= n; uy /= n;
    }
    // Where we would be in a second, running with the ball: who could get there first?
    const ax = b.x + ux * 6, ay = b.y + uy * 6;
    if (Math.abs(ay) > HALF_W - 2 || ax > HALF_L - 2) continue;
    let space = 99;
    for (const o of m.opp) space = Math.min(space, timeTo(o, ax, ay, 1.2) - 1.0);
    const value = Math.min(space, 2) * 1.5 + ux * 6 * STYLE.forwardGain - 1;
    if (space > 0.1 && (!best || value > best.value)) best = { ux, uy, value };
  }
  return best;
}

/** A dribbling touch: push the ball a little ahead, just faster than we run, and follow it. @returns {PlayerCommand} */
export function dribble(obs, p, dir) {
  const b = obs.ball;
  const along = p.vx * dir.ux + p.vy * dir.uy;
  const speed = clamp(along + 1.5, 2.5, 7.5);
  // The target stays within 6 m so the touch does not count as a (failed) pass.
  const target = { x: b.x + dir.ux * 4, y: b.y + dir.uy * 4 };
  return { kick: { target, power: powerFor(obs, p, speed), lift: 0 }, moveTo: { x: b.x + dir.ux * 6, y: b.y + dir.uy * 6 }, sprint: true };
}

/** A cross: a lofted ball to a team-mate in the box, or to the penalty spot area. @param {Observation} obs @param {ReturnType<typeof read>} m */
export function bestCross(obs, m) {
  const b = obs.ball;
  let best = null;
  for (const mate of m.own) {
    if (!inTheirBox(mate.x, mate.y) || mate.x > m.offsideLine && mate.x > b.x) continue;
    let marker = 99;
    for (const o of m.opp) marker = Math.min(marker, dist(o, mate));
    const target = { x: mate.x + 1, y: mate.y * 0.8 };
    const score = marker + (HALF_L - Math.abs(mate.y)) * 0.05;
    if (!best || score > best.score) best = { target, speed: loftSpeedFor(dist(b, target)) * 0.95, score };
  }
  return best;
}
