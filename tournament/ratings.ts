// Ratings over every match played: Bradley-Terry fitted by Hunter's MM algorithm (a draw is half a
// win for each side) with seeded bootstrap confidence intervals, or Elo in schedule order.
// Ratings are on the Elo scale (1500 = the virtual average opponent) so people can read them.
import { tally, isDoubleForfeit } from './results.js';
import { rngFor, type MasterSeed } from './seeds.js';
import type { CupMatchResult } from './types.js';

export interface Game {
  home: string;
  away: string;
  /** Home side's share: 1 win, 0.5 draw, 0 loss. */
  s: number;
}

export interface Rating {
  team: string;
  rating: number;
  /** 95% bootstrap interval (Bradley-Terry only). */
  low?: number;
  high?: number;
  games: number;
}

/** Match results as rating games: regulation and extra time count, a shoot-out counts as a draw; double forfeits tell nothing. */
export function gamesOf(results: readonly CupMatchResult[]): Game[] {
  return results.filter((r) => !isDoubleForfeit(r)).map((r) => {
    const [h] = tally(r);
    return { home: r.home, away: r.away, s: h.outcome === 'W' ? 1 : h.outcome === 'D' ? 0.5 : 0 };
  });
}

const SCALE = 400 / Math.LN10;
const round1 = (x: number): number => Math.round(x * 10) / 10;

/**
 * Bradley-Terry strengths. Every team also gets one virtual draw against a fixed opponent of
 * strength 1: it keeps an unbeaten or winless team finite and anchors the scale.
 */
export function bradleyTerry(teams: readonly string[], games: readonly Game[], maxIter = 2000): Map<string, number> {
  const idx = new Map(teams.map((t, i) => [t, i]));
  const n = teams.length;
  const wins = new Array<number>(n).fill(0.5);
  const opps: Array<Array<number>> = Array.from({ length: n }, () => []);
  for (const g of games) {
    const i = idx.get(g.home);
    const j = idx.get(g.away);
    if (i === undefined || j === undefined) continue;
    wins[i]! += g.s;
    wins[j]! += 1 - g.s;
    opps[i]!.push(j);
    opps[j]!.push(i);
  }
  let gamma = new Array<number>(n).fill(1);
  for (let it = 0; it < maxIter; it++) {
    const next = gamma.map((gi, i) => {
      let denom = 1 / (gi + 1); // the virtual opponent
      for (const j of opps[i]!) denom += 1 / (gi + gamma[j]!);
      return wins[i]! / denom;
    });
    let change = 0;
    for (let i = 0; i < n; i++) change = Math.max(change, Math.abs(next[i]! - gamma[i]!) / gamma[i]!);
    gamma = next;
    if (change < 1e-10) break;
  }
  return new Map(teams.map((t, i) => [t, 1500 + SCALE * Math.log(gamma[i]!)]));
}

function percentile(sorted: readonly number[], p: number): number {
  const k = Math.min(sorted.length - 1, Math.max(0, Math.round(p * (sorted.length - 1))));
  return sorted[k]!;
}

/** Bradley-Terry ratings with a 95% interval from `samples` seeded bootstrap resamples of the games. */
export function bradleyTerryRatings(teams: readonly string[], games: readonly Game[], seed: MasterSeed, samples = 200): Rating[] {
  const point = bradleyTerry(teams, games);
  const draws = new Map(teams.map((t) => [t, [] as number[]]));
  const rng = rngFor(seed, 'ratings/bootstrap');
  for (let b = 0; b < samples && games.length > 0; b++) {
    const sample = Array.from({ length: games.length }, () => games[Math.floor(rng() * games.length)]!);
    for (const [t, r] of bradleyTerry(teams, sample, 500)) draws.get(t)!.push(r);
  }
  const count = new Map(teams.map((t) => [t, 0]));
  for (const g of games) {
    count.set(g.home, (count.get(g.home) ?? 0) + 1);
    count.set(g.away, (count.get(g.away) ?? 0) + 1);
  }
  return teams
    .map((team) => {
      const d = draws.get(team)!.sort((a, b) => a - b);
      const r: Rating = { team, rating: round1(point.get(team)!), games: count.get(team) ?? 0 };
      if (d.length) {
        r.low = round1(percentile(d, 0.025));
        r.high = round1(percentile(d, 0.975));
      }
      return r;
    })
    .sort((a, b) => b.rating - a.rating || (a.team < b.team ? -1 : 1));
}

/** Elo in the order given (schedule order), starting at 1500. */
export function eloRatings(teams: readonly string[], games: readonly Game[], k = 20): Rating[] {
  const r = new Map(teams.map((t) => [t, 1500]));
  const count = new Map(teams.map((t) => [t, 0]));
  for (const g of games) {
    const rh = r.get(g.home);
    const ra = r.get(g.away);
    if (rh === undefined || ra === undefined) continue;
    const expected = 1 / (1 + Math.pow(10, (ra - rh) / 400));
    r.set(g.home, rh + k * (g.s - expected));
    r.set(g.away, ra - k * (g.s - expected));
    count.set(g.home, count.get(g.home)! + 1);
    count.set(g.away, count.get(g.away)! + 1);
  }
  return teams
    .map((team) => ({ team, rating: round1(r.get(team)!), games: count.get(team)! }))
    .sort((a, b) => b.rating - a.rating || (a.team < b.team ? -1 : 1));
}
