// Player running, stamina and body contact: one tick of player physics.
import { DT, PHYS } from '../constants.js';
import * as L from '../obs-layout.js';
import { F_SENT_OFF, F_STRIDE, PLAYERS, P_STAMINA, P_STRIDE, P_VX, P_VY, P_X, P_Y, TEAM_SIZE, type MatchState } from '../state.js';

// Scratch for movePlayers' passes: written by the first for every player it moves, read by the later ones
// for the same players within the same synchronous call.
const wantX = new Float64Array(PLAYERS);
const wantY = new Float64Array(PLAYERS);
const sprintOf = new Int32Array(PLAYERS);

/** Top speed for a player with the given stamina. */
export function topSpeed(sprint: boolean, stamina: number): number {
  const base = sprint ? PHYS.sprintSpeed : PHYS.runSpeed;
  return base * (PHYS.exhaustedSpeedFactor + (1 - PHYS.exhaustedSpeedFactor) * stamina);
}

/**
 * Moves every player toward its commanded target. `cmds[t]` is team t's command buffer in
 * its own frame; `signs[t]` maps that frame to the pitch. Returns nothing: writes state.players.
 *
 * Hot path (22 players every tick of every match): the constants are read into locals once per
 * call, because an imported binding is re-loaded and checked on every use inside a loop (measured:
 * about a third of this function's time). The numbers, and the order of operations, are the same.
 * Three passes over the players (the wanted change of velocity; the limited change; speed, stamina
 * and position), each player's operations unchanged and in the same order: a player's chain of
 * square roots and divisions is long, and shorter loop bodies let the processor overlap more
 * players (measured ~+2%; test/engine/move-players.test.ts holds it to the one-pass loop).
 */
export function movePlayers(state: MatchState, cmds: [Float64Array, Float64Array], signs: [number, number], frozen: [boolean, boolean]): void {
  const pl = state.players;
  const fl = state.flags;
  const NP = PLAYERS;
  const TS = TEAM_SIZE;
  const PS = P_STRIDE;
  const FS = F_STRIDE;
  const CS = L.C_STRIDE;
  const cFlags = L.C_FLAGS;
  const cfSprint = L.CF_SPRINT;
  const cfSpeed = L.CF_SPEED;
  const cfMove = L.CF_MOVE;
  const cSpeed = L.C_SPEED;
  const cMoveX = L.C_MOVE_X;
  const cMoveY = L.C_MOVE_Y;
  const dt = DT;
  const sprintSpeed = PHYS.sprintSpeed;
  const runSpeed = PHYS.runSpeed;
  const exhausted = PHYS.exhaustedSpeedFactor;
  const fresh = 1 - PHYS.exhaustedSpeedFactor;
  const deceleration = PHYS.deceleration;
  const twoDecel = 2 * PHYS.deceleration;
  const acceleration = PHYS.acceleration;
  const sprintDrainFrom = PHYS.runSpeed * PHYS.sprintDrainAbove;
  const runDrainFrom = PHYS.runSpeed * PHYS.runDrainAbove;
  const sprintDrain = PHYS.sprintDrain;
  const runDrain = PHYS.runDrain;
  const recover = PHYS.recover;
  const lx = PHYS.runLimitX;
  const ly = PHYS.runLimitY;
  const pX = P_X;
  const pY = P_Y;
  const pVX = P_VX;
  const pVY = P_VY;
  const pSt = P_STAMINA;
  const fSent = F_SENT_OFF;
  const teams = state.stats.teams;
  const wx = wantX;
  const wy = wantY;
  const sprinting = sprintOf;
  for (let i = 0; i < NP; i++) {
    const o = i * PS;
    if (fl[i * FS + fSent]) continue;
    const team = i < TS ? 0 : 1;
    const c = cmds[team];
    const co = (team === 0 ? i : i - TS) * CS; // i % TS without an integer division
    const flags = frozen[team] ? 0 : c[co + cFlags]!;
    const s = signs[team];
    const x = pl[o + pX]!;
    const y = pl[o + pY]!;
    const vx = pl[o + pVX]!;
    const vy = pl[o + pVY]!;
    const stamina = pl[o + pSt]!;
    const sprint = (flags & cfSprint) !== 0;
    // topSpeed(sprint, stamina), written out.
    let cap = (sprint ? sprintSpeed : runSpeed) * (exhausted + fresh * stamina);
    if (flags & cfSpeed) cap = Math.min(cap, c[co + cSpeed]!);
    let dvx = -vx;
    let dvy = -vy;
    if (flags & cfMove) {
      const tx = s * c[co + cMoveX]!;
      const ty = s * c[co + cMoveY]!;
      const dx = tx - x;
      const dy = ty - y;
      const dist = Math.sqrt(dx * dx + dy * dy);
      if (dist > 1e-6) {
        // Arrive: no faster than what still lets the player brake to a stop at the target.
        const want = Math.min(cap, Math.sqrt(twoDecel * dist));
        dvx = (dx / dist) * want - vx;
        dvy = (dy / dist) * want - vy;
      }
    }
    wx[i] = dvx;
    wy[i] = dvy;
    sprinting[i] = sprint ? 1 : 0;
  }
  for (let i = 0; i < NP; i++) {
    const o = i * PS;
    if (fl[i * FS + fSent]) {
      pl[o + pVX] = 0;
      pl[o + pVY] = 0;
      continue;
    }
    const vx = pl[o + pVX]!;
    const vy = pl[o + pVY]!;
    let dvx = wx[i]!;
    let dvy = wy[i]!;
    const dv = Math.sqrt(dvx * dvx + dvy * dvy);
    const braking = dvx * vx + dvy * vy < 0;
    const limit = (braking ? deceleration : acceleration) * dt;
    if (dv > limit) {
      const k = limit / dv;
      dvx *= k;
      dvy *= k;
    }
    pl[o + pVX] = vx + dvx;
    pl[o + pVY] = vy + dvy;
  }
  for (let i = 0; i < NP; i++) {
    const o = i * PS;
    if (fl[i * FS + fSent]) continue;
    const team = i < TS ? 0 : 1;
    const x = pl[o + pX]!;
    const y = pl[o + pY]!;
    const vx = pl[o + pVX]!;
    const vy = pl[o + pVY]!;
    const sprint = sprinting[i] === 1;
    const sp = Math.sqrt(vx * vx + vy * vy);
    let st = pl[o + pSt]!;
    if (sprint && sp > sprintDrainFrom) st -= sprintDrain;
    else if (sp > runDrainFrom) st -= runDrain;
    else st += recover;
    pl[o + pSt] = st < 0 ? 0 : st > 1 ? 1 : st;
    // Players may run a little beyond the lines (to take a throw-in or a corner), no further.
    const nx = x + vx * dt;
    const ny = y + vy * dt;
    pl[o + pX] = nx > lx ? lx : nx < -lx ? -lx : nx;
    pl[o + pY] = ny > ly ? ly : ny < -ly ? -ly : ny;
    teams[team].distance += sp * dt;
  }
  separate(state);
}

