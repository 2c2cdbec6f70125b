// Which way each team attacks: the one place that knows how the own frame maps to the pitch.
import { PERIOD_FIRST, PERIOD_ET1, PERIOD_SHOOTOUT, type MatchState } from './state.js';

/**
 * +1 when `team` attacks toward absolute +x now, -1 otherwise. Home attacks +x in the
 * first half and the first period of extra time. In a shoot-out every kick goes
 * toward the +x goal: the kicking team attacks +x, the goalkeeper's team defends it.
 * The own frame is the absolute one rotated by 180 degrees when the sign is -1
 * (x and y both negated), an exact operation in floating point.
 */
export function attackSign(state: MatchState, team: number): number {
  if (state.period === PERIOD_SHOOTOUT) {
    const kicking = state.shootout ? state.shootout.kicking : 0;
    return team === kicking ? 1 : -1;
  }
  const homePlus = state.period === PERIOD_FIRST || state.period === PERIOD_ET1;
  return (team === 0) === homePlus ? 1 : -1;
}
