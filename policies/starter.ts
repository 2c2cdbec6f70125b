// A matchday starter team, written by `matchday new --ts`. It plays every phase of the game
// plainly: a 4-4-2 that slides with the ball, one player on the ball who shoots, passes or
// dribbles, a goalkeeper that keeps to the laws, restarts and shoot-out kicks taken.
// Make it yours. Read docs/RULES.md and docs/POLICY_API.md (or `matchday spec`), test with
// `matchday validate` and `matchday scrim`.
//
// The frame: you always attack toward +x; your goal line is x = -52.5, the opponent's
// x = +52.5; y runs across the pitch. Metres, m/s, ticks (10 per second).
// A policy is one file: no imports, except `import type` (erased before the file loads).
// Top-level variables live for the whole match.

import type { MatchInfo, Observation, PlayerCommand, Vec2 } from '../engine/policy.js';


/** Where each player stands when the ball is at the centre spot (index 0 is the goalkeeper). */
const SHAPE: ReadonlyArray<readonly [number, number]> = [
  [-50, 0],
  [-34, -20], [-36, -7], [-36, 7], [-34, 20], // the back four
  [-18, -22], [-20, -7], [-20, 7], [-18, 22], // the midfield four
  [-4, -8], [-4, 8], // two forwards
];
/** A tackle faster than this is reckless (a yellow card, RULES.md §6): tackle a little slower. */
const TACKLE_SPEED = 5;
/** Release a caught ball after this many ticks: well inside the six-second law. */
const HOLD_FOR = 15;

/** Filled by setup(): the pitch and physics numbers, from MatchInfo. */
let info: MatchInfo | null = null;
/** The player who took our last restart: it may not touch the ball again before someone else. */
let blocked = -1;
let previousMode = '';
/** The tick on which our keeper caught the ball. */
let caughtAt = -1;
/** Where our current shoot-out kick goes, chosen once per kick. */
let cornerY = 0;
let aimedFor = -1;

/** Called once before the first tick. */
export function setup(matchInfo: MatchInfo): void {
  info = matchInfo;
}

function dist(a: Vec2, b: Vec2): number {
  const dx = a.x - b.x, dy = a.y - b.y;
  return Math.sqrt(dx * dx + dy * dy);
}

function clamp(v: number, lo: number, hi: number): number {
  return v < lo ? lo : v > hi ? hi : v;
}

/** Distance from point p to the segment a-b: is an opponent standing in a passing lane? */
function toSegment(p: Vec2, a: Vec2, b: Vec2): number {
  const dx = b.x - a.x, dy = b.y - a.y;
  const t = clamp(((p.x - a.x) * dx + (p.y - a.y) * dy) / (dx * dx + dy * dy || 1), 0, 1);
  return dist(p, { x: a.x + t * dx, y: a.y + t * dy });
}

/** Metres from q to the nearest opponent still on the pitch. */
function space(obs: Observation, q: Vec2): number {
  let d = Infinity;
  for (const o of obs.opponents) if (!o.sentOff) d = Math.min(d, dist(o, q));
  return d;
}

/**
 * Kick power for a ground pass over d metres that arrives at about 4 m/s. A rolling ball
 * loses roughly 1.6 m/s per second (RULES.md §2), so v0² ≈ 4² + 2 × 1.6 × d.
 */
function passPower(obs: Observation, d: number): number {
  return clamp(Math.sqrt(16 + 3.2 * d) / obs.info.physics.maxKickSpeed, 0.15, 1);
}

/** The best free team-mate ahead of the ball, or null. `from` is the passer's index. */
function bestPass(obs: Observation, from: number): { target: Vec2; d: number } | null {
  const b = obs.ball;
  let best: { target: Vec2; d: number } | null = null;
  let bestScore = -Infinity;
  for (const m of obs.own) {
    if (m.index === from || m.sentOff || m.isGoalkeeper) continue;
    const target = { x: m.x + 1.5, y: m.y }; // a little ahead of the receiver
    const d = dist(b, target);
    if (d < 7 || d > 35 || target.x < b.x - 10) continue;
    let lane = Infinity;
    for (const o of obs.opponents) if (!o.sentOff) lane = Math.min(lane, toSegment(o, b, target));
    if (lane < 2 || space(obs, target) < 4) continue;
    const score = target.x - b.x + Math.min(lane, 6) - 0.1 * d;
    if (score > bestScore) {
      bestScore = score;
      best = { target, d };
    }
  }
  return best;
}

