// The sandbox's budget settings, in one place: replays record them, docs quote them.

/**
 * Work units a policy may spend in one `tick`. One unit is one loop iteration or one
 * function call in the policy's own code; native built-ins cost the size of what they
 * process (see guest/natives.ts). [default: 500_000]
 */
export const TICK_BUDGET = 500_000;

/** Work units for loading the policy file (top-level code) plus its `setup`. [default: 20_000_000] */
export const SETUP_BUDGET = 20_000_000;

/** Heap limit of a team's isolate, in megabytes. [default: 64] */
export const MEMORY_MB = 64;

/**
 * Deepest nesting of the policy's own function calls. Counted by the sandbox so the
 * fault comes at the same depth every time, well below V8's own stack limit, whose
 * depth moves with JIT state. [default: 400]
 */
export const MAX_CALL_DEPTH = 400;

/** Wall-clock safety net for one call into the policy, in ms; firing it marks the match not reproducible. [default: 2_000] */
export const CALL_WALL_MS = 2_000;

/** Wall-clock safety net for loading and `setup`, in ms. [default: 10_000] */
export const SETUP_WALL_MS = 10_000;

/** Wall-clock bank for all of one team's calls in a match, in ms; once spent the team is frozen. [default: 120_000] */
export const MATCH_WALL_MS = 120_000;

/** Log lines kept per tick (console and errors); further lines are counted, not kept. [default: 20] */
export const MAX_LOG_LINES = 20;

/** Characters kept per log line or debug label. [default: 200] */
export const MAX_LOG_CHARS = 200;

/** Debug marks (dots, lines, labels) kept per tick. [default: 64] */
export const MAX_DEBUG_MARKS = 64;

/**
 * Fuel units a Python policy may spend in one `tick`: one unit per function entry and loop
 * head of the MicroPython interpreter itself (sandbox/python), so native work such as a sort
 * or a string build is counted too. About 40 units run one iteration of a simple Python
 * loop; the budget includes building the observation objects. [default: 1_000_000]
 */
export const PY_TICK_BUDGET = 1_000_000;

/** Fuel units for loading a Python policy (top-level code) plus its `setup`. [default: 50_000_000] */
export const PY_SETUP_BUDGET = 50_000_000;

/** Linear memory of a Python team's interpreter, in megabytes (its heap lives inside). [default: 64] */
export const PY_MEMORY_MB = 64;

export interface SandboxLimits {
  tickBudget: number;
  setupBudget: number;
  memoryMb: number;
  maxCallDepth: number;
  callWallMs: number;
  setupWallMs: number;
  matchWallMs: number;
  maxLogLines: number;
  maxLogChars: number;
  maxDebugMarks: number;
  pyTickBudget: number;
  pySetupBudget: number;
  pyMemoryMb: number;
}

export const DEFAULT_LIMITS: Readonly<SandboxLimits> = Object.freeze({
  tickBudget: TICK_BUDGET,
  setupBudget: SETUP_BUDGET,
  memoryMb: MEMORY_MB,
  maxCallDepth: MAX_CALL_DEPTH,
  callWallMs: CALL_WALL_MS,
  setupWallMs: SETUP_WALL_MS,
  matchWallMs: MATCH_WALL_MS,
  maxLogLines: MAX_LOG_LINES,
  maxLogChars: MAX_LOG_CHARS,
  maxDebugMarks: MAX_DEBUG_MARKS,
  pyTickBudget: PY_TICK_BUDGET,
  pySetupBudget: PY_SETUP_BUDGET,
  pyMemoryMb: PY_MEMORY_MB,
});

/**
 * Largest budget: the counter must stay a V8 small integer (31 bits) so the inlined
 * checks stay cheap and never change representation mid-match.
 */
export const MAX_BUDGET = 2 ** 30 - 1;

/** The defaults with `over` applied; unknown or non-positive values keep the default. */
export function resolveLimits(over: Partial<SandboxLimits> = {}): SandboxLimits {
  const out = { ...DEFAULT_LIMITS };
  for (const key of Object.keys(out) as (keyof SandboxLimits)[]) {
    const v = over[key];
    if (typeof v === 'number' && Number.isFinite(v) && v > 0) out[key] = Math.floor(v);
  }
  out.tickBudget = Math.min(out.tickBudget, MAX_BUDGET);
  out.setupBudget = Math.min(out.setupBudget, MAX_BUDGET);
  out.pyTickBudget = Math.min(out.pyTickBudget, MAX_BUDGET);
  out.pySetupBudget = Math.min(out.pySetupBudget, MAX_BUDGET);
  return out;
}
