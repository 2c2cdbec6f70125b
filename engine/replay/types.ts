// The replay's public types: what a reader hands out and what the viewer builds against.
// Coordinates are absolute pitch metres: origin at the centre spot, x along the length
// (-52.5..52.5, home attacks +x in the first half), y across (-34..34), z up.
import type { DebugMark, Fault } from '../controller.js';
import type { TeamReport } from '../match.js';
import type { MatchConfig, MatchEvent, MatchStats } from '../state.js';

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/**
 * A team resolved to its policy file: what a match is played with (policies/builtins.ts has the
 * one resolver; the runner, the CLI and the tests all pass this shape).
 */
export interface TeamSpec {
  /** What was given: a file path, `builtin:<name>` or `fixture:<name>`. */
  spec: string;
  /** Display name; also the name the engine keys the team's random stream by. */
  name: string;
  /** Absolute path of the policy file. */
  file: string;
}

/** One team as it was played: enough to re-run the match without anything but the replay. */
export interface TeamSource extends Omit<TeamSpec, 'file'> {
  /** Base name of the policy file (e.g. `possession.js`), so it can be written back out and loaded the same way. */
  file: string;
  /** SHA-256 of `source` (UTF-8), hex. */
  sha256: string;
  /** The full policy source text. */
  source: string;
}

/** Versions of what ran the match; a replay made under different ones may not reproduce bit for bit. */
export interface RuntimeVersions {
  node: string;
  v8: string;
  /** null when the teams ran in-process, without the sandbox. */
  isolatedVm: string | null;
  /**
   * The Python interpreter, present only when a team was Python: its work is counted by the
   * metered module, so another module may count (and so decide) differently.
   */
  python?: PythonRuntime;
}

export interface PythonRuntime {
  /** MicroPython's version (its npm package), e.g. "1.27.0". */
  version: string;
  /** SHA-256 of the metered WebAssembly module, hex. */
  sha256: string;
}

/** What the caller knows and the engine does not: runtime versions, budget settings, sources. */
export interface ReplayHeaderInfo {
  runtime: RuntimeVersions;
  /** Compute-budget settings of the sandbox, stored as given (null: no sandbox). */
  budget: JsonValue | null;
  teams: [TeamSource, TeamSource];
}

export interface ReplayHeader extends ReplayHeaderInfo {
  /** Replay format version (REPLAY_FORMAT_VERSION when written by this code). */
  format: number;
  /** ENGINE_VERSION of the engine that played the match. */
  engine: string;
  seed: number;
  /** The full match config, exactly as passed to runMatch. */
  config: MatchConfig;
  /** Frames per segment (the first segment also holds tick 0). */
  segmentTicks: number;
  /** Ticks between hash checkpoints. */
  checkpointEvery: number;
}

/** How the match ended: MatchResult without its config (that is in the header). */
export interface ReplayFooter {
  score: [number, number];
  shootout: [number, number] | null;
  winner: 'home' | 'away' | 'draw' | 'none';
  endReason: string;
  /** Ticks played; the last frame's tick. */
  ticks: number;
  /** The final match hash. */
  hash: string;
  /** The running hash after every checkpointEvery ticks (index k: after tick (k+1)*checkpointEvery). */
  checkpoints: string[];
  stats: MatchStats;
  /** Every event of the match, in order (each also appears in its tick's frame). */
  events: MatchEvent[];
  /** Faults, warnings and budget use per team (0 home, 1 away). */
  teams: [TeamReport, TeamReport];
  forfeit: { home: string | null; away: string | null } | null;
  /** True when a wall-clock safety net fired: re-running may give a different match. */
  nonReproducible: boolean;
}

/** One player at one tick. Positions to the centimetre, speeds to the cm/s, stamina to 0.001. */
export interface PlayerFrame {
  x: number;
  y: number;
  /** Velocity in m/s; the viewer faces the player along it. */
  vx: number;
  vy: number;
  /** 0 (exhausted) .. 1 (fresh). */
  stamina: number;
  sentOff: boolean;
  /** Has been shown a yellow card. */
  yellow: boolean;
}

/** A team's debug output for one tick, converted to absolute pitch coordinates. */
export interface TeamDebug {
  marks: DebugMark[];
  logs: string[];
}

/** The match after one tick. Frame 0 is the kick-off position before any step. */
export interface Frame {
  /** Ticks since kick-off, over all periods. */
  tick: number;
  /** Index into PERIODS (engine/state.ts): 0 first half ... 4 shoot-out, 5 finished. */
  period: number;
  periodTick: number;
  /** The clock people see, 0..90 (120 with extra time). */
  minute: number;
  /** Index into MODES (engine/state.ts): 0 play, 1 kickoff, 2 throw_in, ... */
  mode: number;
  /** Team (0 home, 1 away) that takes the pending restart. */
  modeTeam: number;
  score: [number, number];
  /** Shoot-out goals while one is on (or over), else null. */
  shootout: [number, number] | null;
  /** Player (0..21) holding the ball in hands, -1 for none. */
  holder: number;
  ball: { x: number; y: number; z: number };
  /** 22 players: 0..10 home (0 the goalkeeper), 11..21 away (11 the goalkeeper). */
  players: PlayerFrame[];
  /** Events raised during this tick. */
  events: MatchEvent[];
  /** Debug marks and logs each team's policy produced for the commands that led to this frame. */
  debug: [TeamDebug | null, TeamDebug | null];
  /** Faults each team's controller reported for the commands that led to this frame. */
  faults: [Fault[], Fault[]];
  /**
   * Work units each team's policy spent on the commands that led to this frame (the sandbox's
   * deterministic budget). null where none was recorded: frame 0, a frozen team, a match played
   * without the sandbox, and every frame of a format 1 replay.
   */
  budget: [number | null, number | null];
}

/** Where one segment lives and what it covers; from the file's index or a segment blob. */
export interface SegmentInfo {
  index: number;
  firstTick: number;
  frameCount: number;
  /** Running match hash after the segment's last tick (a checkpoint when that tick is a multiple of checkpointEvery). */
  endHash: string;
}

/** A decoded segment blob (the unit the live stream sends). */
export interface DecodedSegment {
  firstTick: number;
  endHash: string;
  frames: Frame[];
}
