// @ts-check
// builtin:ladder-6 — rung 6, the top of the ladder: the one to beat.
//
// Built on ladder-5's brain (the same reading of the ball's flight, safe passing lanes,
// dribbling, crossing, marking and restarts), with three things that make it stronger:
//
// 1. It presses high as a unit. Up to four players hunt the ball anywhere beyond 35 m from our
//    goal and the back line stands far up the pitch (STYLE.lineMin/lineMax), so the opponents
//    lose the ball in their own half, near our shooting range, and their forwards are kept far
//    from our goal by the offside law.
// 2. It weighs every shot (shotModel). The engine's kick noise is published (RULES §2): the
//    ball's direction is spread by a normal error that grows with power, the kicker's speed and
//    the ball's distance from his feet. For each aim along the goal line and each power, the
//    model follows five spread-out kicks, asks whether each one would go in between the posts,
//    whether an outfield player stands where the ball passes at a tick, and whether the keeper
//    can get across in time (and how often he holds a ball that fast). It shoots when the chance
//    is good, with the aim and power that make it best, always along the grass (a lofted ball
//    slows in the air and is easier to hold).
// 3. It reads the opponent (readOpponent). Every 30 seconds it looks at what it has seen: a last
//    line that stays high when we have the ball means space behind it, so lofted balls over the
//    top come into play; a team that keeps going long gets a deeper back line, so the long ball
//    finds no space behind us.
//
// A reference team: one self-contained file that uses the public API only. Like ladder-5 it is
// a snapshot: the ladder measured in docs/LADDER.md holds while it stays byte for byte.
//
// Own frame: we always attack toward +x; our goal line is x = -52.5.

/** @typedef {import('../../engine/policy').Observation} Observation */
/** @typedef {import('../../engine/policy').PlayerView} PlayerView */
/** @typedef {import('../../engine/policy').PlayerCommand} PlayerCommand */
/** @typedef {import('../../engine/policy').BallView} BallView */
/** @typedef {import('../../engine/policy').Vec2} Vec2 */

// ---------------------------------------------------------------------------------------------
// The style, in numbers: ladder-5's brain below reads them (readOpponent adjusts a few during a match).
// ---------------------------------------------------------------------------------------------
const STYLE = {
  /** Formation when we have the ball: a narrow, high 4-3-3 so that many players are near the ball when it is lost. */
  attackShape: [
    [-46, 0],
    [-18, -22], [-26, -8], [-26, 8], [-18, 22],
    [-4, -12], [-10, 0], [-4, 12],
    [12, -18], [14, 0], [12, 18],
  ],
  /** Formation when they have it: a high 4-3-3 block that squeezes the space around the ball. */
  defenceShape: [
    [-47, 0],
    [-26, -16], [-28, -6], [-28, 6], [-26, 16],
    [-12, -14], [-14, 0], [-12, 14],
    [2, -16], [4, 0], [2, 16],
  ],
  followX: 0.6,
  followY: 0.45,
  attackFollow: 0.9,
  /** A high line: the back four rarely drop deeper than 25 m from goal. */
  lineMin: -28,
  lineMax: 8,
  /** Up to four players hunt the ball anywhere beyond 35 m from our goal. */
  pressers: 4,
  pressFrom: -35,
  passPace: 3,
  passSafety: 3,
  forwardGain: 0.8,
  passLong: 30,
  longBalls: 0.15,
  shootRange: 36,
  closeRange: 12,
  dribbleSpace: 4,
  marking: 0,
  runDepth: 30,
  crosses: 0.3,
  restartWait: 15,
};

// ---------------------------------------------------------------------------------------------
// Physics a policy must know (docs/RULES.md lists them; only some are in obs.info.physics).
// ---------------------------------------------------------------------------------------------
const DT = 0.1; // seconds per tick
const ROLL_DECEL = 0.9; // m/s^2, constant rolling loss on grass
const ROLL_DRAG = 0.08; // 1/s, speed-proportional rolling loss
const AIR_DRAG = 0.012; // 1/m, quadratic air drag
const BOUNCE = 0.55;
const BOUNCE_FRICTION = 0.85;
const SETTLE = 1.2;
const ACCEL = 4; // m/s^2, player acceleration
const EXHAUSTED = 0.65; // top speed factor at zero stamina
const RECKLESS = 5.4; // a tackle faster than 5.5 m/s is a yellow card: stay under it
const HALF_L = 52.5;
const HALF_W = 34;
const BOX_X = -HALF_L + 16.5; // edge of our penalty area
const BOX_Y = 20.16;
const HORIZON = 40; // ticks of ball flight we look ahead

