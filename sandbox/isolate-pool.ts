// Warm isolates kept between matches of one process, each bound to one policy's exact code and
// limits. A fresh isolate per team per match compiles and optimises the policy from cold every
// match: in a cup or scrim that was most of a match's CPU (docs/PERFORMANCE-HISTORY.md, fifth round). An
// isolate handed back after a clean match keeps its code and V8's type feedback; the next match of
// the same policy gets fresh bindings from the factory (sandbox/factory.ts) and fresh runtime state
// (guest/runtime.ts configure), and the guest's own check (`reusable`) refuses the isolate if the
// policy left anything on the global object, the one place lockdown leaves open.
import { createHash } from 'node:crypto';
import type ivm from 'isolated-vm';

/** An isolate with the guest runtime and one policy's factory loaded, between matches. */
export interface WarmIsolate {
  key: string;
  iso: ivm.Isolate;
  /** References into the guest runtime and the policy module, kept with the isolate. */
  refs: Record<string, ivm.Reference<unknown>>;
  obsIn: Float64Array;
  replyOut: Float64Array;
  /** Matches this isolate has begun. */
  matches: number;
}

/**
 * Idle isolates kept at most (least recently used go first). A reference team's idle isolate holds ~5 MB of
 * heap (~12 MB of the process's memory with its code); POOL_HEAP_BYTES bounds a hostile one. Sixteen lets
 * a match process of a 32-team tournament keep most of the policies it meets warm, in well under the
 * process's memory cap (tournament/runner/spawn.ts).
 */
export const MAX_IDLE = 16;
/**
 * An isolate whose heap in use plus array buffers exceed this when its match ends is disposed, not kept:
 * an idle isolate runs no GC, so what a match left stays until the next one.
 */
export const POOL_HEAP_BYTES = 32 * 1024 * 1024;
/** Matches one isolate serves at most, so that what V8 keeps per isolate (code, feedback) cannot grow without end. */
export const MAX_MATCHES = 200;

const idle: WarmIsolate[] = [];
/** Since the process started: isolates taken warm from the pool, and handed back to it. */
const counters = { reused: 0, returned: 0 };

/** Off with MATCHDAY_FRESH_ISOLATES=1: every team gets a new isolate every match (as before pooling). */
export function poolingEnabled(): boolean {
  return process.env.MATCHDAY_FRESH_ISOLATES !== '1';
}

/** What must be equal for an isolate to serve a match: the code it compiled and what configure fixed once. */
export function poolKey(parts: { filename: string; code: string; memoryMb: number; maxCallDepth: number; maxLogLines: number; maxLogChars: number; maxDebugMarks: number }): string {
  const h = createHash('sha256');
  h.update(JSON.stringify([parts.filename, parts.memoryMb, parts.maxCallDepth, parts.maxLogLines, parts.maxLogChars, parts.maxDebugMarks]));
  h.update('\0');
  h.update(parts.code);
  return h.digest('hex');
}

/** An idle isolate for `key`, taken out of the pool, or null. */
export function takeWarm(key: string): WarmIsolate | null {
  for (let i = idle.length - 1; i >= 0; i--) {
    const w = idle[i]!;
    if (w.key !== key) continue;
    idle.splice(i, 1);
    if (w.iso.isDisposed) continue;
    counters.reused++;
    return w;
  }
  return null;
}

/** Hands an isolate back after a clean match; the least recently used beyond MAX_IDLE are disposed. */
export function giveBack(w: WarmIsolate): void {
  if (w.iso.isDisposed) return;
  if (w.matches >= MAX_MATCHES || !poolingEnabled()) {
    w.iso.dispose();
    return;
  }
  idle.push(w);
  counters.returned++;
  while (idle.length > MAX_IDLE) {
    const old = idle.shift()!;
    if (!old.iso.isDisposed) old.iso.dispose();
  }
}

/** Disposes every idle isolate (tests, and a process about to exit). */
export function drainPool(): void {
  for (const w of idle.splice(0)) if (!w.iso.isDisposed) w.iso.dispose();
}

/** Idle isolates now, and how many were reused and returned since the process started (tests, bench). */
export function poolState(): { idle: number; reused: number; returned: number } {
  return { idle: idle.length, ...counters };
}
