// The work counter. It lives in an object only this module and the instrumented policy's
// hidden import binding can name (the policy may not write names with the reserved
// prefix), so the policy can neither read nor reset it.
//
// The instrumenter inlines the checks, because a call per loop iteration costs several
// times more than the decrement (__md_c is the body's local copy of __md_b, see instrument.ts):
//   function entry: const __md_c=__md_b,__md_f=++__md_c.d;if(--__md_c.n<0||__md_f>MAX)__md_t();
//   loop body:      if(--__md_c.n<0)__md_t();     (__md_b outside a function body with that entry)
//   return E:       return (__md_v=(E),__md_c.d=__md_f-1,__md_v)   (and __md_c.d=__md_f-1 at the body's end)
//   catch/finally:  __md_b.d=__md_f, in a generator __md_b.d=__md_b.g  (see instrument.ts for why this is never below the real depth)
// Both fields stay small integers (Smis) so V8 keeps those checks cheap.
import { ST_BUDGET, ST_DEPTH, ST_OK } from '../protocol.js';

// Captured before anything is wrapped or frozen: the trip must never go through a charged native.
const freeze = Object.freeze;
const ceil = Math.ceil;
const max = Math.max;
const ErrorCtor = Error;
const toText = String;

/**
 * n: units left in this call; d: current call depth of the policy's own functions; g: the depth level of the
 * generator resumption now running (set by the wrapped next/return/throw, natives.ts), which a catch or finally
 * in a generator's body sets the depth back to, as one in a function sets it back to the function's own level.
 */
export const b = { n: 0, d: 0, g: 0 };

let granted = 0;
let maxDepth = 400;
/** Sticky for the current call: once set, every check throws until the host starts a new call. */
let tripped = ST_OK;
/** Stack where the budget or depth ran out, so the author learns which line. */
let tripStack = '';
let usedAtTrip = 0;

/** Called by an inlined check that failed: budget gone or depth over the cap. */
export function t(): never {
  if (tripped === ST_OK) {
    const depth = b.d > maxDepth;
    tripped = depth ? ST_DEPTH : ST_BUDGET;
    usedAtTrip = depth ? granted - max(b.n, 0) : granted;
    tripStack = toText(new ErrorCtor('budget').stack);
  }
  if (b.d > maxDepth) b.d--; // the failed entry never reaches its finally
  b.n = -1;
  // A fresh frozen object each time: catching one gains nothing, the next check throws again.
  throw freeze({ matchday: tripped === ST_DEPTH ? 'call depth exceeded' : 'work budget exhausted' });
}

/** Charge `n` units for native work of that size (see natives.ts). */
export function charge(n: number): void {
  if (tripped !== ST_OK) t();
  // NaN and negative sizes cost nothing extra; anything past what is left exhausts at once,
  // without ever storing a non-integer or huge value in b.n.
  if (n > 0) {
    if (n > b.n) {
      b.n = -1;
      t();
    }
    b.n -= ceil(n);
  }
}

/** The call depth cap of this call (a native that recurses in C++ counts its levels against it: guest/coerce.ts). */
export function depthCap(): number {
  return maxDepth;
}

export function start(budget: number, depthCap: number): void {
  b.n = budget;
  b.d = 0;
  b.g = 0;
  granted = budget;
  maxDepth = depthCap;
  tripped = ST_OK;
  tripStack = '';
}

export function used(): number {
  return tripped !== ST_OK ? usedAtTrip : b.n < 0 ? granted : granted - b.n;
}

export function state(): number {
  return tripped !== ST_OK ? tripped : b.n < 0 ? ST_BUDGET : ST_OK;
}

export function stack(): string {
  return tripStack;
}