// Scratch for separate(), module-wide to spare an allocation per tick: it is filled and read within one
// synchronous call, so two matches in one process (tests, a match process) never see each other's values.
const pushX = new Float64Array(PLAYERS);
const pushY = new Float64Array(PLAYERS);
/** contacts[i * PLAYERS + n] is player i's n-th overlapping player, in ascending index; count[i] how many. */
const contacts = new Int32Array(PLAYERS * PLAYERS);
const count = new Int32Array(PLAYERS);
/** share[i * PLAYERS + j] = share[j * PLAYERS + i]: an overlapping pair's push factor (min - d) / (2 d), the same bits for either player. */
const share = new Float64Array(PLAYERS * PLAYERS);
/** Positions copied out of the strided player array, so the pair loop reads two dense arrays. */
const posX = new Float64Array(PLAYERS);
const posY = new Float64Array(PLAYERS);

/**
 * Body contact: overlapping players are pushed apart, half the overlap each. All pushes
 * are computed from the same positions, then applied; each player sums its own team's
 * contacts before the opponents', so the order of sums is the same for either side.
 *
 * Speed without changing a bit: each pair is tested once (|xi - xj| and |dx|^2 do not depend on
 * the order of the pair), with no branch before the distance test (players bunch, so cheap
 * rejects on dx mispredict and cost more than they save; so did a sort-and-sweep and a grid of
 * strips, measured), an overlapping pair's square root and division are done once for both
 * players, and only the overlapping pairs are then summed, per player with the same operations
 * in the same order as a scan over every partner (a partner that does not overlap adds nothing).
 */
