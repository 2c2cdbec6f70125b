// A season's matchdays from the tournament's own formats: each matchday plays one round of the format.
import { cupConfigSchema, type CupConfig } from '../tournament/config.js';
import { drawFor, makeFormat, type CupFormat, type CupSummary } from '../tournament/formats/index.js';
import { GROUP_MATCH_PREFIX } from '../tournament/formats/worldcup.js';
import { matchSettings } from '../tournament/scheduler.js';
import { matchSeed } from '../tournament/seeds.js';
import type { CupMatchResult, MatchSettings, PlannedMatch } from '../tournament/types.js';
import type { SeasonConfig } from './config.js';

/** Group matchdays of a World-Cup season: a round robin of four teams. */
const GROUP_MATCHDAYS = 3;

export interface SeasonMatch extends PlannedMatch {
  seed: number;
  settings: MatchSettings;
}

/** The season as a cup config, so standings, tie-breakers and seeds are the tournament's, unchanged. */
export function cupConfigOf(s: SeasonConfig): CupConfig {
  return cupConfigSchema.parse({
    name: s.name,
    seed: s.seed,
    // A season's World Cup is the cup's, third-place match as the season asks.
    format: s.format.type === 'worldcup' ? { type: 'worldcup' } : s.format,
    thirdPlace: s.format.type === 'worldcup' ? s.format.thirdPlace : false,
    // Placeholders: a season plays each team's locked submission, never a file named here.
    teams: s.teams.map((id) => ({ id, policy: 'builtin:statue' })),
    match: { halfTicks: s.halfTicks, extraTime: true, extraTimeTicks: Math.max(10, Math.round(s.halfTicks / 3)), shootout: true },
  });
}

/** How many matchdays a season of `teams` teams in `format` has: one round of the format each. */
export function matchdayCount(format: SeasonConfig['format'], teams: number): number {
  if (format.type === 'league') return (teams % 2 === 0 ? teams - 1 : teams) * (format.double ? 2 : 1);
  if (format.type === 'swiss') return format.rounds;
  // Three group matchdays (groups of four), then one per knockout round; the third-place match shares the final's.
  if (format.type === 'worldcup') return GROUP_MATCHDAYS + Math.log2(teams / 2);
  return Math.ceil(Math.log2(teams));
}

export class SeasonSchedule {
  readonly cup: CupConfig;
  private readonly format: CupFormat;

  constructor(readonly season: SeasonConfig) {
    this.cup = cupConfigOf(season);
    this.format = makeFormat({ config: this.cup, draw: drawFor(this.cup) });
  }

  /** How many matchdays the season has. */
  get matchdays(): number {
    return matchdayCount(this.season.format, this.season.teams.length);
  }

  /**
   * The matches of matchday `n`, given every result so far. A league knows all its rounds from the start
   * (matchday n is the Berger round n); Swiss and knockout rounds become known as results come in, so
   * matchday n is every match the format knows and has not seen played.
   */
  matchesOf(n: number, results: ReadonlyMap<string, CupMatchResult>): SeasonMatch[] {
    const plan = this.format.plan(results);
    const type = this.season.format.type;
    const picked =
      type === 'league'
        ? plan.matches.filter((m) => m.label === `Matchday ${n}` || m.label.startsWith(`Matchday ${n},`))
        : type === 'worldcup' && n <= GROUP_MATCHDAYS
          ? plan.matches.filter((m) => m.stage === 'group' && /, matchday (\d+)/.exec(m.label)?.[1] === String(n))
          : plan.matches.filter((m) => !results.has(m.id));
    return picked.map((m) => ({ ...m, seed: matchSeed(this.cup.seed, m.id), settings: matchSettings(this.cup, m.knockout) }));
  }

  /** Whether a match of this season is a knockout match (a knockout season's, or a World Cup's after its groups). */
  isKnockout(matchId: string): boolean {
    const t = this.season.format.type;
    return t === 'knockout' || (t === 'worldcup' && !matchId.startsWith(GROUP_MATCH_PREFIX));
  }

  complete(results: ReadonlyMap<string, CupMatchResult>): boolean {
    return this.format.plan(results).complete;
  }

  summary(results: ReadonlyMap<string, CupMatchResult>): CupSummary {
    return this.format.summary(results);
  }
}
