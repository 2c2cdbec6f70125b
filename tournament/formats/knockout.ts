// Knockout only: a seeded bracket (config order is seed order), byes to the top seeds.
import { resolveBracket, seededBracket } from '../bracket.js';
import type { CupFormat, FormatContext } from './common.js';
import { allPlayed } from './common.js';

export function knockoutFormat(ctx: FormatContext): CupFormat {
  const { config } = ctx;
  const ties = seededBracket(config.teams.map((t) => t.id), config.thirdPlace);
  const resolve = (results: Parameters<CupFormat['plan']>[0]) => resolveBracket({ ties, results, repeats: config.repeats, seed: config.seed });
  return {
    plan(results) {
      const ko = resolve(results);
      return { matches: ko.matches, complete: ko.ties.every((t) => t.winner !== null) && allPlayed(ko.matches, results) };
    },
    summary(results) {
      const ko = resolve(results);
      return { format: 'knockout', bracket: ko.ties, champion: ko.ties.find((t) => t.id === 'F')?.winner ?? null };
    },
  };
}