export function separate(state: MatchState): void {
  const pl = state.players;
  const flags = state.flags;
  // Locals for the imported constants, as in movePlayers (same numbers, no per-use checks).
  const NP = PLAYERS;
  const TS = TEAM_SIZE;
  const PS = P_STRIDE;
  const FS = F_STRIDE;
  const FO = F_SENT_OFF;
  const pX = P_X;
  const pY = P_Y;
  const bx = pushX;
  const by = pushY;
  const cs = contacts;
  const cn = count;
  const fs = share;
  const min = 2 * PHYS.playerRadius;
  const min2 = min * min;
  const xs = posX;
  const ys = posY;
  let sentOff = false;
  for (let i = 0; i < NP; i++) {
    cn[i] = 0;
    bx[i] = 0;
    by[i] = 0;
    xs[i] = pl[i * PS + pX]!;
    ys[i] = pl[i * PS + pY]!;
    if (flags[i * FS + FO]) sentOff = true;
  }
  const pairs = sentOff ? findPairsSentOff(xs, ys, min, flags, cs, cn, fs) : findPairs(xs, ys, min, cs, cn, fs);
  if (pairs > 0) {
    for (let i = 0; i < NP; i++) {
      const n = cn[i]!;
      if (n === 0) continue;
      // Own team first. A home player's list is already in that order; an away player's starts at
      // its first away partner and wraps round to the home ones.
      let start = 0;
      if (i >= TS) while (start < n && cs[i * NP + start]! < TS) start++;
      const xi = xs[i]!;
      const yi = ys[i]!;
      let px = 0;
      let py = 0;
      for (let m = 0, at = start; m < n; m++, at++) {
        // at is (start + m) % n, wrapped without an integer division.
        if (at === n) at = 0;
        const j = cs[i * NP + at]!;
        const dx = xi - xs[j]!;
        const dy = yi - ys[j]!;
        const f = fs[i * NP + j]!;
        px += dx * f;
        py += dy * f;
      }
      bx[i] = px;
      by[i] = py;
    }
  }
  // Applied even with no contact: x + 0 turns a -0 into +0, and the state must keep every bit.
  for (let i = 0; i < NP; i++) {
    pl[i * PS + pX] = pl[i * PS + pX]! + bx[i]!;
    pl[i * PS + pY] = pl[i * PS + pY]! + by[i]!;
  }
}

/**
 * The pair test over every pair, each once, when nobody is sent off: records each overlapping pair
 * in both players' contact lists and its push factor in fs. Returns the number of pairs. A function
 * of its own, its arrays in parameters, so the loop reads them without re-checking them.
 */
function findPairs(xs: Float64Array, ys: Float64Array, min: number, cs: Int32Array, cn: Int32Array, fs: Float64Array): number {
  const NP = PLAYERS;
  const min2 = min * min;
  let pairs = 0;
  for (let i = 0; i < NP - 1; i++) {
    const xi = xs[i]!;
    const yi = ys[i]!;
    for (let j = i + 1; j < NP; j++) {
      const dx = xi - xs[j]!;
      const dy = yi - ys[j]!;
      const d2 = dx * dx + dy * dy;
      // Written as the scan's skip test negated, so a NaN distance is kept as the scan keeps it.
      if (!(d2 >= min2) && d2 !== 0) pairs += record(i, j, d2, min, cs, cn, fs);
    }
  }
  return pairs;
}

/** findPairs when someone is sent off: a sent-off player touches nobody. */
function findPairsSentOff(xs: Float64Array, ys: Float64Array, min: number, flags: Int32Array, cs: Int32Array, cn: Int32Array, fs: Float64Array): number {
  const NP = PLAYERS;
  const FS = F_STRIDE;
  const FO = F_SENT_OFF;
  const min2 = min * min;
  let pairs = 0;
  for (let i = 0; i < NP - 1; i++) {
    if (flags[i * FS + FO]) continue;
    const xi = xs[i]!;
    const yi = ys[i]!;
    for (let j = i + 1; j < NP; j++) {
      const dx = xi - xs[j]!;
      const dy = yi - ys[j]!;
      const d2 = dx * dx + dy * dy;
      if (!(d2 >= min2) && d2 !== 0 && !flags[j * FS + FO]) pairs += record(i, j, d2, min, cs, cn, fs);
    }
  }
  return pairs;
}

/**
 * Records the overlapping pair i < j. Rows run in ascending i, so both players' lists come out in
 * ascending partner order. The push factor is computed once: d from the same d2 (dx * dx does not
 * depend on the order of the pair), so the same bits as each player computing it.
 */
function record(i: number, j: number, d2: number, min: number, cs: Int32Array, cn: Int32Array, fs: Float64Array): number {
  const NP = PLAYERS;
  cs[i * NP + cn[i]!++] = j;
  cs[j * NP + cn[j]!++] = i;
  const d = Math.sqrt(d2);
  const f = (min - d) / (2 * d);
  fs[i * NP + j] = f;
  fs[j * NP + i] = f;
  return 1;
}
