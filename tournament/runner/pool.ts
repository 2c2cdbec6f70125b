// A pool of match processes: each plays one match at a time; a dead one is replaced, its match
// retried, and a repeated death inside a policy call is charged to the team whose policy was
// running. A death in the host's own work is never charged to a team: retried, and if it comes
// back at the same tick the match fails as a host failure for the organizer to see.
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { closeSync, openSync, readSync, unlinkSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChildMessage, Crash, MatchJob, RunResult } from './job.js';
import { prepareJob } from './prepare.js';
import { limitProcessMemory, spawnMatchProcess } from './spawn.js';
import { WATCHDOG_FLAG } from './watchdog.js';

export interface RunHooks {
  /** Replay blobs as they are made; a 'header' after others means the match restarted after a crash. */
  onBlob?(kind: 'header' | 'segment' | 'footer', blob: Uint8Array): void;
  /** The process that is about to play the match (also on every retry). */
  onStart?(pid: number): void;
}

/** Attempts per match: the first run, one plain retry, then one per team frozen (or a host death survived). */
export const MAX_ATTEMPTS = 4;

/** The match could not be played for a reason that is no team's fault; the organizer must hear of it. */
export class HostFailure extends Error {
  override name = 'HostFailure';
}

interface Worker {
  child: ChildProcess;
  /** The mark file: the process writes (tick, team) at its start before and after every policy call. */
  markFd: number;
  ready: Promise<void>;
  busy: boolean;
  stderr: string;
}

/**
 * A mark file for one match process: unlinked at once (nothing left on disk, even after a crash of
 * this process); the parent and the child each hold a descriptor. Read only when the child dies.
 */
function openMarkFile(): number {
  const path = join(tmpdir(), `matchday-marks-${process.pid}-${randomBytes(6).toString('hex')}`);
  const fd = openSync(path, 'wx+', 0o600);
  unlinkSync(path);
  writeMark(fd, 0, -1);
  return fd;
}

function writeMark(fd: number, tick: number, team: number): void {
  const b = Buffer.alloc(8);
  b.writeInt32LE(tick, 0);
  b.writeInt32LE(team, 4);
  writeSync(fd, b, 0, 8, 0);
}

/** The last mark the process wrote: the (tick, team) it was in, and whether its watchdog killed it. */
function readMark(fd: number): Crash {
  const b = Buffer.alloc(8);
  if (readSync(fd, b, 0, 8, 0) !== 8) return { tick: 0, team: -1, how: '' };
  const raw = b.readInt32LE(4);
  const byWatchdog = raw >= WATCHDOG_FLAG;
  const team = byWatchdog ? raw - WATCHDOG_FLAG : raw;
  const mark: Crash = { tick: b.readInt32LE(0), team: team === 0 || team === 1 ? team : -1, how: '' };
  if (byWatchdog) mark.wallClock = true;
  return mark;
}

type Outcome = { ok: true; result: Omit<RunResult, 'crashes' | 'pid'>; pid: number } | { ok: false; crash: Crash };

export interface MatchPoolOptions {
  processMemoryMb?: number;
  /**
   * Match processes run V8 without background threads (spawn.ts, SINGLE_THREADED_FLAG). Results
   * are the same either way; only where the CPU goes changes. [default: true when the pool has at
   * least as many processes as the machine has cores]
   */
  singleThreaded?: boolean;
}

export class MatchPool {
  private readonly workers: Worker[] = [];
  private readonly waiting: Array<() => void> = [];
  private closed = false;
  /** Whether this pool's match processes start with V8's background threads off (see MatchPoolOptions). */
  readonly singleThreaded: boolean;

  constructor(
    readonly size: number,
    private readonly options: MatchPoolOptions = {},
  ) {
    if (!Number.isInteger(size) || size < 1) throw new Error(`workers must be a whole number of at least 1, got ${size}`);
    this.singleThreaded = options.singleThreaded ?? size >= availableParallelism();
  }

  /** Pids of the live match processes. */
  pids(): number[] {
    return this.workers.map((w) => w.child.pid ?? -1);
  }

  private spawn(): Worker {
    const markFd = openMarkFile();
    let child: ChildProcess;
    try {
      child = spawnMatchProcess(markFd, { singleThreaded: this.singleThreaded });
    } catch (e) {
      closeSync(markFd);
      throw e;
    }
    const w: Worker = { child, markFd, ready: Promise.resolve(), busy: false, stderr: '' };
    // The parent's copy of the mark file lives as long as the process: closed once it has gone, after
    // this turn's 'close' listeners (an attempt's, registered later, still reads it).
    child.once('close', () => setImmediate(() => closeSync(markFd)));
    w.ready = new Promise((resolve, reject) => {
      const onMsg = (m: ChildMessage) => {
        if (m.type === 'ready') {
          child.off('message', onMsg);
          if (child.pid !== undefined) limitProcessMemory(child.pid, this.options.processMemoryMb);
          resolve();
        }
      };
      child.on('message', onMsg);
      child.once('exit', (code, signal) => reject(new Error(`match process exited while starting (${signal ?? code})`)));
    });
    w.ready.catch(() => undefined);
    child.stderr?.on('data', (d: Buffer) => {
      w.stderr = (w.stderr + d.toString('utf8')).slice(-4000);
    });
    return w;
  }

