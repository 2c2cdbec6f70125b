// The work counter. It lives in this module's closure: the policy reaches only the three
// charge functions the instrumenter imports, never the counter, so it cannot reset it.
import { ST_BUDGET, ST_DEPTH, ST_OK } from '../protocol.js';

let left = 0;
let granted = 0;
let depth = 0;
let maxDepth = 400;
/** Sticky for the current call: once set, every charge throws until the host starts a new call. */
let tripped = ST_OK;
/** Stack where the budget or depth ran out, so the author learns which line. */
let tripStack = '';
let usedAtTrip = 0;

function trip(kind: number): never {
  if (tripped === ST_OK) {
    tripped = kind;
    usedAtTrip = kind === ST_BUDGET ? granted : granted - Math.max(left, 0);
    tripStack = String(new Error('budget').stack);
  }
  left = -1;
  // A fresh frozen object each time: catching one gains nothing, the next charge throws again.
  throw Object.freeze({ matchday: kind === ST_DEPTH ? 'call depth exceeded' : 'work budget exhausted' });
}

/** One unit: a loop iteration. */
export function c(): void {
  if (--left < 0) trip(tripped === ST_OK ? ST_BUDGET : tripped);
}

/** Function entry: one unit and one level of depth (undone by x() in the function's finally). */
export function e(): void {
  if (--left < 0) trip(tripped === ST_OK ? ST_BUDGET : tripped);
  if (++depth > maxDepth) {
    depth--;
    trip(ST_DEPTH);
  }
}

/** Function exit. Never throws, so it cannot replace a pending exception. */
export function x(): void {
  depth--;
}

/** Charge `n` units for native work of that size. */
export function charge(n: number): void {
  if (tripped !== ST_OK) trip(tripped);
  // NaN and negative sizes cost nothing extra; huge sizes exhaust at once.
  if (n > 0) {
    left -= n;
    if (left < 0) trip(ST_BUDGET);
  }
}

export function start(budget: number, depthCap: number): void {
  left = budget;
  granted = budget;
  depth = 0;
  maxDepth = depthCap;
  tripped = ST_OK;
  tripStack = '';
}

export function used(): number {
  return tripped !== ST_OK ? usedAtTrip : left < 0 ? granted : granted - left;
}

export function state(): number {
  return tripped !== ST_OK ? tripped : left < 0 ? ST_BUDGET : ST_OK;
}

export function stack(): string {
  return tripStack;
}
