// The match state: plain numbers and typed arrays, advanced only by step().
import type { PRNG } from './rng.js';

/** Players 0..10 are home (index 0 the goalkeeper), 11..21 away (11 the goalkeeper). */
export const PLAYERS = 22;
export const TEAM_SIZE = 11;

/** Per-player numeric fields, stride P_STRIDE in MatchState.players. */
export const P_X = 0;
export const P_Y = 1;
export const P_VX = 2;
export const P_VY = 3;
export const P_STAMINA = 4;
export const P_STRIDE = 5;

/** Per-player integer fields, stride F_STRIDE in MatchState.flags. */
export const F_SENT_OFF = 0;
export const F_YELLOW = 1;
/** Ticks until the player may touch the ball again after a kick. */
export const F_COOLDOWN = 2;
/** Ticks until the player may tackle again. */
export const F_TACKLE_CD = 3;
export const F_STRIDE = 4;

export const B_X = 0;
export const B_Y = 1;
export const B_Z = 2;
export const B_VX = 3;
export const B_VY = 4;
export const B_VZ = 5;

/** Periods, in order; the index is what the state and the hash store. */
export const PERIODS = ['first_half', 'second_half', 'extra_first', 'extra_second', 'shootout', 'finished'] as const;
export type PeriodName = (typeof PERIODS)[number];
export const PERIOD_FIRST = 0;
export const PERIOD_SECOND = 1;
export const PERIOD_ET1 = 2;
export const PERIOD_ET2 = 3;
export const PERIOD_SHOOTOUT = 4;
export const PERIOD_FINISHED = 5;

/** Game modes; the index is what the state and the hash store. */
export const MODES = [
  'play',
  'kickoff',
  'throw_in',
  'corner',
  'goal_kick',
  'free_kick',
  'indirect_free_kick',
  'penalty',
  'dropped_ball',
  'stopped',
] as const;
export type ModeName = (typeof MODES)[number];
export const M_PLAY = 0;
export const M_KICKOFF = 1;
export const M_THROW_IN = 2;
export const M_CORNER = 3;
export const M_GOAL_KICK = 4;
export const M_FREE_KICK = 5;
export const M_INDIRECT = 6;
export const M_PENALTY = 7;
export const M_DROPPED = 8;
export const M_STOPPED = 9;

export interface MatchConfig {
  seed: number;
  homeName: string;
  awayName: string;
  /** [default: 3000] */
  halfTicks: number;
  /** Play extra time when level after 90 minutes. [default: false] */
  extraTime: boolean;
  /** [default: 1000] */
  extraTimeTicks: number;
  /** Decide a level match (after extra time, if any) by a penalty shoot-out. [default: false] */
  shootout: boolean;
}

export interface ShootoutState {
  /** Goals and kicks taken, by team (0 home, 1 away). */
  goals: [number, number];
  kicks: [number, number];
  /** Team that kicks first (won the toss). */
  first: 0 | 1;
  /** Team taking the current kick. */
  kicking: 0 | 1;
  /** Player index (0..21) of the current kicker. */
  kicker: number;
  /** Per team, the players (0..10 within the team) who have kicked in the current rotation. */
  used: [number[], number[]];
  /** Ticks into the current kick. */
  kickTick: number;
  /** True once the kicker has struck the ball: no second touch by the kicker. */
  struck: boolean;
  /** Team that won the seeded lot when the shoot-out hit its kick cap still level, else -1. */
  lotWinner: number;
}

