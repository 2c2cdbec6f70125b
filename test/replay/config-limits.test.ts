// A replay's config is held to the same fields and bounds as `matchday play --config`: the two
// schemas must agree on every boundary, so neither can drift from the other unnoticed.
import { describe, expect, it } from 'vitest';
import { parseMatchConfigFile } from '../../tournament/match-config.js';
import { problemOf } from '../../engine/replay/check.js';
import { checkMatchConfig } from '../../engine/replay/schema.js';

const replayAccepts = (v: unknown): boolean => problemOf(checkMatchConfig, v) === null;

const base = { seed: 1, homeName: 'a', awayName: 'b', halfTicks: 3000, extraTime: false, extraTimeTicks: 1000, shootout: false };

function cliAccepts(v: unknown): boolean {
  try {
    parseMatchConfigFile(v, 'x');
    return true;
  } catch {
    return false;
  }
}

describe('replay config bounds', () => {
  const values: Record<string, unknown[]> = {
    seed: [-1, 0, 1.5, 0xffffffff, 2 ** 32, '1', null],
    homeName: ['', 'a', 'x'.repeat(100), 'x'.repeat(101), 3],
    awayName: ['', 'b', 'x'.repeat(101)],
    halfTicks: [9, 10, 10.5, 1_000_000, 1_000_001, 1e9, -5, '300'],
    extraTimeTicks: [9, 10, 1_000_000, 1_000_001],
    extraTime: [true, false, 1, 'yes'],
    shootout: [true, false, 0],
  };
  for (const [field, list] of Object.entries(values)) {
    it(`${field}: a replay accepts exactly what the command line accepts`, () => {
      for (const v of list) {
        const config = { ...base, [field]: v };
        expect({ field, v, replay: replayAccepts(config) }).toEqual({ field, v, replay: cliAccepts(config) });
      }
    });
  }

  it('an unknown field is refused by both', () => {
    expect(replayAccepts({ ...base, pace: 2 })).toBe(false);
    expect(cliAccepts({ ...base, pace: 2 })).toBe(false);
  });
});
