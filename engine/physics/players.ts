// Player running, stamina and body contact: one tick of player physics.
import { DT, PHYS } from '../constants.js';
import * as L from '../obs-layout.js';
import { F_SENT_OFF, F_STRIDE, PLAYERS, P_STAMINA, P_STRIDE, P_VX, P_VY, P_X, P_Y, TEAM_SIZE, type MatchState } from '../state.js';

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
  for (let i = 0; i < NP; i++) {
    const o = i * PS;
    if (fl[i * FS + fSent]) {
      pl[o + pVX] = 0;
      pl[o + pVY] = 0;
      continue;
    }
    const team = i < TS ? 0 : 1;
    const c = cmds[team];
    const co = (i % TS) * CS;
    const flags = frozen[team] ? 0 : c[co + cFlags]!;
    const s = signs[team];
    const x = pl[o + pX]!;
    const y = pl[o + pY]!;
    let vx = pl[o + pVX]!;
    let vy = pl[o + pVY]!;
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
    const dv = Math.sqrt(dvx * dvx + dvy * dvy);
    const braking = dvx * vx + dvy * vy < 0;
    const limit = (braking ? deceleration : acceleration) * dt;
    if (dv > limit) {
      const k = limit / dv;
      dvx *= k;
      dvy *= k;
    }
    vx += dvx;
    vy += dvy;
    const sp = Math.sqrt(vx * vx + vy * vy);
    let st = stamina;
    if (sprint && sp > sprintDrainFrom) st -= sprintDrain;
    else if (sp > runDrainFrom) st -= runDrain;
    else st += recover;
    pl[o + pSt] = st < 0 ? 0 : st > 1 ? 1 : st;
    pl[o + pVX] = vx;
    pl[o + pVY] = vy;
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
 * rejects on dx mispredict and cost more than they save), and only the overlapping pairs are
 * then summed, per player with the same operations in the same order as a scan over every
 * partner (a partner that does not overlap adds nothing).
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
  let pairs = 0;
  for (let i = 0; i < NP - 1; i++) {
    const xi = xs[i]!;
    const yi = ys[i]!;
    for (let j = i + 1; j < NP; j++) {
      const dx = xi - xs[j]!;
      const dy = yi - ys[j]!;
      const d2 = dx * dx + dy * dy;
      // Written as the scan's skip test negated, so a NaN distance is kept as the scan keeps it.
      if (!(d2 >= min2) && d2 !== 0) {
        if (sentOff && (flags[i * FS + FO] || flags[j * FS + FO])) continue;
        // Rows run in ascending i, so both players' lists come out in ascending partner order.
        cs[i * NP + cn[i]!++] = j;
        cs[j * NP + cn[j]!++] = i;
        pairs++;
      }
    }
  }
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
      for (let m = 0; m < n; m++) {
        const j = cs[i * NP + ((start + m) % n)]!;
        const dx = xi - xs[j]!;
        const dy = yi - ys[j]!;
        const d = Math.sqrt(dx * dx + dy * dy);
        const f = (min - d) / (2 * d);
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
