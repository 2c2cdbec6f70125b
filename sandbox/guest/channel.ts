// The author's channel: console lines and debug marks, bounded per tick, never read by
// the engine. Each call costs one fixed unit, so flooding is cheap to stop and cannot
// steal budget from play beyond that.
import type { DebugMark } from '../../engine/controller.js';
import { charge } from './budget.js';

let maxLines = 20;
let maxChars = 200;
let maxMarks = 64;
let logs: string[] = [];
let marks: DebugMark[] = [];
let droppedLines = 0;
let droppedMarks = 0;

// Captured before the policy exists: clipping its text must not be charged to it, nor reach what it can change.
const apply = Reflect.apply;
const sliceString = String.prototype.slice;
const testRegExp = RegExp.prototype.test;
const COLOUR = /^[#a-zA-Z0-9(),. %]*$/;

function clip(s: string, max = maxChars): string {
  return s.length > max ? (apply(sliceString, s, [0, max]) as string) + (max === maxChars ? '…' : '') : s;
}

/** Text for one console argument. Objects go through JSON (charged by size); anything odd gets a tag. */
function format(v: unknown): string {
  switch (typeof v) {
    case 'string':
      return clip(v);
    case 'number':
    case 'boolean':
    case 'bigint':
    case 'undefined':
      return String(v);
    case 'symbol':
      return '[symbol]';
    case 'function':
      return '[function]';
    default:
      if (v === null) return 'null';
      try {
        if (v instanceof Error) return clip(`${String(v.name)}: ${String(v.message)}`);
        const text = JSON.stringify(v);
        return typeof text === 'string' ? clip(text) : '[object]';
      } catch {
        return '[object]';
      }
  }
}

export function addLog(line: string): void {
  if (logs.length < maxLines) logs.push(clip(line));
  else droppedLines++;
}

function log(level: string, args: unknown[]): void {
  charge(1);
  if (logs.length >= maxLines) {
    droppedLines++;
    return;
  }
  let line = level;
  for (let i = 0; i < args.length && line.length <= maxChars; i++) line += (i === 0 ? '' : ' ') + format(args[i]);
  addLog(line);
}

function finite(...vs: unknown[]): boolean {
  for (const v of vs) if (typeof v !== 'number' || !Number.isFinite(v)) return false;
  return true;
}

function colour(c: unknown): string {
  // Short CSS-like colour names or hex only: the viewer draws it, nothing else reads it.
  return typeof c === 'string' && c.length <= 24 && c.length > 0 && apply(testRegExp, COLOUR, [c]) === true ? c : 'white';
}

function mark(m: DebugMark): void {
  if (marks.length < maxMarks) marks.push(m);
  else droppedMarks++;
}

export function installChannel(g: Record<string, unknown>, limits: { lines: number; chars: number; marks: number }): void {
  maxLines = limits.lines;
  maxChars = limits.chars;
  maxMarks = limits.marks;
  const console = Object.freeze({
    log: (...a: unknown[]) => log('', a),
    info: (...a: unknown[]) => log('', a),
    debug: (...a: unknown[]) => log('', a),
    warn: (...a: unknown[]) => log('warn: ', a),
    error: (...a: unknown[]) => log('error: ', a),
  });
  const debug = Object.freeze({
    dot(x: unknown, y: unknown, color?: unknown): void {
      charge(1);
      if (finite(x, y)) mark({ kind: 'dot', x: x as number, y: y as number, color: colour(color) });
    },
    line(x1: unknown, y1: unknown, x2: unknown, y2: unknown, color?: unknown): void {
      charge(1);
      if (finite(x1, y1, x2, y2))
        mark({ kind: 'line', x1: x1 as number, y1: y1 as number, x2: x2 as number, y2: y2 as number, color: colour(color) });
    },
    text(x: unknown, y: unknown, text: unknown, color?: unknown): void {
      charge(1);
      if (finite(x, y)) mark({ kind: 'text', x: x as number, y: y as number, text: clip(format(text)).slice(0, 80), color: colour(color) });
    },
  });
  Object.defineProperty(g, 'console', { value: console, writable: true, enumerable: false, configurable: true });
  Object.defineProperty(g, 'debug', { value: debug, writable: true, enumerable: false, configurable: true });
}

export function resetChannel(): void {
  if (logs.length) logs = [];
  if (marks.length) marks = [];
  droppedLines = 0;
  droppedMarks = 0;
}

export function pending(): boolean {
  return logs.length > 0 || marks.length > 0 || droppedLines > 0;
}

/** This tick's lines and marks, with a note for what was dropped. */
export function drain(): { logs: string[]; marks: DebugMark[] } {
  const out = { logs, marks };
  if (droppedLines > 0) out.logs = [...logs, `(${droppedLines} more log lines dropped this tick)`];
  if (droppedMarks > 0) out.logs = [...out.logs, `(${droppedMarks} more debug marks dropped this tick)`];
  logs = [];
  marks = [];
  droppedLines = 0;
  droppedMarks = 0;
  return out;
}
