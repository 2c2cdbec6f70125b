// Group and league tables with FIFA's tie-breakers, in either the 2026 or the 2022 order.
//   2026: points; head-to-head points, goal difference, goals among the tied teams, re-applied to
//         any smaller set still level; overall goal difference; goals; conduct; pot; seeded lot.
//   2022: points; overall goal difference; goals; head-to-head points, GD, goals; conduct; seeded lot.
import { conductScore, tally } from './results.js';
import { rngFor, shuffled, type MasterSeed } from './seeds.js';
import type { CupMatchResult } from './types.js';

export type TieBreakOrder = '2026' | '2022';
export type Criterion = 'points' | 'headToHead' | 'goalDifference' | 'goalsFor' | 'conduct' | 'pot' | 'lot';

export interface StandingRow {
  team: string;
  played: number;
  won: number;
  drawn: number;
  lost: number;
  gf: number;
  ga: number;
  gd: number;
  pts: number;
  conduct: number;
  /** The criterion that put this team above the next row (absent on the last row). */
  separatedBy?: Criterion;
}

export interface TableInput {
  teams: ReadonlyArray<{ id: string; pot?: number }>;
  results: readonly CupMatchResult[];
  order: TieBreakOrder;
  /** Seed and a context name (e.g. "group-A") for the lot, so each table draws its own lots. */
  seed: MasterSeed;
  context: string;
  /** Swiss byes per team: each counts as a win (3 points) without goals. */
  byes?: ReadonlyMap<string, number>;
}

const ORDERS: Record<TieBreakOrder, Criterion[]> = {
  '2026': ['points', 'headToHead', 'goalDifference', 'goalsFor', 'conduct', 'pot', 'lot'],
  '2022': ['points', 'goalDifference', 'goalsFor', 'headToHead', 'conduct', 'lot'],
};

function rowsFor(teamIds: readonly string[], results: readonly CupMatchResult[]): Map<string, StandingRow> {
  const rows = new Map<string, StandingRow>();
  for (const id of teamIds) rows.set(id, { team: id, played: 0, won: 0, drawn: 0, lost: 0, gf: 0, ga: 0, gd: 0, pts: 0, conduct: 0 });
  for (const r of results) {
    const sides = tally(r);
    [r.home, r.away].forEach((id, s) => {
      const row = rows.get(id);
      if (!row) return;
      const t = sides[s]!;
      row.played++;
      row.gf += t.gf;
      row.ga += t.ga;
      row.gd = row.gf - row.ga;
      row.pts += t.pts;
      if (t.outcome === 'W') row.won++;
      else if (t.outcome === 'D') row.drawn++;
      else row.lost++;
      row.conduct += conductScore(r, s as 0 | 1);
    });
  }
  return rows;
}

/** Sort a table; each row notes the criterion that separated it from the next one. */
export function computeTable(input: TableInput): StandingRow[] {
  const ids = input.teams.map((t) => t.id);
  const rows = rowsFor(ids, input.results);
  for (const [id, n] of input.byes ?? []) {
    const row = rows.get(id);
    if (!row) continue;
    row.played += n;
    row.won += n;
    row.pts += 3 * n;
  }
  const pot = new Map(input.teams.map((t) => [t.id, t.pot ?? Number.MAX_SAFE_INTEGER]));
  const steps = ORDERS[input.order];
  const h2hAt = steps.indexOf('headToHead');
  // Re-applying head-to-head to a smaller level set is the 2026 rule; 2022 applies it once.
  const reapply = input.order === '2026';

  const keyOf = (c: Criterion, id: string, set: readonly string[]): number[] => {
    const row = rows.get(id)!;
    switch (c) {
      case 'points': return [row.pts];
      case 'goalDifference': return [row.gd];
      case 'goalsFor': return [row.gf];
      case 'conduct': return [row.conduct];
      case 'pot': return [-pot.get(id)!]; // pot 1 ranks above pot 2
      case 'headToHead': {
        const inSet = new Set(set);
        const mini = rowsFor(set, input.results.filter((r) => inSet.has(r.home) && inSet.has(r.away)));
        const m = mini.get(id)!;
        return [m.pts, m.gd, m.gf];
      }
      case 'lot': return [0];
    }
  };

  const sep = (a: number[], b: number[]): number => {
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return b[i]! - a[i]!;
    return 0;
  };

  const order = (set: string[], step: number): { ids: string[]; seps: Criterion[] } => {
    if (set.length === 1) return { ids: set, seps: [] };
    const c = steps[step]!;
    if (c === 'lot') {
      const ids = shuffled(set.slice().sort(), rngFor(input.seed, `lot/${input.context}/${set.slice().sort().join(',')}`));
      return { ids, seps: ids.slice(1).map(() => 'lot' as const) };
    }
    const keys = new Map(set.map((id) => [id, keyOf(c, id, set)]));
    // Stable sort on a copy sorted by id, so the result never depends on input order.
    const sorted = set.slice().sort().sort((a, b) => sep(keys.get(a)!, keys.get(b)!));
    const buckets: string[][] = [];
    for (const id of sorted) {
      const last = buckets[buckets.length - 1];
      if (last && sep(keys.get(last[0]!)!, keys.get(id)!) === 0) last.push(id);
      else buckets.push([id]);
    }
    if (buckets.length === 1) return order(set, step + 1);
    const out: { ids: string[]; seps: Criterion[] } = { ids: [], seps: [] };
    buckets.forEach((b, i) => {
      const next = c === 'headToHead' && reapply ? h2hAt : step + 1;
      const sub = order(b, next);
      if (i > 0) out.seps.push(c);
      out.ids.push(...sub.ids);
      out.seps.push(...sub.seps);
    });
    return out;
  };

  const { ids: ranked, seps } = order(ids, 0);
  return ranked.map((id, i) => {
    const row = { ...rows.get(id)! };
    if (i < seps.length) row.separatedBy = seps[i]!;
    return row;
  });
}
