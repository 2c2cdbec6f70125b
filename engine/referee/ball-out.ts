// The ball leaving the pitch: goals, throw-ins, corners and goal kicks.
import { PHYS, PITCH } from '../constants.js';
import { emit } from '../events.js';
import { attackSign } from '../frame.js';
import { M_CORNER, M_GOAL_KICK, M_KICKOFF, M_STOPPED, M_THROW_IN, type MatchState } from '../state.js';
import { beginRestart } from './restarts.js';

/** Where the ball crossed a line, if it did: 'goal' (with the scoring end), 'goal_line' or 'touch_line'. */
export type Crossing = { kind: 'none' } | { kind: 'goal' | 'goal_line'; end: number } | { kind: 'touch_line' };

export function crossing(ball: Float64Array): Crossing {
  const r = PHYS.ballRadius;
  const x = ball[0]!;
  const y = ball[1]!;
  if (Math.abs(x) > PITCH.halfLength + r) {
    const end = x > 0 ? 1 : -1;
    if (Math.abs(y) < PITCH.goalWidth / 2 && ball[2]! < PITCH.goalHeight) return { kind: 'goal', end };
    return { kind: 'goal_line', end };
  }
  if (Math.abs(y) > PITCH.halfWidth + r) return { kind: 'touch_line' };
  return { kind: 'none' };
}

/** The team attacking toward the goal at `end` (+1: the +x goal). */
export function attackerOf(state: MatchState, end: number): number {
  return attackSign(state, 0) === end ? 0 : 1;
}

/** Referee's decision once the ball has crossed a line in open play. Returns true when play stopped. */
export function judgeBallOut(state: MatchState): boolean {
  const c = crossing(state.ball);
  if (c.kind === 'none') return false;
  const b = state.ball;
  const x = b[0]!;
  const y = b[1]!;
  const last = state.lastTouchTeam < 0 ? 0 : state.lastTouchTeam;
  if (c.kind === 'touch_line') {
    const tx = Math.max(-PITCH.halfLength, Math.min(PITCH.halfLength, x));
    beginRestart(state, M_THROW_IN, 1 - last, tx, y > 0 ? PITCH.halfWidth : -PITCH.halfWidth);
    return true;
  }
  const attacker = attackerOf(state, c.end);
  const defender = 1 - attacker;
  if (c.kind === 'goal') {
    if (state.referee.indirectPending) {
      // No goal straight from an indirect free kick or a throw-in.
      emit(state, 'no_goal', last, state.lastTouchPlayer, x, y, 'indirect');
      beginRestart(state, M_GOAL_KICK, defender, c.end * (PITCH.halfLength - PITCH.goalAreaDepth), 0);
      return true;
    }
    scoreGoal(state, attacker);
    return true;
  }
  if (last === defender) {
    beginRestart(state, M_CORNER, attacker, c.end * PITCH.halfLength, y > 0 ? PITCH.halfWidth : -PITCH.halfWidth);
  } else {
    beginRestart(state, M_GOAL_KICK, defender, c.end * (PITCH.halfLength - PITCH.goalAreaDepth), 0);
  }
  return true;
}

export function scoreGoal(state: MatchState, team: number): void {
  const t = team as 0 | 1;
  state.score[t]++;
  state.stats.teams[t].goals++;
  const own = state.lastTouchTeam >= 0 && state.lastTouchTeam !== team;
  emit(state, 'goal', team, own ? -1 : state.lastTouchPlayer, state.ball[0]!, state.ball[1]!, own ? 'own_goal' : undefined);
  pause(state, M_KICKOFF, 1 - team);
}

/** Stops play for a short pause, after which `next` is set up for `team`. */
export function pause(state: MatchState, next: number, team: number): void {
  state.mode = M_STOPPED;
  state.nextMode = next;
  state.modeTeam = team;
  state.modeTimer = 0;
  state.holder = -1;
  state.ball[3] = 0;
  state.ball[4] = 0;
  state.ball[5] = 0;
}