/**
 * The kick of the player on the ball: shoot, pass, dribble or clear. From a restart it never
 * dribbles: the taker may not touch the ball again before another player has.
 */
function onTheBall(obs: Observation, me: number, restart: boolean): NonNullable<PlayerCommand['kick']> {
  const b = obs.ball;
  const goalX = obs.info.pitch.length / 2;
  const post = obs.info.pitch.goalWidth / 2;
  if (goalX - b.x < 25 && Math.abs(b.y) < 15) {
    // Shoot inside the post further from their keeper, low and hard.
    const keeperY = obs.opponents[0]?.y ?? 0;
    return { target: { x: goalX + 1, y: keeperY > 0 ? -(post - 0.8) : post - 0.8 }, power: 0.9, lift: 0.05 };
  }
  // A restart deep in our half (a goal kick, a free kick near our box): send it long to a wing.
  if (restart && b.x < -25) return { target: { x: b.x + 45, y: b.y >= 0 ? 22 : -22 }, power: 0.85, lift: 0.5 };
  const pass = bestPass(obs, me);
  const ahead = { x: b.x + 4, y: b.y * 0.95 };
  if (!restart && space(obs, b) > 5 && space(obs, ahead) > 5 && (pass === null || pass.target.x < b.x + 12)) {
    return { target: ahead, power: 0.18 }; // a dribbling touch: the ball rolls a few metres ahead
  }
  if (pass !== null) return { target: pass.target, power: passPower(obs, pass.d) };
  return { target: { x: b.x + 30, y: b.y >= 0 ? 20 : -20 }, power: 0.8, lift: 0.4 }; // nothing on: clear it high
}

/** True when the ball lies inside our own penalty area, with a small margin. */
function ballInOwnBox(obs: Observation): boolean {
  const p = obs.info.pitch;
  return obs.ball.x <= -p.length / 2 + p.penaltyAreaDepth - 0.3 && Math.abs(obs.ball.y) <= p.penaltyAreaWidth / 2 - 0.3;
}

/** The goalkeeper (index 0). */
function keeper(obs: Observation): PlayerCommand {
  const me = obs.own[0];
  const b = obs.ball;
  const goalX = -obs.info.pitch.length / 2;
  if (!me || me.sentOff) return {};
  if (me.holdingBall) {
    if (caughtAt < 0) caughtAt = obs.tick;
    if (obs.tick - caughtAt < HOLD_FOR) return {}; // let the team spread out first
    const pass = bestPass(obs, 0);
    // A throw (lift 0) to a free team-mate, or a punt upfield.
    const kick = pass !== null && pass.d < 30 ? { target: pass.target, power: passPower(obs, pass.d), lift: 0 } : { target: { x: 10, y: b.y >= 0 ? 22 : -22 }, power: 0.9, lift: 0.6 };
    return { kick };
  }
  caughtAt = -1;
  // Stand 1.5 m off the line, between the ball and the middle of the goal.
  const cmd: PlayerCommand = { moveTo: { x: goalX + 1.5, y: clamp(b.y * 0.15, -2.5, 2.5) } };
  if (obs.mode !== 'play') return cmd;
  if (ballInOwnBox(obs) && dist(me, b) < 12) {
    cmd.moveTo = { x: b.x + b.vx * 0.1, y: b.y + b.vy * 0.1 };
    cmd.sprint = true;
  }
  // Hands only inside our own area, and never for a ball a team-mate kicked to us (back-pass).
  const backPass = obs.lastTouch !== null && obs.lastTouch.team === 'own' && obs.lastTouch.index !== 0;
  if (ballInOwnBox(obs) && !backPass) cmd.catch = true;
  else cmd.kick = { target: { x: b.x + 30, y: b.y >= 0 ? 25 : -25 }, power: 0.9, lift: 0.5 }; // feet: clear it
  return cmd;
}

