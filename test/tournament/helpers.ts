// Building results by hand for table and bracket tests.
import type { CupMatchResult } from '../../tournament/types.js';

let n = 0;
export function res(home: string, away: string, h: number, a: number, extra: Partial<CupMatchResult> = {}): CupMatchResult {
  n++;
  return {
    matchId: `m${n}`,
    home,
    away,
    seed: n,
    score: [h, a],
    winner: h > a ? 'home' : h < a ? 'away' : 'draw',
    hash: `x${n}`,
    ticks: 6000,
    stats: { yellowCards: [0, 0], redCards: [0, 0] },
    ...extra,
  };
}
