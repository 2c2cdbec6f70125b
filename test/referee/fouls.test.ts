import { describe, expect, it } from 'vitest';
import { PITCH } from '../../engine/constants.js';
import { commitFoul } from '../../engine/referee/fouls.js';
import { F_SENT_OFF, F_STRIDE, M_FREE_KICK, M_PENALTY, M_PLAY } from '../../engine/state.js';
import { scenario } from '../helpers/scenario.js';

/** Away player 15 on the ball at (bx, 0) running toward -x (its attack); home player 5 tackles. */
function tackle(seed: number, from: 'behind' | 'front', bx = 0, missBall = false) {
  const sc = scenario(seed);
  sc.clear();
  sc.put(15, bx, 0, -5, 0);
  sc.ball(bx - 0.6, 0);
  const tx = from === 'behind' ? bx + 0.9 : bx - 1.2;
  sc.put(5, tx, 0.3, from === 'behind' ? -6 : 3, 0);
  if (missBall) sc.ball(bx - 2.5, 0);
  sc.step({ 5: { tackle: true } });
  return sc;
}

describe('fouls from tackles', () => {
  it('a tackle from behind that misses the ball is nearly always a foul; a clean one from the front rarely', () => {
    let behind = 0;
    let front = 0;
    for (let seed = 1; seed <= 40; seed++) {
      if (tackle(seed, 'behind', 0, true).events.includes('foul')) behind++;
      if (tackle(seed, 'front').events.includes('foul')) front++;
    }
    expect(behind).toBeGreaterThanOrEqual(34);
    expect(front).toBeLessThanOrEqual(6);
  });

  it('the same tackle gives the same decision on every run', () => {
    const a = tackle(7, 'behind').events.join();
    const b = tackle(7, 'behind').events.join();
    expect(a).toBe(b);
  });

  it('a foul outside the box is a direct free kick where it happened', () => {
    const sc = scenario();
    sc.clear();
    sc.put(15, 10, 3); // in the away team's own half: no advantage to play
    sc.ball(9.5, 3);
    commitFoul(sc.s, 5, 15, false);
    expect(sc.s.mode).toBe(M_FREE_KICK);
    expect(sc.s.modeTeam).toBe(1);
    expect([sc.s.modeX, sc.s.modeY]).toEqual([10, 3]);
  });

  it('a foul inside the own box is a penalty', () => {
    const sc = scenario();
    sc.clear();
    sc.put(15, -45, 3);
    sc.put(3, -46, 3); // a covering defender, so no red card for denying a chance
    commitFoul(sc.s, 5, 15, false);
    expect(sc.s.mode).toBe(M_PENALTY);
    expect(sc.s.modeX).toBe(-(PITCH.halfLength - PITCH.penaltySpotDistance));
  });

  it('plays advantage when the fouled team keeps the ball in the opponents half', () => {
    const sc = scenario();
    sc.clear();
    sc.put(15, -20, 3); // away attacks -x: x = -20 is in home's half
    sc.ball(-20.4, 3);
    sc.put(2, -40, 0); // covering defenders: not a clear chance
    sc.put(3, -42, 5);
    const stopped = commitFoul(sc.s, 5, 15, false);
    expect(stopped).toBe(false);
    expect(sc.s.mode).toBe(M_PLAY);
    expect(sc.s.events.map((e) => e.type)).toEqual(['foul', 'advantage']);
  });

  it('a second yellow is a red and the player leaves the pitch for good', () => {
    const sc = scenario();
    sc.clear();
    sc.put(15, 10, 3);
    sc.put(2, -40, 0);
    commitFoul(sc.s, 5, 15, true);
    expect(sc.s.flags[5 * F_STRIDE + F_SENT_OFF]).toBe(0);
    sc.s.mode = M_PLAY;
    commitFoul(sc.s, 5, 15, true);
    expect(sc.s.events.map((e) => e.type)).toContain('red_card');
    expect(sc.s.flags[5 * F_STRIDE + F_SENT_OFF]).toBe(1);
    expect(sc.s.stats.teams[0].yellowCards).toBe(2);
    expect(sc.s.stats.teams[0].redCards).toBe(1);
    // Gone: off the pitch, and commands no longer move it.
    sc.s.mode = M_PLAY;
    sc.step({ 5: { moveTo: { x: 0, y: 0 }, sprint: true } });
    expect(Math.abs(sc.pos(5)[1])).toBeGreaterThan(PITCH.halfWidth);
  });

  it('denying an obvious goal-scoring opportunity is a straight red', () => {
    const sc = scenario();
    sc.clear();
    sc.put(15, -35, 0); // through on goal, every home outfield player behind it (clear() puts them at y=-33, x >= -40... move them up)
    for (let k = 1; k < 11; k++) sc.put(k, -20 + k, -30);
    commitFoul(sc.s, 4, 15, false);
    expect(sc.s.events.map((e) => e.type)).toContain('red_card');
    expect(sc.s.events.find((e) => e.type === 'red_card')!.detail).toMatch(/goal-scoring/);
  });
});
