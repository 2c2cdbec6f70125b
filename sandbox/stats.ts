// Per-team, per-match figures the replay and the result record: how much budget each tick
// used, which ticks ran over, which errors happened where, how much memory the isolate held.
import type { Fault } from '../engine/controller.js';

export interface SandboxStats {
  ticks: number;
  budget: { limit: number; median: number; p99: number; max: number };
  /** Ticks cut off for running over the work budget (or the call depth), in order. */
  overBudgetTicks: number[];
  /** Ticks whose tick threw. */
  errorTicks: number;
  /** Ticks whose return value needed sanitising (with warnings). */
  sanitisedTicks: number;
  /** The first faults, with line numbers (capped; `faultCount` has them all). */
  faults: Fault[];
  faultCount: number;
  /** Highest used heap seen, in bytes (sampled; depends on GC timing, so not part of any hash). */
  memoryHighWater: number;
  /** True once a wall-clock safety net fired: the match may not reproduce. */
  wallClock: boolean;
  /** Set when the team was frozen for the rest of the match. */
  frozenAt: number | null;
}

const KEEP_FAULTS = 100;

function quantile(sorted: Uint32Array, q: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? 0;
}

export class StatsRecorder {
  private used = new Uint32Array(1024);
  private n = 0;
  private over: number[] = [];
  private errors = 0;
  private sanitised = 0;
  private faults: Fault[] = [];
  private faultCount = 0;
  memoryHighWater = 0;
  wallClock = false;
  frozenAt: number | null = null;

  constructor(private readonly limit: number) {}

  tick(used: number): void {
    if (this.n === this.used.length) {
      const grown = new Uint32Array(this.used.length * 2);
      grown.set(this.used);
      this.used = grown;
    }
    this.used[this.n++] = used;
  }

  overBudget(tick: number): void {
    this.over.push(tick);
  }

  error(): void {
    this.errors++;
  }

  sanitisedTick(): void {
    this.sanitised++;
  }

  fault(f: Fault): void {
    this.faultCount++;
    if (this.faults.length < KEEP_FAULTS) this.faults.push(f);
  }

  snapshot(): SandboxStats {
    const sorted = this.used.slice(0, this.n).sort();
    return {
      ticks: this.n,
      budget: { limit: this.limit, median: quantile(sorted, 0.5), p99: quantile(sorted, 0.99), max: this.n ? (sorted[this.n - 1] ?? 0) : 0 },
      overBudgetTicks: [...this.over],
      errorTicks: this.errors,
      sanitisedTicks: this.sanitised,
      faults: [...this.faults],
      faultCount: this.faultCount,
      memoryHighWater: this.memoryHighWater,
      wallClock: this.wallClock,
      frozenAt: this.frozenAt,
    };
  }
}
