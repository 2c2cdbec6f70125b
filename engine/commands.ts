// Turns whatever a policy returned into the command buffer, field by field, never throwing.
import { COMMANDS } from './constants.js';
import * as L from './obs-layout.js';


function num(v: unknown): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

function clamp(v: number, lo: number, hi: number): number {
  return v < lo ? lo : v > hi ? hi : v;
}

function point(v: unknown): { x: number; y: number } | null {
  if (typeof v !== 'object' || v === null) return null;
  const o = v as Record<string, unknown>;
  const x = num(o.x);
  const y = num(o.y);
  if (x === null || y === null) return null;
  // A far target is clamped: its direction still works.
  const lim = COMMANDS.targetLimit;
  return { x: clamp(x, -lim, lim), y: clamp(y, -lim, lim) };
}

/**
 * Writes sanitised commands into `out` (zeroed first) and returns warnings for every
 * field that was malformed and ignored. Reads at most 11 entries and only own data
 * properties of plain values, so getters and proxies cannot run code here when the
 * caller passes a structured copy (the sandbox does).
 */
export function writeCommands(raw: unknown, out: Float64Array): string[] {
  out.fill(0);
  const warnings: string[] = [];
  if (raw === undefined || raw === null) return warnings;
  if (!Array.isArray(raw)) {
    warnings.push(`tick returned ${typeof raw}, expected an array of 11 commands`);
    return warnings;
  }
  if (raw.length > 11) warnings.push(`tick returned ${raw.length} commands; only the first 11 are used`);
  const n = Math.min(11, raw.length);
  for (let i = 0; i < n; i++) {
    const c: unknown = raw[i];
    if (c === undefined || c === null) continue;
    if (typeof c !== 'object') {
      warnings.push(`command ${i} is ${typeof c}, expected an object`);
      continue;
    }
    const cmd = c as Record<string, unknown>;
    const o = i * L.C_STRIDE;
    let flags = 0;
    if (cmd.moveTo !== undefined) {
      const p = point(cmd.moveTo);
      if (p) {
        flags |= L.CF_MOVE;
        out[o + L.C_MOVE_X] = p.x;
        out[o + L.C_MOVE_Y] = p.y;
      } else warnings.push(`command ${i}: moveTo must be {x, y} with finite numbers`);
    }
    if (cmd.speed !== undefined) {
      const s = num(cmd.speed);
      if (s !== null) {
        flags |= L.CF_SPEED;
        out[o + L.C_SPEED] = clamp(s, 0, COMMANDS.speedLimit);
      } else warnings.push(`command ${i}: speed must be a finite number`);
    }
    if (cmd.sprint === true) flags |= L.CF_SPRINT;
    else if (cmd.sprint !== undefined && cmd.sprint !== false) warnings.push(`command ${i}: sprint must be a boolean`);
    if (cmd.kick !== undefined && cmd.kick !== null) {
      const k = cmd.kick as Record<string, unknown>;
      const t = typeof k === 'object' ? point(k.target) : null;
      const power = typeof k === 'object' ? num(k.power) : null;
      const lift = typeof k === 'object' && k.lift !== undefined ? num(k.lift) : 0;
      if (t && power !== null && lift !== null) {
        flags |= L.CF_KICK;
        out[o + L.C_KICK_X] = t.x;
        out[o + L.C_KICK_Y] = t.y;
        out[o + L.C_POWER] = clamp(power, 0, 1);
        out[o + L.C_LIFT] = clamp(lift, 0, 1);
      } else warnings.push(`command ${i}: kick must be {target: {x, y}, power: 0..1, lift?: 0..1}`);
    }
    if (cmd.tackle === true) flags |= L.CF_TACKLE;
    else if (cmd.tackle !== undefined && cmd.tackle !== false) warnings.push(`command ${i}: tackle must be a boolean`);
    if (cmd.catch === true) flags |= L.CF_CATCH;
    else if (cmd.catch !== undefined && cmd.catch !== false) warnings.push(`command ${i}: catch must be a boolean`);
    out[o + L.C_FLAGS] = flags;
  }
  return warnings;
}
