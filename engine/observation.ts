// Builds what a team sees, in its own frame: the flat array and the public objects.
import { PHYS, PITCH, RULES, TICKS_PER_SECOND } from './constants.js';
import { attackSign } from './frame.js';
import * as L from './obs-layout.js';
import type { GameMode, MatchInfo, Observation, Period, PlayerView } from './policy.js';
import {
  B_VX, B_VY, B_VZ, B_X, B_Y, B_Z, F_SENT_OFF, F_STRIDE, F_YELLOW, MODES, M_PLAY, M_STOPPED, PERIODS,
  PLAYERS, P_STAMINA, P_STRIDE, P_VX, P_VY, P_X, P_Y, TEAM_SIZE, type MatchState,
} from './state.js';
import { restartDistance } from './referee/restarts.js';
import { displayMinute, periodTicks } from './timing.js';

export function matchInfo(state: MatchState, team: number): MatchInfo {
  const c = state.config;
  return {
    side: team === 0 ? 'home' : 'away',
    teamName: team === 0 ? c.homeName : c.awayName,
    opponentName: team === 0 ? c.awayName : c.homeName,
    seed: c.seed,
    ticksPerSecond: TICKS_PER_SECOND,
    halfTicks: c.halfTicks,
    extraTime: c.extraTime,
    extraTimeTicks: c.extraTimeTicks,
    shootout: c.shootout,
    pitch: {
      length: PITCH.length,
      width: PITCH.width,
      goalWidth: PITCH.goalWidth,
      goalHeight: PITCH.goalHeight,
      penaltyAreaDepth: PITCH.penaltyAreaDepth,
      penaltyAreaWidth: PITCH.penaltyAreaWidth,
      goalAreaDepth: PITCH.goalAreaDepth,
      goalAreaWidth: PITCH.goalAreaWidth,
      penaltySpotDistance: PITCH.penaltySpotDistance,
      centreCircleRadius: PITCH.centreCircleRadius,
    },
    physics: {
      playerRadius: PHYS.playerRadius,
      ballRadius: PHYS.ballRadius,
      kickReach: PHYS.kickReach,
      kickMaxHeight: PHYS.kickMaxHeight,
      catchReach: PHYS.catchReach,
      catchMaxHeight: PHYS.catchMaxHeight,
      tackleReach: PHYS.tackleReach,
      runSpeed: PHYS.runSpeed,
      sprintSpeed: PHYS.sprintSpeed,
      acceleration: PHYS.acceleration,
      maxKickSpeed: PHYS.maxKickSpeed,
      gravity: PHYS.gravity,
    },
  };
}

/** Writes team `team`'s view of `state` into `out` (OBS_LENGTH long). */
export function writeObservation(state: MatchState, team: number, out: Float64Array): void {
  const s = attackSign(state, team);
  out[L.O_TICK] = state.tick;
  out[L.O_PERIOD] = state.period;
  out[L.O_PERIOD_TICK] = state.periodTick;
  out[L.O_PERIOD_TICKS] = periodTicks(state);
  out[L.O_MINUTE] = displayMinute(state);
  out[L.O_MODE] = state.mode;
  const restart = state.mode !== M_PLAY && state.mode !== M_STOPPED;
  out[L.O_RESTART_OWN] = restart ? (state.modeTeam === team ? 1 : 0) : -1;
  out[L.O_RESTART_X] = restart ? s * state.modeX : 0;
  out[L.O_RESTART_Y] = restart ? s * state.modeY : 0;
  out[L.O_RESTART_DIST] = restart ? restartDistance(state.mode) : 0;
  out[L.O_RESTART_LEFT] = restart ? Math.max(0, RULES.restartTicks - state.modeTimer) : 0;
  out[L.O_SCORE_OWN] = state.score[team] ?? 0;
  out[L.O_SCORE_OPP] = state.score[1 - team] ?? 0;
  const b = state.ball;
  out[L.O_BALL] = s * (b[B_X] ?? 0);
  out[L.O_BALL + 1] = s * (b[B_Y] ?? 0);
  out[L.O_BALL + 2] = b[B_Z] ?? 0;
  out[L.O_BALL + 3] = s * (b[B_VX] ?? 0);
  out[L.O_BALL + 4] = s * (b[B_VY] ?? 0);
  out[L.O_BALL + 5] = b[B_VZ] ?? 0;
  if (state.lastTouchPlayer < 0) {
    out[L.O_TOUCH_SIDE] = -1;
    out[L.O_TOUCH_INDEX] = -1;
  } else {
    out[L.O_TOUCH_SIDE] = state.lastTouchTeam === team ? 0 : 1;
    out[L.O_TOUCH_INDEX] = state.lastTouchPlayer % TEAM_SIZE;
  }
  const so = state.shootout;
  out[L.O_SHOOTOUT] = so ? 1 : 0;
  out[L.O_SHOOTOUT + 1] = so ? so.goals[team as 0 | 1] : 0;
  out[L.O_SHOOTOUT + 2] = so ? so.goals[(1 - team) as 0 | 1] : 0;
  out[L.O_SHOOTOUT + 3] = so ? so.kicks[team as 0 | 1] : 0;
  out[L.O_SHOOTOUT + 4] = so ? so.kicks[(1 - team) as 0 | 1] : 0;
  out[L.O_SHOOTOUT + 5] = so ? (so.kicking === team ? 0 : 1) : 0;
  out[L.O_SHOOTOUT + 6] = so ? so.kicker % TEAM_SIZE : 0;
  for (let k = 0; k < PLAYERS; k++) {
    // Own team first, then opponents, each in index order.
    const pi = k < TEAM_SIZE ? team * TEAM_SIZE + k : (1 - team) * TEAM_SIZE + (k - TEAM_SIZE);
    const o = L.O_PLAYERS + k * L.OP_STRIDE;
    const p = pi * P_STRIDE;
    const f = pi * F_STRIDE;
    const pl = state.players;
    out[o] = s * (pl[p + P_X] ?? 0);
    out[o + 1] = s * (pl[p + P_Y] ?? 0);
    out[o + 2] = s * (pl[p + P_VX] ?? 0);
    out[o + 3] = s * (pl[p + P_VY] ?? 0);
    out[o + 4] = pl[p + P_STAMINA] ?? 0;
    out[o + 5] = state.flags[f + F_YELLOW] ?? 0;
    out[o + 6] = state.flags[f + F_SENT_OFF] ?? 0;
    out[o + 7] = state.holder === pi ? 1 : 0;
  }
}

