// scrim.json: the summary a scrimmage leaves in its folder beside replays/, for people, scripts
// and `matchday serve`. No timestamps or wall times: the same scrimmage writes the same file.
import type { ScrimLine, ScrimTable } from './table.js';

export const SCRIM_SUMMARY_VERSION = 1;

export interface ScrimSummary {
  kind: 'scrim';
  version: typeof SCRIM_SUMMARY_VERSION;
  /** Shown by the viewer as the scrimmage's title. */
  name: string;
  engineVersion: string;
  policy: { spec: string; name: string; sha256: string };
  opponents: Array<{ spec: string; name: string }>;
  seeds: { first: number; last: number };
  halfTicks: number;
  table: ScrimTable;
  /** In plan order; `replay` is relative to the folder. */
  matches: Array<ScrimLine & { replay: string; home: string; away: string; score: [number, number] }>;
}

export function scrimSummary(args: {
  engineVersion: string;
  policy: ScrimSummary['policy'];
  opponents: ScrimSummary['opponents'];
  seeds: readonly number[];
  halfTicks: number;
  table: ScrimTable;
  lines: readonly ScrimLine[];
}): ScrimSummary {
  const { policy, opponents, lines } = args;
  return {
    kind: 'scrim',
    version: SCRIM_SUMMARY_VERSION,
    name: `${policy.name} scrim v ${opponents.map((o) => o.name).join(', ')}`,
    engineVersion: args.engineVersion,
    policy,
    opponents,
    seeds: { first: args.seeds[0] ?? 0, last: args.seeds[args.seeds.length - 1] ?? 0 },
    halfTicks: args.halfTicks,
    table: args.table,
    matches: lines.map((l) => {
      const opp = opponents[l.opponent]!.name;
      return {
        ...l,
        replay: `replays/${l.id}.mdr`,
        home: l.policyHome ? policy.name : opp,
        away: l.policyHome ? opp : policy.name,
        score: l.policyHome ? [l.goalsFor, l.goalsAgainst] : [l.goalsAgainst, l.goalsFor],
      };
    }),
  };
}