/** @param {{x:number,y:number}} a @param {{x:number,y:number}} b */
function dist(a, b) {
  const dx = a.x - b.x;
  const dy = a.y - b.y;
  return Math.sqrt(dx * dx + dy * dy);
}

/** @param {number} v @param {number} lo @param {number} hi */
function clamp(v, lo, hi) {
  return v < lo ? lo : v > hi ? hi : v;
}

/**
 * Where the ball will be over the next `n` ticks: the engine's own model of flight, bounce
 * and roll, replayed here so we can plan where to meet it. Returns flat arrays x, y, z.
 * @param {{x:number,y:number,z:number,vx:number,vy:number,vz:number}} b
 * @param {number} n
 */
function simulateBall(b, n) {
  const xs = new Array(n + 1);
  const ys = new Array(n + 1);
  const zs = new Array(n + 1);
  let x = b.x, y = b.y, z = b.z, vx = b.vx, vy = b.vy, vz = b.vz;
  const r = 0.11;
  xs[0] = x; ys[0] = y; zs[0] = z;
  for (let t = 1; t <= n; t++) {
    if (z > r + 1e-9 || vz > 0) {
      // In the air: a few substeps of drag and gravity, and a bounce on landing.
      for (let k = 0; k < 4; k++) {
        const h = DT / 4;
        const sp = Math.sqrt(vx * vx + vy * vy + vz * vz);
        const d = Math.max(0, 1 - AIR_DRAG * sp * h);
        vx *= d; vy *= d; vz = vz * d - 9.81 * h;
        x += vx * h; y += vy * h; z += vz * h;
        if (z <= r) {
          z = r;
          if (-vz > SETTLE) { vz = -vz * BOUNCE; vx *= BOUNCE_FRICTION; vy *= BOUNCE_FRICTION; } else vz = 0;
        }
      }
    } else {
      const sp = Math.sqrt(vx * vx + vy * vy);
      if (sp > 0) {
        const loss = (ROLL_DECEL + ROLL_DRAG * sp) * DT;
        const f = sp > loss ? (sp - loss) / sp : 0;
        vx *= f; vy *= f;
      }
      x += vx * DT; y += vy * DT;
    }
    xs[t] = x; ys[t] = y; zs[t] = z;
  }
  return { xs, ys, zs };
}

/** Rolling distance from speed v to a stop, for v = 0, 0.5, 1, ... 30 m/s (filled once). */
const ROLL = (() => {
  const table = [];
  for (let i = 0; i <= 60; i++) {
    let v = i * 0.5;
    let d = 0;
    while (v > 0) {
      const loss = (ROLL_DECEL + ROLL_DRAG * v) * DT;
      v = v > loss ? v - loss : 0;
      d += v * DT;
    }
    table.push(d);
  }
  return table;
})();

/** @param {number} v */
function rollDistance(v) {
  const i = clamp(v * 2, 0, 59.999);
  const k = Math.floor(i);
  return ROLL[k] + (ROLL[k + 1] - ROLL[k]) * (i - k);
}

/** Kick speed (m/s) that rolls the ball `d` metres and still arrives at `arrive` m/s. */
function groundSpeedFor(d, arrive) {
  const want = d + rollDistance(arrive);
  let lo = 0, hi = 30;
  for (let k = 0; k < 16; k++) {
    const mid = (lo + hi) / 2;
    if (rollDistance(mid) < want) lo = mid; else hi = mid;
  }
  return hi;
}

/** Top speed of a player right now (stamina lowers it). @param {PlayerView} p @param {boolean} sprint */
function topSpeed(p, sprint) {
  return (sprint ? 8 : 6) * (EXHAUSTED + (1 - EXHAUSTED) * p.stamina);
}

/**
 * Seconds player `p` needs to come within `reach` metres of point (x, y), accelerating from
 * its current velocity. Simple, and good enough to decide who gets to a ball first.
 * @param {PlayerView} p @param {number} x @param {number} y @param {number} reach
 */
