// What the JavaScript and the Python team controllers share: the failure rules (refusal at
// setup, freezing, malformed replies, the wall-clock bank, out of memory), the stats, and how
// one tick's checked reply turns into commands and faults. Each language only starts its
// isolate, makes the call, and says how its errors read.
import type ivm from 'isolated-vm';
import type { Fault, SetupOutcome, TeamController, TickOutcome } from '../engine/controller.js';
import { checkExtras, checkReply } from './check.js';
import type { SandboxLimits } from './limits.js';
import { ST_BUDGET, ST_OK, type GuestExtras } from './protocol.js';
import { StatsRecorder, type SandboxStats } from './stats.js';

export interface SandboxController extends TeamController {
  readonly nonReproducible: boolean;
  /** Log lines the policy wrote while loading and in setup. */
  readonly setupLogs: string[];
  stats(): SandboxStats;
  dispose(): void;
}

export const TIMED_OUT = 'Script execution timed out.';

export type Fn = ivm.Reference<(...args: never[]) => unknown>;

/** Call deadlines are rounded up to a multiple of this many ms (see callTimeout). */
export const TIMEOUT_GRID_MS = 100;

/**
 * `ms` stretched by less than TIMEOUT_GRID_MS so that `now + ms` is a whole multiple of it; left as it is
 * below 10 grid steps, so the stretch is never over 10% of the limit (the match process's watchdog kills at
 * twice the limit: tournament/runner/watchdog.ts).
 */
export function onGrid(ms: number, now: number): number {
  if (ms < 10 * TIMEOUT_GRID_MS) return ms;
  return ms + TIMEOUT_GRID_MS - ((Math.floor(now) + ms) % TIMEOUT_GRID_MS);
}

/** Host-side text from the isolate (an error message, a stack) kept to a bounded size. */
export function bounded(text: unknown, max: number): string {
  const s = typeof text === 'string' ? text : String(text);
  return s.length > max ? `${s.slice(0, max)}…` : s;
}

export abstract class ControllerBase implements SandboxController {
  protected readonly recorder: StatsRecorder;
  protected iso: ivm.Isolate | null = null;
  protected extrasRef: Fn | null = null;
  protected frozen = false;
  protected wallSpent = 0;
  private ticksSeen = 0;
  private notReproducible = false;
  setupLogs: string[] = [];

  /**
   * @param unitBudget the tick budget in this language's units (replies are checked against it)
   * @param tamperHint added to a malformed-output fault: what may have caused it
   */
  constructor(
    protected readonly limits: SandboxLimits,
    private readonly unitBudget: number,
    private readonly tamperHint: string,
  ) {
    this.recorder = new StatsRecorder(unitBudget);
  }

  abstract setup(info: Parameters<TeamController['setup']>[0]): SetupOutcome;
  abstract tick(...args: Parameters<TeamController['tick']>): TickOutcome | undefined;
  /** The author's line named in a stack or message, if any. */
  protected abstract line(text: string | undefined): number | undefined;
  /** The fault message of an exception that escaped tick. */
  protected abstract tickErrorText(message: string | undefined): string;
  /** Bytes the team holds now (heap and, for Python, the interpreter's memory). */
  protected abstract memoryNow(): number | undefined;

  get nonReproducible(): boolean {
    return this.notReproducible;
  }

  get memoryHighWater(): number {
    return this.recorder.memoryHighWater;
  }

  stats(): SandboxStats {
    return this.recorder.snapshot();
  }

  /** A result that depends on the machine (wall clock, when V8 gives up on memory): flag the match. */
  protected markNonReproducible(wallClock: boolean): void {
    this.notReproducible = true;
    if (wallClock) this.recorder.wallClock = true;
  }

  protected refuse(reason: string, line?: number, wallClock = false): SetupOutcome {
    this.dispose();
    const fault: Fault = { tick: 0, kind: 'setup', message: reason, fatal: true };
    if (line !== undefined) fault.line = line;
    this.recorder.fault(fault);
    if (wallClock) this.markNonReproducible(true);
    return { ok: false, reason, faults: [fault], ...(wallClock ? { wallClock: true } : {}) };
  }

  protected sampleMemory(): void {
    if (!this.iso || this.iso.isDisposed) return;
    const used = this.memoryNow();
    if (used !== undefined && used > this.recorder.memoryHighWater) this.recorder.memoryHighWater = used;
  }

