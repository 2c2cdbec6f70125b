import { describe, expect, it } from 'vitest';
import { PITCH, RULES } from '../../engine/constants.js';
import { beginRestart } from '../../engine/referee/restarts.js';
import {
  M_CORNER, M_DROPPED, M_FREE_KICK, M_GOAL_KICK, M_INDIRECT, M_KICKOFF, M_PENALTY, M_PLAY, M_THROW_IN, P_STRIDE, P_X, P_Y,
} from '../../engine/state.js';
import { scenario } from '../helpers/scenario.js';

function dist(a: [number, number], x: number, y: number): number {
  return Math.hypot(a[0] - x, a[1] - y);
}

/** Everyone crowds the spot and tries to stay there. */
function crowd(mode: number, team: number, x: number, y: number) {
  const sc = scenario();
  for (let i = 0; i < 22; i++) sc.put(i, x + ((i % 5) - 2) * 0.5, y + (Math.floor(i / 5) - 2) * 0.5);
  beginRestart(sc.s, mode, team, x, y);
  const stay: Record<number, { moveTo: { x: number; y: number } }> = {};
  for (let i = 0; i < 22; i++) stay[i] = { moveTo: { x, y } };
  sc.step(stay);
  return sc;
}

describe('restarts keep the opponents at their distance', () => {
  const cases: Array<[string, number, number, number, number, number]> = [
    ['free kick', M_FREE_KICK, 0, 10, 5, RULES.restartDistance],
    ['indirect free kick', M_INDIRECT, 1, -10, 5, RULES.restartDistance],
    ['corner', M_CORNER, 0, PITCH.halfLength, PITCH.halfWidth, RULES.restartDistance],
    ['throw-in', M_THROW_IN, 1, 5, -PITCH.halfWidth, 2],
    ['dropped ball', M_DROPPED, 0, 3, 3, 4],
  ];
  for (const [name, mode, team, x, y, d] of cases) {
    it(`${name}: ${d} m`, () => {
      const sc = crowd(mode, team, x, y);
      expect(sc.s.mode).toBe(mode);
      for (let k = 0; k < 11; k++) {
        const opp = (1 - team) * 11 + k;
        expect(dist(sc.pos(opp), x, y)).toBeGreaterThanOrEqual(d - 1e-9);
      }
      // The taking team may stand at the ball.
      expect(Math.min(...Array.from({ length: 11 }, (_, k) => dist(sc.pos(team * 11 + k), x, y)))).toBeLessThan(2);
    });
  }

  it('kick-off: everyone in the own half, opponents outside the centre circle', () => {
    const sc = crowd(M_KICKOFF, 0, 0, 0);
    for (let i = 0; i < 22; i++) {
      const [x] = sc.pos(i);
      if (i < 11) expect(x).toBeLessThanOrEqual(0);
      else {
        expect(x).toBeGreaterThanOrEqual(0);
        expect(dist(sc.pos(i), 0, 0)).toBeGreaterThanOrEqual(PITCH.centreCircleRadius - 1e-9);
      }
    }
  });

  it('goal kick: opponents out of the penalty area', () => {
    const sc = crowd(M_GOAL_KICK, 0, -47, 0);
    for (let k = 0; k < 11; k++) {
      const [x, y] = sc.pos(11 + k);
      const inArea = x < -PITCH.halfLength + PITCH.penaltyAreaDepth && Math.abs(y) < PITCH.penaltyAreaWidth / 2;
      expect(inArea).toBe(false);
    }
  });

  it('penalty: only the taker and the goalkeeper in the area, the goalkeeper on its line', () => {
    const spotX = -(PITCH.halfLength - PITCH.penaltySpotDistance);
    const sc = crowd(M_PENALTY, 1, spotX, 0);
    let inside = 0;
    for (let i = 0; i < 22; i++) {
      const [x, y] = sc.pos(i);
      if (x < -PITCH.halfLength + PITCH.penaltyAreaDepth && Math.abs(y) < PITCH.penaltyAreaWidth / 2) inside++;
    }
    expect(inside).toBe(2);
    expect(sc.pos(0)[0]).toBeLessThan(-PITCH.halfLength + 0.5);
  });

  it('the taker may not touch the ball twice in a row', () => {
    const sc = scenario();
    sc.clear();
    beginRestart(sc.s, M_FREE_KICK, 0, 0, 0);
    sc.put(5, -0.5, 0);
    sc.step({ 5: { kick: { target: { x: 3, y: 0 }, power: 0.1 } } });
    expect(sc.s.mode).toBe(M_PLAY);
    for (let t = 0; t < 20 && sc.s.mode === M_PLAY; t++) sc.step({ 5: { moveTo: { x: sc.s.ball[0]!, y: 0 }, kick: { target: { x: 10, y: 0 }, power: 0.2 } } });
    expect(sc.events).toContain('double_touch');
    expect(sc.s.mode).toBe(M_INDIRECT);
    expect(sc.s.modeTeam).toBe(1);
  });

  it('no goal straight from an indirect free kick', () => {
    const sc = scenario();
    sc.clear();
    sc.put(11, 0, 30); // the away keeper is elsewhere
    beginRestart(sc.s, M_INDIRECT, 0, 40, 0);
    sc.put(5, 39.5, 0);
    sc.step({ 5: { kick: { target: { x: 53, y: 0 }, power: 0.8 } } });
    for (let t = 0; t < 30 && sc.s.mode === M_PLAY; t++) sc.step();
    expect(sc.s.score).toEqual([0, 0]);
    expect(sc.events).toContain('no_goal');
    expect(sc.s.mode).toBe(M_GOAL_KICK);
  });
});

