// The one interface through which the engine's match loop talks to a team.
import type { MatchInfo, Observation } from './policy.js';

/** A problem a team's controller met; recorded in the replay and shown to the team's author. */
export interface Fault {
  tick: number;
  kind: 'error' | 'budget' | 'invalid' | 'memory' | 'timeout' | 'crash' | 'setup';
  message: string;
  /** Line in the author's source, when known. */
  line?: number;
  /** A fatal fault freezes the team (players stand still) for the rest of the match. */
  fatal?: boolean;
}

/** Debug marks and log lines a policy produced in one tick, in its own frame. */
export interface DebugOutput {
  marks: DebugMark[];
  logs: string[];
}

export type DebugMark =
  | { kind: 'dot'; x: number; y: number; color: string }
  | { kind: 'line'; x1: number; y1: number; x2: number; y2: number; color: string }
  | { kind: 'text'; x: number; y: number; text: string; color: string };

export interface TickOutcome {
  faults?: Fault[];
  debug?: DebugOutput;
  /** Work units the policy spent this tick (sandbox budget), for the stats. */
  budgetUsed?: number;
  /** Warnings about malformed commands, sanitised field by field. */
  warnings?: string[];
}

export interface SetupOutcome {
  ok: boolean;
  /** Why the team cannot start, in plain words, when ok is false. */
  reason?: string;
  faults?: Fault[];
  /** True when a wall-clock safety net fired, so the result may not reproduce. */
  wallClock?: boolean;
}

/** What a controller gets each tick: the flat observation and, on demand, the public objects. */
export interface ObservationInput {
  readonly flat: Float64Array;
  readonly info: MatchInfo;
  object(): Observation;
}

export interface TeamController {
  setup(info: MatchInfo): SetupOutcome;
  /** Fill `out` (zeroed, CMD_LENGTH long) with this tick's commands. */
  tick(input: ObservationInput, out: Float64Array): TickOutcome | undefined;
  /** True once the controller has met a wall-clock safety net. */
  readonly nonReproducible?: boolean;
  /** Highest heap the team's sandbox has used so far, in bytes (sampled); absent without a sandbox. */
  readonly memoryHighWater?: number;
  dispose?(): void;
}
