// Drawing one scene on a 2D canvas. The pitch is painted once per size into an offscreen canvas;
// each animation frame blits it and draws players, ball and debug marks over it, allocating nothing.
import { PHYS, PITCH } from '../../../engine/constants.js';
import type { DebugMark } from '../../../engine/controller.js';
import { TEAM_SIZE } from '../../../engine/state.js';
import { PITCH_COLORS, TEAM_COLORS } from '../colors.js';
import type { Scene } from '../playback/interpolate.js';

/** Metres of grass shown around the lines (goals stick out 2 m behind them). */
const MARGIN_M = 4;

/** Maps pitch metres (origin at the centre spot, +y up the screen) to canvas pixels. */
export interface Layout {
  width: number;
  height: number;
  scale: number;
  cx: number;
  cy: number;
}

export function layoutFor(width: number, height: number): Layout {
  const scale = Math.min(width / (PITCH.length + 2 * MARGIN_M), height / (PITCH.width + 2 * MARGIN_M));
  return { width, height, scale, cx: width / 2, cy: height / 2 };
}

export function toScreen(l: Layout, x: number, y: number): [number, number] {
  return [l.cx + x * l.scale, l.cy - y * l.scale];
}

/** Paints grass, lines, boxes, circle, spots and goals. */
export function paintPitch(ctx: CanvasRenderingContext2D, l: Layout): void {
  const s = l.scale;
  const P = PITCH;
  ctx.fillStyle = PITCH_COLORS.surround;
  ctx.fillRect(0, 0, l.width, l.height);
  // Mowing stripes, as on television: they make motion across the pitch easier to read.
  const stripes = 14;
  const [x0, y0] = toScreen(l, -P.halfLength, P.halfWidth);
  const stripeW = (P.length * s) / stripes;
  for (let i = 0; i < stripes; i++) {
    ctx.fillStyle = i % 2 ? PITCH_COLORS.grassA : PITCH_COLORS.grassB;
    ctx.fillRect(x0 + i * stripeW, y0, stripeW + 0.5, P.width * s);
  }
  ctx.strokeStyle = PITCH_COLORS.line;
  ctx.lineWidth = Math.max(1, 0.12 * s);
  ctx.strokeRect(x0, y0, P.length * s, P.width * s);
  const line = (ax: number, ay: number, bx: number, by: number): void => {
    const [a, b] = toScreen(l, ax, ay);
    const [c, d] = toScreen(l, bx, by);
    ctx.beginPath();
    ctx.moveTo(a, b);
    ctx.lineTo(c, d);
    ctx.stroke();
  };
  const circle = (x: number, y: number, r: number, fill: boolean, from = 0, to = 2 * Math.PI): void => {
    const [a, b] = toScreen(l, x, y);
    ctx.beginPath();
    ctx.arc(a, b, r, from, to);
    if (fill) ctx.fill();
    else ctx.stroke();
  };
  line(0, -P.halfWidth, 0, P.halfWidth);
  circle(0, 0, P.centreCircleRadius * s, false);
  ctx.fillStyle = PITCH_COLORS.line;
  circle(0, 0, Math.max(1.5, 0.25 * s), true);
  for (const side of [-1, 1]) {
    const gx = side * P.halfLength;
    const box = (depth: number, width: number): void => {
      const [a, b] = toScreen(l, side < 0 ? gx : gx - depth, width / 2);
      ctx.strokeRect(a, b, depth * s, width * s);
    };
    box(P.penaltyAreaDepth, P.penaltyAreaWidth);
    box(P.goalAreaDepth, P.goalAreaWidth);
    const spotX = gx - side * P.penaltySpotDistance;
    circle(spotX, 0, Math.max(1.5, 0.25 * s), true);
    // The arc: the part of the 9.15 m circle round the spot that lies outside the area.
    const edge = P.penaltyAreaDepth - P.penaltySpotDistance;
    const half = Math.acos(edge / P.centreCircleRadius);
    const facing = side < 0 ? 0 : Math.PI;
    circle(spotX, 0, P.centreCircleRadius * s, false, facing - half, facing + half);
    // The goal: a net-coloured box behind the line, posts in white.
    const [ga, gb] = toScreen(l, side < 0 ? gx - 2 : gx, P.goalWidth / 2);
    ctx.fillStyle = 'rgba(255,255,255,0.22)';
    ctx.fillRect(ga, gb, 2 * s, P.goalWidth * s);
    ctx.strokeStyle = PITCH_COLORS.goal;
    ctx.lineWidth = Math.max(1.5, 0.2 * s);
    ctx.strokeRect(ga, gb, 2 * s, P.goalWidth * s);
    ctx.strokeStyle = PITCH_COLORS.line;
    ctx.lineWidth = Math.max(1, 0.12 * s);
    ctx.fillStyle = PITCH_COLORS.line;
  }
}

export interface DrawOptions {
  /** Per team: draw that policy's debug marks. */
  debug: [boolean, boolean];
}

/** A colour a policy gave, if the canvas can use it; else the team's accent. */
function markColor(c: string, team: 0 | 1): string {
  return /^#[0-9a-fA-F]{3,8}$|^[a-z]{3,20}$/.test(c) ? c : TEAM_COLORS[team].accent;
}

