// Player running, fast path against the plain one-pass loop it replaced: the same bits on random states and commands.
import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { DT, PHYS } from '../../engine/constants.js';
import * as L from '../../engine/obs-layout.js';
import { movePlayers, separate } from '../../engine/physics/players.js';
import { createMatch, defaultConfig } from '../../engine/setup.js';
import { F_SENT_OFF, F_STRIDE, PLAYERS, P_STAMINA, P_STRIDE, P_VX, P_VY, P_X, P_Y, TEAM_SIZE, type MatchState } from '../../engine/state.js';

type Buffers = [Float64Array, Float64Array];

/** movePlayers as one plain pass per player, as the engine did it before the passes were split: the reference. */
function plain(state: MatchState, cmds: Buffers, signs: [number, number], frozen: [boolean, boolean]): void {
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
    let cap = (sprint ? PHYS.sprintSpeed : PHYS.runSpeed) * (PHYS.exhaustedSpeedFactor + (1 - PHYS.exhaustedSpeedFactor) * stamina);
    if (flags & L.CF_SPEED) cap = Math.min(cap, c[co + L.C_SPEED]!);
    let dvx = -vx;
    let dvy = -vy;
    if (flags & L.CF_MOVE) {
      const dx = s * c[co + L.C_MOVE_X]! - x;
      const dy = s * c[co + L.C_MOVE_Y]! - y;
      const dist = Math.sqrt(dx * dx + dy * dy);
      if (dist > 1e-6) {
        const want = Math.min(cap, Math.sqrt(2 * PHYS.deceleration * dist));
        dvx = (dx / dist) * want - vx;
        dvy = (dy / dist) * want - vy;
      }
    }
    const dv = Math.sqrt(dvx * dvx + dvy * dvy);
    const braking = dvx * vx + dvy * vy < 0;
    const limit = (braking ? PHYS.deceleration : PHYS.acceleration) * DT;
    if (dv > limit) {
      const k = limit / dv;
      dvx *= k;
      dvy *= k;
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
    const nx = x + vx * DT;
    const ny = y + vy * DT;
    pl[o + P_X] = nx > PHYS.runLimitX ? PHYS.runLimitX : nx < -PHYS.runLimitX ? -PHYS.runLimitX : nx;
    pl[o + P_Y] = ny > PHYS.runLimitY ? PHYS.runLimitY : ny < -PHYS.runLimitY ? -PHYS.runLimitY : ny;
    state.stats.teams[team].distance += sp * DT;
  }
  separate(state);
}

/** Bit patterns of the players' numbers and the teams' distances, so -0 and +0 count as different. */
function bits(state: MatchState): string {
  const d = new Float64Array([state.stats.teams[0].distance, state.stats.teams[1].distance]);
  return Buffer.from(state.players.buffer, state.players.byteOffset, state.players.byteLength).toString('hex') + Buffer.from(d.buffer).toString('hex');
}

describe('player running', () => {
  it('gives the plain one-pass loop bit for bit on random states and commands', () => {
    const rng = seedrandom('move-players');
    const fast = createMatch(defaultConfig({ seed: 1 }));
    const ref = createMatch(defaultConfig({ seed: 1 }));
    const cmds: Buffers = [new Float64Array(L.CMD_LENGTH), new Float64Array(L.CMD_LENGTH)];
    let capped = 0;
    for (let trial = 0; trial < 3000; trial++) {
      // From a bunch (contacts, separation) to a little beyond the run limits; speeds from standing to beyond a sprint.
      const size = [2, 10, 116][trial % 3]!;
      for (let i = 0; i < PLAYERS; i++) {
        const o = i * P_STRIDE;
        fast.players[o + P_X] = (rng() - 0.5) * size;
        fast.players[o + P_Y] = (rng() - 0.5) * size * 0.66;
        fast.players[o + P_VX] = trial % 5 === 0 ? 0 : (rng() - 0.5) * 20;
        fast.players[o + P_VY] = trial % 5 === 0 ? -0 : (rng() - 0.5) * 20;
        fast.players[o + P_STAMINA] = trial % 4 === 0 ? 1 : rng();
        fast.flags[i * F_STRIDE + F_SENT_OFF] = trial % 3 === 0 && rng() < 0.15 ? 1 : 0;
      }
      for (const c of cmds) {
        c.fill(0);
        for (let k = 0; k < TEAM_SIZE; k++) {
          const o = k * L.C_STRIDE;
          c[o + L.C_FLAGS] = Math.floor(rng() * 64);
          // Targets on the player now and then (dist <= 1e-6), else anywhere, even off the pitch.
          c[o + L.C_MOVE_X] = rng() < 0.05 ? 0 : (rng() - 0.5) * 130;
          c[o + L.C_MOVE_Y] = rng() < 0.05 ? 0 : (rng() - 0.5) * 90;
          c[o + L.C_SPEED] = rng() * 10;
        }
      }
      const signs: [number, number] = trial % 2 === 0 ? [1, -1] : [-1, 1];
      const frozen: [boolean, boolean] = [trial % 13 === 0, trial % 17 === 0];
      fast.stats.teams[0].distance = rng() * 1000;
      fast.stats.teams[1].distance = rng() * 1000;
      ref.players.set(fast.players);
      ref.flags.set(fast.flags);
      ref.stats.teams[0].distance = fast.stats.teams[0].distance;
      ref.stats.teams[1].distance = fast.stats.teams[1].distance;
      movePlayers(fast, cmds, signs, frozen);
      plain(ref, cmds, signs, frozen);
      expect(bits(fast)).toBe(bits(ref));
      for (let i = 0; i < PLAYERS; i++) if (Math.abs(fast.players[i * P_STRIDE + P_X]!) === PHYS.runLimitX) capped++;
    }
    // The states reached the run limits too, not only the open pitch.
    expect(capped).toBeGreaterThan(100);
  });
});