  protected freeze(tick: number, fault: Fault): TickOutcome {
    this.frozen = true;
    this.recorder.frozenFrom = tick;
    this.recorder.fault(fault);
    this.dispose();
    return { faults: [fault], budgetUsed: 0 };
  }

  /**
   * The wall-clock allowance of the next call in ms; 0 or less once the match's bank is spent. It is
   * stretched (by less than TIMEOUT_GRID_MS) so that the call's deadline falls on a grid point: isolated-vm's
   * timer thread sleeps until each distinct deadline, even of a call long returned, so one deadline per call
   * woke it about once a call, and on a machine whose cores are all busy each wake preempted a match
   * (docs/PERFORMANCE.md). Calls within one grid step share a deadline and one wake.
   */
  protected callTimeout(): number {
    return onGrid(Math.ceil(Math.min(this.limits.callWallMs, this.limits.matchWallMs - this.wallSpent)), performance.now());
  }

  /** After a tick's call returned: check the reply (input from the isolate), then commands or faults. */
  protected settle(tick: number, raw: unknown, out: Float64Array): TickOutcome {
    if ((++this.ticksSeen & 31) === 0) this.sampleMemory();
    const reply = checkReply(raw, this.unitBudget);
    if (typeof reply === 'string') return this.malformed(tick, reply, 0);
    const { status, used } = reply;
    let extras: GuestExtras | null = null;
    if (reply.extras) {
      const x = this.takeExtras();
      if (typeof x === 'string') return this.malformed(tick, x, used);
      extras = x;
    }
    this.recorder.tick(used);
    const outcome: TickOutcome = { budgetUsed: used };
    let fault: Fault | null = null;
    if (status === ST_OK) {
      out.set(reply.commands);
    } else if (status === ST_BUDGET) {
      this.recorder.overBudget(tick);
      fault = { tick, kind: 'budget', message: `tick: ${extras?.error?.message ?? 'over budget'}; players idle this tick` };
    } else {
      this.recorder.error();
      fault = { tick, kind: 'error', message: `${this.tickErrorText(extras?.error?.message)}; players idle this tick` };
    }
    if (extras) {
      if (extras.warnings.length) {
        this.recorder.sanitisedTick();
        outcome.warnings = extras.warnings;
      }
      if (extras.logs.length || extras.marks.length) outcome.debug = { logs: extras.logs, marks: extras.marks };
    }
    if (fault) {
      const line = this.line(extras?.error?.stack);
      if (line !== undefined) fault.line = line;
      this.recorder.fault(fault);
      outcome.faults = [fault];
    }
    return outcome;
  }

  /** What came back could not be used: the team's fault for this tick; its players idle. */
  protected malformed(tick: number, why: string, used: number): TickOutcome {
    this.recorder.tick(used);
    this.recorder.error();
    const f: Fault = { tick, kind: 'invalid', message: `the sandbox returned malformed output (${why}${this.tamperHint}); players idle this tick` };
    this.recorder.fault(f);
    return { faults: [f], budgetUsed: used };
  }

  /** The last call's warnings, logs, marks and error, checked; a string says what was wrong. */
  protected takeExtras(): GuestExtras | string {
    try {
      return checkExtras(this.extrasRef?.applySync(undefined, [], { result: { copy: true }, timeout: this.limits.callWallMs }), this.limits);
    } catch (err) {
      return `the extras could not be read: ${bounded((err as Error)?.message ?? err, 200)}`;
    }
  }

  protected wallBankSpent(tick: number): TickOutcome {
    this.markNonReproducible(true);
    return this.freeze(tick, {
      tick,
      kind: 'timeout',
      fatal: true,
      message: `the team used its whole wall-clock bank of ${this.limits.matchWallMs} ms; players stand still for the rest of the match`,
    });
  }

  /** The isolate was disposed under a call: V8 gave up on memory, at a moment GC timing decides. */
  protected outOfMemory(tick: number): TickOutcome {
    this.markNonReproducible(false);
    return this.freeze(tick, {
      tick,
      kind: 'memory',
      fatal: true,
      message: `ran out of memory (limit ${this.limits.memoryMb} MB); players stand still for the rest of the match`,
    });
  }

  protected crashed(tick: number, message: string): TickOutcome {
    return this.freeze(tick, { tick, kind: 'crash', fatal: true, message: `the sandbox failed: ${bounded(message, 300)}` });
  }

  dispose(): void {
    this.extrasRef = null;
    if (this.iso && !this.iso.isDisposed) this.iso.dispose();
    this.iso = null;
  }
}
