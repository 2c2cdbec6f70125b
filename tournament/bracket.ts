// Knockout brackets as a list of ties whose sides come from sources (a known team, a group place,
// the winner or loser of an earlier tie), resolved against the results known so far.
import { knockoutWinner, tally } from './results.js';
import { rngFor, type MasterSeed } from './seeds.js';
import type { PlannedMatch, ResultMap } from './types.js';

export type Source =
  | { team: string }
  | { group: string; place: number }
  | { winnerOf: string }
  | { loserOf: string };

export interface Tie {
  id: string;
  label: string;
  home: Source;
  away: Source;
}

export interface TieState {
  id: string;
  label: string;
  home: string | null;
  away: string | null;
  /** Match ids played (or to play) for this tie, in order. */
  matches: string[];
  winner: string | null;
  loser: string | null;
  /** How the winner was found: on the pitch, or by a seeded lot when neither side could play. */
  decidedBy?: 'match' | 'lot';
}

/** Round name for a knockout round that `teams` teams enter. */
export function roundName(teams: number): { short: string; long: string } {
  if (teams === 2) return { short: 'F', long: 'Final' };
  if (teams === 4) return { short: 'SF', long: 'Semi-final' };
  if (teams === 8) return { short: 'QF', long: 'Quarter-final' };
  return { short: `R${teams}-`, long: `Round of ${teams}` };
}

/**
 * Ties for a bracket whose first round is `first` (length a power of two; null marks a bye, whose
 * opponent goes straight through). Adjacent slots meet; the third-place tie comes before the final.
 */
export function bracketTies(first: ReadonlyArray<Source | null>, thirdPlace: boolean): Tie[] {
  const ties: Tie[] = [];
  let round: Array<Source | null> = first.slice();
  while (round.length > 1) {
    const name = roundName(round.length);
    const next: Array<Source | null> = [];
    const roundTies: Tie[] = [];
    for (let i = 0; i < round.length; i += 2) {
      const h = round[i]!;
      const a = round[i + 1]!;
      if (h === null || a === null) {
        next.push(h ?? a);
        continue;
      }
      const n = roundTies.length + 1;
      const id = round.length === 2 ? 'F' : `${name.short}${n}`;
      const label = round.length === 2 ? name.long : `${name.long} ${n}`;
      roundTies.push({ id, label, home: h, away: a });
      next.push({ winnerOf: id });
    }
    if (round.length === 2 && thirdPlace) {
      const semis = ties.filter((t) => t.id.startsWith('SF'));
      if (semis.length === 2) ties.push({ id: '3P', label: 'Third-place match', home: { loserOf: semis[0]!.id }, away: { loserOf: semis[1]!.id } });
    }
    ties.push(...roundTies);
    round = next;
  }
  return ties;
}

/** Standard seeding order for a bracket of size p (a power of two): 1 and 2 can only meet in the final. */
export function seedingOrder(p: number): number[] {
  let order = [1];
  while (order.length < p) {
    const m = order.length * 2 + 1;
    order = order.flatMap((s) => [s, m - s]);
  }
  return order;
}

/** A seeded bracket for teams listed strongest first; top seeds get the byes up to the next power of two. */
export function seededBracket(teamIds: readonly string[], thirdPlace: boolean): Tie[] {
  let p = 1;
  while (p < teamIds.length) p *= 2;
  const first = seedingOrder(p).map((s) => (s <= teamIds.length ? { team: teamIds[s - 1]! } : null));
  return bracketTies(first, thirdPlace);
}

/** World-Cup bracket: group winners meet the runners-up of the paired group (A1-B2 ... B1-A2), halves kept apart. */
export function worldCupBracket(groupNames: readonly string[], thirdPlace: boolean): Tie[] {
  const top: Source[] = [];
  const bottom: Source[] = [];
  for (let i = 0; i + 1 < groupNames.length; i += 2) {
    const x = groupNames[i]!;
    const y = groupNames[i + 1]!;
    top.push({ group: x, place: 1 }, { group: y, place: 2 });
    bottom.push({ group: y, place: 1 }, { group: x, place: 2 });
  }
  return bracketTies([...top, ...bottom], thirdPlace);
}

export interface ResolveInput {
  ties: readonly Tie[];
  results: ResultMap;
  /** Repeats per pairing: more than one plays legs with sides swapped, then a decider if the aggregate is level. */
  repeats: number;
  seed: MasterSeed;
  /** A group place once that group is complete, else undefined. */
  groupPlace?: (group: string, place: number) => string | undefined;
}

/** Walk the ties in order: each one whose sides are known adds the matches it needs now. */
export function resolveBracket(input: ResolveInput): { ties: TieState[]; matches: PlannedMatch[] } {
  const states = new Map<string, TieState>();
  const matches: PlannedMatch[] = [];
  const pick = (s: Source): string | null => {
    if ('team' in s) return s.team;
    if ('group' in s) return input.groupPlace?.(s.group, s.place) ?? null;
    if ('winnerOf' in s) return states.get(s.winnerOf)?.winner ?? null;
    return states.get(s.loserOf)?.loser ?? null;
  };
  for (const tie of input.ties) {
    const st: TieState = { id: tie.id, label: tie.label, home: pick(tie.home), away: pick(tie.away), matches: [], winner: null, loser: null };
    states.set(tie.id, st);
    if (st.home === null || st.away === null) continue;
    const decide = (w: 'home' | 'away', by: 'match' | 'lot'): void => {
      st.winner = w === 'home' ? st.home : st.away;
      st.loser = w === 'home' ? st.away : st.home;
      st.decidedBy = by;
    };
    // A tie nobody could win on the pitch (a double forfeit) goes by a seeded lot, so the cup still finishes.
    const lot = (): 'home' | 'away' => (rngFor(input.seed, `ko-lot/${tie.id}`)() < 0.5 ? 'home' : 'away');
    const settle = (id: string, label: string): void => {
      st.matches.push(id);
      matches.push({ id, stage: 'knockout', label, home: st.home!, away: st.away!, knockout: true });
      const r = input.results.get(id);
      if (r) {
        const w = knockoutWinner(r);
        if (w) decide(w, 'match');
        else decide(lot(), 'lot');
      }
    };
    if (input.repeats <= 1) {
      settle(tie.id, tie.label);
      continue;
    }
    let aggHome = 0;
    let aggAway = 0;
    let allIn = true;
    for (let leg = 1; leg <= input.repeats; leg++) {
      const id = `${tie.id}-L${leg}`;
      const swapped = leg % 2 === 0;
      st.matches.push(id);
      matches.push({ id, stage: 'knockout', label: `${tie.label}, leg ${leg}`, home: swapped ? st.away : st.home, away: swapped ? st.home : st.away, knockout: false });
      const r = input.results.get(id);
      if (!r) {
        allIn = false;
        continue;
      }
      const [h, a] = tally(r);
      aggHome += swapped ? a.gf : h.gf;
      aggAway += swapped ? h.gf : a.gf;
    }
    if (!allIn) continue;
    if (aggHome !== aggAway) decide(aggHome > aggAway ? 'home' : 'away', 'match');
    else settle(`${tie.id}-D`, `${tie.label}, decider`);
  }
  return { ties: input.ties.map((t) => states.get(t.id)!), matches };
}
