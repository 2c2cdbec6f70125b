// What to draw at a fractional tick: positions blended between the two frames around it.
import type { Frame } from '../../../engine/replay/types.js';
import { PLAYERS } from '../../../engine/state.js';

/**
 * Farther than this in one tick (10 m is 100 m/s) is a jump, not motion: the kick-off reset after
 * a goal, the ends switching at half time. Blending across it would slide players over the pitch.
 */
export const TELEPORT_M = 10;

/** Reused every animation frame so drawing allocates nothing. */
export interface Scene {
  /** The earlier frame: score, clock, cards, holder and debug come from it. */
  frame: Frame;
  /** The fractional tick drawn. */
  t: number;
  ball: { x: number; y: number; z: number };
  px: Float64Array;
  py: Float64Array;
  /** Direction each player faces (its velocity; kept from the last moving frame when still is not known). */
  vx: Float64Array;
  vy: Float64Array;
}

export function emptyScene(frame: Frame): Scene {
  return {
    frame,
    t: frame.tick,
    ball: { x: frame.ball.x, y: frame.ball.y, z: frame.ball.z },
    px: new Float64Array(PLAYERS),
    py: new Float64Array(PLAYERS),
    vx: new Float64Array(PLAYERS),
    vy: new Float64Array(PLAYERS),
  };
}

function lerp(a: number, b: number, k: number): number {
  return a + (b - a) * k;
}

/** Fills `out` for tick `t` from frame `f0` (tick floor(t)) and `f1` (the next one, if present). */
export function sceneAt(out: Scene, t: number, f0: Frame, f1: Frame | undefined): Scene {
  const k = f1 ? t - f0.tick : 0;
  out.frame = f0;
  out.t = t;
  const b0 = f0.ball;
  const b1 = f1 && k > 0 && Math.abs(f1.ball.x - b0.x) + Math.abs(f1.ball.y - b0.y) < TELEPORT_M ? f1.ball : b0;
  out.ball.x = lerp(b0.x, b1.x, k);
  out.ball.y = lerp(b0.y, b1.y, k);
  out.ball.z = lerp(b0.z, b1.z, k);
  for (let i = 0; i < PLAYERS; i++) {
    const p0 = f0.players[i]!;
    const p1c = f1?.players[i];
    const p1 = p1c && k > 0 && Math.abs(p1c.x - p0.x) + Math.abs(p1c.y - p0.y) < TELEPORT_M ? p1c : p0;
    out.px[i] = lerp(p0.x, p1.x, k);
    out.py[i] = lerp(p0.y, p1.y, k);
    out.vx[i] = p0.vx;
    out.vy[i] = p0.vy;
  }
  return out;
}
