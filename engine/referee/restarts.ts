// Setting up restarts, keeping opponents at their distance, and taking a restart nobody takes.
import { KEEPER, PHYS, PITCH, RULES } from '../constants.js';
import { emit } from '../events.js';
import { attackSign } from '../frame.js';
import {
  F_SENT_OFF, F_STRIDE, MODES, M_CORNER, M_DROPPED, M_GOAL_KICK, M_KICKOFF, M_PENALTY, M_THROW_IN,
  PLAYERS, P_STRIDE, P_X, P_Y, TEAM_SIZE, type MatchState,
} from '../state.js';

/** Opponents' minimum distance from the spot for each restart kind. */
export function restartDistance(mode: number): number {
  if (mode === M_THROW_IN) return RULES.throwInDistance;
  if (mode === M_DROPPED) return RULES.droppedBallDistance;
  return RULES.restartDistance;
}

/** Puts the ball dead at (x, y) for `team` to restart with `mode`. */
export function beginRestart(state: MatchState, mode: number, team: number, x: number, y: number): void {
  state.mode = mode;
  state.modeTeam = team;
  state.modeX = x;
  state.modeY = y;
  state.modeTimer = 0;
  const b = state.ball;
  b[0] = x;
  b[1] = y;
  b[2] = PHYS.ballRadius;
  b[3] = 0;
  b[4] = 0;
  b[5] = 0;
  state.holder = -1;
  state.holdTimer = 0;
  state.stuckTimer = 0;
  const r = state.referee;
  r.offsideTeam = -1;
  r.offsideMask = 0;
  r.restartTaker = -1;
  r.releasedBy = -1;
  if (mode === M_CORNER) state.stats.teams[team as 0 | 1].corners++;
  emit(state, MODES[mode] ?? 'restart', team, -1, x, y);
}

function active(state: MatchState, i: number): boolean {
  return state.flags[i * F_STRIDE + F_SENT_OFF] === 0;
}

/** Moves player i radially out to distance d from (cx, cy); a player exactly on the spot goes toward its own goal. */
function pushOut(state: MatchState, i: number, cx: number, cy: number, d: number): void {
  const pl = state.players;
  const o = i * P_STRIDE;
  const dx = pl[o + P_X]! - cx;
  const dy = pl[o + P_Y]! - cy;
  const dd = Math.sqrt(dx * dx + dy * dy);
  if (dd >= d) return;
  if (dd < 1e-9) {
    pl[o + P_X] = cx - attackSign(state, i < TEAM_SIZE ? 0 : 1) * d;
    return;
  }
  pl[o + P_X] = cx + (dx / dd) * d;
  pl[o + P_Y] = cy + (dy / dd) * d;
}

/** Moves player i out of the penalty area at the end `endSign` (the +x end when 1). */
function pushOutOfArea(state: MatchState, i: number, endSign: number): void {
  const pl = state.players;
  const o = i * P_STRIDE;
  const x = pl[o + P_X]!;
  const y = pl[o + P_Y]!;
  const edge = PITCH.halfLength - PITCH.penaltyAreaDepth - RULES.areaMargin;
  if (endSign * x > edge && Math.abs(y) < PITCH.penaltyAreaWidth / 2 + RULES.areaMargin) pl[o + P_X] = endSign * edge;
}

/**
 * The referee keeps players where the restart requires: at kick-off everyone in the own
 * half and the opponents outside the centre circle; otherwise opponents at their distance,
 * out of the area for a goal kick, and for a penalty everyone but the taker and the
 * goalkeeper out of the area, the goalkeeper on its line.
 */
export function enforceRestartPositions(state: MatchState): void {
  const mode = state.mode;
  const team = state.modeTeam;
  const pl = state.players;
  if (mode === M_KICKOFF) {
    for (let i = 0; i < PLAYERS; i++) {
      if (!active(state, i)) continue;
      const t = i < TEAM_SIZE ? 0 : 1;
      const s = attackSign(state, t);
      const o = i * P_STRIDE;
      if (s * pl[o + P_X]! > 0) pl[o + P_X] = t === team ? 0 : -s * RULES.kickoffBack;
      if (t !== team) pushOut(state, i, 0, 0, PITCH.centreCircleRadius);
    }
    return;
  }
  const d = restartDistance(mode);
  const takerSide = attackSign(state, team);
  let taker = -1;
  if (mode === M_PENALTY) taker = nearestOf(state, team, state.modeX, state.modeY, -1);
  for (let i = 0; i < PLAYERS; i++) {
    if (!active(state, i)) continue;
    const t = i < TEAM_SIZE ? 0 : 1;
    if (mode === M_PENALTY) {
      const keeper = i === (1 - team) * TEAM_SIZE;
      if (keeper) {
        // On the goal line between the posts until the kick.
        const o = i * P_STRIDE;
        pl[o + P_X] = takerSide * (PITCH.halfLength - KEEPER.penaltyLine);
        const y = pl[o + P_Y]!;
        const lim = PITCH.goalWidth / 2;
        pl[o + P_Y] = y > lim ? lim : y < -lim ? -lim : y;
        continue;
      }
      if (i === taker) continue;
      pushOutOfArea(state, i, takerSide);
      pushOut(state, i, state.modeX, state.modeY, d);
      continue;
    }
    if (t === team) continue;
    if (mode === M_GOAL_KICK) pushOutOfArea(state, i, -takerSide);
    pushOut(state, i, state.modeX, state.modeY, d);
  }
}

/** Nearest active player of `team` to (x, y), other than `except`; ties go to the lower index. */
export function nearestOf(state: MatchState, team: number, x: number, y: number, except: number): number {
  let best = -1;
  let bestD = Infinity;
  for (let k = 0; k < TEAM_SIZE; k++) {
    const i = team * TEAM_SIZE + k;
    if (i === except || !active(state, i)) continue;
    const dx = state.players[i * P_STRIDE + P_X]! - x;
    const dy = state.players[i * P_STRIDE + P_Y]! - y;
    const d = dx * dx + dy * dy;
    if (d < bestD) {
      bestD = d;
      best = i;
    }
  }
  return best;
}