function timeTo(p, x, y, reach) {
  const dx = x - p.x;
  const dy = y - p.y;
  const d = Math.sqrt(dx * dx + dy * dy) - reach;
  if (d <= 0) return 0;
  const vmax = topSpeed(p, true);
  const along = (p.vx * dx + p.vy * dy) / (d + reach);
  const v0 = clamp(along, 0, vmax);
  // A player running the wrong way first has to stop.
  const turn = along < 0 ? -along / 6 : 0;
  const tAcc = (vmax - v0) / ACCEL;
  const dAcc = v0 * tAcc + 0.5 * ACCEL * tAcc * tAcc;
  if (d <= dAcc) return turn + (-v0 + Math.sqrt(v0 * v0 + 2 * ACCEL * d)) / ACCEL;
  return turn + tAcc + (d - dAcc) / vmax;
}

/**
 * The first tick at which `p` can play the ball on its predicted path (z low enough),
 * or HORIZON + time to its resting place if never.
 * @param {PlayerView} p @param {{xs:number[],ys:number[],zs:number[]}} path @param {number} maxZ @param {number} reach
 */
function interceptTick(p, path, maxZ, reach) {
  for (let t = 0; t <= HORIZON; t++) {
    if (path.zs[t] > maxZ) continue;
    if (timeTo(p, path.xs[t], path.ys[t], reach) <= (t + 1) * DT) return t;
  }
  return HORIZON + timeTo(p, path.xs[HORIZON], path.ys[HORIZON], reach) / DT;
}

// ---------------------------------------------------------------------------------------------
// The match, as this tick sees it.
// ---------------------------------------------------------------------------------------------

/**
 * Facts every decision below reads: who can reach the ball first, the offside line, and so on.
 * @param {Observation} obs
 */
function read(obs) {
  const ball = obs.ball;
  const path = simulateBall(ball, HORIZON);
  const reach = obs.info.physics.kickReach;
  const own = obs.own.filter((p) => !p.sentOff);
  const opp = obs.opponents.filter((p) => !p.sentOff);
  /** @type {number[]} */
  const ownT = [];
  let first = -1;
  let firstT = Infinity;
  for (const p of obs.own) {
    if (p.sentOff) { ownT.push(Infinity); continue; }
    const t = interceptTick(p, path, 1.8, reach * 0.8);
    // The goalkeeper goes for loose balls only where it may use its hands.
    let tt = t;
    if (p.isGoalkeeper) {
      const ti = Math.min(Math.round(t), HORIZON);
      if (!inOwnBox(path.xs[ti], path.ys[ti], 1)) tt = Infinity;
    }
    ownT.push(tt);
    if (tt < firstT) { firstT = tt; first = p.index; }
  }
  let oppT = Infinity;
  let oppFirst = -1;
  for (const o of opp) {
    const t = interceptTick(o, path, 1.8, reach);
    if (t < oppT) { oppT = t; oppFirst = o.index; }
  }
  // The offside line: the second-last opponent (the goalkeeper counts), never behind halfway.
  const xsOpp = opp.map((o) => o.x).sort((a, b) => b - a);
  const offsideLine = Math.max(0, xsOpp[1] ?? 0);
  const keeperHolds = obs.opponents.some((o) => o.holdingBall);
  const weHold = obs.own.some((o) => o.holdingBall);
  // We are "in possession" when we will reach the ball first (or hold it in our hands).
  const ours = weHold || (!keeperHolds && firstT <= oppT);
  return { ball, path, reach, own, opp, ownT, first, firstT, oppT, oppFirst, offsideLine, ours };
}

/** True when (x, y) lies in our own penalty area, `margin` metres inside its lines. */
function inOwnBox(x, y, margin) {
  return x < BOX_X - margin && x > -HALF_L && Math.abs(y) < BOX_Y - margin;
}

/** True when (x, y) lies in the opponents' penalty area. */
function inTheirBox(x, y) {
  return x > -BOX_X && Math.abs(y) < BOX_Y;
}

// ---------------------------------------------------------------------------------------------
// On the ball: shoot, pass, dribble or clear.
// ---------------------------------------------------------------------------------------------

/**
 * How clear a shot from the ball at goal point (52.5, aimY) is: seconds between the ball
 * passing and the moment the keeper or any blocker (`margin`), or an outfield blocker
 * (`blocked`), could get to it. Positive: good.
 * @param {Observation} obs @param {number} aimY @param {number} speed
 */
