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
 */
export function movePlayers(state: MatchState, cmds: [Float64Array, Float64Array], signs: [number, number], frozen: [boolean, boolean]): void {
  const pl = state.players;
  for (let i = 0; i < PLAYERS; i++) {
    const o = i * P_STRIDE;
    if (state.flags[i * F_STRIDE + F_SENT_OFF]) {
      pl[o + P_VX] = 0;
      pl[o + P_VY] = 0;
      continue;
    }
    const team = i < TEAM_SIZE ? 0 : 1;
    const c = cmds[team];
    const co = (i % TEAM_SIZE) * L.C_STRIDE;
    const flags = frozen[team] ? 0 : c[co + L.C_FLAGS]!;
    const s = signs[team];
    const x = pl[o + P_X]!;
    const y = pl[o + P_Y]!;
    let vx = pl[o + P_VX]!;
    let vy = pl[o + P_VY]!;
    const stamina = pl[o + P_STAMINA]!;
    const sprint = (flags & L.CF_SPRINT) !== 0;
    let cap = topSpeed(sprint, stamina);
    if (flags & L.CF_SPEED) cap = Math.min(cap, c[co + L.C_SPEED]!);
    let dvx = -vx;
    let dvy = -vy;
    if (flags & L.CF_MOVE) {
      const tx = s * c[co + L.C_MOVE_X]!;
      const ty = s * c[co + L.C_MOVE_Y]!;
      const dx = tx - x;
      const dy = ty - y;
      const dist = Math.sqrt(dx * dx + dy * dy);
      if (dist > 1e-6) {
        // Arrive: no faster than what still lets the player brake to a stop at the target.
        const want = Math.min(cap, Math.sqrt(2 * PHYS.deceleration * dist));
        dvx = (dx / dist) * want - vx;
        dvy = (dy / dist) * want - vy;
      }
    }
    const dv = Math.sqrt(dvx * dvx + dvy * dvy);
    const braking = dvx * vx + dvy * vy < 0;
    const limit = (braking ? PHYS.deceleration : PHYS.acceleration) * DT;
    if (dv > limit) {
      dvx *= limit / dv;
      dvy *= limit / dv;
    }
    vx += dvx;
    vy += dvy;
    const sp = Math.sqrt(vx * vx + vy * vy);
    let st = stamina;
    if (sprint && sp > PHYS.runSpeed * PHYS.sprintDrainAbove) st -= PHYS.sprintDrain;
    else if (sp > PHYS.runSpeed * PHYS.runDrainAbove) st -= PHYS.runDrain;
    else st += PHYS.recover;
    pl[o + P_STAMINA] = st < 0 ? 0 : st > 1 ? 1 : st;
    pl[o + P_VX] = vx;
    pl[o + P_VY] = vy;
    // Players may run a little beyond the lines (to take a throw-in or a corner), no further.
    const nx = x + vx * DT;
    const ny = y + vy * DT;
    const lx = PHYS.runLimitX;
    const ly = PHYS.runLimitY;
    pl[o + P_X] = nx > lx ? lx : nx < -lx ? -lx : nx;
    pl[o + P_Y] = ny > ly ? ly : ny < -ly ? -ly : ny;
    state.stats.teams[team].distance += sp * DT;
  }
  separate(state);
}

// Scratch for separate(), module-wide to spare an allocation per tick: it is filled and read within one
// synchronous call, so two matches in one process (tests, a match process) never see each other's values.
const posX = new Float64Array(PLAYERS);
const posY = new Float64Array(PLAYERS);
const active = new Uint8Array(PLAYERS);
const pushX = new Float64Array(PLAYERS);
const pushY = new Float64Array(PLAYERS);
/** contacts[i * PLAYERS + n] is player i's n-th overlapping player, in ascending index; count[i] how many. */
const contacts = new Int32Array(PLAYERS * PLAYERS);
const count = new Int32Array(PLAYERS);

/**
 * Body contact: overlapping players are pushed apart, half the overlap each. All pushes
 * are computed from the same positions, then applied; each player sums its own team's
 * contacts before the opponents', so the order of sums is the same for either side.
 *
 * Speed without changing a bit: each pair is tested once, with a cheap reject on |dx| and |dy|
 * first (|dx| >= min implies dx*dx + dy*dy >= min*min after rounding too, rounding being
 * monotone), and only the overlapping pairs are summed, with the same operations in the same
 * order as a full scan over every partner (a pair that does not overlap adds nothing).
 */
function separate(state: MatchState): void {
  const pl = state.players;
  const flags = state.flags;
  const min = 2 * PHYS.playerRadius;
  const min2 = min * min;
  for (let i = 0; i < PLAYERS; i++) {
    posX[i] = pl[i * P_STRIDE + P_X]!;
    posY[i] = pl[i * P_STRIDE + P_Y]!;
    active[i] = flags[i * F_STRIDE + F_SENT_OFF] ? 0 : 1;
    count[i] = 0;
  }
  let pairs = 0;
  for (let i = 0; i < PLAYERS - 1; i++) {
    if (!active[i]) continue;
    const xi = posX[i]!;
    const yi = posY[i]!;
    for (let j = i + 1; j < PLAYERS; j++) {
      const dx = xi - posX[j]!;
      if (dx >= min || dx <= -min) continue;
      const dy = yi - posY[j]!;
      if (dy >= min || dy <= -min || !active[j]) continue;
      const d2 = dx * dx + dy * dy;
      if (d2 >= min2 || d2 === 0) continue;
      // Recorded in ascending partner order for both players: i's partners below i came from earlier rows.
      contacts[i * PLAYERS + count[i]!++] = j;
      contacts[j * PLAYERS + count[j]!++] = i;
      pairs++;
    }
  }
  for (let i = 0; i < PLAYERS; i++) {
    pushX[i] = 0;
    pushY[i] = 0;
  }
  if (pairs > 0) {
    for (let i = 0; i < PLAYERS; i++) {
      const n = count[i]!;
      if (n === 0) continue;
      // Own team first. Partners are in ascending order: a home player's list is already in that order;
      // an away player's starts at its first away partner and wraps round to the home ones.
      let start = 0;
      if (i >= TEAM_SIZE) while (start < n && contacts[i * PLAYERS + start]! < TEAM_SIZE) start++;
      const xi = posX[i]!;
      const yi = posY[i]!;
      let px = 0;
      let py = 0;
      for (let m = 0; m < n; m++) {
        const j = contacts[i * PLAYERS + ((start + m) % n)]!;
        const dx = xi - posX[j]!;
        const dy = yi - posY[j]!;
        const d = Math.sqrt(dx * dx + dy * dy);
        const f = (min - d) / (2 * d);
        px += dx * f;
        py += dy * f;
      }
      pushX[i] = px;
      pushY[i] = py;
    }
  }
  // Applied even with no contact: x + 0 turns a -0 into +0, and the state must keep every bit.
  for (let i = 0; i < PLAYERS; i++) {
    pl[i * P_STRIDE + P_X] = pl[i * P_STRIDE + P_X]! + pushX[i]!;
    pl[i * P_STRIDE + P_Y] = pl[i * P_STRIDE + P_Y]! + pushY[i]!;
  }
}
