// A thread of the match process that kills the process when one call into a policy runs past
// twice its wall-clock limit. isolated-vm's own timeout asks V8 to interrupt the isolate, and V8
// honours that only between pieces of native work, which can take minutes; this thread does not
// wait for V8. Before it kills, it writes the running (tick, team) to the mark file with
// WATCHDOG_FLAG added, so the parent knows the wall clock decided and flags the match.
import { Worker } from 'node:worker_threads';

/** The match process's mark file: (tick, team) as two Int32 at offset 0, read by the parent (pool.ts) when the process dies. */
export const MARK_FD = 4;

/** Added to the team in a mark written by the watchdog. */
export const WATCHDOG_FLAG = 256;

// Slots: 0 armed, 1 tick, 2 team; a Float64 deadline (ms since the epoch) at byte 16.
const THREAD = `
const { workerData } = require('node:worker_threads');
const { writeSync } = require('node:fs');
const s = new Int32Array(workerData.sab, 0, 4);
const deadline = new Float64Array(workerData.sab, 16, 1);
const mark = new Int32Array(2);
for (;;) {
  Atomics.wait(s, 3, 0, 20);
  if (Atomics.load(s, 0) === 1 && Date.now() > deadline[0]) {
    mark[0] = Atomics.load(s, 1);
    mark[1] = Atomics.load(s, 2) + ${WATCHDOG_FLAG};
    try { writeSync(workerData.fd, new Uint8Array(mark.buffer), 0, 8, 0); } catch {}
    process.kill(process.pid, 'SIGKILL');
  }
}`;

export interface Watchdog {
  /** A call into `team`'s policy at `tick` starts; it may run until `limitMs` * 2 from now. */
  arm(tick: number, team: number, limitMs: number): void;
  /** The call returned. */
  disarm(): void;
  /**
   * Resolves once the thread runs. The parent caps the process's address space at its size when it
   * says it is ready: the thread's own V8 reservations must be made by then, or they count against
   * the policies' allowance (and a fresh process could die creating its first isolate).
   */
  online: Promise<void>;
}

export function startWatchdog(markFd: number): Watchdog {
  const sab = new SharedArrayBuffer(24);
  const s = new Int32Array(sab, 0, 4);
  const deadline = new Float64Array(sab, 16, 1);
  const worker = new Worker(THREAD, { eval: true, workerData: { sab, fd: markFd } });
  worker.unref();
  const online = new Promise<void>((resolve) => worker.once('online', () => resolve()));
  return {
    online,
    arm(tick, team, limitMs) {
      deadline[0] = Date.now() + 2 * limitMs;
      Atomics.store(s, 1, tick);
      Atomics.store(s, 2, team);
      Atomics.store(s, 0, 1);
    },
    disarm() {
      Atomics.store(s, 0, 0);
    },
  };
}
