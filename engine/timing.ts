// The match clock: period lengths from the match config, and the minute shown to people.
import { PERIOD_ET1, PERIOD_ET2, PERIOD_FIRST, PERIOD_SECOND, type MatchState } from './state.js';

export function periodTicks(state: MatchState): number {
  const p = state.period;
  if (p === PERIOD_FIRST || p === PERIOD_SECOND) return state.config.halfTicks;
  if (p === PERIOD_ET1 || p === PERIOD_ET2) return state.config.extraTimeTicks;
  return 0;
}

/** Minutes shown to people: each half scaled to 45 minutes, extra time to 15. */
export function displayMinute(state: MatchState): number {
  const len = periodTicks(state);
  const p = state.period;
  const span = p < 2 ? 45 : p < 4 ? 15 : 0;
  const base = p === 0 ? 0 : p === 1 ? 45 : p === 2 ? 90 : p === 3 ? 105 : 120;
  return base + (len > 0 ? Math.floor((state.periodTick * span) / len) : 0);
}
