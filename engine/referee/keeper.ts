// The goalkeeper's hands: catching in the own area, holding for a bounded time, back-passes and handling.
import { KEEPER, PHYS, PITCH, RULES } from '../constants.js';
import { emit } from '../events.js';
import { attackSign } from '../frame.js';
import { inOwnGoalArea, inOwnPenaltyArea } from '../geometry.js';
import { gauss } from '../rng.js';
import { F_COOLDOWN, F_STRIDE, M_FREE_KICK, M_INDIRECT, P_STRIDE, P_X, P_Y, TEAM_SIZE, type MatchState } from '../state.js';
import { beginRestart } from './restarts.js';
import { touch, TOUCH_DEFLECT, TOUCH_HANDS, TOUCH_KICK } from './touch.js';

/** Where an indirect free kick for the attackers goes when the offence was inside the goal area. */
function ifkSpot(x: number, y: number, s: number): [number, number] {
  if (!inOwnGoalArea(x, y, s)) return [x, y];
  return [-s * (PITCH.halfLength - PITCH.goalAreaDepth), y];
}

/**
 * Keeper `p` of `team` tries to catch. Returns true when the attempt changed the play
 * (a catch, a parry or an offence), false when the ball was out of reach.
 */
export function tryCatch(state: MatchState, p: number, team: number): boolean {
  const b = state.ball;
  const px = state.players[p * P_STRIDE + P_X]!;
  const py = state.players[p * P_STRIDE + P_Y]!;
  const dx = b[0]! - px;
  const dy = b[1]! - py;
  const d = Math.sqrt(dx * dx + dy * dy);
  if (d > PHYS.catchReach || b[2]! > PHYS.catchMaxHeight) return false;
  const s = attackSign(state, team);
  const opp = 1 - team;
  if (!inOwnPenaltyArea(b[0]!, b[1]!, s)) {
    // Hands outside the own area: a direct free kick, or a penalty cannot arise here.
    emit(state, 'handling', team, p, b[0]!, b[1]!);
    state.stats.teams[team as 0 | 1].fouls++;
    beginRestart(state, M_FREE_KICK, opp, b[0]!, b[1]!);
    return true;
  }
  const r = state.referee;
  if (r.releasedBy === p) {
    // Handling again after releasing the ball, before anyone else touched it: an indirect free kick.
    emit(state, 'second_handling', team, p, b[0]!, b[1]!);
    const [fx, fy] = ifkSpot(b[0]!, b[1]!, s);
    beginRestart(state, M_INDIRECT, opp, fx, fy);
    return true;
  }
  if (state.lastTouchTeam === team && r.lastTouchKind === TOUCH_KICK && state.lastTouchPlayer !== p) {
    // The back-pass law: no hands for a ball deliberately kicked by a team-mate.
    emit(state, 'back_pass', team, p, b[0]!, b[1]!);
    const [fx, fy] = ifkSpot(b[0]!, b[1]!, s);
    beginRestart(state, M_INDIRECT, opp, fx, fy);
    return true;
  }
  const speed = Math.sqrt(b[3]! * b[3]! + b[4]! * b[4]! + b[5]! * b[5]!);
  // Harder the faster the ball, and the further the keeper has to dive (beyond KEEPER.diveFrom).
  const dive = d > KEEPER.diveFrom ? (d - KEEPER.diveFrom) / (PHYS.catchReach - KEEPER.diveFrom) : 0;
  const chance = Math.min(1, Math.max(KEEPER.catchMin, KEEPER.catchBase - speed / KEEPER.catchSpeedDiv)) * (1 - KEEPER.diveLoss * dive);
  const rng = state.rng.team[team as 0 | 1];
  const caught = rng() < chance;
  // A parry is a save, not a deliberate play: it does not reset offside (Law 11).
  if (!touch(state, p, caught ? TOUCH_HANDS : TOUCH_DEFLECT)) return true;
  if (caught) {
    state.holder = p;
    state.holdTimer = 0;
    b[3] = 0;
    b[4] = 0;
    b[5] = 0;
    emit(state, 'catch', team, p, b[0]!, b[1]!);
  } else {
    // A parry: the ball bounces off the hands, weakened, in a noisy direction.
    const n = gauss(rng) * KEEPER.parryNoise;
    const vx = -b[3]! * KEEPER.parryKeep - b[4]! * n * KEEPER.parryKeep;
    const vy = -b[4]! * KEEPER.parryKeep + b[3]! * n * KEEPER.parryKeep;
    b[3] = vx;
    b[4] = vy;
    b[5] = Math.abs(b[5]!) * KEEPER.parryKeep;
    // Back on its feet only after a moment: the rebound is there for whoever reaches it first.
    state.flags[p * F_STRIDE + F_COOLDOWN] = PHYS.parryRecovery;
    emit(state, 'parry', team, p, b[0]!, b[1]!);
  }
  return true;
}

/** While a keeper holds the ball: it travels in the hands; too long, or carried out of the area, is an offence. */
export function updateHolder(state: MatchState): void {
  const p = state.holder;
  if (p < 0) return;
  const team = p < TEAM_SIZE ? 0 : 1;
  const s = attackSign(state, team);
  const b = state.ball;
  const px = state.players[p * P_STRIDE + P_X]!;
  const py = state.players[p * P_STRIDE + P_Y]!;
  b[0] = px;
  b[1] = py;
  b[2] = KEEPER.heldHeight;
  b[3] = 0;
  b[4] = 0;
  b[5] = 0;
  state.holdTimer++;
  if (!inOwnPenaltyArea(px, py, s)) {
    emit(state, 'handling', team, p, px, py);
    state.stats.teams[team].fouls++;
    const edgeX = -s * (PITCH.halfLength - PITCH.penaltyAreaDepth - RULES.areaMargin);
    beginRestart(state, M_FREE_KICK, 1 - team, s * px > s * edgeX ? px : edgeX, py);
    return;
  }
  if (state.holdTimer > RULES.holdTicks) {
    emit(state, 'six_seconds', team, p, px, py);
    const [fx, fy] = ifkSpot(px, py, s);
    beginRestart(state, M_INDIRECT, 1 - team, fx, fy);
  }
}

