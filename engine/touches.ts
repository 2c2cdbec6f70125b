// Who plays the ball this tick: the goalkeeper's hands, tackles, then kicks, with a lot for a contested ball.
import { AUTO_RESTART, PHYS, PITCH, RULES } from './constants.js';
import { emit } from './events.js';
import { applyKick } from './kick.js';
import { lot } from './lot.js';
import * as L from './obs-layout.js';
import { snapshotOffside } from './referee/offside.js';
import { resolveTackle } from './referee/fouls.js';
import { tryCatch } from './referee/keeper.js';
import { nearestOf } from './referee/restarts.js';
import { touch, TOUCH_KICK } from './referee/touch.js';
import {
  F_COOLDOWN, F_SENT_OFF, F_STRIDE, M_DROPPED, M_INDIRECT, M_PENALTY, M_PLAY, M_STOPPED, M_THROW_IN, PLAYERS, P_STRIDE, P_X, P_Y,
  TEAM_SIZE, type MatchState,
} from './state.js';

export type Buffers = [Float64Array, Float64Array];

// Scratch for resolveTouches' tacklers, rewritten on every call and read only within it (synchronous).
const tacklers = new Int32Array(PLAYERS);
const tackling = new Int32Array(2);

/** Player i's command flags. (i - TEAM_SIZE, not i % TEAM_SIZE: the same number without an integer division.) */
function flagsOf(cmds: Buffers, i: number): number {
  return i < TEAM_SIZE ? cmds[0][i * L.C_STRIDE + L.C_FLAGS]! : cmds[1][(i - TEAM_SIZE) * L.C_STRIDE + L.C_FLAGS]!;
}

/** May player i play the ball now (not sent off, not cooling down, its team allowed by the mode)? */
function canPlay(state: MatchState, i: number, allowed: (i: number) => boolean): boolean {
  if (state.flags[i * F_STRIDE + F_SENT_OFF] || state.flags[i * F_STRIDE + F_COOLDOWN]! > 0) return false;
  if (state.mode === M_STOPPED) return false;
  if (state.mode !== M_PLAY && (i < TEAM_SIZE ? 0 : 1) !== state.modeTeam) return false;
  return allowed(i);
}

/** The kick command of player i, turned into the pitch frame. */
function kickSpec(state: MatchState, cmds: Buffers, signs: [number, number], i: number, maxSpeed: number) {
  const team = i < TEAM_SIZE ? 0 : 1;
  const c = cmds[team];
  const o = (i - team * TEAM_SIZE) * L.C_STRIDE;
  const s = signs[team];
  return { tx: s * c[o + L.C_KICK_X]!, ty: s * c[o + L.C_KICK_Y]!, power: c[o + L.C_POWER]!, lift: c[o + L.C_LIFT]!, maxSpeed };
}

/** Kicks player i's ball now, as a restart when the ball was dead. */
export function kickNow(state: MatchState, i: number, signs: [number, number], spec: ReturnType<typeof kickSpec>): void {
  const team = i < TEAM_SIZE ? 0 : 1;
  const restart = state.mode;
  if (!touch(state, i, TOUCH_KICK)) return;
  applyKick(state, i, team, signs[team], spec);
  if (restart !== M_PLAY) {
    state.mode = M_PLAY;
    // The taker of a restart may not touch again before another player (a dropped ball is exempt).
    state.referee.restartTaker = restart === M_DROPPED ? -1 : i;
    state.referee.indirectPending = restart === M_INDIRECT || restart === M_THROW_IN;
  }
  snapshotOffside(state, team, i, restart);
}

/**
 * Resolves this tick's ball actions. `allowed` filters who may act (everyone, or in a
 * shoot-out the kicker and the goalkeeper). Returns true when someone played the ball.
 */