  private async acquire(): Promise<Worker> {
    for (;;) {
      if (this.closed) throw new Error('the match pool is closed');
      const free = this.workers.find((w) => !w.busy);
      if (free) {
        free.busy = true;
        return free;
      }
      if (this.workers.length < this.size) {
        const w = this.spawn();
        w.busy = true;
        this.workers.push(w);
        return w;
      }
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
  }

  private release(w: Worker): void {
    w.busy = false;
    this.waiting.shift()?.();
  }

  private replace(w: Worker): void {
    const i = this.workers.indexOf(w);
    if (i >= 0) this.workers.splice(i, 1);
    w.child.kill('SIGKILL');
    this.waiting.shift()?.();
  }

  /** Plays one attempt on worker `w`; resolves with the result or with how the process died. */
  private attempt(w: Worker, job: MatchJob, hooks: RunHooks): Promise<Outcome> {
    return new Promise((resolve, reject) => {
      const child = w.child;
      const onMessage = (m: ChildMessage) => {
        if (m.type === 'blob') hooks.onBlob?.(m.kind, m.blob);
        else if (m.type === 'result') {
          cleanup();
          resolve({ ok: true, result: m.result, pid: child.pid ?? -1 });
        } else if (m.type === 'error') {
          cleanup();
          reject(new Error(m.message));
        }
      };
      // The process is gone: its last mark says who was running.
      const onClose = (code: number | null, signal: NodeJS.Signals | null) => {
        cleanup();
        const mark = readMark(w.markFd);
        const tail = w.stderr.trim().split('\n').filter(Boolean).slice(-2).join(' | ');
        const why = mark.wallClock ? 'killed by the wall-clock watchdog: the call ran past twice its limit' : (signal ?? `exit code ${code}`);
        const how = `${why}${tail ? `: ${tail.slice(0, 300)}` : ''}`;
        resolve({ ok: false, crash: { ...mark, how } });
      };
      const cleanup = () => {
        child.off('message', onMessage);
        child.off('close', onClose);
      };
      child.on('message', onMessage);
      child.on('close', onClose);
      // The last job's final mark must not be taken for this one's: the child writes none before the job arrives.
      writeMark(w.markFd, 0, -1);
      w.stderr = '';
      w.ready.then(
        () => {
          hooks.onStart?.(child.pid ?? -1);
          child.send({ type: 'job', job });
        },
        () => undefined, // the close handler reports it
      );
    });
  }

  /**
   * Plays a match. A process that dies is replaced and the match retried as it was. A second
   * death at the same tick inside the same team's policy call freezes that team from that tick
   * and the match is replayed, so that team alone pays; a second death at the same tick in host
   * work (no policy running) is a HostFailure. Results never depend on which worker ran.
   */
  async run(job: MatchJob, hooks: RunHooks = {}): Promise<RunResult> {
    // Policies are read and instrumented here, once per match (and cached across matches), not in the match process.
    job = prepareJob(job);
    const crashes: Crash[] = [];
    const freeze = [...(job.freeze ?? [])];
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const w = await this.acquire();
      let out: Outcome;
      try {
        out = await this.attempt(w, { ...job, freeze }, hooks);
      } catch (e) {
        this.release(w);
        throw e;
      }
      if (out.ok) {
        this.release(w);
        // A death the wall clock decided (the watchdog) may not happen again on a rerun.
        const nonReproducible = out.result.nonReproducible || crashes.some((c) => c.wallClock === true);
        return { ...out.result, nonReproducible, crashes, pid: out.pid };
      }
      this.replace(w);
      const crash = out.crash;
      crashes.push(crash);
      const { team, tick, how } = crash;
      const repeats = crashes.filter((c) => c.tick === tick && c.team === team).length;
      if (repeats < 2) continue;
      if (team !== 0 && team !== 1) {
        throw new HostFailure(`host failure: the match process died twice at tick ${tick} outside any policy call (${how}); no team is blamed`);
      }
      if (freeze.some((f) => f.team === team)) {
        throw new HostFailure(`host failure: the match process died at tick ${tick} in a frozen team's slot (${how})`);
      }
      const who = team === 0 ? job.home.name : job.away.name;
      freeze.push({ team, fromTick: tick, reason: `${who}'s policy killed its match process at tick ${tick} (${how}); its players stand still from then on` });
    }
    throw new HostFailure(`host failure: the match could not be completed after ${MAX_ATTEMPTS} attempts: ${crashes.map((c) => `tick ${c.tick} ${c.team < 0 ? 'host' : `team ${c.team}`}: ${c.how}`).join('; ')}`);
  }

  /** Stops every match process. */
  async close(): Promise<void> {
    this.closed = true;
    const exits = this.workers.map(
      (w) =>
        new Promise<void>((resolve) => {
          if (w.child.exitCode !== null || w.child.signalCode !== null) return resolve();
          w.child.once('exit', () => resolve());
          w.child.kill('SIGKILL');
        }),
    );
    this.workers.length = 0;
    for (const wake of this.waiting.splice(0)) wake();
    await Promise.all(exits);
  }
}
