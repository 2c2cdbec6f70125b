// A seeded lot between the two teams: each draws from its own stream, the higher draw wins.
import type { MatchState } from './state.js';

/** Returns the winning team. Symmetric: with sides swapped the same team wins. */
export function lot(state: MatchState): 0 | 1 {
  const a = state.rng.team[0]();
  const b = state.rng.team[1]();
  return b > a ? 1 : 0;
}
