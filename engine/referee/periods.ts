// The clock: halves, extra time, the switch of ends, full time.
import { PHYS } from '../constants.js';
import { emit } from '../events.js';
import { F_SENT_OFF, F_STRIDE, M_KICKOFF, PLAYERS, P_STRIDE, P_VX, P_VY, P_X, P_Y, PERIOD_ET1, PERIOD_ET2, PERIOD_FIRST, PERIOD_SECOND, PERIOD_SHOOTOUT, type MatchState } from '../state.js';
import { periodTicks } from '../timing.js';
import { pause } from './ball-out.js';
import { finish } from './full-time.js';
import { startShootout } from './shootout.js';

/** Advances the period clock by one tick; the clock never stops, whatever the mode. */
export function advanceClock(state: MatchState): void {
  if (state.period >= PERIOD_SHOOTOUT) return;
  state.periodTick++;
  if (state.periodTick >= periodTicks(state)) endPeriod(state);
}

function level(state: MatchState): boolean {
  return state.score[0] === state.score[1];
}

function next(state: MatchState, period: number, kickoffTeam: number): void {
  state.period = period;
  state.periodTick = 0;
  // The teams change ends where they stand: every position is rotated by 180 degrees, so in
  // each team's own frame nothing moves and no goalkeeper is left stranded at the wrong end.
  const p = state.players;
  for (let i = 0; i < PLAYERS; i++) {
    if (state.flags[i * F_STRIDE + F_SENT_OFF]) continue;
    const o = i * P_STRIDE;
    p[o + P_X] = -p[o + P_X]!;
    p[o + P_Y] = -p[o + P_Y]!;
    p[o + P_VX] = -p[o + P_VX]!;
    p[o + P_VY] = -p[o + P_VY]!;
  }
  // The ball goes back to the centre; players cross to their new half during the pause.
  state.ball[0] = 0;
  state.ball[1] = 0;
  state.ball[2] = PHYS.ballRadius;
  pause(state, M_KICKOFF, kickoffTeam);
}

function endPeriod(state: MatchState): void {
  const first = state.firstKickoff;
  switch (state.period) {
    case PERIOD_FIRST:
      emit(state, 'half_time', -1, -1, 0, 0);
      next(state, PERIOD_SECOND, 1 - first);
      return;
    case PERIOD_SECOND:
      if (level(state) && state.config.extraTime) {
        emit(state, 'extra_time', -1, -1, 0, 0);
        next(state, PERIOD_ET1, first);
      } else if (level(state) && state.config.shootout) startShootout(state);
      else finish(state, 'full_time');
      return;
    case PERIOD_ET1:
      emit(state, 'half_time', -1, -1, 0, 0, 'extra_time');
      next(state, PERIOD_ET2, 1 - first);
      return;
    case PERIOD_ET2:
      if (level(state) && state.config.shootout) startShootout(state);
      else finish(state, 'extra_time');
      return;
  }
}
