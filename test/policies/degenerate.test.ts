// Degenerate strategies must lose to every reference style (issue 4).
//
// Bounded for CI: each degenerate team plays each style on two seeds at the default length,
// once at home and once away (32 matches). The full run the issue asks for, 20 side-swapped
// seeds per pairing, is `node --import tsx scripts/degenerate-check.ts`; run it after changing a
// reference team.
import { describe, expect, it } from 'vitest';
import { play } from '../helpers/match.js';

const STYLES = ['possession', 'gegenpress', 'deepblock', 'direct'];
import { DEGENERATES } from '../../policies/builtins.js';
const SEEDS = [1, 2];

describe.each(DEGENERATES)('degenerate %s', (d) => {
  it.each(STYLES)('loses to %s', async (style) => {
    let stylePoints = 0;
    let degeneratePoints = 0;
    const scores: string[] = [];
    for (const seed of SEEDS) {
      // Odd seed: the degenerate team at home; even: away.
      const home = seed % 2 === 1 ? `fixture:${d}` : style;
      const away = seed % 2 === 1 ? style : `fixture:${d}`;
      const r = await play(home, away, { seed });
      const [gs, gd] = home === style ? r.score : [r.score[1], r.score[0]];
      scores.push(`${gs}-${gd}`);
      stylePoints += gs > gd ? 3 : gs === gd ? 1 : 0;
      degeneratePoints += gd > gs ? 3 : gs === gd ? 1 : 0;
      // No faults either way: both are ordinary policies and must never throw.
      expect(r.teams[0].faults).toEqual([]);
      expect(r.teams[1].faults).toEqual([]);
    }
    // The style wins on points, and never loses a match (scores from the style's side).
    expect({ scores, beats: stylePoints > degeneratePoints }).toEqual({ scores, beats: true });
    expect(scores.filter((s) => Number(s.split('-')[0]) < Number(s.split('-')[1]))).toEqual([]);
  });
});