export interface MatchState {
  config: MatchConfig;
  /** Ticks since the start of the match, over all periods. */
  tick: number;
  period: number;
  periodTick: number;
  mode: number;
  /** Team (0 home, 1 away) that takes the pending restart. */
  modeTeam: number;
  modeX: number;
  modeY: number;
  /** Ticks the pending restart (or the stoppage) has lasted. */
  modeTimer: number;
  /** Mode to enter when a `stopped` pause ends. */
  nextMode: number;
  score: [number, number];
  /** Team that kicked off the first half (won the toss). */
  firstKickoff: number;
  ball: Float64Array;
  players: Float64Array;
  flags: Int32Array;
  /** Team and player (0..21) of the last touch, -1 for none. */
  lastTouchTeam: number;
  lastTouchPlayer: number;
  /** Player (0..21) holding the ball in hands, -1 for none. */
  holder: number;
  holdTimer: number;
  /** Ticks the ball has stayed stuck (several players around it, barely moving). */
  stuckTimer: number;
  shootout: ShootoutState | null;
  /** True once the match has ended. */
  finished: boolean;
  /** Why the match ended, once it has. */
  endReason: string;
  /** Events raised by the last step, consumed by the runner. */
  events: MatchEvent[];
  stats: MatchStats;
  rng: StreamSet;
  referee: RefereeState;
}

export interface StreamSet {
  /** Kick noise and contested-ball lots for each team (0 home, 1 away), keyed by team name so a swap of sides swaps the streams. */
  team: [PRNG, PRNG];
  /** Referee decisions that belong to no team. */
  referee: PRNG;
}

export interface MatchEvent {
  tick: number;
  /** The clock people see (0..90, up to 120 with extra time). */
  minute: number;
  type: string;
  /** Team concerned (0 home, 1 away), -1 for none. */
  team: number;
  /** Player concerned (0..21), -1 for none. */
  player: number;
  x: number;
  y: number;
  detail?: string;
}

export interface TeamStats {
  goals: number;
  shots: number;
  shotsOnTarget: number;
  passes: number;
  passesCompleted: number;
  possessionTicks: number;
  tackles: number;
  tacklesWon: number;
  fouls: number;
  yellowCards: number;
  redCards: number;
  corners: number;
  offsides: number;
  distance: number;
}

export interface MatchStats {
  teams: [TeamStats, TeamStats];
  ticksInPlay: number;
}

export function emptyTeamStats(): TeamStats {
  return {
    goals: 0,
    shots: 0,
    shotsOnTarget: 0,
    passes: 0,
    passesCompleted: 0,
    possessionTicks: 0,
    tackles: 0,
    tacklesWon: 0,
    fouls: 0,
    yellowCards: 0,
    redCards: 0,
    corners: 0,
    offsides: 0,
    distance: 0,
  };
}

export function teamOf(player: number): 0 | 1 {
  return player < TEAM_SIZE ? 0 : 1;
}

export interface RefereeState {
  /** Team whose last kick set up offside positions, -1 none; bit i of the mask: player i of that team was offside then. */
  offsideTeam: number;
  offsideMask: number;
  /** The player who took the last restart and may not touch again before someone else does, -1 none. */
  restartTaker: number;
  /** An indirect free kick was taken and nobody else has touched the ball yet: no goal directly. */
  indirectPending: boolean;
  /** Kind of the last touch: 0 none, 1 kick by a player's foot, 2 deflection or tackle, 3 goalkeeper's hands, 4 a throw-in. */
  lastTouchKind: number;
  /** The last kick: who, from where, and whether it was a pass or a shot attempt, for the stats. */
  lastKickPlayer: number;
  lastKickWasShot: boolean;
  lastKickWasPass: boolean;
  /** Mode of the restart that the last kick took (M_PLAY for an open-play kick). */
  lastKickRestart: number;
  /** The goalkeeper who released the ball from its hands and may not handle it again before another player touches it, -1 none. */
  releasedBy: number;
}

export function emptyRefereeState(): RefereeState {
  return {
    offsideTeam: -1,
    offsideMask: 0,
    restartTaker: -1,
    indirectPending: false,
    lastTouchKind: 0,
    lastKickPlayer: -1,
    lastKickWasShot: false,
    lastKickWasPass: false,
    lastKickRestart: 0,
    releasedBy: -1,
  };
}
