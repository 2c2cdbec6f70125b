// What the parent asks a match process to do, and what the process reports back.
import type { FreezeOrder, MatchResult } from '../../engine/match.js';
import type { MatchConfig } from '../../engine/state.js';
import type { PreparedPolicy, SandboxLimits } from '../../sandbox/index.js';
import type { TeamSpec } from '../types.js';

/** One match for a match process to play, with both teams resolved to their files. */
export interface MatchJob {
  /** The cup's match id, when the match belongs to a cup: a remote runner names its queue job by it. */
  matchId?: string;
  config: MatchConfig;
  home: TeamSpec;
  away: TeamSpec;
  /** Write the replay here (atomically), when set. */
  out?: string;
  /** Send the replay's blobs to the parent as they are made (for live viewing). */
  stream?: boolean;
  limits?: Partial<SandboxLimits>;
  /** Freeze teams from given ticks: how a team that killed its match process pays. */
  freeze?: FreezeOrder[];
  /**
   * Home's and away's source text and policy ready for an isolate, prepared by the coordinating process
   * (prepare.ts), so a match process neither reads the files nor loads TypeScript. Absent: read and
   * prepared where the match is played.
   */
  policies?: [PreparedTeam, PreparedTeam];
}

export interface PreparedTeam {
  /** The file's text, as the replay records it. */
  source: string;
  policy: PreparedPolicy;
}

/** A match process died at this tick, while this team's policy was running (-1: in host work). */
export interface Crash {
  tick: number;
  team: 0 | 1 | -1;
  /** How it died: a signal name or an exit code. */
  how: string;
  /** Set when the wall-clock watchdog killed the process (the call ran past twice its limit). */
  wallClock?: boolean;
}

export interface RunResult extends MatchResult {
  /** Processes that died before this result was obtained, in order. */
  crashes: Crash[];
  /** Pid of the process that produced this result. */
  pid: number;
  /** The sandbox limits the match ran under (the budget per tick among them). */
  limits: SandboxLimits;
  /** Per-team log lines written while loading and in setup. */
  setupLogs: [string[], string[]];
}

export type ChildMessage =
  | { type: 'ready' }
  | { type: 'blob'; kind: 'header' | 'segment' | 'footer'; blob: Uint8Array }
  | { type: 'result'; result: Omit<RunResult, 'crashes' | 'pid'> }
  | { type: 'error'; message: string }
  | { type: 'probe'; packages: string[] };

/** 'probe' asks which packages the process has loaded (tests hold it to "no TypeScript, esbuild or tsx"). */
export type ParentMessage = { type: 'job'; job: MatchJob } | { type: 'exit' } | { type: 'probe' };