/** A penalty shoot-out kick: only our kicker or our keeper acts. */
function shootout(obs: Observation): PlayerCommand[] {
  const so = obs.shootout;
  const cmds: PlayerCommand[] = [];
  if (so === null) return cmds;
  const goalX = obs.info.pitch.length / 2;
  const b = obs.ball;
  if (so.kicking === 'own') {
    // The referee names the kicker. Pick a corner at random (Math.random is seeded: fair and replayable).
    if (aimedFor !== so.ownKicks) {
      aimedFor = so.ownKicks;
      cornerY = (Math.random() < 0.5 ? -1 : 1) * (obs.info.pitch.goalWidth / 2 - 0.9);
    }
    cmds[so.kickerIndex] = { moveTo: b, kick: { target: { x: goalX + 1, y: cornerY }, power: 0.8, lift: 0.03 } };
  } else {
    // Our keeper may only move along its line until the kick: follow the ball's path, then catch.
    const t = b.vx < -1 ? (-goalX - b.x) / b.vx : 0;
    cmds[0] = { moveTo: { x: -goalX + 0.3, y: clamp(b.y + b.vy * t, -3.5, 3.5) }, sprint: true, catch: true };
  }
  return cmds;
}

/** Called every tick: one command per player, by index. */
export function tick(obs: Observation): Array<PlayerCommand | null> {
  if (info === null) info = obs.info;
  if (obs.shootout !== null) return shootout(obs);
  const b = obs.ball;
  const r = obs.restart;
  // The restart taker may not touch the ball again until another player has.
  if (previousMode !== 'play' && previousMode !== 'stopped' && obs.mode === 'play' && obs.lastTouch?.team === 'own') blocked = obs.lastTouch.index;
  else if (obs.lastTouch === null || obs.lastTouch.team !== 'own' || obs.lastTouch.index !== blocked) blocked = -1;
  previousMode = obs.mode;

  const ours = r !== null && r.team === 'own';
  const theirs = r !== null && r.team === 'opponent';
  const attacking = ours || (obs.lastTouch !== null && obs.lastTouch.team === 'own');
  // The player on the ball: our outfield player nearest to it (the ball's spot at a restart).
  let chaser = -1;
  for (const p of obs.own) {
    if (p.isGoalkeeper || p.sentOff || p.index === blocked) continue;
    if (chaser < 0 || dist(p, b) < dist(obs.own[chaser]!, b)) chaser = p.index;
  }
  // At our goal kick the keeper takes it (the ball lies in its area).
  if (ours && r.kind === 'goal_kick') chaser = 0;

  return obs.own.map((p) => {
    if (p.sentOff) return null;
    if (p.index === chaser && !theirs && obs.mode !== 'stopped') {
      const cmd: PlayerCommand = { moveTo: { x: b.x - 0.3, y: b.y }, sprint: dist(p, b) > 4 };
      // At our restart, give the others a moment to take their places (not at kick-off).
      const ready = !ours || r.kind === 'kickoff' || r.ticksLeft < 85;
      if (ready) cmd.kick = onTheBall(obs, p.index, ours);
      // Their ball: tackle when close, from the goal side (a tackle from behind is likely a foul), not recklessly fast.
      const theyHaveIt = obs.lastTouch !== null && obs.lastTouch.team === 'opponent';
      if (obs.mode === 'play' && theyHaveIt && dist(p, b) < 1.4 && p.x < b.x) {
        cmd.tackle = true;
        cmd.speed = TACKLE_SPEED;
        cmd.sprint = false;
      }
      return cmd;
    }
    if (p.isGoalkeeper) return keeper(obs);
    // Everyone else: the shape, slid toward the ball and pushed up when we have it.
    const spot = SHAPE[p.index] ?? [0, 0];
    const up = attacking ? 12 : 0;
    return { moveTo: { x: clamp(spot[0] + up + b.x * 0.5, -47, 45), y: clamp(spot[1] + b.y * 0.3, -32, 32) } };
  });
}
