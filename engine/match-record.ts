// What the match loop hands its listeners: the kick-off once, one record per tick, the result at the end.
import type { DebugOutput, Fault } from './controller.js';
import type { MatchConfig, MatchEvent, MatchState, MatchStats } from './state.js';
import type { TeamReport } from './team-report.js';

/** What one team's controller gave for one tick (empty when it was frozen or not asked). */
export interface TeamTick {
  /** Faults for this tick, every one (the report keeps the first few); a freeze adds its own. */
  readonly faults: readonly Fault[];
  /** Warnings about malformed commands, sanitised field by field. */
  readonly warnings: readonly string[];
  /** Debug marks and log lines, in the team's own frame (the frame of the state it observed). */
  readonly debug: DebugOutput | null;
  /** Work units the policy spent (sandbox budget), when the controller reports them. */
  readonly budgetUsed: number | null;
}

/** One tick of the match, after its step. Valid only during the call: the loop reuses the objects. */
export interface MatchTick {
  /** The match state after the step (state.tick is this record's tick). Read it, never change it. */
  readonly state: Readonly<MatchState>;
  /** The running match hash after this tick, hex. */
  readonly hash: string;
  readonly teams: readonly [TeamTick, TeamTick];
}

/** The match before the first step: the kick-off position and what each team's setup reported. */
export interface MatchStart {
  /** The state before any step. Valid only during the call. */
  readonly state: Readonly<MatchState>;
  /** The hash before any step, hex. */
  readonly hash: string;
  readonly setupFaults: readonly [readonly Fault[], readonly Fault[]];
}

/** Listens to a match as runMatch plays it; every method is called in tick order, once. */
export interface MatchListener {
  start?(start: MatchStart): void;
  tick?(record: MatchTick): void;
  /** The end-of-match summary (also for a forfeit, right after start). */
  end?(result: MatchResult): void;
}

/** The end-of-match summary runMatch returns (and hands its listeners last). */
export interface MatchResult {
  config: MatchConfig;
  score: [number, number];
  /** Shoot-out goals, when there was one. */
  shootout: [number, number] | null;
  winner: 'home' | 'away' | 'draw' | 'none';
  ticks: number;
  hash: string;
  /** The running hash after every CHECKPOINT_EVERY ticks (index k: after tick (k+1)*CHECKPOINT_EVERY). */
  checkpoints: string[];
  endReason: string;
  events: MatchEvent[];
  stats: MatchStats;
  teams: [TeamReport, TeamReport];
  /** Set when a team could not start: 0-3 against it (both: a double forfeit). */
  forfeit: { home: string | null; away: string | null } | null;
  /** True when a wall-clock safety net fired: the result may not reproduce. */
  nonReproducible: boolean;
}