describe('the ball out of play', () => {
  function roll(x: number, y: number, vx: number, vy: number, lastTeam: number, z = 0.11, vz = 0) {
    const sc = scenario();
    sc.clear();
    sc.put(11, 0, 30); // keepers out of the way
    sc.put(0, 0, -30);
    sc.ball(x, y, z, vx, vy, vz);
    sc.s.lastTouchTeam = lastTeam;
    sc.s.lastTouchPlayer = lastTeam * 11 + 5;
    for (let t = 0; t < 60 && sc.s.mode === M_PLAY; t++) sc.step();
    return sc;
  }

  it('over the touchline: a throw-in to the other team where it crossed', () => {
    const sc = roll(10, 30, 0, 10, 0);
    expect(sc.s.mode).toBe(M_THROW_IN);
    expect(sc.s.modeTeam).toBe(1);
    expect(sc.s.modeY).toBe(PITCH.halfWidth);
  });

  it('over the goal line off an attacker: a goal kick; off a defender: a corner', () => {
    const gk = roll(45, 10, 15, 0, 0);
    expect(gk.s.mode).toBe(M_GOAL_KICK);
    expect(gk.s.modeTeam).toBe(1);
    const ck = roll(45, 10, 15, 0, 1);
    expect(ck.s.mode).toBe(M_CORNER);
    expect(ck.s.modeTeam).toBe(0);
    expect([ck.s.modeX, ck.s.modeY]).toEqual([PITCH.halfLength, PITCH.halfWidth]);
  });

  it('a ball over the bar is not a goal', () => {
    const sc = roll(40, 0, 20, 0, 0, 3.5, 3);
    expect(sc.s.score).toEqual([0, 0]);
    expect(sc.s.mode).toBe(M_GOAL_KICK);
  });

  it('a goal off the post counts', () => {
    // Aimed just inside the post: it glances off the post and in.
    let scored = false;
    for (const y of [3.5, 3.55, 3.6]) {
      const sc = roll(40, y - 0.3, 25, 0.3 * 25 / 12.5, 0);
      if (sc.events.includes('woodwork') && sc.s.score[0] === 1) scored = true;
    }
    expect(scored).toBe(true);
  });

  it('a goal is followed by a kick-off for the team that conceded', () => {
    const sc = roll(40, 0, 25, 0, 0);
    expect(sc.s.score).toEqual([1, 0]);
    for (let t = 0; t < RULES.goalPauseTicks + 2; t++) sc.step();
    expect(sc.s.mode).toBe(M_KICKOFF);
    expect(sc.s.modeTeam).toBe(1);
    expect(Array.from(sc.s.ball.slice(0, 2))).toEqual([0, 0]);
  });
});

