// Body separation, fast path against the plain scan it replaced: the same bits on bunched, random states.
import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { PHYS } from '../../engine/constants.js';
import { separate } from '../../engine/physics/players.js';
import { createMatch, defaultConfig } from '../../engine/setup.js';
import { F_SENT_OFF, F_STRIDE, PLAYERS, P_STRIDE, P_X, P_Y, TEAM_SIZE, type MatchState } from '../../engine/state.js';

/** The scan over every partner, as the engine did it before the fast path: the reference for every bit. */
function scan(state: MatchState): void {
  const pl = state.players;
  const min = 2 * PHYS.playerRadius;
  const pushX = new Float64Array(PLAYERS);
  const pushY = new Float64Array(PLAYERS);
  for (let i = 0; i < PLAYERS; i++) {
    let px = 0;
    let py = 0;
    if (!state.flags[i * F_STRIDE + F_SENT_OFF]) {
      const team = i < TEAM_SIZE ? 0 : 1;
      const xi = pl[i * P_STRIDE + P_X]!;
      const yi = pl[i * P_STRIDE + P_Y]!;
      for (let k = 0; k < PLAYERS; k++) {
        const j = (team * TEAM_SIZE + k) % PLAYERS;
        if (j === i || state.flags[j * F_STRIDE + F_SENT_OFF]) continue;
        const dx = xi - pl[j * P_STRIDE + P_X]!;
        const dy = yi - pl[j * P_STRIDE + P_Y]!;
        const d2 = dx * dx + dy * dy;
        if (d2 >= min * min || d2 === 0) continue;
        const d = Math.sqrt(d2);
        const f = (min - d) / (2 * d);
        px += dx * f;
        py += dy * f;
      }
    }
    pushX[i] = px;
    pushY[i] = py;
  }
  for (let i = 0; i < PLAYERS; i++) {
    pl[i * P_STRIDE + P_X] = pl[i * P_STRIDE + P_X]! + pushX[i]!;
    pl[i * P_STRIDE + P_Y] = pl[i * P_STRIDE + P_Y]! + pushY[i]!;
  }
}

/** Bit patterns of the players' positions, so -0 and +0 (and NaN payloads) count as different. */
function bits(state: MatchState): string {
  return Buffer.from(state.players.buffer, state.players.byteOffset, state.players.byteLength).toString('hex');
}

describe('body separation', () => {
  it('gives the plain scan bit for bit on bunched states, with sent-off players, stacked players, -0 and NaN', () => {
    const rng = seedrandom('separate');
    const fast = createMatch(defaultConfig({ seed: 1 }));
    const ref = createMatch(defaultConfig({ seed: 1 }));
    let contacts = 0;
    for (let trial = 0; trial < 3000; trial++) {
      // Clusters from a 1 m square (everyone touching) to 20 m (a few contacts), on a coarse grid
      // now and then so that players stack exactly (d = 0) or sit exactly 0.8 m apart.
      const size = [1, 2, 4, 8, 20][trial % 5]!;
      const grid = trial % 7 === 0;
      for (let i = 0; i < PLAYERS; i++) {
        let x = (rng() - 0.5) * size;
        let y = (rng() - 0.5) * size;
        if (grid) {
          x = Math.round(x / 0.4) * 0.4;
          y = Math.round(y / 0.4) * 0.4;
        }
        if (trial % 11 === 0 && i === 3) x = -0;
        if (trial % 97 === 0 && i === 5) y = NaN;
        fast.players[i * P_STRIDE + P_X] = x;
        fast.players[i * P_STRIDE + P_Y] = y;
        fast.flags[i * F_STRIDE + F_SENT_OFF] = trial % 3 === 0 && rng() < 0.15 ? 1 : 0;
      }
      ref.players.set(fast.players);
      ref.flags.set(fast.flags);
      const before = bits(fast);
      separate(fast);
      scan(ref);
      if (bits(fast) !== before) contacts++;
      expect(bits(fast)).toBe(bits(ref));
    }
    // The states did exercise contact, not only the no-contact path.
    expect(contacts).toBeGreaterThan(2000);
  });
});
