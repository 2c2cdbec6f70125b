// Three counter-attacking test teams written from the brief only, as new contestants would in about an hour
// each (test/fixtures/policies/author-*.js: fastbreak, lowblock, wings), against the ladder: each is a real
// team (it beats the lower rungs), and what ladder-6 does against each. Full-length matches in-process, home
// and away on every seed (the away leg on scrim's away-leg seed, as scripts/ladder.ts plays it); every match
// is deterministic, so these fixed seeds give the same verdict on every run.
//
// ladder-6 beats all three. author-fastbreak (a compact 4-4-2 that plays balls behind the line and shoots
// whenever its noise-and-keeper model likes the chance) beat the ladder-6 before its first-time ball
// (policies/brain/ladder-6/first-time.js) by far: 8-26-66 over seeds 101-150 home and away, 0.50 points a
// match, goals 49-165. With it, as landed (the ball won up to 20 m into their half), measured by the lead the
// same way (`node --no-node-snapshot --import tsx scripts/ladder-variant.ts policies/ladder/ladder-6.js
// fixture:author-fastbreak 101 150`): 72-19-9, 2.35 points a match, goals 274-97; author-lowblock 97-3-0
// (390-21), author-wings 90-9-1 (300-21).
import { describe, expect, it } from 'vitest';
import { ladderRecord } from '../helpers/ladder.js';

const record = ladderRecord;

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

  // The top rung must beat every one of them (issue 20): more wins than losses and more goals.
  for (const name of AUTHORS) {
    it(`ladder-6 beats ${name} over seeds 1-6, home and away (12 matches)`, async () => {
      const r = await record('ladder-6', `fixture:${name}`, [1, 2, 3, 4, 5, 6]);
      expect(r.w, JSON.stringify(r)).toBeGreaterThan(r.l);
      expect(r.gf, JSON.stringify(r)).toBeGreaterThan(r.ga);
    }, 600_000);
  }
});
