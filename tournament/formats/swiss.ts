// Swiss: each round is paired from the table once the previous round is complete.
import { computeTable, type StandingRow } from '../standings.js';
import { pairKey, pairSwissRound, type SwissRound } from '../swiss.js';
import type { PlannedMatch, ResultMap } from '../types.js';
import { allPlayed, legs, resultsOf, type CupFormat, type FormatContext } from './common.js';

export function swissFormat(ctx: FormatContext): CupFormat {
  const { config } = ctx;
  if (config.format.type !== 'swiss') throw new Error('not a swiss config');
  const totalRounds = config.format.rounds;
  const ids = config.teams.map((t) => t.id);

  const table = (matches: PlannedMatch[], byes: Map<string, number>, results: ResultMap): StandingRow[] =>
    computeTable({ teams: config.teams, results: resultsOf(matches, results), order: config.tieBreakers, seed: config.seed, context: 'swiss', byes });

  /** Rounds paired so far: round r+1 exists only once every match of round r has a result. */
  const walk = (results: ResultMap) => {
    const matches: PlannedMatch[] = [];
    const rounds: SwissRound[] = [];
    const played = new Set<string>();
    const hadBye = new Set<string>();
    const byes = new Map<string, number>();
    const homeCount = new Map<string, number>();
    for (let r = 1; r <= totalRounds; r++) {
      if (!allPlayed(matches, results)) break;
      const ranking = r === 1 ? ids : table(matches, byes, results).map((row) => row.team);
      const round = pairSwissRound({ ranking, played, hadBye, homeCount });
      rounds.push(round);
      round.pairs.forEach(([h, a], k) => {
        played.add(pairKey(h, a));
        homeCount.set(h, (homeCount.get(h) ?? 0) + 1);
        matches.push(...legs({ id: `R${r}-${k + 1}`, stage: 'swiss', label: `Round ${r}`, home: h, away: a }, config.repeats));
      });
      if (round.bye) {
        hadBye.add(round.bye);
        byes.set(round.bye, (byes.get(round.bye) ?? 0) + 1);
      }
    }
    const complete = rounds.length === totalRounds && allPlayed(matches, results);
    return { matches, rounds, byes, complete };
  };

  return {
    plan(results) {
      const w = walk(results);
      return { matches: w.matches, complete: w.complete };
    },
    summary(results) {
      const w = walk(results);
      const t = table(w.matches, w.byes, results);
      return { format: 'swiss', table: t, swissRounds: w.rounds, champion: w.complete ? t[0]!.team : null };
    },
  };
}
