import { describe, expect, it } from 'vitest';
import type { MatchEvent } from '../../engine/state.js';
import { everyTick, play } from '../helpers/match.js';

/** An event as the other side of the mirror sees it: teams swapped, positions rotated. */
function mirrored(e: MatchEvent): string {
  const player = e.player < 0 ? -1 : (e.player + 11) % 22;
  return `${e.tick}:${e.type}:${e.team < 0 ? -1 : 1 - e.team}:${player}:${-e.x}:${-e.y}:${e.detail ?? ''}`;
}
const key = (e: MatchEvent): string => `${e.tick}:${e.type}:${e.team}:${e.player}:${e.x}:${e.y}:${e.detail ?? ''}`;

describe('mirror', () => {
  it('A v B and B v A with the same seed are the same match with sides swapped', async () => {
    const ballAB: number[] = [];
    const ballBA: number[] = [];
    const ab = await play('possession', 'chaser', { seed: 21, halfTicks: 800 }, everyTick((s) => ballAB.push(s.ball[0]!, s.ball[1]!, s.ball[2]!)));
    const ba = await play('chaser', 'possession', { seed: 21, halfTicks: 800 }, everyTick((s) => ballBA.push(s.ball[0]!, s.ball[1]!, s.ball[2]!)));
    expect(ba.score).toEqual([ab.score[1], ab.score[0]]);
    expect(ballBA.length).toBe(ballAB.length);
    for (let i = 0; i < ballAB.length; i += 3) {
      // x and y rotate by 180 degrees (exact negation); height is the same.
      if (ballBA[i] !== -ballAB[i]! || ballBA[i + 1] !== -ballAB[i + 1]! || ballBA[i + 2] !== ballAB[i + 2]) {
        throw new Error(`ball diverges from the mirror at tick ${i / 3 + 1}`);
      }
    }
    expect(ba.events.map(key).sort()).toEqual(ab.events.map(mirrored).sort());
    expect(ab.events.length).toBeGreaterThan(10);
  });
});
