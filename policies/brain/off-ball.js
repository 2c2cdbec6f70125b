// The reference brain, part 4: off the ball, the shape, runs into space and marking.
import { HALF_L, HALF_W, dist, clamp } from './physics.js';
import { read } from './read.js'; // for the JSDoc type ReturnType<typeof read>
import { STYLE } from './style.js';

/** @typedef {import('./types.js').Observation} Observation */
/** @typedef {import('./types.js').Vec2} Vec2 */

// ---------------------------------------------------------------------------------------------
// Off the ball: the shape, pressing and marking.
// ---------------------------------------------------------------------------------------------

/** Where player `i` stands in our shape for this ball position and phase. @param {Observation} obs @param {ReturnType<typeof read>} m @param {number} i @param {boolean} attacking */
export function shapeSpot(obs, m, i, attacking) {
  const b = obs.ball;
  const base = (attacking ? STYLE.attackShape : STYLE.defenceShape)[i] ?? [0, 0];
  let x = base[0] + b.x * (attacking ? STYLE.attackFollow : STYLE.followX);
  let y = base[1] * (attacking ? 1 : 0.85) + (b.y - base[1]) * STYLE.followY * (attacking ? 0.6 : 1);
  if (!attacking) {
    // The back line holds between lineMin and lineMax; everyone keeps the block compact ahead of it.
    const line = clamp(STYLE.defenceShape[1][0] + b.x * STYLE.followX, STYLE.lineMin, STYLE.lineMax);
    x = Math.max(x, line + (base[0] - STYLE.defenceShape[1][0]) * 0.8);
    // Everyone but the forwards (who wait for the counter) gets back behind the ball.
    if (base[0] < -10) x = Math.min(x, b.x + 2);
    // Never deeper than the ball carrier needs: stay goal-side of it.
    x = clamp(x, -48, 40);
  } else {
    // Forwards play on the shoulder of the last defender, ready to run in behind.
    if (base[0] >= 5) x = Math.max(x, Math.min(m.offsideLine - 1, b.x + STYLE.runDepth));
    // Stay onside: level with the second-last defender (or behind the ball) at the moment of a pass.
    const onside = Math.max(m.offsideLine - 0.8, b.x - 0.5);
    if (x > onside) x = onside;
    x = clamp(x, -46, 48);
  }
  return { x, y: clamp(y, -HALF_W + 2, HALF_W - 2) };
}

/**
 * Off-the-ball attacking run: move from the shape spot toward free space (away from the
 * nearest opponent), so there is a pass on.
 * @param {ReturnType<typeof read>} m @param {Vec2} spot
 */
export function findSpace(m, spot) {
  let nx = 0, ny = 0;
  for (const o of m.opp) {
    const dx = spot.x - o.x, dy = spot.y - o.y;
    const d2 = dx * dx + dy * dy;
    if (d2 > 100 || d2 < 1e-6) continue;
    const w = (10 - Math.sqrt(d2)) / Math.sqrt(d2);
    nx += dx * w; ny += dy * w;
  }
  const n = Math.hypot(nx, ny);
  if (n > 5) { nx *= 5 / n; ny *= 5 / n; }
  return { x: spot.x + nx * 0.6, y: clamp(spot.y + ny, -HALF_W + 1.5, HALF_W - 1.5) };
}

/**
 * Marking: each defender takes the most dangerous unmarked opponent near his zone and stands
 * goal-side of him, a little toward the ball. Returns index -> spot.
 * @param {Observation} obs @param {ReturnType<typeof read>} m @param {Map<number, Vec2>} zones
 */
export function marking(obs, m, zones) {
  const b = obs.ball;
  /** @type {Map<number, Vec2>} */
  const spots = new Map();
  const threats = m.opp
    .filter((o) => !o.isGoalkeeper && o.x < b.x + 8 && o.x < -5)
    .sort((a, c) => a.x - c.x);
  const free = new Set(zones.keys());
  for (const o of threats) {
    let pick = -1;
    let pd = 14;
    for (const i of free) {
      const z = zones.get(i);
      if (!z) continue;
      const d = dist(z, o);
      if (d < pd) { pd = d; pick = i; }
    }
    if (pick < 0) continue;
    free.delete(pick);
    // Goal-side of the opponent, leaning toward the ball to cut the pass.
    const gx = -HALF_L - o.x, gy = -o.y, g = Math.hypot(gx, gy) || 1;
    const bx = b.x - o.x, by = b.y - o.y, bd = Math.hypot(bx, by) || 1;
    const z = zones.get(pick) ?? o;
    const k = STYLE.marking;
    const mx = o.x + (gx / g) * 2.5 + (bx / bd) * 1.0, my = o.y + (gy / g) * 2.5 + (by / bd) * 1.0;
    spots.set(pick, { x: z.x + (mx - z.x) * k, y: z.y + (my - z.y) * k });
  }
  return spots;
}
