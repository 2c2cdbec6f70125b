// The sandbox controller's own tally of one team's match (budget, over-budget ticks, errors,
// memory), for the sandbox's tests and diagnostics. A match's figures come from the match loop
// (engine/team-report.ts); this keeps the same field names and the same percentile rule.
import type { Fault } from '../engine/controller.js';
import { budgetUse, type BudgetUse, type TeamReport } from '../engine/team-report.js';

export interface SandboxStats extends Pick<TeamReport, 'ticks' | 'overBudgetTicks' | 'errorTicks' | 'sanitisedTicks' | 'faults' | 'faultCount' | 'frozenFrom'> {
  /** Per-tick work units over the ticks that replied, with the limit they ran under. */
  budget: BudgetUse & { limit: number };
  /** Highest used heap seen, in bytes (sampled; depends on GC timing, so not part of any hash). */
  memoryHighWater: number;
  /** True once a wall-clock safety net fired: the match may not reproduce. */
  wallClock: boolean;
}

const KEEP_FAULTS = 100;

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
  frozenFrom: number | null = null;

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
    return {
      ticks: this.n,
      budget: { limit: this.limit, ...budgetUse(this.used.subarray(0, this.n)) },
      overBudgetTicks: [...this.over],
      errorTicks: this.errors,
      sanitisedTicks: this.sanitised,
      faults: [...this.faults],
      faultCount: this.faultCount,
      memoryHighWater: this.memoryHighWater,
      wallClock: this.wallClock,
      frozenFrom: this.frozenFrom,
    };
  }
}
