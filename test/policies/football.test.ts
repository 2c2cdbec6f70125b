// Football that looks like football (issue 4), checked on a few seeds with the figures and targets of
// tournament/stats/football.ts (the full table: scripts/football-stats.ts).
//
// The full table is seeds 1..20 of every pairing of the four styles at the default length
// (`node --import tsx scripts/football-stats.ts`). Here: seeds 1-2 of each pairing (12 matches,
// sides swapped), at the default length. Rates are judged exactly as in the script; the goal
// mean and the both-shoot share get a little room, as 12 matches are a small sample.
import { describe, expect, it } from 'vitest';
import { DEFAULT_HALF_TICKS } from '../../engine/constants.js';
import { fixtures, matchLine, table, TARGETS, type MatchLine } from '../../tournament/stats/football.js';
import { play } from '../helpers/match.js';

/** One fixture as the script plays it: style a at home on odd seeds. */
async function playStyleMatch(f: { a: string; b: string; seed: number }, halfTicks: number): Promise<MatchLine> {
  const aHome = f.seed % 2 === 1;
  const r = await play(aHome ? f.a : f.b, aHome ? f.b : f.a, { seed: f.seed, halfTicks });
  return matchLine(f, aHome, r);
}

describe('football statistics of the reference styles', () => {
  it('meet the targets on a sample of seeds', async () => {
    const lines = [];
    for (const f of fixtures([1, 2])) lines.push(await playStyleMatch(f, DEFAULT_HALF_TICKS));
    const { rows } = table(lines);
    const all = rows[rows.length - 1]!;
    expect(all.label).toBe('all pairings');
    expect(all.matches).toBe(12);
    expect(all.passCompletion).toBeGreaterThanOrEqual(TARGETS.passMin);
    expect(all.passCompletion).toBeLessThanOrEqual(TARGETS.passMax);
    expect(all.inPlay).toBeGreaterThanOrEqual(TARGETS.inPlayMin);
    // Every match has shots: a style that never shoots would fail here first.
    for (const l of lines) expect(l.shotsA + l.shotsB, `${l.a} v ${l.b} seed ${l.seed}`).toBeGreaterThan(0);
  });

  // Over seeds 1-20 the script's table is green (about 2 goals per match, both sides shoot in 99%
  // of matches); here a looser bound on two seeds per pairing.
  it('score like football on a sample of seeds', async () => {
    const lines = [];
    for (const f of fixtures([1, 2])) lines.push(await playStyleMatch(f, DEFAULT_HALF_TICKS));
    const all = table(lines).rows.at(-1)!;
    expect(all.goals).toBeGreaterThanOrEqual(TARGETS.goalsMin - 0.5);
    expect(all.goals).toBeLessThanOrEqual(TARGETS.goalsMax + 1);
    expect(all.bothShoot).toBeGreaterThanOrEqual(10 / 12);
  });
});
