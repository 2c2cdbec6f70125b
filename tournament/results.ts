// Reading a match result: what it is worth to each side in a table, the conduct score, and who won a knockout match.
import type { CupMatchResult } from './types.js';

export interface SideTally {
  gf: number;
  ga: number;
  pts: number;
  outcome: 'W' | 'D' | 'L';
}

export function isDoubleForfeit(r: CupMatchResult): boolean {
  return !!r.forfeit && r.forfeit.home !== null && r.forfeit.away !== null;
}

/** Goals and points (3/1/0) for home and away. A double forfeit is a 0-3 loss for both sides. */
export function tally(r: CupMatchResult): [SideTally, SideTally] {
  if (isDoubleForfeit(r)) return [{ gf: 0, ga: 3, pts: 0, outcome: 'L' }, { gf: 0, ga: 3, pts: 0, outcome: 'L' }];
  const [h, a] = r.score;
  const side = (gf: number, ga: number): SideTally => ({ gf, ga, pts: gf > ga ? 3 : gf === ga ? 1 : 0, outcome: gf > ga ? 'W' : gf === ga ? 'D' : 'L' });
  return [side(h, a), side(a, h)];
}

/**
 * FIFA's team conduct score for one side: yellow -1, indirect red (second yellow) -3, direct red -4,
 * yellow then direct red -5. The engine reports counts, not per-player histories: yellowCards counts
 * every yellow shown and redCards every red; when it also reports indirectRedCards, each of those
 * accounts for two yellows and one red and is scored -3 as a whole. Without it, every red counts -4.
 */
export function conductScore(r: CupMatchResult, side: 0 | 1): number {
  const y = r.stats.yellowCards[side];
  const red = r.stats.redCards[side];
  const ind = r.stats.indirectRedCards?.[side] ?? 0;
  return -(y - 2 * ind) - 3 * ind - 4 * (red - ind);
}

/** The side that won a knockout match (the shoot-out decides a level score), or null if the result does not say. */
export function knockoutWinner(r: CupMatchResult): 'home' | 'away' | null {
  if (isDoubleForfeit(r)) return null;
  const [h, a] = r.score;
  if (h !== a) return h > a ? 'home' : 'away';
  if (r.shootout) {
    const [sh, sa] = r.shootout;
    if (sh !== sa) return sh > sa ? 'home' : 'away';
  }
  return r.winner === 'draw' ? null : r.winner;
}
