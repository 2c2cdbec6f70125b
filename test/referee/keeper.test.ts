import { describe, expect, it } from 'vitest';
import { RULES } from '../../engine/constants.js';
import { M_FREE_KICK, M_INDIRECT, M_PLAY } from '../../engine/state.js';
import { scenario } from '../helpers/scenario.js';

// Home keeper is player 0 and defends x = -52.5 in the first half.
describe('goalkeeper', () => {
  it('catches a gentle ball inside its own area and holds it', () => {
    const sc = scenario();
    sc.clear();
    sc.put(0, -47, 0);
    sc.ball(-46, 0, 0.11, -3, 0, 0);
    sc.s.lastTouchTeam = 1;
    sc.s.lastTouchPlayer = 20;
    sc.step({ 0: { catch: true } });
    expect(sc.events).toContain('catch');
    expect(sc.s.holder).toBe(0);
  });

  it('handling outside the area is a direct free kick to the opponents', () => {
    const sc = scenario();
    sc.clear();
    sc.put(0, -30, 0);
    sc.ball(-29.5, 0);
    sc.s.lastTouchTeam = 1;
    sc.step({ 0: { catch: true } });
    expect(sc.events).toContain('handling');
    expect(sc.s.mode).toBe(M_FREE_KICK);
    expect(sc.s.modeTeam).toBe(1);
  });

  it('may not carry the ball out of its area in its hands', () => {
    const sc = scenario();
    sc.clear();
    sc.put(0, -48, 0);
    sc.ball(-47.5, 0);
    sc.s.lastTouchTeam = 1;
    sc.step({ 0: { catch: true } });
    expect(sc.s.holder).toBe(0);
    for (let t = 0; t < 50 && sc.s.mode === M_PLAY; t++) sc.step({ 0: { moveTo: { x: 0, y: 0 }, sprint: true } });
    expect(sc.events).toContain('handling');
    expect(sc.s.mode).toBe(M_FREE_KICK);
    // Where the offence happened: just outside the area.
    expect(sc.s.modeX).toBeGreaterThan(-52.5 + 16.5);
    expect(sc.s.modeX).toBeLessThan(-52.5 + 16.5 + 2);
  });

  it('holding longer than the six-second law allows gives an indirect free kick', () => {
    const sc = scenario();
    sc.clear();
    sc.put(0, -48, 0);
    sc.ball(-47.5, 0);
    sc.s.lastTouchTeam = 1;
    sc.step({ 0: { catch: true } });
    for (let t = 0; t <= RULES.holdTicks + 1 && sc.s.mode === M_PLAY; t++) sc.step({});
    expect(sc.events).toContain('six_seconds');
    expect(sc.s.mode).toBe(M_INDIRECT);
    expect(sc.s.modeTeam).toBe(1);
    // Outside the goal area, as the law moves it.
    expect(sc.s.modeX).toBe(-52.5 + 5.5);
  });

  it('may not handle a ball deliberately kicked to it by a team-mate (back-pass law)', () => {
    const sc = scenario();
    sc.clear();
    sc.put(0, -48, 0);
    sc.put(3, -38, 0);
    sc.ball(-38.8, 0);
    sc.step({ 3: { kick: { target: { x: -48, y: 0 }, power: 0.3 } } });
    for (let t = 0; t < 40 && sc.s.mode === M_PLAY; t++) sc.step({ 0: { catch: true } });
    expect(sc.events).toContain('back_pass');
    expect(sc.s.mode).toBe(M_INDIRECT);
    expect(sc.s.modeTeam).toBe(1);
  });

  it('releases the ball with a throw when the kick has no lift', () => {
    const sc = scenario();
    sc.clear();
    sc.put(0, -48, 0);
    sc.ball(-47.5, 0);
    sc.s.lastTouchTeam = 1;
    sc.step({ 0: { catch: true } });
    sc.step({ 0: { kick: { target: { x: -20, y: 0 }, power: 1 } } });
    expect(sc.s.holder).toBe(-1);
    const speed = Math.hypot(sc.s.ball[3]!, sc.s.ball[4]!);
    expect(speed).toBeGreaterThan(10);
    expect(speed).toBeLessThanOrEqual(18.5);
  });
});

describe('goalkeeper after releasing the ball', () => {
  it('may not handle it again before another player touches it', () => {
    const sc = scenario();
    sc.clear();
    sc.put(0, -48, 0);
    sc.ball(-47.5, 0);
    sc.s.lastTouchTeam = 1;
    sc.step({ 0: { catch: true } });
    expect(sc.s.holder).toBe(0);
    // Throws it gently up the pitch, then runs after it and tries to catch it again.
    sc.step({ 0: { kick: { target: { x: -44, y: 0 }, power: 0.1, lift: 0 } } });
    for (let t = 0; t < 30 && sc.s.mode === M_PLAY; t++) sc.step({ 0: { moveTo: { x: sc.s.ball[0]!, y: sc.s.ball[1]! }, catch: true } });
    expect(sc.events).toContain('second_handling');
    expect(sc.s.mode).toBe(M_INDIRECT);
    expect(sc.s.modeTeam).toBe(1);
  });
});
