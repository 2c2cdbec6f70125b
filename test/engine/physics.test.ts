import { describe, expect, it } from 'vitest';
import { DT, PHYS, PITCH } from '../../engine/constants.js';
import * as L from '../../engine/obs-layout.js';
import { stepBall } from '../../engine/physics/ball.js';
import { movePlayers, topSpeed } from '../../engine/physics/players.js';
import { createMatch, defaultConfig } from '../../engine/setup.js';
import { M_PLAY, P_STAMINA, P_STRIDE, P_VX, P_X, P_Y } from '../../engine/state.js';

function ball(x: number, y: number, z: number, vx: number, vy: number, vz: number): Float64Array {
  return new Float64Array([x, y, z, vx, vy, vz]);
}

describe('ball physics', () => {
  it('rolls a free ball to a stop at the distance rolling friction predicts', () => {
    const b = ball(0, 0, PHYS.ballRadius, 10, 0, 0);
    let ticks = 0;
    while (b[3]! > 0 && ticks < 1000) {
      stepBall(b);
      ticks++;
    }
    // Continuous model: dv/dt = -(a + k v) gives d = v0/k - a/k^2 ln(1 + k v0 / a).
    const a = PHYS.rollDecel;
    const k = PHYS.rollDrag;
    const expected = 10 / k - (a / (k * k)) * Math.log(1 + (k * 10) / a);
    expect(b[0]!).toBeGreaterThan(expected * 0.95);
    expect(b[0]!).toBeLessThan(expected * 1.05);
    expect(b[1]).toBe(0);
  });

  it('flies a lob on a near-parabola, lands, bounces lower and then rolls', () => {
    const b = ball(0, 0, PHYS.ballRadius, 12, 0, 12);
    let peak = 0;
    let firstLanding = -1;
    let secondPeak = 0;
    let prevVz = b[5]!;
    for (let t = 0; t < 200; t++) {
      stepBall(b);
      // The first bounce shows as the vertical speed turning from down to up.
      if (firstLanding < 0 && prevVz < 0 && b[5]! > 0) firstLanding = b[0]! - (b[3]! * b[5]!) / PHYS.gravity;
      if (firstLanding < 0) peak = Math.max(peak, b[2]!);
      else secondPeak = Math.max(secondPeak, b[2]!);
      prevVz = b[5]!;
    }
    // No drag: peak 12^2 / (2 g) = 7.34 m above launch, range 2 * 12 * 12 / g = 29.4 m. Drag shortens both.
    expect(peak).toBeGreaterThan(6);
    expect(peak).toBeLessThan(7.5);
    expect(firstLanding).toBeGreaterThan(17);
    expect(firstLanding).toBeLessThan(29.4);
    expect(secondPeak).toBeLessThan(peak * 0.45);
    expect(b[2]).toBe(PHYS.ballRadius);
  });

  it('bounces a shot off the post back into the field', () => {
    const postY = PITCH.goalWidth / 2;
    const b = ball(40, postY, PHYS.ballRadius, 25, 0, 0);
    let hit = false;
    for (let t = 0; t < 10; t++) hit = stepBall(b) || hit;
    expect(hit).toBe(true);
    expect(b[3]!).toBeLessThan(0);
    expect(b[0]!).toBeLessThan(PITCH.halfLength);
  });

  it('clears the bar with a high ball and hits it with one at bar height', () => {
    const over = ball(40, 0, 3.5, 25, 0, 4);
    for (let t = 0; t < 6; t++) stepBall(over);
    expect(over[0]!).toBeGreaterThan(PITCH.halfLength);
    expect(over[2]!).toBeGreaterThan(PITCH.goalHeight);
    const bar = ball(50, 0, PITCH.goalHeight + 0.1, 25, 0, 0);
    let hit = false;
    for (let t = 0; t < 6; t++) hit = stepBall(bar) || hit;
    expect(hit).toBe(true);
  });
});

describe('player physics', () => {
  function runner() {
    const s = createMatch(defaultConfig({ seed: 1 }));
    s.mode = M_PLAY;
    const cmds: [Float64Array, Float64Array] = [new Float64Array(L.CMD_LENGTH), new Float64Array(L.CMD_LENGTH)];
    const o = 5 * L.C_STRIDE;
    cmds[0][o + L.C_FLAGS] = L.CF_MOVE;
    cmds[0][o + L.C_MOVE_X] = 1000;
    cmds[0][o + L.C_MOVE_Y] = s.players[5 * P_STRIDE + P_Y]!;
    return { s, cmds, o };
  }

  it('accelerates to running speed at the stated rate and no faster', () => {
    const { s, cmds } = runner();
    const speeds: number[] = [];
    for (let t = 0; t < 40; t++) {
      movePlayers(s, cmds, [1, -1], [false, false]);
      speeds.push(s.players[5 * P_STRIDE + P_VX]!);
    }
    expect(speeds[0]).toBeCloseTo(PHYS.acceleration * DT, 9);
    const toTop = speeds.findIndex((v) => v >= topSpeed(false, 1) * 0.99);
    expect(toTop * DT).toBeGreaterThan(PHYS.runSpeed / PHYS.acceleration - 0.3);
    expect(Math.max(...speeds)).toBeLessThanOrEqual(topSpeed(false, 1) + 1e-9);
  });

  it('drains stamina while sprinting, slows the player, and recovers at rest', () => {
    const { s, cmds, o } = runner();
    cmds[0][o + L.C_FLAGS] = L.CF_MOVE | L.CF_SPRINT;
    for (let t = 0; t < 300; t++) {
      s.players[5 * P_STRIDE + P_X] = 0; // a treadmill: stay on the pitch
      movePlayers(s, cmds, [1, -1], [false, false]);
    }
    const tired = s.players[5 * P_STRIDE + P_STAMINA]!;
    expect(tired).toBeLessThan(0.7);
    expect(s.players[5 * P_STRIDE + P_VX]!).toBeLessThan(PHYS.sprintSpeed - 0.5);
    expect(s.players[5 * P_STRIDE + P_VX]!).toBeCloseTo(topSpeed(true, tired), 1);
    cmds[0][o + L.C_FLAGS] = 0;
    for (let t = 0; t < 200; t++) movePlayers(s, cmds, [1, -1], [false, false]);
    expect(s.players[5 * P_STRIDE + P_STAMINA]!).toBeGreaterThan(tired + 0.05);
  });
});
