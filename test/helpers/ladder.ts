// Ladder matches for the tests, played in-process exactly as scripts/ladder.ts measures them.
import type { LadderMatch } from '../../tournament/scrim/ladder.js';
import { play } from './match.js';

/** Team a against team b on one seed, a at home or away; goals from a's and b's side. */
export async function playLadderMatch(f: { a: string; b: string; seed: number; aHome: boolean }, halfTicks: number): Promise<LadderMatch> {
  const r = await play(f.aHome ? f.a : f.b, f.aHome ? f.b : f.a, { seed: f.seed, halfTicks });
  const [gh, ga] = r.score;
  return { a: f.a, b: f.b, seed: f.seed, aHome: f.aHome, goalsA: f.aHome ? gh : ga, goalsB: f.aHome ? ga : gh, hash: r.hash };
}
