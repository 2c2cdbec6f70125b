import { describe, expect, it } from 'vitest';
import { M_INDIRECT, M_PLAY } from '../../engine/state.js';
import { scenario } from '../helpers/scenario.js';

// Home attacks +x in the first half. Away defenders 12 (and the keeper 11) make the line.
function setup(attackerX: number) {
  const sc = scenario();
  sc.clear();
  sc.put(11, 50, 0); // away keeper: the last opponent
  sc.put(12, 30, 5); // second-last opponent at x = 30
  sc.put(9, 10, 0); // passer
  sc.ball(10.8, 0);
  sc.put(10, attackerX, 10); // receiver
  return sc;
}

function passAndReceive(sc: ReturnType<typeof setup>) {
  const [rx, ry] = sc.pos(10);
  sc.step({ 9: { kick: { target: { x: rx, y: ry }, power: 0.5 } } });
  // Receiver steps to the ball and plays it as soon as it is in reach.
  for (let t = 0; t < 60 && sc.s.mode === M_PLAY; t++) sc.step({ 10: { moveTo: { x: sc.s.ball[0]!, y: sc.s.ball[1]! }, kick: { target: { x: 52, y: 0 }, power: 0.3 } } });
}

describe('offside', () => {
  it('is called when the receiver was ahead of the second-last defender at the moment of the pass', () => {
    const sc = setup(34);
    passAndReceive(sc);
    expect(sc.events).toContain('offside');
    expect(sc.s.mode).toBe(M_INDIRECT);
    expect(sc.s.modeTeam).toBe(1);
    // The free kick is taken where the offender played the ball.
    const call = sc.s.events.find((e) => e.type === 'offside')!;
    expect([sc.s.modeX, sc.s.modeY]).toEqual([call.x, call.y]);
    expect(call.player).toBe(10);
  });

  it('is not called for a receiver level with the second-last defender', () => {
    const sc = setup(30);
    passAndReceive(sc);
    expect(sc.events).not.toContain('offside');
  });

  it('is judged at the pass, not at reception: running past the line after the pass is onside', () => {
    const sc = setup(29);
    sc.step({ 9: { kick: { target: { x: 38, y: 10 }, power: 0.4 } } });
    let there = false;
    for (let t = 0; t < 120 && sc.s.lastTouchPlayer !== 10 && sc.s.mode === M_PLAY; t++) {
      // Run beyond the line after the pass, then go to the ball.
      const b = sc.s.ball;
      there ||= sc.pos(10)[0] > 35;
      sc.step({ 10: { moveTo: there ? { x: b[0]!, y: b[1]! } : { x: 38, y: 10 }, sprint: true, kick: { target: { x: 52, y: 0 }, power: 0.3 } } });
    }
    expect(sc.pos(10)[0]).toBeGreaterThan(30);
    expect(sc.s.lastTouchPlayer).toBe(10);
    expect(sc.events).not.toContain('offside');
  });

  it('cannot happen in the own half', () => {
    const sc = scenario();
    sc.clear();
    sc.put(11, 50, 0);
    sc.put(12, -10, 5); // the defence has pushed into the other half
    sc.put(13, -12, -5);
    sc.put(9, -30, 0);
    sc.ball(-29.2, 0);
    sc.put(10, -5, 10); // in its own half, beyond the line
    passAndReceive(sc);
    expect(sc.events).not.toContain('offside');
  });

  it('is not called from a throw-in', () => {
    const sc = setup(34);
    sc.s.mode = 2; // throw-in for home at the passer's feet
    sc.s.modeTeam = 0;
    passAndReceive(sc);
    expect(sc.events).not.toContain('offside');
  });
});
