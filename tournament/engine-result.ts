// Adapter from the engine's match result (engine/match.ts) to the cup's CupMatchResult:
// the runner calls this so the formats never depend on the engine's full result shape.
import type { MatchResult } from '../engine/match.js';
import type { CupMatchJob, CupMatchResult } from './types.js';

export function fromEngineResult(job: Pick<CupMatchJob, 'matchId' | 'seed' | 'home' | 'away'>, r: MatchResult): CupMatchResult {
  const [h, a] = r.stats.teams;
  const out: CupMatchResult = {
    matchId: job.matchId,
    home: job.home.id,
    away: job.away.id,
    seed: job.seed,
    score: [r.score[0], r.score[1]],
    // The engine says 'none' for a double forfeit; both sides lost, so nobody won.
    winner: r.winner === 'none' ? 'draw' : r.winner,
    hash: r.hash,
    ticks: r.ticks,
    stats: {
      yellowCards: [h.yellowCards, a.yellowCards],
      redCards: [h.redCards, a.redCards],
      shots: [h.shots, a.shots],
      possessionTicks: [h.possessionTicks, a.possessionTicks],
    },
  };
  if (r.shootout) out.shootout = [r.shootout[0], r.shootout[1]];
  if (r.forfeit) out.forfeit = { home: r.forfeit.home, away: r.forfeit.away };
  if (r.nonReproducible) out.nonReproducible = true;
  return out;
}
