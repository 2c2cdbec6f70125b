// Period lengths from the match config.
import { PERIOD_ET1, PERIOD_ET2, PERIOD_FIRST, PERIOD_SECOND, type MatchState } from './state.js';

export function periodTicks(state: MatchState): number {
  const p = state.period;
  if (p === PERIOD_FIRST || p === PERIOD_SECOND) return state.config.halfTicks;
  if (p === PERIOD_ET1 || p === PERIOD_ET2) return state.config.extraTimeTicks;
  return 0;
}
