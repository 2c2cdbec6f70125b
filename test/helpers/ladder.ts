// Ladder matches for the tests, played in-process exactly as scripts/ladder.ts measures them.
import { DEFAULT_HALF_TICKS } from '../../engine/constants.js';
import type { LadderMatch } from '../../tournament/scrim/ladder.js';
import { awayLegSeed } from '../../tournament/scrim/plan.js';
import { play } from './match.js';

/** Team a against team b on one seed, a at home or away; goals from a's and b's side. */
export async function playLadderMatch(f: { a: string; b: string; seed: number; aHome: boolean }, halfTicks: number): Promise<LadderMatch> {
  const r = await play(f.aHome ? f.a : f.b, f.aHome ? f.b : f.a, { seed: f.seed, halfTicks });
  const [gh, ga] = r.score;
  return { a: f.a, b: f.b, seed: f.seed, aHome: f.aHome, goalsA: f.aHome ? gh : ga, goalsB: f.aHome ? ga : gh, hash: r.hash };
}

/** Wins, draws, losses and goals of `a` against `b` over the seeds, home and away each (the away leg on
 * scrim's away-leg seed, as scripts/ladder.ts plays it), full length. */
export async function ladderRecord(a: string, b: string, seeds: number[]): Promise<{ w: number; d: number; l: number; gf: number; ga: number }> {
  const r = { w: 0, d: 0, l: 0, gf: 0, ga: 0 };
  for (const seed of seeds) {
    for (const aHome of [true, false]) {
      const m = await playLadderMatch({ a, b, seed: aHome ? seed : awayLegSeed(seed), aHome }, DEFAULT_HALF_TICKS);
      r.gf += m.goalsA;
      r.ga += m.goalsB;
      if (m.goalsA > m.goalsB) r.w++;
      else if (m.goalsA === m.goalsB) r.d++;
      else r.l++;
    }
  }
  return r;
}
