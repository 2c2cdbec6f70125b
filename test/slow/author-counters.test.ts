// Three counter-attacking test teams written from the brief only, as new contestants would in about an hour
// each (test/fixtures/policies/author-*.js: fastbreak, lowblock, wings), against the ladder: each is a real
// team (it beats the lower rungs), and what ladder-6 does against each. Full-length matches in-process, home
// and away on every seed (the away leg on scrim's away-leg seed, as scripts/ladder.ts plays it); every match
// is deterministic, so these fixed seeds give the same verdict on every run.
//
// What does NOT hold, and so is not asserted: ladder-6 does not beat author-fastbreak (a compact 4-4-2 that
// plays balls behind the line and shoots whenever its noise-and-keeper model likes the chance). Over seeds
// 101-150 home and away (scripts/ladder-variant.ts policies/ladder/ladder-6.js fixture:author-fastbreak 101 150)
// ladder-6 won 8, drew 26 and lost 66 (0.50 points a match), goals 49-165, shots 3.3 a match to 19.6 with
// two thirds of the ball; over seeds 1-25, 11-9-30. Seeds 1-6 alone happen to go its way (5-3-4, goals
// 9-10): asserting "beats" on them would pass and say the opposite of the truth. The todo below says so in
// every run of the slow tier.
import { describe, expect, it } from 'vitest';
import { DEFAULT_HALF_TICKS } from '../../engine/constants.js';
import { awayLegSeed } from '../../tournament/scrim/plan.js';
import { playLadderMatch } from '../helpers/ladder.js';

type Record = { w: number; d: number; l: number; gf: number; ga: number };

/** Wins, draws, losses and goals of `a` against `b` over the seeds, home and away each. */
async function record(a: string, b: string, seeds: number[]): Promise<Record> {
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

const AUTHORS = ['author-fastbreak', 'author-lowblock', 'author-wings'] as const;

describe('counter-attacking teams by other authors (issue 20)', () => {
  // A real team, not a straw man: each beats ladder-3 (a 4-4-2 that keeps its shape and kicks long) and
  // ladder-4 (passes to free team-mates, presses with two), scoring more than twice what it concedes.
  for (const name of AUTHORS) {
    for (const rung of ['ladder-3', 'ladder-4']) {
      it(`${name} beats ${rung} over seeds 1-3, home and away (6 matches)`, async () => {
        const r = await record(`fixture:${name}`, rung, [1, 2, 3]);
        expect(r.w, JSON.stringify(r)).toBeGreaterThan(r.l);
        expect(r.gf, JSON.stringify(r)).toBeGreaterThan(2 * r.ga);
      }, 600_000);
    }
  }

  // The issue's own motivation: a first attempt from the brief beats ladder-5. Two of the three do, by far
  // (seeds 101-150: fastbreak 84-13-3, wings 87-12-1); lowblock does not (10-42-48), so it is not asserted.
  for (const name of ['author-fastbreak', 'author-wings'] as const) {
    it(`${name} beats ladder-5 over seeds 1-6, home and away (12 matches)`, async () => {
      const r = await record(`fixture:${name}`, 'ladder-5', [1, 2, 3, 4, 5, 6]);
      expect(r.w, JSON.stringify(r)).toBeGreaterThan(r.d + r.l);
      expect(r.gf, JSON.stringify(r)).toBeGreaterThan(r.ga);
    }, 600_000);
  }

  for (const name of ['author-lowblock', 'author-wings'] as const) {
    it(`ladder-6 beats ${name} over seeds 1-6, home and away (12 matches)`, async () => {
      const r = await record('ladder-6', `fixture:${name}`, [1, 2, 3, 4, 5, 6]);
      expect(r.w, JSON.stringify(r)).toBeGreaterThan(r.l);
      expect(r.gf, JSON.stringify(r)).toBeGreaterThan(r.ga);
    }, 600_000);
  }

  // Does not hold today (see the header): ladder-6 8-26-66, 0.50 points a match, goals 49-165, seeds 101-150.
  it.todo('ladder-6 beats author-fastbreak (it does not: 8-26-66, 0.50 points a match, goals 49-165 over seeds 101-150)');
});
