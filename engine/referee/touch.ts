// Every touch of the ball passes through here: offside, double touches, pass completion, possession.
import { emit } from '../events.js';
import { M_INDIRECT, P_STRIDE, P_X, P_Y, TEAM_SIZE, type MatchState } from '../state.js';
import { clearOffside, isOffside } from './offside.js';
import { beginRestart } from './restarts.js';

export const TOUCH_KICK = 1;
export const TOUCH_DEFLECT = 2;
export const TOUCH_HANDS = 3;

/**
 * Records that player `p` touches the ball. Returns false when the touch is an offence
 * (offside, or a restart taker touching twice) and play has stopped for it.
 */
export function touch(state: MatchState, p: number, kind: number): boolean {
  const r = state.referee;
  const team = p < TEAM_SIZE ? 0 : 1;
  const px = state.players[p * P_STRIDE + P_X]!;
  const py = state.players[p * P_STRIDE + P_Y]!;
  if (isOffside(state, p)) {
    state.stats.teams[team].offsides++;
    emit(state, 'offside', team, p, px, py);
    beginRestart(state, M_INDIRECT, 1 - team, px, py);
    return false;
  }
  if (r.restartTaker === p) {
    emit(state, 'double_touch', team, p, state.ball[0]!, state.ball[1]!);
    beginRestart(state, M_INDIRECT, 1 - team, state.ball[0]!, state.ball[1]!);
    return false;
  }
  r.restartTaker = -1;
  if (p !== r.releasedBy) r.releasedBy = -1;
  if (p !== r.lastKickPlayer) r.indirectPending = false;
  if (r.lastKickWasPass) {
    const kickerTeam = r.lastKickPlayer < TEAM_SIZE ? 0 : 1;
    if (kickerTeam === team && p !== r.lastKickPlayer) state.stats.teams[team].passesCompleted++;
    r.lastKickWasPass = false;
  }
  if (p !== r.lastKickPlayer) r.lastKickWasShot = false;
  // A deliberate play by an opponent ends the offside phase; a deflection or a save does not.
  // A new play by the attacking team replaces it (the kick takes a new snapshot).
  if (r.offsideTeam >= 0 && r.offsideTeam !== team && kind !== TOUCH_DEFLECT) clearOffside(state);
  state.lastTouchTeam = team;
  state.lastTouchPlayer = p;
  r.lastTouchKind = kind;
  return true;
}