function drawMarks(ctx: CanvasRenderingContext2D, l: Layout, marks: readonly DebugMark[], team: 0 | 1): void {
  ctx.lineWidth = 1.5;
  ctx.font = `${Math.max(10, Math.round(l.scale * 1.3))}px system-ui, sans-serif`;
  ctx.textAlign = 'left';
  ctx.textBaseline = 'bottom';
  for (const m of marks) {
    const c = markColor(m.color, team);
    if (m.kind === 'dot') {
      const [a, b] = toScreen(l, m.x, m.y);
      ctx.fillStyle = c;
      ctx.beginPath();
      ctx.arc(a, b, Math.max(2.5, 0.35 * l.scale), 0, 2 * Math.PI);
      ctx.fill();
    } else if (m.kind === 'line') {
      const [a, b] = toScreen(l, m.x1, m.y1);
      const [e, f] = toScreen(l, m.x2, m.y2);
      ctx.strokeStyle = c;
      ctx.beginPath();
      ctx.moveTo(a, b);
      ctx.lineTo(e, f);
      ctx.stroke();
    } else {
      const [a, b] = toScreen(l, m.x, m.y);
      ctx.fillStyle = c;
      ctx.fillText(m.text.slice(0, 40), a + 3, b - 3);
    }
  }
}

/** Draws players, ball and marks over the pitch image. */
export function drawScene(ctx: CanvasRenderingContext2D, l: Layout, pitch: CanvasImageSource, scene: Scene, opts: DrawOptions): void {
  ctx.drawImage(pitch, 0, 0, l.width, l.height);
  const f = scene.frame;
  for (const t of [0, 1] as const) {
    const d = f.debug[t];
    if (opts.debug[t] && d) drawMarks(ctx, l, d.marks, t);
  }
  const s = l.scale;
  // Players are drawn larger than life (0.4 m radius would be 3 px on a laptop) but never overlap much.
  const r = Math.max(6, Math.min(1.1 * s, 16));
  ctx.font = `bold ${Math.round(r * 1.05)}px system-ui, sans-serif`;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  for (let i = 0; i < f.players.length; i++) {
    const p = f.players[i]!;
    if (p.sentOff) continue;
    const team = i < TEAM_SIZE ? 0 : 1;
    const keeper = i % TEAM_SIZE === 0;
    const col = TEAM_COLORS[team];
    const [x, y] = toScreen(l, scene.px[i]!, scene.py[i]!);
    const vx = scene.vx[i]!;
    const vy = scene.vy[i]!;
    const sp = Math.sqrt(vx * vx + vy * vy);
    if (sp > 0.3) {
      // A short stroke where the player is heading.
      ctx.strokeStyle = 'rgba(0,0,0,0.45)';
      ctx.lineWidth = 2;
      ctx.beginPath();
      ctx.moveTo(x, y);
      ctx.lineTo(x + (vx / sp) * r * 1.7, y - (vy / sp) * r * 1.7);
      ctx.stroke();
    }
    ctx.fillStyle = keeper ? col.keeper : col.shirt;
    ctx.beginPath();
    ctx.arc(x, y, r, 0, 2 * Math.PI);
    ctx.fill();
    ctx.lineWidth = keeper ? 2.5 : 1.5;
    ctx.strokeStyle = keeper ? '#ffe14d' : 'rgba(0,0,0,0.6)';
    ctx.stroke();
    if (f.holder === i) {
      ctx.strokeStyle = '#ffffff';
      ctx.lineWidth = 2;
      ctx.beginPath();
      ctx.arc(x, y, r + 3, 0, 2 * Math.PI);
      ctx.stroke();
    }
    if (p.yellow) {
      ctx.fillStyle = '#ffd400';
      ctx.fillRect(x + r * 0.55, y - r * 1.25, r * 0.5, r * 0.7);
    }
    ctx.fillStyle = keeper ? '#ffffff' : col.number;
    ctx.fillText(String((i % TEAM_SIZE) + 1), x, y + 0.5);
  }
  drawBall(ctx, l, scene.ball.x, scene.ball.y, scene.ball.z);
}

/** The ball lifted up the screen by its height, over a shadow on the grass that fades and shrinks as it rises. */
function drawBall(ctx: CanvasRenderingContext2D, l: Layout, bx: number, by: number, bz: number): void {
  const s = l.scale;
  const [x, y] = toScreen(l, bx, by);
  const z = Math.max(0, bz);
  const br = Math.max(3.5, PHYS.ballRadius * 2.6 * s) * (1 + Math.min(z, 8) * 0.06);
  const shadowK = 1 / (1 + z * 0.35);
  ctx.fillStyle = `rgba(0,0,0,${(0.5 * shadowK).toFixed(3)})`;
  ctx.beginPath();
  ctx.ellipse(x, y, br * (0.6 + 0.6 * shadowK), br * (0.35 + 0.35 * shadowK), 0, 0, 2 * Math.PI);
  ctx.fill();
  const lift = z * s * 0.7;
  if (lift > 1) {
    ctx.strokeStyle = 'rgba(255,255,255,0.35)';
    ctx.lineWidth = 1;
    ctx.beginPath();
    ctx.moveTo(x, y);
    ctx.lineTo(x, y - lift);
    ctx.stroke();
  }
  ctx.fillStyle = PITCH_COLORS.ball;
  ctx.strokeStyle = PITCH_COLORS.ballEdge;
  ctx.lineWidth = 1.5;
  ctx.beginPath();
  ctx.arc(x, y - lift, br, 0, 2 * Math.PI);
  ctx.fill();
  ctx.stroke();
}
