// World-Cup format: groups of four from the draw, a round robin by matchday, the top two into a
// bracket where group winners meet the paired group's runner-up, optional third-place match.
import { bergerRounds } from '../berger.js';
import { resolveBracket, worldCupBracket } from '../bracket.js';
import { computeTable } from '../standings.js';
import type { PlannedMatch, ResultMap } from '../types.js';
import { allPlayed, legs, resultsOf, type CupFormat, type FormatContext, type GroupSummary } from './common.js';

/** Every group match's id starts with this; knockout ties are named by their round (QF1, SF2, F, 3P). */
export const GROUP_MATCH_PREFIX = 'G-';

export function worldCupFormat(ctx: FormatContext): CupFormat {
  const { config } = ctx;
  if (!ctx.draw) throw new Error('The worldcup format needs a draw');
  const draw = ctx.draw;
  const pots = new Map(config.teams.map((t) => [t.id, t.pot]));
  const groupMatches = new Map<string, PlannedMatch[]>();
  for (const g of draw.groups) {
    const ms: PlannedMatch[] = [];
    bergerRounds(g.teams.length).forEach((round, d) => {
      round.forEach(([h, a], k) => {
        const base = { id: `${GROUP_MATCH_PREFIX}${g.name}-md${d + 1}-${k + 1}`, stage: 'group' as const, label: `Group ${g.name}, matchday ${d + 1}`, home: g.teams[h]!, away: g.teams[a]! };
        ms.push(...legs(base, config.repeats));
      });
    });
    groupMatches.set(g.name, ms);
  }
  // Schedule order plays matchday by matchday across groups, as a real tournament does.
  const groupOrder = [...groupMatches.values()].flat().map((m, i) => ({ m, i }));
  const mdOf = (id: string): number => Number(/-md(\d+)-/.exec(id)![1]);
  const scheduleGroups = groupOrder.sort((x, y) => mdOf(x.m.id) - mdOf(y.m.id) || x.i - y.i).map((x) => x.m);
  const ties = worldCupBracket(draw.groups.map((g) => g.name), config.thirdPlace);

  const groups = (results: ResultMap): GroupSummary[] =>
    draw.groups.map((g) => {
      const ms = groupMatches.get(g.name)!;
      const table = computeTable({
        teams: g.teams.map((id, pos) => ({ id, pot: pots.get(id) ?? pos + 1 })),
        results: resultsOf(ms, results),
        order: config.tieBreakers,
        seed: config.seed,
        context: `group-${g.name}`,
      });
      return { name: g.name, teams: g.teams, table, complete: allPlayed(ms, results) };
    });

  const knockout = (results: ResultMap) => {
    const gs = new Map(groups(results).map((g) => [g.name, g]));
    return resolveBracket({
      ties,
      results,
      repeats: config.repeats,
      seed: config.seed,
      groupPlace: (name, place) => {
        const g = gs.get(name);
        return g?.complete ? g.table[place - 1]?.team : undefined;
      },
    });
  };

  const finalWinner = (results: ResultMap): string | null => knockout(results).ties.find((t) => t.id === 'F')?.winner ?? null;

  return {
    plan(results) {
      const ko = knockout(results);
      const matches = [...scheduleGroups, ...ko.matches];
      const decided = ko.ties.every((t) => t.winner !== null);
      return { matches, complete: decided && allPlayed(matches, results) };
    },
    summary(results) {
      return { format: 'worldcup', groups: groups(results), bracket: knockout(results).ties, champion: finalWinner(results) };
    },
  };
}