describe('anti-stalling', () => {
  it('a restart not taken in time is taken for the team: a pass to the nearest team-mate', () => {
    const sc = scenario();
    sc.clear();
    beginRestart(sc.s, M_FREE_KICK, 0, 0, 0);
    sc.put(5, -3, 0);
    sc.put(6, -8, 6);
    for (let t = 0; t < RULES.restartTicks + 1 && sc.s.mode !== M_PLAY; t++) sc.step();
    expect(sc.events).toContain('auto_restart');
    expect(sc.s.mode).toBe(M_PLAY);
    expect(sc.s.lastTouchTeam).toBe(0);
    // Heading toward the nearest team-mate.
    const [vx, vy] = [sc.s.ball[3]!, sc.s.ball[4]!];
    const [mx, my] = sc.pos(6);
    expect((vx * (mx - 0) + vy * (my - 0)) / Math.hypot(vx, vy) / Math.hypot(mx, my)).toBeGreaterThan(0.9);
  });

  it('a ball stuck between players of both teams is dropped', () => {
    const sc = scenario();
    sc.clear();
    sc.put(5, -0.6, 0);
    sc.put(16, 0.6, 0);
    sc.ball(0, 0);
    sc.s.lastTouchTeam = 1;
    const hold: Record<number, { moveTo: { x: number; y: number } }> = { 5: { moveTo: { x: -0.6, y: 0 } }, 16: { moveTo: { x: 0.6, y: 0 } } };
    for (let t = 0; t < RULES.stuckTicks + 1 && !sc.events.includes('dropped_ball'); t++) sc.step(hold);
    expect(sc.events).toContain('dropped_ball');
    expect(sc.s.modeTeam).toBe(1);
  });

  it('the clock runs whatever the mode: nobody can stop it', () => {
    const sc = scenario(1, 200);
    beginRestart(sc.s, M_THROW_IN, 0, 0, PITCH.halfWidth);
    for (let t = 0; t < 150; t++) sc.step();
    expect(sc.s.periodTick).toBe(150);
  });
});

describe('periods', () => {
  it('at half time the ends switch and the other team kicks off', () => {
    const sc = scenario(1, 100);
    const first = sc.s.firstKickoff;
    sc.put(5, -20, 0);
    for (let t = 0; t < 100; t++) sc.step();
    expect(sc.s.period).toBe(1);
    expect(sc.events).toContain('half_time');
    for (let t = 0; t < RULES.goalPauseTicks; t++) sc.step();
    expect(sc.s.mode).toBe(M_KICKOFF);
    expect(sc.s.modeTeam).toBe(1 - first);
    // Home now defends +x: the kick-off clamps home players to x >= 0.
    expect(sc.pos(5)[0]).toBeGreaterThanOrEqual(0);
    const p = sc.s.players;
    expect(p[5 * P_STRIDE + P_X]).toBeGreaterThanOrEqual(0);
    expect(p[5 * P_STRIDE + P_Y]).toBe(0);
  });

  it('full time ends the match; a level match goes to extra time when the config asks', () => {
    const a = scenario(1, 50);
    for (let t = 0; t < 200 && !a.s.finished; t++) a.step();
    expect(a.s.finished).toBe(true);
    expect(a.s.endReason).toBe('full_time');
    const b = scenario(1, 50);
    b.s.config.extraTime = true;
    b.s.config.extraTimeTicks = 20;
    for (let t = 0; t < 400 && !b.s.finished; t++) b.step();
    expect(b.events).toContain('extra_time');
    expect(b.s.endReason).toBe('extra_time');
    expect(b.s.tick).toBe(140);
  });
});