function playersOf(f: ArrayLike<number>, from: number): PlayerView[] {
  const list: PlayerView[] = [];
  for (let k = 0; k < TEAM_SIZE; k++) {
    const o = L.O_PLAYERS + (from + k) * L.OP_STRIDE;
    list.push({
      index: k,
      number: k + 1,
      isGoalkeeper: k === 0,
      x: f[o] ?? 0,
      y: f[o + 1] ?? 0,
      vx: f[o + 2] ?? 0,
      vy: f[o + 3] ?? 0,
      stamina: f[o + 4] ?? 0,
      yellowCards: f[o + 5] ?? 0,
      sentOff: (f[o + 6] ?? 0) === 1,
      holdingBall: (f[o + 7] ?? 0) === 1,
    });
  }
  return list;
}

function restartOf(f: ArrayLike<number>, mode: GameMode): Observation['restart'] {
  const restartOwn = f[L.O_RESTART_OWN] ?? 0;
  if (restartOwn < 0 || mode === 'play' || mode === 'stopped') return null;
  return {
    kind: mode,
    team: restartOwn === 1 ? 'own' : 'opponent',
    spot: { x: f[L.O_RESTART_X] ?? 0, y: f[L.O_RESTART_Y] ?? 0 },
    minDistance: f[L.O_RESTART_DIST] ?? 0,
    ticksLeft: f[L.O_RESTART_LEFT] ?? 0,
  };
}

function shootoutOf(f: ArrayLike<number>): Observation['shootout'] {
  const s = L.O_SHOOTOUT;
  if ((f[s] ?? 0) !== 1) return null;
  return {
    own: f[s + 1] ?? 0,
    opponent: f[s + 2] ?? 0,
    ownKicks: f[s + 3] ?? 0,
    opponentKicks: f[s + 4] ?? 0,
    kicking: (f[s + 5] ?? 0) === 0 ? 'own' : 'opponent',
    kickerIndex: f[s + 6] ?? 0,
  };
}

/**
 * Turns a flat observation back into the public objects. Pure and free of engine state,
 * so the sandbox can bundle it and rebuild the objects inside the isolate. Its parts are
 * module-level functions, not closures made per call: every team's isolate compiles this code
 * from cold each match, and without the closures TurboFan spends about a quarter less
 * (docs/PERFORMANCE-HISTORY.md, fourth round). The objects and their key order are the same.
 */
export function decodeObservation(f: ArrayLike<number>, info: MatchInfo): Observation {
  const mode = (MODES[f[L.O_MODE] ?? 0] ?? 'stopped') as GameMode;
  const touchSide = f[L.O_TOUCH_SIDE] ?? 0;
  return {
    tick: f[L.O_TICK] ?? 0,
    period: (PERIODS[f[L.O_PERIOD] ?? 0] ?? 'finished') as Period,
    periodTick: f[L.O_PERIOD_TICK] ?? 0,
    periodTicks: f[L.O_PERIOD_TICKS] ?? 0,
    minute: f[L.O_MINUTE] ?? 0,
    mode,
    restart: restartOf(f, mode),
    score: { own: f[L.O_SCORE_OWN] ?? 0, opponent: f[L.O_SCORE_OPP] ?? 0 },
    ball: {
      x: f[L.O_BALL] ?? 0,
      y: f[L.O_BALL + 1] ?? 0,
      z: f[L.O_BALL + 2] ?? 0,
      vx: f[L.O_BALL + 3] ?? 0,
      vy: f[L.O_BALL + 4] ?? 0,
      vz: f[L.O_BALL + 5] ?? 0,
    },
    lastTouch: touchSide < 0 ? null : { team: touchSide === 0 ? 'own' : 'opponent', index: f[L.O_TOUCH_INDEX] ?? 0 },
    own: playersOf(f, 0),
    opponents: playersOf(f, TEAM_SIZE),
    shootout: shootoutOf(f),
    info,
  };
}
