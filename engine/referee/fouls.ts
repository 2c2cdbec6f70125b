// Tackles: won, missed or a foul, judged from positions and velocities with seeded noise; cards and advantage.
import { FOULS, PHYS, PITCH } from '../constants.js';
import { emit } from '../events.js';
import { attackSign } from '../frame.js';
import { inOwnPenaltyArea } from '../geometry.js';
import {
  F_SENT_OFF, F_STRIDE, F_TACKLE_CD, F_YELLOW, M_FREE_KICK, M_PENALTY, P_STRIDE, P_VX, P_VY, P_X, P_Y, TEAM_SIZE,
  type MatchState,
} from '../state.js';
import { beginRestart } from './restarts.js';
import { touch, TOUCH_DEFLECT } from './touch.js';

/** The opponent of `team` nearest to the ball within kick reach (the one in control), or -1. */
function controller(state: MatchState, team: number): number {
  let best = -1;
  let bestD = PHYS.kickReach * FOULS.controlReachFactor;
  const opp = 1 - team;
  for (let k = 0; k < TEAM_SIZE; k++) {
    const i = opp * TEAM_SIZE + k;
    if (state.flags[i * F_STRIDE + F_SENT_OFF]) continue;
    const dx = state.players[i * P_STRIDE + P_X]! - state.ball[0]!;
    const dy = state.players[i * P_STRIDE + P_Y]! - state.ball[1]!;
    const d = Math.sqrt(dx * dx + dy * dy);
    if (d < bestD) {
      bestD = d;
      best = i;
    }
  }
  return best;
}

/** The nearest opponent whose body the tackler touches, or -1. */
function bodyContact(state: MatchState, p: number, team: number): number {
  let best = -1;
  let bestD: number = FOULS.contact;
  const px = state.players[p * P_STRIDE + P_X]!;
  const py = state.players[p * P_STRIDE + P_Y]!;
  for (let k = 0; k < TEAM_SIZE; k++) {
    const i = (1 - team) * TEAM_SIZE + k;
    if (state.flags[i * F_STRIDE + F_SENT_OFF]) continue;
    const dx = state.players[i * P_STRIDE + P_X]! - px;
    const dy = state.players[i * P_STRIDE + P_Y]! - py;
    const d = Math.sqrt(dx * dx + dy * dy);
    if (d < bestD) {
      bestD = d;
      best = i;
    }
  }
  return best;
}

/**
 * Player `p` tackles. Returns true when the tackle stopped play (a foul without advantage)
 * or won the ball (the ball's motion changed), false when nothing happened.
 */
export function resolveTackle(state: MatchState, p: number): boolean {
  const team = p < TEAM_SIZE ? 0 : 1;
  const f = p * F_STRIDE;
  if (state.flags[f + F_TACKLE_CD]! > 0) return false;
  state.flags[f + F_TACKLE_CD] = FOULS.tackleCooldown;
  const pl = state.players;
  const b = state.ball;
  const px = pl[p * P_STRIDE + P_X]!;
  const py = pl[p * P_STRIDE + P_Y]!;
  const pvx = pl[p * P_STRIDE + P_VX]!;
  const pvy = pl[p * P_STRIDE + P_VY]!;
  const ballD = Math.sqrt((b[0]! - px) * (b[0]! - px) + (b[1]! - py) * (b[1]! - py));
  if (state.holder >= 0) return false;
  // The challenged player: the opponent on the ball, or else (a late tackle) an opponent the tackler runs into.
  let q = controller(state, team);
  if (q < 0) q = bodyContact(state, p, team);
  if (q < 0) return false;
  const qx = pl[q * P_STRIDE + P_X]!;
  const qy = pl[q * P_STRIDE + P_Y]!;
  const qvx = pl[q * P_STRIDE + P_VX]!;
  const qvy = pl[q * P_STRIDE + P_VY]!;
  const manD = Math.sqrt((qx - px) * (qx - px) + (qy - py) * (qy - py));
  if (ballD > PHYS.tackleReach && manD > FOULS.contact) return false;
  state.stats.teams[team].tackles++;
  const rng = state.rng.team[team];
  // From behind: the tackler comes from behind the ball carrier's direction of run.
  const qs = Math.sqrt(qvx * qvx + qvy * qvy);
  const behind = qs > FOULS.behindCarrierSpeed && ((px - qx) * qvx + (py - qy) * qvy) / (qs * Math.max(manD, 1e-6)) < FOULS.behindCos;
  const missesBall = ballD > PHYS.tackleReach;
  const contact = manD < FOULS.contact;
  // The referee's judgement: taking the player and not the ball, from behind, late, or stretching.
  const late = controller(state, team) !== q;
  let foulChance = FOULS.chanceBase;
  if (contact && missesBall) foulChance += FOULS.chanceMissesBall;
  if (contact && behind) foulChance += FOULS.chanceBehind;
  if (contact && late) foulChance += FOULS.chanceLate;
  if (contact && ballD > PHYS.kickReach) foulChance += FOULS.chanceStretch;
  const foul = rng() < Math.min(FOULS.chanceCap, foulChance);
  if (!foul) {
    const win = Math.max(FOULS.winMin, FOULS.winBase - FOULS.winSlope * (ballD / PHYS.tackleReach));
    if (missesBall || rng() >= win) return false;
    if (!touch(state, p, TOUCH_DEFLECT)) return true;
    state.stats.teams[team].tacklesWon++;
    emit(state, 'tackle', team, p, b[0]!, b[1]!);
    // The ball is poked away along the tackler's run.
    b[3] = pvx * FOULS.pokeRun + (b[0]! - px) * FOULS.pokeOffset;
    b[4] = pvy * FOULS.pokeRun + (b[1]! - py) * FOULS.pokeOffset;
    b[5] = 0;
    return true;
  }
  return commitFoul(state, p, q, Math.sqrt(pvx * pvx + pvy * pvy) > FOULS.recklessSpeed || (behind && missesBall));
}

