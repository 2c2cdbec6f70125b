import { describe, expect, it } from 'vitest';
import type { MatchResult as EngineResult } from '../../engine/match.js';
import { emptyTeamStats } from '../../engine/state.js';
import { fromEngineResult } from '../../tournament/engine-result.js';
import { knockoutWinner, tally } from '../../tournament/results.js';

const job = { matchId: 'QF1', seed: 5, home: { id: 'x', name: 'X', policy: 'builtin:a' }, away: { id: 'y', name: 'Y', policy: 'builtin:b' } };
const engine = (over: Partial<EngineResult>): EngineResult =>
  ({
    score: [1, 1], shootout: null, winner: 'draw', ticks: 6000, hash: 'abc', forfeit: null, nonReproducible: false,
    stats: { teams: [{ ...emptyTeamStats(), yellowCards: 2, redCards: 1 }, emptyTeamStats()], ticksInPlay: 0 },
    ...over,
  }) as EngineResult;

describe('engine result adapter', () => {
  it('maps score, shoot-out and cards', () => {
    const r = fromEngineResult(job, engine({ shootout: [4, 2], winner: 'home' }));
    expect(r).toMatchObject({ matchId: 'QF1', home: 'x', away: 'y', seed: 5, score: [1, 1], shootout: [4, 2], hash: 'abc' });
    expect(r.stats.yellowCards).toEqual([2, 0]);
    expect(r.stats.redCards).toEqual([1, 0]);
    expect(knockoutWinner(r)).toBe('home');
  });

  it('maps a double forfeit to a loss for both', () => {
    const r = fromEngineResult(job, engine({ score: [0, 0], winner: 'none', forfeit: { home: 'no compile', away: 'setup threw' } }));
    expect(r.winner).toBe('draw');
    expect(tally(r).map((t) => t.pts)).toEqual([0, 0]);
  });
});