export function resolveTouches(state: MatchState, cmds: Buffers, signs: [number, number], allowed: (i: number) => boolean): boolean {
  // A goalkeeper holding the ball releases it with a kick (a throw when there is no lift).
  if (state.holder >= 0) {
    const h = state.holder;
    if (flagsOf(cmds, h) & L.CF_KICK && allowed(h)) {
      const spec = kickSpec(state, cmds, signs, h, PHYS.maxKickSpeed);
      if (spec.lift === 0) spec.maxSpeed = PHYS.throwSpeed;
      state.holder = -1;
      state.holdTimer = 0;
      kickNow(state, h, signs, spec);
      // Released: no second handling before another player has touched the ball (else the keeper could stall forever).
      state.referee.releasedBy = h;
      return true;
    }
    return false;
  }
  if (state.mode === M_PLAY) {
    for (let team = 0; team < 2; team++) {
      const k = team * TEAM_SIZE;
      if (flagsOf(cmds, k) & L.CF_CATCH && canPlay(state, k, allowed) && tryCatch(state, k, team)) return true;
    }
    // Each team's tacklers in ascending index (tacklers[team * TEAM_SIZE + n], n < tackling[team]).
    tackling[0] = 0;
    tackling[1] = 0;
    // Every player's flags read in this loop: imported constants in locals (an imported binding is
    // re-checked at each use), each team's buffer walked by its stride.
    const TS = TEAM_SIZE;
    const CS = L.C_STRIDE;
    const cF = L.C_FLAGS;
    const cfTackle = L.CF_TACKLE;
    for (let team = 0; team < 2; team++) {
      const c = cmds[team]!;
      for (let k = 0; k < TS; k++) {
        if (c[k * CS + cF]! & cfTackle) {
          const i = team * TS + k;
          if (canPlay(state, i, allowed)) tacklers[team * TS + tackling[team]!++] = i;
        }
      }
    }
    if (tackling[0]! + tackling[1]! > 0) {
      const firstTeam = tackling[0]! > 0 && tackling[1]! > 0 ? lot(state) : tackling[0]! > 0 ? 0 : 1;
      for (let round = 0; round < 2; round++) {
        const t = round === 0 ? firstTeam : 1 - firstTeam;
        const n = tackling[t]!;
        for (let m = 0; m < n; m++) if (resolveTackle(state, tacklers[t * TEAM_SIZE + m]!)) return true;
      }
    }
  }
  // Kicks: each team's nearest willing player within reach; if both teams reach the ball, a lot decides.
  let best0 = -1;
  let best1 = -1;
  if (state.ball[2]! <= PHYS.kickMaxHeight) {
    const reach = PHYS.kickReach;
    const bx = state.ball[0]!;
    const by = state.ball[1]!;
    const pl = state.players;
    const TS = TEAM_SIZE;
    const CS = L.C_STRIDE;
    const cF = L.C_FLAGS;
    const cfKick = L.CF_KICK;
    const PS = P_STRIDE;
    const pX = P_X;
    const pY = P_Y;
    for (let team = 0; team < 2; team++) {
      const c = cmds[team]!;
      let bd: number = reach;
      let best = -1;
      for (let k = 0; k < TS; k++) {
        if (!(c[k * CS + cF]! & cfKick)) continue;
        const i = team * TS + k;
        // Exact early out: a player further than the reach along one axis is further than bd <= reach,
        // so the test below would fail anyway (a NaN passes through to it, as before). canPlay only reads.
        const dx = pl[i * PS + pX]! - bx;
        const dy = pl[i * PS + pY]! - by;
        if (dx > reach || dx < -reach || dy > reach || dy < -reach) continue;
        if (!canPlay(state, i, allowed)) continue;
        const d = Math.sqrt(dx * dx + dy * dy);
        if (d <= bd) {
          if (d < bd || best < 0) best = i;
          bd = d;
        }
      }
      if (team === 0) best0 = best;
      else best1 = best;
    }
  }
  let kicker = best0 >= 0 ? best0 : best1;
  if (best0 >= 0 && best1 >= 0) kicker = lot(state) === 0 ? best0 : best1;
  if (kicker < 0) return false;
  const maxSpeed = state.mode === M_THROW_IN ? PHYS.throwSpeed : PHYS.maxKickSpeed;
  kickNow(state, kicker, signs, kickSpec(state, cmds, signs, kicker, maxSpeed));
  return true;
}

/** Anti-stalling: a restart not taken in time is taken for the team, a short pass to the nearest team-mate. */
export function autoRestart(state: MatchState, signs: [number, number]): void {
  if (state.modeTimer < RULES.restartTicks) return;
  const team = state.modeTeam;
  const taker = nearestOf(state, team, state.modeX, state.modeY, -1);
  if (taker < 0) return;
  const mate = nearestOf(state, team, state.modeX, state.modeY, taker);
  const s = signs[team as 0 | 1];
  let tx = state.modeX + s * AUTO_RESTART.noMateDistance;
  let ty = state.modeY;
  let penalty = false;
  if (state.mode === M_PENALTY) {
    // A penalty nobody takes is shot at the middle of the goal.
    penalty = true;
    tx = s * PITCH.halfLength;
    ty = 0;
  } else if (mate >= 0) {
    tx = state.players[mate * P_STRIDE + P_X]!;
    ty = state.players[mate * P_STRIDE + P_Y]!;
  }
  const dx = tx - state.modeX;
  const dy = ty - state.modeY;
  const d = Math.sqrt(dx * dx + dy * dy);
  // Put the taker just behind the ball, facing the pass.
  const ux = d > 1e-6 ? dx / d : s;
  const uy = d > 1e-6 ? dy / d : 0;
  state.players[taker * P_STRIDE + P_X] = state.modeX - ux * AUTO_RESTART.takerBehind;
  state.players[taker * P_STRIDE + P_Y] = state.modeY - uy * AUTO_RESTART.takerBehind;
  state.flags[taker * F_STRIDE + F_COOLDOWN] = 0;
  // Rolling speed that brings the ball to the team-mate: v^2 = 2 a d, plus a margin for drag.
  const power = penalty
    ? AUTO_RESTART.penaltyPower
    : Math.min(1, (Math.sqrt(2 * PHYS.rollDecel * Math.max(d, AUTO_RESTART.passMinDistance)) * AUTO_RESTART.passMargin) / PHYS.maxKickSpeed);
  emit(state, 'auto_restart', team, taker, state.modeX, state.modeY);
  kickNow(state, taker, signs, { tx, ty, power, lift: 0, maxSpeed: PHYS.maxKickSpeed });
}
