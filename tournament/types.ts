// Shared shapes of the tournament: what a cup asks of a match and what it keeps of the result.
// The match runner (child processes, engine, sandbox) implements `PlayFn`; everything here is
// engine-agnostic so the formats and the scheduler are testable without the engine.
import type { TeamSpec } from '../engine/replay/types.js';

export type { TeamSpec };

/** Engine match settings for one match; field names match the engine's MatchConfig. */
export interface MatchSettings {
  halfTicks: number;
  extraTime: boolean;
  extraTimeTicks: number;
  shootout: boolean;
}

/** Turns a policy spec into a team; throws an Error naming the problem (policies/builtins.ts has the one resolver). */
export type TeamResolver = (spec: string) => TeamSpec;

/** A team of a cup, before its policy is resolved. */
export interface TeamRef {
  id: string;
  name: string;
  /** A resolved policy file path or `builtin:<name>`. */
  policy: string;
}

/** One cup match handed to the PlayFn (the match runner turns it into its MatchJob). */
export interface CupMatchJob {
  matchId: string;
  seed: number;
  home: TeamRef;
  away: TeamRef;
  settings: MatchSettings;
  /** Worker slot (0..workers-1) the scheduler assigned; a pool may map it to a child process. */
  slot: number;
}

export interface MatchStatsSummary {
  yellowCards: [number, number];
  redCards: [number, number];
  /** Reds that followed a second yellow, when the engine reports them (FIFA conduct scores them -3, not -4). */
  indirectRedCards?: [number, number];
  [extra: string]: unknown;
}

/** One cup match's result as its result file keeps it: a summary of the engine's MatchResult. */
export interface CupMatchResult {
  matchId: string;
  /** Team ids. */
  home: string;
  away: string;
  seed: number;
  /** Goals after regulation and extra time (a forfeit is 0-3). */
  score: [number, number];
  /** Shoot-out goals, only when one was played. */
  shootout?: [number, number];
  winner: 'home' | 'away' | 'draw';
  /** The engine's final state hash (the match's fingerprint). */
  hash: string;
  ticks: number;
  stats: MatchStatsSummary;
  /** A team that could not start, with the reason; null for the side that could. */
  forfeit?: { home: string | null; away: string | null };
  /** True when a wall-clock safety net decided something, so the result may not reproduce. */
  nonReproducible?: boolean;
  /** Runner bookkeeping (process id, wall time). Journaled, never stored in the result file. */
  runner?: { pid?: number; wallMs?: number; attempts?: number };
}

export type PlayFn = (job: CupMatchJob) => Promise<CupMatchResult>;

export type ResultMap = ReadonlyMap<string, CupMatchResult>;

/** A match a format wants played, with both teams known. */
export interface PlannedMatch {
  id: string;
  stage: 'group' | 'league' | 'knockout' | 'swiss';
  /** Human label such as "Group A, matchday 1" or "Quarter-final 1". */
  label: string;
  home: string;
  away: string;
  /** Knockout matches ask the engine for extra time and a shoot-out so they always have a winner. */
  knockout: boolean;
}

/** Everything a format can say now: the matches it knows (in schedule order) and whether the cup is over. */
export interface Plan {
  matches: PlannedMatch[];
  complete: boolean;
}
