// The penalty shoot-out: five kicks each ABAB, early end, sudden death, kicker rotation.
import { KEEPER, PITCH, RULES, SHOOTOUT } from '../constants.js';
import { emit } from '../events.js';
import { lot } from '../lot.js';
import {
  F_COOLDOWN, F_SENT_OFF, F_STRIDE, M_PENALTY, M_PLAY, PERIOD_SHOOTOUT, PLAYERS, P_STRIDE, P_VX, P_VY, P_X, P_Y,
  TEAM_SIZE, type MatchState,
} from '../state.js';
import { crossing } from './ball-out.js';
import { finish } from './full-time.js';
import { beginRestart } from './restarts.js';

/** Every kick goes at the +x goal. */
export const SHOOTOUT_SPOT_X = PITCH.halfLength - PITCH.penaltySpotDistance;

export function startShootout(state: MatchState): void {
  const first = lot(state);
  state.period = PERIOD_SHOOTOUT;
  state.periodTick = 0;
  state.shootout = { goals: [0, 0], kicks: [0, 0], first, kicking: first, kicker: -1, used: [[], []], kickTick: 0, struck: false, lotWinner: -1 };
  emit(state, 'shootout', first, -1, 0, 0);
  prepareKick(state);
}

function nextKicker(state: MatchState, team: 0 | 1): number {
  const so = state.shootout!;
  for (let round = 0; round < 2; round++) {
    for (const k of SHOOTOUT.kickerOrder) {
      const i = team * TEAM_SIZE + k;
      if (state.flags[i * F_STRIDE + F_SENT_OFF]) continue;
      if (!so.used[team].includes(k)) {
        so.used[team].push(k);
        return i;
      }
    }
    // Everyone eligible has kicked: a new rotation begins.
    so.used[team] = [];
  }
  return team * TEAM_SIZE;
}

function place(state: MatchState, i: number, x: number, y: number): void {
  const o = i * P_STRIDE;
  state.players[o + P_X] = x;
  state.players[o + P_Y] = y;
  state.players[o + P_VX] = 0;
  state.players[o + P_VY] = 0;
}

function prepareKick(state: MatchState): void {
  const so = state.shootout!;
  so.kicker = nextKicker(state, so.kicking);
  so.kickTick = 0;
  so.struck = false;
  const keeper = (1 - so.kicking) * TEAM_SIZE;
  for (let i = 0; i < PLAYERS; i++) {
    if (state.flags[i * F_STRIDE + F_SENT_OFF]) continue;
    const t = i < TEAM_SIZE ? 0 : 1;
    // Everyone else waits in the centre circle, each team on its own side of it.
    place(state, i, SHOOTOUT.waitX + (i % TEAM_SIZE) * SHOOTOUT.waitStep, t === 0 ? -SHOOTOUT.waitY : SHOOTOUT.waitY);
  }
  place(state, so.kicker, SHOOTOUT_SPOT_X - SHOOTOUT.kickerBack, 0);
  place(state, keeper, PITCH.halfLength - KEEPER.shootoutLine, 0);
  beginRestart(state, M_PENALTY, so.kicking, SHOOTOUT_SPOT_X, 0);
  state.referee.lastKickPlayer = -1;
}

/** True when the player may act during this kick: the kicker and the defending goalkeeper only. */
export function shootoutActive(state: MatchState, i: number): boolean {
  const so = state.shootout!;
  return i === so.kicker || i === (1 - so.kicking) * TEAM_SIZE;
}

/** After the kicker struck the ball, the kick is judged once the ball is in, out, held, dead or the time is up. */
export function judgeShootoutKick(state: MatchState): void {
  const so = state.shootout!;
  if (state.mode === M_PLAY && !so.struck) {
    so.struck = true;
    // The kicker may not touch the ball again.
    state.flags[so.kicker * F_STRIDE + F_COOLDOWN] = SHOOTOUT.kickerLock;
  }
  so.kickTick++;
  if (!so.struck) return;
  const c = crossing(state.ball);
  const b = state.ball;
  const speed = Math.sqrt(b[3]! * b[3]! + b[4]! * b[4]! + b[5]! * b[5]!);
  let outcome: 'scored' | 'saved' | 'missed' | null = null;
  if (c.kind === 'goal' && c.end === 1) outcome = 'scored';
  else if (c.kind !== 'none') outcome = state.lastTouchTeam === so.kicking ? 'missed' : 'saved';
  else if (state.holder >= 0) outcome = 'saved';
  else if (speed < SHOOTOUT.slowBall || so.kickTick > RULES.restartTicks + SHOOTOUT.liveTicks) outcome = state.lastTouchTeam === so.kicking ? 'missed' : 'saved';
  if (outcome === null) return;
  state.flags[so.kicker * F_STRIDE + F_COOLDOWN] = 0;
  state.holder = -1;
  so.kicks[so.kicking]++;
  if (outcome === 'scored') so.goals[so.kicking]++;
  emit(state, 'shootout_kick', so.kicking, so.kicker, b[0]!, b[1]!, outcome);
  if (decided(so.goals, so.kicks)) {
    finish(state, 'shootout');
    return;
  }
  if (so.kicks[0] >= SHOOTOUT.maxKicks && so.kicks[1] >= SHOOTOUT.maxKicks) {
    so.lotWinner = lot(state);
    emit(state, 'shootout_lot', so.lotWinner, -1, 0, 0);
    finish(state, 'shootout_lot');
    return;
  }
  so.kicking = so.kicks[0] + so.kicks[1] === 0 ? so.first : ((1 - so.kicking) as 0 | 1);
  prepareKick(state);
}

/** Decided when one side cannot catch up within the first five, or after an equal number of sudden-death kicks. */
export function decided(goals: [number, number], kicks: [number, number]): boolean {
  const [g0, g1] = goals;
  const [k0, k1] = kicks;
  if (k0 <= SHOOTOUT.round && k1 <= SHOOTOUT.round) {
    const rem0 = SHOOTOUT.round - k0;
    const rem1 = SHOOTOUT.round - k1;
    if (g0 + rem0 < g1 || g1 + rem1 < g0) return true;
    if (k0 === SHOOTOUT.round && k1 === SHOOTOUT.round) return g0 !== g1;
    return false;
  }
  return k0 === k1 && g0 !== g1;
}

