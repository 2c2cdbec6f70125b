// League: single or double round robin by Berger tables; the table decides the champion.
import { bergerRounds, doubleBergerRounds } from '../berger.js';
import { computeTable } from '../standings.js';
import type { PlannedMatch } from '../types.js';
import { allPlayed, legs, resultsOf, type CupFormat, type FormatContext } from './common.js';

export function leagueFormat(ctx: FormatContext): CupFormat {
  const { config } = ctx;
  if (config.format.type !== 'league') throw new Error('not a league config');
  const ids = config.teams.map((t) => t.id);
  const rounds = config.format.double ? doubleBergerRounds(ids.length) : bergerRounds(ids.length);
  const matches: PlannedMatch[] = rounds.flatMap((round, r) =>
    round.flatMap(([h, a], k) => legs({ id: `MD${r + 1}-${k + 1}`, stage: 'league', label: `Matchday ${r + 1}`, home: ids[h]!, away: ids[a]! }, config.repeats)),
  );
  const table = (results: Parameters<CupFormat['plan']>[0]) =>
    computeTable({ teams: config.teams, results: resultsOf(matches, results), order: config.tieBreakers, seed: config.seed, context: 'league' });
  return {
    plan: (results) => ({ matches, complete: allPlayed(matches, results) }),
    summary(results) {
      const t = table(results);
      return { format: 'league', table: t, champion: allPlayed(matches, results) ? t[0]!.team : null };
    },
  };
}
