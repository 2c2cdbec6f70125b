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

/**
 * Turns a flat observation back into the public objects. Pure and free of engine state,
 * so the sandbox can bundle it and rebuild the objects inside the isolate.
 */
export function decodeObservation(f: ArrayLike<number>, info: MatchInfo): Observation {
  const at = (i: number): number => f[i] ?? 0;
  const mode = (MODES[at(L.O_MODE)] ?? 'stopped') as GameMode;
  const restartOwn = at(L.O_RESTART_OWN);
  const players = (from: number): PlayerView[] => {
    const list: PlayerView[] = [];
    for (let k = 0; k < TEAM_SIZE; k++) {
      const o = L.O_PLAYERS + (from + k) * L.OP_STRIDE;
      list.push({
        index: k,
        number: k + 1,
        isGoalkeeper: k === 0,
        x: at(o),
        y: at(o + 1),
        vx: at(o + 2),
        vy: at(o + 3),
        stamina: at(o + 4),
        yellowCards: at(o + 5),
        sentOff: at(o + 6) === 1,
        holdingBall: at(o + 7) === 1,
      });
    }
    return list;
  };
  const touchSide = at(L.O_TOUCH_SIDE);
  return {
    tick: at(L.O_TICK),
    period: (PERIODS[at(L.O_PERIOD)] ?? 'finished') as Period,
    periodTick: at(L.O_PERIOD_TICK),
    periodTicks: at(L.O_PERIOD_TICKS),
    minute: at(L.O_MINUTE),
    mode,
    restart:
      restartOwn < 0 || mode === 'play' || mode === 'stopped'
        ? null
        : {
            kind: mode,
            team: restartOwn === 1 ? 'own' : 'opponent',
            spot: { x: at(L.O_RESTART_X), y: at(L.O_RESTART_Y) },
            minDistance: at(L.O_RESTART_DIST),
            ticksLeft: at(L.O_RESTART_LEFT),
          },
    score: { own: at(L.O_SCORE_OWN), opponent: at(L.O_SCORE_OPP) },
    ball: {
      x: at(L.O_BALL),
      y: at(L.O_BALL + 1),
      z: at(L.O_BALL + 2),
      vx: at(L.O_BALL + 3),
      vy: at(L.O_BALL + 4),
      vz: at(L.O_BALL + 5),
    },
    lastTouch: touchSide < 0 ? null : { team: touchSide === 0 ? 'own' : 'opponent', index: at(L.O_TOUCH_INDEX) },
    own: players(0),
    opponents: players(TEAM_SIZE),
    shootout:
      at(L.O_SHOOTOUT) === 1
        ? {
            own: at(L.O_SHOOTOUT + 1),
            opponent: at(L.O_SHOOTOUT + 2),
            ownKicks: at(L.O_SHOOTOUT + 3),
            opponentKicks: at(L.O_SHOOTOUT + 4),
            kicking: at(L.O_SHOOTOUT + 5) === 0 ? 'own' : 'opponent',
            kickerIndex: at(L.O_SHOOTOUT + 6),
          }
        : null,
    info,
  };
}
