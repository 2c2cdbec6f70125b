// The host's check of everything a call into the isolate hands back. The guest runtime is
// ours, but it runs in the policy's realm, so what it returns is input like any other: every
// field is checked for type and size here and rebuilt as fresh host objects, and anything
// wrong becomes that team's fault for that tick, never an exception in the match loop, the
// replay writer or the segment flush.
import type { DebugMark } from '../engine/controller.js';
import { C_STRIDE, CMD_LENGTH } from '../engine/obs-layout.js';
import type { SandboxLimits } from './limits.js';
import { R_EXTRAS, R_STATUS, R_USED, REPLY_LENGTH, ST_ERROR, ST_OK, type GuestError, type GuestExtras } from './protocol.js';

/** Warnings writeCommands can give for one return value: one overall plus a few per command. */
export const MAX_WARNINGS = 80;
export const MAX_WARNING_CHARS = 200;
/** Characters kept of a thrown value's message and stack (the guest clips to these). */
export const MAX_ERROR_MESSAGE = 500;
export const MAX_ERROR_STACK = 4000;
/** Longest debug label and colour the guest lets through. */
export const MAX_LABEL_CHARS = 80;
export const MAX_COLOR_CHARS = 24;
/** Notes the guest adds to a tick's logs about dropped lines and marks. */
const NOTE_LINES = 2;
const NOTE_CHARS = 80;

export interface Reply {
  status: number;
  used: number;
  extras: boolean;
  commands: Float64Array;
}

/** True when every command slot is a sane number: tampered built-ins cannot smuggle NaN to the engine. */
export function commandsSane(buf: Float64Array): boolean {
  for (let o = 0; o < CMD_LENGTH; o += C_STRIDE) {
    const f = buf[o] as number;
    if (!(f >= 0 && f <= 63) || Math.floor(f) !== f) return false;
    for (let k = 1; k < C_STRIDE; k++) {
      const v = buf[o + k] as number;
      if (!(v >= -1000 && v <= 1000)) return false;
    }
  }
  return true;
}

/** The reply of runTick, or a reason it cannot be used. `budget` is what the call was granted. */
export function checkReply(raw: unknown, budget: number): Reply | string {
  if (!(raw instanceof Float64Array) || raw.length !== REPLY_LENGTH) return 'the reply is not the agreed number array';
  const status = raw[R_STATUS] as number;
  const used = raw[R_USED] as number;
  const extras = raw[R_EXTRAS] as number;
  if (!(Number.isInteger(status) && status >= ST_OK && status <= ST_ERROR)) return `status ${String(status)} is not a known status`;
  if (!(Number.isInteger(used) && used >= 0 && used <= budget)) return `work used (${String(used)}) is not a whole number within the budget`;
  if (extras !== 0 && extras !== 1) return 'the extras flag is neither 0 nor 1';
  const commands = raw.subarray(0, CMD_LENGTH);
  if (status === ST_OK && !commandsSane(commands)) return 'the sanitised commands came back corrupted';
  return { status, used, extras: extras === 1, commands };
}

function str(v: unknown, max: number): v is string {
  return typeof v === 'string' && v.length <= max;
}

function strings(v: unknown, maxItems: number, maxChars: number, what: string): string[] | string {
  if (!Array.isArray(v)) return `${what} is not a list`;
  if (v.length > maxItems) return `${what} has ${v.length} entries (at most ${maxItems})`;
  const out: string[] = [];
  for (let i = 0; i < v.length; i++) {
    const s: unknown = v[i];
    if (!str(s, maxChars)) return `${what} entry ${i} is not a string of at most ${maxChars} characters`;
    out.push(s);
  }
  return out;
}

function finite(...xs: unknown[]): boolean {
  for (const x of xs) if (typeof x !== 'number' || !Number.isFinite(x)) return false;
  return true;
}

function mark(m: unknown): DebugMark | null {
  if (typeof m !== 'object' || m === null || Array.isArray(m)) return null;
  const o = m as Record<string, unknown>;
  if (!str(o.color, MAX_COLOR_CHARS)) return null;
  const color = o.color as string;
  if (o.kind === 'dot' && finite(o.x, o.y)) return { kind: 'dot', x: o.x as number, y: o.y as number, color };
  if (o.kind === 'line' && finite(o.x1, o.y1, o.x2, o.y2))
    return { kind: 'line', x1: o.x1 as number, y1: o.y1 as number, x2: o.x2 as number, y2: o.y2 as number, color };
  if (o.kind === 'text' && finite(o.x, o.y) && str(o.text, MAX_LABEL_CHARS)) return { kind: 'text', x: o.x as number, y: o.y as number, text: o.text as string, color };
  return null;
}

function guestError(v: unknown): GuestError | null | string {
  if (v === null) return null;
  if (typeof v !== 'object' || Array.isArray(v)) return 'error is not an object';
  const o = v as Record<string, unknown>;
  if (!str(o.message, MAX_ERROR_MESSAGE + 1) || !str(o.stack, MAX_ERROR_STACK + 1)) return 'error message or stack is not a short string';
  return { message: o.message as string, stack: o.stack as string };
}

/** The extras of the last call (warnings, logs, marks, error) rebuilt from checked fields, or a reason they cannot be used. */
export function checkExtras(raw: unknown, L: Pick<SandboxLimits, 'maxLogLines' | 'maxLogChars' | 'maxDebugMarks'>): GuestExtras | string {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return 'the extras are not an object';
  const o = raw as Record<string, unknown>;
  const warnings = strings(o.warnings, MAX_WARNINGS, MAX_WARNING_CHARS, 'warnings');
  if (typeof warnings === 'string') return warnings;
  const logs = strings(o.logs, L.maxLogLines + NOTE_LINES, Math.max(L.maxLogChars + 1, NOTE_CHARS), 'logs');
  if (typeof logs === 'string') return logs;
  if (!Array.isArray(o.marks)) return 'marks is not a list';
  if (o.marks.length > L.maxDebugMarks) return `marks has ${o.marks.length} entries (at most ${L.maxDebugMarks})`;
  const marks: DebugMark[] = [];
  for (let i = 0; i < o.marks.length; i++) {
    const m = mark(o.marks[i]);
    if (m === null) return `debug mark ${i} is malformed`;
    marks.push(m);
  }
  const error = guestError(o.error);
  if (typeof error === 'string') return error;
  return { warnings, logs, marks, error };
}
