// Ball flight, bounce, roll and the goal frame: one tick of ball physics.
import { DT, PHYS, PITCH } from '../constants.js';

const POST_Y = PITCH.goalWidth / 2;
const HIT = PHYS.ballRadius + PITCH.postRadius;
/** Half-width of the box around each goal frame inside which collisions are tested (a broad phase, no rule). */
const FRAME_BOX = 1;

/**
 * Advances ball = [x, y, z, vx, vy, vz] by one tick. Returns true when the ball
 * touched the goal frame. Only + - * / and sqrt: bit-exact everywhere and
 * symmetric under the 180-degree rotation that maps one team's frame to the other's.
 */
export function stepBall(ball: Float64Array): boolean {
  const vx = ball[3]!;
  const vy = ball[4]!;
  const vz = ball[5]!;
  const speed = Math.sqrt(vx * vx + vy * vy + vz * vz);
  const n = Math.max(1, Math.ceil((speed * DT) / PHYS.ballSubstep));
  const h = DT / n;
  let frame = false;
  for (let k = 0; k < n; k++) {
    integrate(ball, h);
    if (nearGoalLine(ball)) frame = collideFrame(ball) || frame;
  }
  return frame;
}

function integrate(b: Float64Array, h: number): void {
  let x = b[0]!;
  let y = b[1]!;
  let z = b[2]!;
  let vx = b[3]!;
  let vy = b[4]!;
  let vz = b[5]!;
  const r = PHYS.ballRadius;
  const airborne = z > r + 1e-9 || vz > 0;
  if (airborne) {
    const sp = Math.sqrt(vx * vx + vy * vy + vz * vz);
    const drag = 1 - PHYS.airDrag * sp * h;
    const d = drag > 0 ? drag : 0;
    vx *= d;
    vy *= d;
    vz = vz * d - PHYS.gravity * h;
    x += vx * h;
    y += vy * h;
    z += vz * h;
    if (z <= r) {
      z = r;
      if (-vz > PHYS.settleSpeed) {
        vz = -vz * PHYS.bounce;
        vx *= PHYS.bounceFriction;
        vy *= PHYS.bounceFriction;
      } else {
        vz = 0;
      }
    }
  } else {
    z = r;
    vz = 0;
    const sp = Math.sqrt(vx * vx + vy * vy);
    if (sp > 0) {
      const loss = (PHYS.rollDecel + PHYS.rollDrag * sp) * h;
      const f = sp > loss ? (sp - loss) / sp : 0;
      vx *= f;
      vy *= f;
    }
    x += vx * h;
    y += vy * h;
  }
  b[0] = x;
  b[1] = y;
  b[2] = z;
  b[3] = vx;
  b[4] = vy;
  b[5] = vz;
}

function nearGoalLine(b: Float64Array): boolean {
  const ax = Math.abs(b[0]!);
  return ax > PITCH.halfLength - FRAME_BOX && ax < PITCH.halfLength + FRAME_BOX && Math.abs(b[1]!) < POST_Y + FRAME_BOX && b[2]! < PITCH.goalHeight + FRAME_BOX;
}

/** Posts are vertical cylinders, the crossbar a horizontal one along y; the ball bounces off with restitution. */
function collideFrame(b: Float64Array): boolean {
  const gx = b[0]! > 0 ? PITCH.halfLength : -PITCH.halfLength;
  let hit = false;
  // Posts.
  if (b[2]! < PITCH.goalHeight) {
    for (const py of [POST_Y, -POST_Y]) {
      const dx = b[0]! - gx;
      const dy = b[1]! - py;
      const d2 = dx * dx + dy * dy;
      if (d2 < HIT * HIT && d2 > 0) hit = bounceOff(b, dx, dy, 0, Math.sqrt(d2)) || hit;
    }
  }
  // Crossbar.
  if (Math.abs(b[1]!) <= POST_Y) {
    const dx = b[0]! - gx;
    const dz = b[2]! - PITCH.goalHeight;
    const d2 = dx * dx + dz * dz;
    if (d2 < HIT * HIT && d2 > 0) hit = bounceOff(b, dx, 0, dz, Math.sqrt(d2)) || hit;
  }
  return hit;
}

function bounceOff(b: Float64Array, nx: number, ny: number, nz: number, d: number): boolean {
  const ux = nx / d;
  const uy = ny / d;
  const uz = nz / d;
  const vn = b[3]! * ux + b[4]! * uy + b[5]! * uz;
  // Push the ball back out of the frame along the normal.
  const push = HIT - d;
  b[0] = b[0]! + ux * push;
  b[1] = b[1]! + uy * push;
  b[2] = b[2]! + uz * push;
  if (vn >= 0) return true; // already moving away
  const j = (1 + PHYS.postRestitution) * vn;
  b[3] = b[3]! - j * ux;
  b[4] = b[4]! - j * uy;
  b[5] = b[5]! - j * uz;
  return true;
}
