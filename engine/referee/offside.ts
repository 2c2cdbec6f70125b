// Offside: positions are judged at the moment a team-mate plays the ball, the offence at the next touch.
import { attackSign } from '../frame.js';
import { F_SENT_OFF, F_STRIDE, M_CORNER, M_GOAL_KICK, M_THROW_IN, P_STRIDE, P_X, TEAM_SIZE, type MatchState } from '../state.js';

/**
 * Called when player `kicker` of `team` plays the ball (restartMode: the restart the kick takes,
 * or M_PLAY). Records which team-mates stand offside: in the opponents' half, ahead of the ball
 * and ahead of the second-last opponent (level is onside). No offside from a throw-in, goal kick or corner.
 */
export function snapshotOffside(state: MatchState, team: number, kicker: number, restartMode: number): void {
  const r = state.referee;
  r.offsideTeam = -1;
  r.offsideMask = 0;
  if (restartMode === M_THROW_IN || restartMode === M_GOAL_KICK || restartMode === M_CORNER) return;
  const s = attackSign(state, team);
  const pl = state.players;
  // Second-last opponent: the two deepest opponents toward their own goal line, in our attacking direction.
  let first = -Infinity;
  let second = -Infinity;
  const opp = 1 - team;
  for (let k = 0; k < TEAM_SIZE; k++) {
    const i = opp * TEAM_SIZE + k;
    if (state.flags[i * F_STRIDE + F_SENT_OFF]) continue;
    const x = s * pl[i * P_STRIDE + P_X]!;
    if (x > first) {
      second = first;
      first = x;
    } else if (x > second) second = x;
  }
  const ballX = s * state.ball[0]!;
  let mask = 0;
  for (let k = 0; k < TEAM_SIZE; k++) {
    const i = team * TEAM_SIZE + k;
    if (i === kicker || state.flags[i * F_STRIDE + F_SENT_OFF]) continue;
    const x = s * pl[i * P_STRIDE + P_X]!;
    if (x > 0 && x > ballX && x > second) mask |= 1 << k;
  }
  if (mask !== 0) {
    r.offsideTeam = team;
    r.offsideMask = mask;
  }
}

/** True when player `p` touching the ball now is an offside offence. */
export function isOffside(state: MatchState, p: number): boolean {
  const r = state.referee;
  const team = p < TEAM_SIZE ? 0 : 1;
  return r.offsideTeam === team && (r.offsideMask & (1 << (p % TEAM_SIZE))) !== 0;
}

/** Any touch by an opponent, or a new play by the team, ends the offside phase. */
export function clearOffside(state: MatchState): void {
  state.referee.offsideTeam = -1;
  state.referee.offsideMask = 0;
}
