// Per-team figures of one match (faults, warnings, budget, debug output), gathered once from the
// match loop's per-tick records: the one stats type of a match and its one percentile rule.
import type { DebugOutput, Fault } from './controller.js';

/** Faults kept in a report (the count goes on); every fault is still in its replay frame. */
export const KEEP_FAULTS = 1000;
/** Distinct warnings kept as samples for the author. */
export const KEEP_WARNINGS = 10;

/** Work units per tick over the ticks a controller reported them (nearest-rank percentiles). */
export interface BudgetUse {
  median: number;
  p99: number;
  max: number;
}

/** Debug output a team drew over the match: marks, log lines, and roughly what they weigh in the replay. */
export interface DebugSize {
  marks: number;
  logs: number;
  bytes: number;
}

export interface TeamReport {
  /** Ticks the team's controller was asked for commands. */
  ticks: number;
  /** The first KEEP_FAULTS faults, setup ones included, with lines when known. */
  faults: Fault[];
  /** Every fault, kept or not. */
  faultCount: number;
  /** Warnings about malformed commands, sanitised field by field. */
  warnings: number;
  /** First few distinct warnings, for the author. */
  warningSamples: string[];
  /** Ticks whose commands needed sanitising (had warnings). */
  sanitisedTicks: number;
  /** Ticks whose tick call threw. */
  errorTicks: number;
  /** Ticks cut off for running over the work budget, the call depth or the per-call wall time, in order. */
  overBudgetTicks: number[];
  /** Work units per tick, when the controller reports them (the sandbox does; in-process teams do not). */
  budget: BudgetUse | null;
  /** First tick whose commands were void because the team was frozen (a fatal fault, or a process it killed); null if never. */
  frozenFrom: number | null;
  /** Highest heap the team's sandbox used, in bytes (sampled, so not part of any hash); null without a sandbox. */
  memoryHighWater: number | null;
  debug: DebugSize;
}

/**
 * The one percentile rule (nearest rank): the smallest value with at least a share `q` of the
 * values at or below it. `sorted` ascending; 0 for no values.
 */
export function percentile(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) return 0;
  return sorted[Math.min(n - 1, Math.max(0, Math.ceil(q * n) - 1))]!;
}

/** Median, p99 and max of per-tick budget use, by the one percentile rule; `values` is not modified. */
export function budgetUse(values: ArrayLike<number>): BudgetUse {
  const sorted = Float64Array.from(values).sort();
  return { median: percentile(sorted, 0.5), p99: percentile(sorted, 0.99), max: sorted.length > 0 ? sorted[sorted.length - 1]! : 0 };
}

export function emptyReport(): TeamReport {
  return {
    ticks: 0,
    faults: [],
    faultCount: 0,
    warnings: 0,
    warningSamples: [],
    sanitisedTicks: 0,
    errorTicks: 0,
    overBudgetTicks: [],
    budget: null,
    frozenFrom: null,
    memoryHighWater: null,
    debug: { marks: 0, logs: 0, bytes: 0 },
  };
}

/** Rough replay weight of one tick's debug output: what `validate` and the scrimmage table show. */
function debugBytes(d: DebugOutput): number {
  let bytes = 0;
  for (const m of d.marks) bytes += m.kind === 'text' ? 24 + String(m.text).length : 24;
  for (const l of d.logs) bytes += String(l).length + 1;
  return bytes;
}

/** Builds one team's report as the match loop hands it each tick's outcome. */
export class TeamReportBuilder {
  readonly report = emptyReport();
  private used: number[] = [];

  fault(f: Fault): void {
    const r = this.report;
    r.faultCount++;
    if (r.faults.length < KEEP_FAULTS) r.faults.push(f);
  }

  /** One tick the team was asked for commands, and what came back. */
  tick(tick: number, faults: readonly Fault[], warnings: readonly string[], debug: DebugOutput | null, budgetUsed: number | null): void {
    const r = this.report;
    r.ticks++;
    if (budgetUsed !== null) this.used.push(budgetUsed);
    if (warnings.length > 0) {
      r.sanitisedTicks++;
      r.warnings += warnings.length;
      for (const w of warnings) if (r.warningSamples.length < KEEP_WARNINGS && !r.warningSamples.includes(w)) r.warningSamples.push(w);
    }
    let threw = false;
    let cut = false;
    for (const f of faults) {
      this.fault(f);
      if (f.kind === 'error') threw = true;
      if (f.kind === 'budget' || (f.kind === 'timeout' && !f.fatal)) cut = true;
    }
    if (threw) r.errorTicks++;
    if (cut) r.overBudgetTicks.push(tick);
    if (debug) {
      r.debug.marks += debug.marks.length;
      r.debug.logs += debug.logs.length;
      r.debug.bytes += debugBytes(debug);
    }
  }

  /** Closes the report: budget percentiles and what only the controller knows. */
  finish(memoryHighWater: number | undefined): TeamReport {
    if (this.used.length > 0) this.report.budget = budgetUse(this.used);
    if (memoryHighWater !== undefined) this.report.memoryHighWater = memoryHighWater;
    return this.report;
  }
}
