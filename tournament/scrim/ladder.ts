// The ladder's statistics: per pairing and per team, points per match and win/draw/loss rates
// with 95% confidence intervals. Pure, so the script and its tests share it.
//
// The unit of sampling is the seed, not the match: both matches of a seed (sides swapped) are
// played from the same random streams and are strongly correlated, so intervals come from a
// bootstrap that resamples whole seeds. The bootstrap's own randomness is seeded: the same
// results always print the same intervals.

/** One ladder match, seen from team `a` (the first of its pairing). */
export interface LadderMatch {
  a: string;
  b: string;
  seed: number;
  aHome: boolean;
  goalsA: number;
  goalsB: number;
  hash: string;
}

export interface Interval {
  value: number;
  lo: number;
  hi: number;
}

export interface LadderRow {
  team: string;
  opponent: string;
  matches: number;
  won: number;
  drawn: number;
  lost: number;
  goalsFor: number;
  goalsAgainst: number;
  points: Interval;
  winRate: Interval;
  drawRate: Interval;
  lossRate: Interval;
}

/** mulberry32: a tiny seeded generator, for the bootstrap only. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Points, win, draw, loss of `team` in one match. */
function outcome(m: LadderMatch, team: string): [number, number, number, number] {
  const f = m.a === team ? m.goalsA : m.goalsB;
  const g = m.a === team ? m.goalsB : m.goalsA;
  return f > g ? [3, 1, 0, 0] : f === g ? [1, 0, 1, 0] : [0, 0, 0, 1];
}

const RESAMPLES = 2000;

/** Means of the four outcome figures for `team` over `matches`, with seed-clustered 95% bootstrap intervals. */
export function rowFor(team: string, opponent: string, matches: readonly LadderMatch[]): LadderRow {
  // Sum per seed: [points, wins, draws, losses, matches].
  const bySeed = new Map<number, number[]>();
  let goalsFor = 0;
  let goalsAgainst = 0;
  for (const m of matches) {
    const s = bySeed.get(m.seed) ?? [0, 0, 0, 0, 0];
    const o = outcome(m, team);
    for (let k = 0; k < 4; k++) s[k]! += o[k]!;
    s[4]!++;
    bySeed.set(m.seed, s);
    goalsFor += m.a === team ? m.goalsA : m.goalsB;
    goalsAgainst += m.a === team ? m.goalsB : m.goalsA;
  }
  const seeds = [...bySeed.keys()].sort((x, y) => x - y).map((k) => bySeed.get(k)!);
  const total = [0, 1, 2, 3, 4].map((k) => seeds.reduce((t, s) => t + s[k]!, 0));
  const n = total[4]!;
  const draws: number[][] = [[], [], [], []];
  const next = rng(0x1adde4 ^ seeds.length ^ (n << 8));
  for (let r = 0; r < RESAMPLES && seeds.length > 0; r++) {
    const acc = [0, 0, 0, 0, 0];
    for (let i = 0; i < seeds.length; i++) {
      const s = seeds[Math.floor(next() * seeds.length)]!;
      for (let k = 0; k < 5; k++) acc[k]! += s[k]!;
    }
    for (let k = 0; k < 4; k++) draws[k]!.push(acc[k]! / acc[4]!);
  }
  const interval = (k: number): Interval => {
    const d = draws[k]!.sort((x, y) => x - y);
    const value = n > 0 ? total[k]! / n : 0;
    if (d.length === 0) return { value, lo: value, hi: value };
    return { value, lo: d[Math.floor(0.025 * d.length)]!, hi: d[Math.min(d.length - 1, Math.ceil(0.975 * d.length) - 1)]! };
  };
  return {
    team,
    opponent,
    matches: n,
    won: total[1]!,
    drawn: total[2]!,
    lost: total[3]!,
    goalsFor,
    goalsAgainst,
    points: interval(0),
    winRate: interval(1),
    drawRate: interval(2),
    lossRate: interval(3),
  };
}

/**
 * For teams listed weakest first: one row per pairing (from the stronger team's side), one row per
 * team over all its matches, and the pairings where the stronger team did not take more points.
 */
export function ladderTable(teams: readonly string[], matches: readonly LadderMatch[]): { pairings: LadderRow[]; overall: LadderRow[]; violations: string[] } {
  const pairings: LadderRow[] = [];
  const violations: string[] = [];
  for (let j = teams.length - 1; j >= 0; j--) {
    for (let i = j - 1; i >= 0; i--) {
      const strong = teams[j]!;
      const weak = teams[i]!;
      const sel = matches.filter((m) => (m.a === strong && m.b === weak) || (m.a === weak && m.b === strong));
      if (sel.length === 0) continue;
      const row = rowFor(strong, weak, sel);
      pairings.push(row);
      // Beats on points: 3W + D > 3L + D over the pairing, i.e. more wins than losses.
      if (row.won <= row.lost) violations.push(`${strong} does not beat ${weak} on points (${row.won}-${row.drawn}-${row.lost})`);
    }
  }
  const overall = teams.map((t) => rowFor(t, 'all', matches.filter((m) => m.a === t || m.b === t)));
  return { pairings, overall, violations };
}