/** A foul by `p` on `q`: cards, then a direct free kick or a penalty, or advantage. */
export function commitFoul(state: MatchState, p: number, q: number, reckless: boolean): boolean {
  const team = p < TEAM_SIZE ? 0 : 1;
  const victim = 1 - team;
  const qx = state.players[q * P_STRIDE + P_X]!;
  const qy = state.players[q * P_STRIDE + P_Y]!;
  state.stats.teams[team].fouls++;
  emit(state, 'foul', team, p, qx, qy);
  const dogso = deniesGoalChance(state, team, q);
  if (dogso) sendOff(state, p, 'denying an obvious goal-scoring opportunity');
  else if (reckless) caution(state, p);
  const s = attackSign(state, team);
  const inBox = inOwnPenaltyArea(qx, qy, s);
  // Advantage: the fouled team still has the ball, outside the box, in the opponents' half.
  const qc = controller(state, team) === q;
  if (!inBox && qc && !dogso && attackSign(state, victim) * qx > 0) {
    emit(state, 'advantage', victim, q, qx, qy);
    return false;
  }
  if (inBox) beginRestart(state, M_PENALTY, victim, -s * (PITCH.halfLength - PITCH.penaltySpotDistance), 0);
  else beginRestart(state, M_FREE_KICK, victim, qx, qy);
  return true;
}

/** An obvious goal-scoring opportunity: the fouled player near the goal (FOULS.dogso*), nearer it than every outfield defender. */
function deniesGoalChance(state: MatchState, team: number, q: number): boolean {
  const s = attackSign(state, team);
  const qx = -s * state.players[q * P_STRIDE + P_X]!;
  // qx: the victim's distance-like coordinate toward the fouling team's goal (goal at +halfLength here).
  if (PITCH.halfLength - qx > FOULS.dogsoDistance) return false;
  const qy = state.players[q * P_STRIDE + P_Y]!;
  if (Math.abs(qy) > PITCH.penaltyAreaWidth / 2 + FOULS.dogsoWidthExtra) return false;
  for (let k = 1; k < TEAM_SIZE; k++) {
    const i = team * TEAM_SIZE + k;
    if (state.flags[i * F_STRIDE + F_SENT_OFF]) continue;
    if (-s * state.players[i * P_STRIDE + P_X]! > qx) return false;
  }
  return true;
}

export function caution(state: MatchState, p: number): void {
  const team = p < TEAM_SIZE ? 0 : 1;
  const f = p * F_STRIDE;
  state.flags[f + F_YELLOW] = state.flags[f + F_YELLOW]! + 1;
  state.stats.teams[team].yellowCards++;
  emit(state, 'yellow_card', team, p, state.players[p * P_STRIDE + P_X]!, state.players[p * P_STRIDE + P_Y]!);
  if (state.flags[f + F_YELLOW]! >= 2) sendOff(state, p, 'second yellow card');
}

/** A red card: the player leaves the pitch for the rest of the match. */
export function sendOff(state: MatchState, p: number, why: string): void {
  const team = p < TEAM_SIZE ? 0 : 1;
  const f = p * F_STRIDE;
  if (state.flags[f + F_SENT_OFF]) return;
  state.flags[f + F_SENT_OFF] = 1;
  state.stats.teams[team].redCards++;
  emit(state, 'red_card', team, p, state.players[p * P_STRIDE + P_X]!, state.players[p * P_STRIDE + P_Y]!, why);
  if (state.holder === p) state.holder = -1;
  // Beside the pitch, by the halfway line, out of every computation.
  const o = p * P_STRIDE;
  state.players[o + P_X] = 0;
  state.players[o + P_Y] = team === 0 ? -FOULS.sentOffY : FOULS.sentOffY;
  state.players[o + P_VX] = 0;
  state.players[o + P_VY] = 0;
}
