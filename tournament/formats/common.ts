// What every format shares: the format interface, its summary, and pairings played k times.
import type { CupConfig } from '../config.js';
import type { Draw } from '../draw.js';
import type { StandingRow } from '../standings.js';
import type { TieState } from '../bracket.js';
import type { SwissRound } from '../swiss.js';
import type { Plan, PlannedMatch, ResultMap } from '../types.js';

export interface FormatContext {
  config: CupConfig;
  /** The group draw (World-Cup format only). */
  draw: Draw | null;
}

export interface GroupSummary {
  name: string;
  teams: string[];
  table: StandingRow[];
  complete: boolean;
}

export interface CupSummary {
  format: CupConfig['format']['type'];
  groups?: GroupSummary[];
  /** League and Swiss table. */
  table?: StandingRow[];
  bracket?: TieState[];
  swissRounds?: SwissRound[];
  champion: string | null;
}

/** A format is pure: from the results known so far it says what can be played and where the cup stands. */
export interface CupFormat {
  plan(results: ResultMap): Plan;
  summary(results: ResultMap): CupSummary;
}

/** One pairing as its legs: a single match keeps `id`; k legs get `-L1..-Lk` with sides swapped on even legs. */
export function legs(base: Omit<PlannedMatch, 'knockout'>, repeats: number): PlannedMatch[] {
  if (repeats <= 1) return [{ ...base, knockout: false }];
  return Array.from({ length: repeats }, (_, i) => {
    const swapped = i % 2 === 1;
    return {
      ...base,
      id: `${base.id}-L${i + 1}`,
      label: `${base.label}, leg ${i + 1}`,
      home: swapped ? base.away : base.home,
      away: swapped ? base.home : base.away,
      knockout: false,
    };
  });
}

export function allPlayed(matches: readonly PlannedMatch[], results: ResultMap): boolean {
  return matches.every((m) => results.has(m.id));
}

export function resultsOf(matches: readonly PlannedMatch[], results: ResultMap) {
  return matches.flatMap((m) => {
    const r = results.get(m.id);
    return r ? [r] : [];
  });
}
