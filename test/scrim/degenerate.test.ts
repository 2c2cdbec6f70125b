// No degenerate test strategy (test/fixtures/policies) beats the top of the ladder over 20
// side-swapped seeds at the default length, played in-process.
//
// Bounded for CI: on seed s the degenerate team plays at home when s is odd and away when it is
// even (20 matches per team, not 40). The full run, both sides on every seed, is
//   node --no-node-snapshot --import tsx scripts/ladder.ts --degenerates --seeds 1-20
import { describe, expect, it } from 'vitest';
import { DEFAULT_HALF_TICKS } from '../../engine/constants.js';
import { DEGENERATES, LADDER } from '../../policies/builtins.js';
import { playLadderMatch } from '../helpers/ladder.js';

const TOP = LADDER[LADDER.length - 1]!;
const SEEDS = Array.from({ length: 20 }, (_, k) => k + 1);

describe(`no degenerate strategy beats ${TOP}`, () => {
  for (const d of DEGENERATES) {
    it(`${d}: fewer points than ${TOP} over seeds 1-20, sides alternating`, async () => {
      let won = 0;
      let lost = 0;
      for (const seed of SEEDS) {
        const m = await playLadderMatch({ a: TOP, b: `fixture:${d}`, seed, aHome: seed % 2 === 0 }, DEFAULT_HALF_TICKS);
        if (m.goalsA > m.goalsB) won++;
        else if (m.goalsA < m.goalsB) lost++;
      }
      // More wins than losses is more points (draws give both sides one).
      expect(won, `${TOP} won ${won}, lost ${lost}`).toBeGreaterThan(lost);
    }, 300_000);
  }
});
