// Reads what prelude.py's _md_reply sent: [commands, marks, marks dropped, length] as JSON.
// The text is the policy's own output: its size is checked before parsing, and every mark is
// checked field by field; the commands go on to engine/commands.ts, the sanitiser JavaScript
// policies go through too.
import type { DebugMark } from '../../../engine/controller.js';

/** Longest reply read; a longer one is the team's fault for that tick. */
export const MAX_REPLY_CHARS = 200_000;

const COLOUR = /^[#a-zA-Z0-9(),. %]*$/;

function colour(c: unknown): string {
  return typeof c === 'string' && c.length > 0 && c.length <= 24 && COLOUR.test(c) ? c : 'white';
}

function finite(...xs: unknown[]): boolean {
  for (const x of xs) if (typeof x !== 'number' || !Number.isFinite(x)) return false;
  return true;
}

/** A mark from the tuple debug.* recorded, or null when malformed (dropped, as in JavaScript). */
function toMark(v: unknown): DebugMark | null {
  if (!Array.isArray(v)) return null;
  const [kind, a, b, c, d, e] = v as unknown[];
  if (kind === 0 && finite(a, b)) return { kind: 'dot', x: a as number, y: b as number, color: colour(c) };
  if (kind === 1 && finite(a, b, c, d)) return { kind: 'line', x1: a as number, y1: b as number, x2: c as number, y2: d as number, color: colour(e) };
  if (kind === 2 && finite(a, b) && typeof c === 'string') return { kind: 'text', x: a as number, y: b as number, text: c.slice(0, 80), color: colour(d) };
  return null;
}

/** A point given as a Python pair (x, y) becomes {x, y}, the shape the sanitiser reads. */
function point(v: unknown): unknown {
  return Array.isArray(v) && v.length === 2 ? { x: v[0], y: v[1] } : v;
}

function normalise(cmd: unknown): unknown {
  if (typeof cmd !== 'object' || cmd === null || Array.isArray(cmd)) return cmd;
  const c = cmd as Record<string, unknown>;
  if ('moveTo' in c) c.moveTo = point(c.moveTo);
  const k = c.kick;
  if (typeof k === 'object' && k !== null && !Array.isArray(k) && 'target' in k) {
    (k as Record<string, unknown>).target = point((k as Record<string, unknown>).target);
  }
  return cmd;
}

export interface Reply {
  commands: unknown;
  marks: DebugMark[];
  droppedMarks: number;
}

/** The reply, or null when the text is not the expected JSON (then the runtime tries the slow conversion). */
export function commandsFromJson(text: string): Reply | null {
  if (text.length > MAX_REPLY_CHARS) return null;
  let v: unknown;
  try {
    // The prototype-free reviver keeps a "__proto__" key an ordinary own property.
    v = JSON.parse(text);
  } catch {
    return null;
  }
  if (!Array.isArray(v) || v.length !== 4) return null;
  const [raw, marksRaw, dropped, length] = v as unknown[];
  let commands: unknown = raw;
  if (Array.isArray(raw)) {
    commands = raw.map(normalise);
    // Only the first 16 travel; the true length lets the sanitiser warn as it does in JavaScript.
    if (typeof length === 'number' && Number.isInteger(length) && length > raw.length && length < 2 ** 32) (commands as unknown[]).length = length;
  }
  const marks: DebugMark[] = [];
  let droppedMarks = typeof dropped === 'number' && Number.isInteger(dropped) && dropped > 0 ? Math.min(dropped, 1e9) : 0;
  if (Array.isArray(marksRaw)) {
    for (const m of marksRaw) {
      const mark = toMark(m);
      if (mark) marks.push(mark);
    }
  }
  return { commands, marks, droppedMarks };
}