function shotMargin(obs, aimY, speed) {
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

/** The best shot from here: {aimY, margin, power, lift}. @param {Observation} obs */
function bestShot(obs) {
  const b = obs.ball;
  const d = dist(b, { x: HALF_L, y: 0 });
  const power = d < 12 ? 0.8 : 0.95;
  const speed = power * 30;
  let best = { aimY: 0, margin: -Infinity, blocked: -Infinity, power, lift: d > 18 ? 0.07 : 0.02 };
  for (const aimY of [-2.9, -2.2, -1.2, 1.2, 2.2, 2.9]) {
    const r = shotMargin(obs, aimY, speed);
    const m = r.margin - Math.abs(aimY) * 0.02;
    if (m > best.margin) best = { aimY, margin: m, blocked: r.blocked, power, lift: best.lift };
  }
  return best;
}

/** The standard normal CDF (Abramowitz and Stegun 26.2.17: good to 1e-7). @param {number} z */
function phi(z) {
  const t = 1 / (1 + 0.2316419 * Math.abs(z));
  const q = 0.3989423 * Math.exp(-z * z / 2) * t * (0.3193815 + t * (-0.3565638 + t * (1.781478 + t * (-1.821256 + t * 1.330274))));
  return z > 0 ? 1 - q : q;
}

/** Lateral errors (in standard deviations) and weights: a 5-point stand-in for the kick's noise. */
const GOAL_Y_IN = 3.45; // m: a ball centre inside this |y| crosses between the posts
const NOISE_Z = [-1.7, -0.85, 0, 0.85, 1.7];
const NOISE_W = [0.09, 0.24, 0.34, 0.24, 0.09];

/**
 * The chance that a shot from player `p` scores, for the best aim and power: the kick's noise
 * (RULES §2: it grows with power, the kicker's speed and the ball's distance from his feet)
 * spreads the ball around the aim; the keeper stops it if he can get there in time (and holds
 * a slower ball more often); an outfield player stops it if it passes at his feet on a tick.
 * Returns {aimY, power, p}.
 * @param {Observation} obs @param {ReturnType<typeof read>} m @param {PlayerView} p
 */
function shotModel(obs, m, p) {
  const b = obs.ball;
  const reach = m.reach;
  const kd = Math.min(1, dist(p, b) / reach);
  const ks = Math.hypot(p.vx, p.vy);
  const high = b.z - 0.11 > 0.5 ? b.z - 0.11 : 0;
  let keeper = null;
  for (const o of m.opp) if (o.isGoalkeeper) keeper = o;
  let best = { aimY: 0, power: 1, p: 0 };
  for (const power of [0.7, 0.85, 1]) {
    const sigma = 0.015 + 0.055 * power * power + 0.03 * ks / 8 + 0.05 * kd + 0.08 * high / 1.9;
    const v0 = power * 30 * (1 - 0.25 * kd);
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
        // The ball rolls: speed and time along its way (constant deceleration is close enough for 30 m).
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
 * Plays a kick from the ball toward `target` at `speed` m/s with `lift` and follows it: when
 * does team-mate `mate` get it, and when could the first opponent? Returns the margin in ticks
 * (positive: ours) and where the mate meets it.
 * @param {Observation} obs @param {ReturnType<typeof read>} m @param {Vec2} target
 * @param {number} speed @param {number} lift @param {PlayerView} mate
 */
function judgePass(obs, m, target, speed, lift, mate) {
  const b = obs.ball;
  const dx = target.x - b.x;
  const dy = target.y - b.y;
  const d = Math.sqrt(dx * dx + dy * dy) || 1;
  const q = Math.sqrt(1 + lift * lift);
  const vh = speed / q;
  const path = simulateBall({ x: b.x, y: b.y, z: Math.max(b.z, 0.11), vx: (dx / d) * vh, vy: (dy / d) * vh, vz: (speed * lift) / q }, HORIZON);
  let mateT = -1;
  for (let t = 1; t <= HORIZON; t++) {
    const x = path.xs[t], y = path.ys[t];
    if (Math.abs(x) > HALF_L || Math.abs(y) > HALF_W) return { margin: -99, at: target };
    if (path.zs[t] > 1.8) continue;
    if (timeTo(mate, x, y, m.reach * 0.7) <= (t + 1) * DT) { mateT = t; break; }
  }
  if (mateT < 0) return { margin: -99, at: target };
  let margin = 99;
  for (const o of m.opp) {
    // Only opponents that could be anywhere near the line matter.
    const u = clamp(((o.x - b.x) * dx + (o.y - b.y) * dy) / (d * d), 0, 1.2);
    const near = Math.hypot(b.x + dx * u - o.x, b.y + dy * u - o.y);
    if (near > 3 + (mateT + 1) * DT * 8) continue;
    for (let t = 1; t <= mateT; t++) {
      if (path.zs[t] > 1.9) continue;
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
function bestPass(obs, m, p, minSafety) {
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
function loftSpeedFor(d) {
  // Range grows roughly with speed squared; air drag shortens long balls, hence the falling constant.
  return clamp(Math.sqrt(d / (0.088 - 0.00068 * d)), 8, 30);
}

/** Kick power that gives the ball `speed` m/s from player `p` (a ball far from the feet comes off weaker). */
function powerFor(obs, p, speed) {
  const awk = Math.min(1, dist(p, obs.ball) / obs.info.physics.kickReach);
  return clamp(speed / (obs.info.physics.maxKickSpeed * (1 - 0.25 * awk)), 0, 1);
}

/** The decision of the player on the ball. @param {Observation} obs @param {ReturnType<typeof read>} m @param {PlayerView} p @returns {PlayerCommand} */
function onTheBall(obs, m, p) {
  const b = obs.ball;
  const goal = { x: HALF_L, y: 0 };
  const toGoal = dist(b, goal);
  let nearest = 99;
  for (const o of m.opp) nearest = Math.min(nearest, dist(o, b));
  // 1. Shoot: always from close in, from further out when the shot is clear.
  if (toGoal < STYLE.shootRange && Math.abs(b.y) < 20) {
    const s = bestShot(obs);
    const sm = shotModel(obs, m, p);
    if (toGoal < STYLE.closeRange || sm.p > 0.12 || s.margin > -0.3 || s.blocked > 0) {
      return { kick: { target: { x: HALF_L + 1, y: sm.aimY }, power: sm.power, lift: 0 } };
    }
  }
  // 2. Pass, when it is safe and worth more than carrying the ball.
  const pressed = nearest < STYLE.dribbleSpace;
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
    const side = b.y >= 0 ? 1 : -1;
    return { kick: { target: { x: b.x + 35, y: side * 26 }, power: 0.85, lift: 0.6 } };
  }
  if (toGoal < 32) {
    const s = bestShot(obs);
    return { kick: { target: { x: HALF_L + 1, y: s.aimY }, power: 0.95, lift: 0.08 } };
  }
  return { kick: { target: { x: 44, y: -b.y * 0.3 }, power: 0.8, lift: 0.5 } };
}

/**
 * Where to run with the ball: toward goal, or diagonally, whichever leaves opponents furthest behind.
 * @param {Observation} obs @param {ReturnType<typeof read>} m @param {PlayerView} p
 */
function dribbleDirection(obs, m, p) {
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
function dribble(obs, p, dir) {
  const b = obs.ball;
  const along = p.vx * dir.ux + p.vy * dir.uy;
  const speed = clamp(along + 1.5, 2.5, 7.5);
  // The target stays within 6 m so the touch does not count as a (failed) pass.
  const target = { x: b.x + dir.ux * 4, y: b.y + dir.uy * 4 };
  return { kick: { target, power: powerFor(obs, p, speed), lift: 0 }, moveTo: { x: b.x + dir.ux * 6, y: b.y + dir.uy * 6 }, sprint: true };
}

/** A cross: a lofted ball to a team-mate in the box, or to the penalty spot area. @param {Observation} obs @param {ReturnType<typeof read>} m */
function bestCross(obs, m) {
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

// ---------------------------------------------------------------------------------------------
// Off the ball: the shape, pressing and marking.
// ---------------------------------------------------------------------------------------------

/** Where player `i` stands in our shape for this ball position and phase. @param {Observation} obs @param {ReturnType<typeof read>} m @param {number} i @param {boolean} attacking */
function shapeSpot(obs, m, i, attacking) {
  const b = obs.ball;
  const base = (attacking ? STYLE.attackShape : STYLE.defenceShape)[i] ?? [0, 0];
  let x = base[0] + b.x * (attacking ? STYLE.attackFollow : STYLE.followX);
  let y = base[1] * (attacking ? 1 : 0.85) + (b.y - base[1]) * STYLE.followY * (attacking ? 0.6 : 1);
  if (!attacking) {
    // The back line holds between lineMin and lineMax; everyone keeps the block compact ahead of it.
    const line = clamp(STYLE.defenceShape[1][0] + b.x * STYLE.followX, STYLE.lineMin, STYLE.lineMax);
    x = Math.max(x, line + (base[0] - STYLE.defenceShape[1][0]) * 0.8);
    // Everyone but the forwards (who wait for the counter) gets back behind the ball.
    if (base[0] < -10) x = Math.min(x, b.x + 2);
    // Never deeper than the ball carrier needs: stay goal-side of it.
    x = clamp(x, -48, 40);
  } else {
    // Forwards play on the shoulder of the last defender, ready to run in behind.
    if (base[0] >= 5) x = Math.max(x, Math.min(m.offsideLine - 1, b.x + STYLE.runDepth));
    // Stay onside: level with the second-last defender (or behind the ball) at the moment of a pass.
    const onside = Math.max(m.offsideLine - 0.8, b.x - 0.5);
    if (x > onside) x = onside;
    x = clamp(x, -46, 48);
  }
  return { x, y: clamp(y, -HALF_W + 2, HALF_W - 2) };
}

/**
 * Off-the-ball attacking run: move from the shape spot toward free space (away from the
 * nearest opponent), so there is a pass on.
 * @param {ReturnType<typeof read>} m @param {Vec2} spot
 */
function findSpace(m, spot) {
  let nx = 0, ny = 0;
  for (const o of m.opp) {
    const dx = spot.x - o.x, dy = spot.y - o.y;
    const d2 = dx * dx + dy * dy;
    if (d2 > 100 || d2 < 1e-6) continue;
    const w = (10 - Math.sqrt(d2)) / Math.sqrt(d2);
    nx += dx * w; ny += dy * w;
  }
  const n = Math.hypot(nx, ny);
  if (n > 5) { nx *= 5 / n; ny *= 5 / n; }
  return { x: spot.x + nx * 0.6, y: clamp(spot.y + ny, -HALF_W + 1.5, HALF_W - 1.5) };
}

/**
 * Marking: each defender takes the most dangerous unmarked opponent near his zone and stands
 * goal-side of him, a little toward the ball. Returns index -> spot.
 * @param {Observation} obs @param {ReturnType<typeof read>} m @param {Map<number, Vec2>} zones
 */
function marking(obs, m, zones) {
  const b = obs.ball;
  /** @type {Map<number, Vec2>} */
  const spots = new Map();
  const threats = m.opp
    .filter((o) => !o.isGoalkeeper && o.x < b.x + 8 && o.x < -5)
    .sort((a, c) => a.x - c.x);
  const free = new Set(zones.keys());
  for (const o of threats) {
    let pick = -1;
    let pd = 14;
    for (const i of free) {
      const z = zones.get(i);
      if (!z) continue;
      const d = dist(z, o);
      if (d < pd) { pd = d; pick = i; }
    }
    if (pick < 0) continue;
    free.delete(pick);
    // Goal-side of the opponent, leaning toward the ball to cut the pass.
    const gx = -HALF_L - o.x, gy = -o.y, g = Math.hypot(gx, gy) || 1;
    const bx = b.x - o.x, by = b.y - o.y, bd = Math.hypot(bx, by) || 1;
    const z = zones.get(pick) ?? o;
    const k = STYLE.marking;
    const mx = o.x + (gx / g) * 2.5 + (bx / bd) * 1.0, my = o.y + (gy / g) * 2.5 + (by / bd) * 1.0;
    spots.set(pick, { x: z.x + (mx - z.x) * k, y: z.y + (my - z.y) * k });
  }
  return spots;
}

// ---------------------------------------------------------------------------------------------
// The goalkeeper.
// ---------------------------------------------------------------------------------------------

/** Per side (home/away), ticks the keeper has held the ball: the law allows 60. */
const held = { home: 0, away: 0 };

/** @param {Observation} obs @param {ReturnType<typeof read>} m @param {PlayerView} p @returns {PlayerCommand} */
function keeper(obs, m, p) {
  const b = obs.ball;
  const side = obs.info.side;
  if (p.holdingBall) {
    held[side]++;
    // Let the team spread out for a moment, then throw (or kick) it to a free man; never past ~45 ticks.
    const wait = held[side] < 12;
    const pass = wait ? null : bestPass(obs, m, p, held[side] > 35 ? 2 : STYLE.passSafety + 2);
    const stay = { x: clamp(p.x, -HALF_L + 1, BOX_X - 2), y: clamp(p.y, -BOX_Y + 2, BOX_Y - 2) };
    if (pass) {
      const speed = pass.lift > 0 ? pass.speed : Math.min(pass.speed, 18);
      return { kick: { target: pass.target, power: clamp(speed / 30, 0, 1), lift: pass.lift }, moveTo: stay };
    }
    if (held[side] > 45) return { kick: { target: { x: 10, y: b.y >= 0 ? 22 : -22 }, power: 0.95, lift: 0.6 }, moveTo: stay };
    return { moveTo: stay };
  }
  held[side] = 0;
  const r = obs.restart;
  // Our goal kick: the keeper takes it.
  if (r && r.team === 'own' && r.kind === 'goal_kick') return takeRestart(obs, m, p);
  const near = dist(p, b) <= obs.info.physics.kickReach;
  // A ball we may not handle (a team-mate kicked it to us) or outside the box: play it with the feet.
  const backPass = obs.lastTouch !== null && obs.lastTouch.team === 'own' && obs.lastTouch.index !== 0;
  const canCatch = obs.mode === 'play' && !backPass && inOwnBox(b.x, b.y, 0.3) && b.z < 2.5;
  /** @type {PlayerCommand} */
  const cmd = { moveTo: guardSpot(obs, m), sprint: true };
  // A shot or loose ball coming into the box: go to meet it.
  if (obs.mode === 'play' && m.first === 0) {
    const t = Math.min(Math.round(m.ownT[0]), HORIZON);
    cmd.moveTo = { x: m.path.xs[t], y: m.path.ys[t] };
  } else if (obs.mode === 'play' && b.vx < -5) {
    const cross = lineCrossing(m.path);
    if (cross) cmd.moveTo = cross;
  }
  if (canCatch && dist(p, b) <= obs.info.physics.catchReach) cmd.catch = true;
  if (near && !cmd.catch) {
    const pass = bestPass(obs, m, p, STYLE.passSafety + 3);
    cmd.kick = pass
      ? { target: pass.target, power: powerFor(obs, p, pass.speed), lift: pass.lift }
      : { target: { x: b.x + 30, y: b.y >= 0 ? 30 : -30 }, power: 0.9, lift: 0.6 };
  }
  // Stay within the box (carrying or catching outside it is a handling offence; off the line is fine).
  if (cmd.moveTo) cmd.moveTo = { x: clamp(cmd.moveTo.x, -HALF_L + 0.3, BOX_X - 1), y: clamp(cmd.moveTo.y, -BOX_Y + 1, BOX_Y - 1) };
  return cmd;
}

/** Where the predicted ball path crosses near our goal mouth, if it does. @param {{xs:number[],ys:number[],zs:number[]}} path */
function lineCrossing(path) {
  for (let t = 1; t <= HORIZON; t++) {
    if (path.xs[t] < -HALF_L + 1.2) {
      if (Math.abs(path.ys[t]) < 5.5 && path.zs[t] < 3) return { x: -HALF_L + 0.8, y: path.ys[t] };
      return null;
    }
  }
  return null;
}

/** The keeper's spot: on the line from the goal centre to the ball, further out as the ball comes closer. @param {Observation} obs @param {ReturnType<typeof read>} m */
function guardSpot(obs, m) {
  const b = obs.ball;
  const gx = b.x + HALF_L, gy = b.y;
  const d = Math.hypot(gx, gy) || 1;
  const out = d < 20 ? 1.5 : d < 40 ? 2.5 : 4;
  return { x: -HALF_L + (gx / d) * out, y: clamp((gy / d) * out, -2.8, 2.8) };
}

// ---------------------------------------------------------------------------------------------
// Restarts: kick-off, throw-ins, corners, goal kicks, free kicks, penalties, dropped balls.
// ---------------------------------------------------------------------------------------------

/** Our player who takes our current restart: the keeper for goal kicks, else the nearest outfielder. @param {Observation} obs */
function restartTaker(obs) {
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
function takeRestart(obs, m, p) {
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
    const pass = bestPass(obs, m, p, 2);
    if (pass && pass.speed <= maxSpeed) kick = { target: pass.target, power: powerFor(obs, p, pass.speed), lift: pass.lift };
    else if (r.kind === 'throw_in') kick = { target: { x: b.x + 12, y: b.y * 0.6 }, power: 0.55, lift: 0 };
    else kick = { target: { x: Math.max(b.x + 30, 10), y: b.y * 0.5 }, power: 0.9, lift: 0.6 };
  }
  // Stand just behind the ball on the line of the kick, then strike.
  const dx = kick.target.x - b.x, dy = kick.target.y - b.y, d = Math.hypot(dx, dy) || 1;
  const spot = { x: b.x - (dx / d) * 0.5, y: b.y - (dy / d) * 0.5 };
  const waited = 100 - r.ticksLeft;
  // Kick-offs and penalties at once, throw-ins quickly (a team that kicks the ball out wants time), the rest once the team is set.
  const wait = r.kind === 'kickoff' || r.kind === 'penalty' ? 0 : r.kind === 'throw_in' ? Math.min(8, STYLE.restartWait) : STYLE.restartWait;
  const ready = dist(p, b) <= obs.info.physics.kickReach && waited >= wait;
  return ready ? { moveTo: spot, kick } : { moveTo: spot, sprint: dist(p, b) > 5 };
}

/** A penalty: firm and low, inside the post further from where the keeper stands. @param {Observation} obs */
function penaltyKick(obs) {
  const k = obs.opponents[0];
  // The side is chosen from the seed and the score, so it is not the same every time.
  const pick = (obs.info.seed + obs.tick) % 2 === 0 ? 1 : -1;
  const side = Math.abs(k.y) > 0.3 ? (k.y > 0 ? -1 : 1) : pick;
  return { target: { x: HALF_L + 1, y: side * 2.7 }, power: 0.85, lift: 0.03 };
}

// ---------------------------------------------------------------------------------------------
// The shoot-out: our kicker takes the kick, or our keeper faces it.
// ---------------------------------------------------------------------------------------------

/** @param {Observation} obs @returns {PlayerCommand[]} */
function shootout(obs) {
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

// ---------------------------------------------------------------------------------------------
// The tick: every player's command.
// ---------------------------------------------------------------------------------------------

/** How we read them: a last line nearer halfway than `highLine` is a high line; more than `longRate` long balls per 1000 ticks is a long-ball team. */
const READ = { highLine: 25, overTheTop: 0.6, longRate: 2, lineDrop: 10 };
// ---------------------------------------------------------------------------------------------
// Reading the opponent: what their team does over the match, and our numbers adjusted to it.
// ---------------------------------------------------------------------------------------------

/** Our numbers as written, before any adjustment (restored at every setup: a module may play many matches). */
const BASE = { ...STYLE };
/** What we have seen of them this match. */
const seen = { lineSum: 0, lineN: 0, longs: 0, lastLong: -99, readAt: 0 };

/** Forgets the last match: called from setup. */
function resetRead() {
  Object.assign(STYLE, BASE);
  seen.lineSum = 0; seen.lineN = 0; seen.longs = 0; seen.lastLong = -99; seen.readAt = 0;
}

/**
 * Watches the opponents every tick and, every 300 ticks, adjusts our numbers:
 * - their last line when we have the ball in our half: a high line (far from their goal) leaves
 *   space behind it, so we look for lofted balls over the top;
 * - their long balls (a lofted kick of theirs, fast toward our goal): a team that goes long
 *   punishes a high line, so ours drops back.
 * @param {Observation} obs @param {ReturnType<typeof read>} m
 */
function readOpponent(obs, m) {
  const b = obs.ball;
  if (obs.mode === 'play' && m.ours && b.x < 0) {
    let first = -99, second = -99;
    for (const o of m.opp) {
      if (o.x > first) { second = first; first = o.x; } else if (o.x > second) second = o.x;
    }
    seen.lineSum += second; seen.lineN++;
  }
  const lt = obs.lastTouch;
  if (obs.mode === 'play' && lt !== null && lt.team === 'opponent' && b.vz > 2 && b.vx < -5 && b.vx * b.vx + b.vy * b.vy > 150 && obs.tick - seen.lastLong > 30) {
    seen.longs++; seen.lastLong = obs.tick;
  }
  if (obs.tick - seen.readAt < 300) return;
  seen.readAt = obs.tick;
  const line = seen.lineN >= 100 ? seen.lineSum / seen.lineN : HALF_L;
  STYLE.longBalls = line < READ.highLine ? READ.overTheTop : BASE.longBalls;
  // Long balls per 1000 ticks (100 seconds) of the match so far.
  const rate = (seen.longs * 1000) / Math.max(600, obs.tick);
  const drop = rate > READ.longRate ? READ.lineDrop : 0;
  STYLE.lineMax = BASE.lineMax - drop;
  STYLE.lineMin = BASE.lineMin - drop * 0.5;
}

/** @param {import('../../engine/policy').MatchInfo} info */
export function setup(info) {
  resetRead();
  held[info.side] = 0;
}

/** @param {Observation} obs @returns {PlayerCommand[]} */
export function tick(obs) {
  if (obs.period === 'shootout') return shootout(obs);
  const m = read(obs);
  readOpponent(obs, m);
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
    const target = attacking ? findSpace(m, spot) : spot;
    cmds.push({ moveTo: target, sprint: dist(p, target) > 12 });
  }
  return cmds;
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
