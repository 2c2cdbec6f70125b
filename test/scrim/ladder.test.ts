// The measured ladder (docs/LADDER.md) is too long for CI; this replays the few matches the
// script stored in docs/ladder-sample.json and checks they come out exactly the same, so the
// table still describes this engine and these ladder files.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ENGINE_VERSION } from '../../engine/version.js';
import { LADDER } from '../../policies/builtins.js';
import { playLadderMatch } from '../helpers/ladder.js';
import { ladderTable, type LadderMatch } from '../../tournament/scrim/ladder.js';

const sample = JSON.parse(readFileSync(new URL('../../docs/ladder-sample.json', import.meta.url), 'utf8')) as {
  engineVersion: string;
  halfTicks: number;
  matches: LadderMatch[];
};

describe('the ladder sample', () => {
  it('was measured on this engine version (rerun scripts/ladder.ts after a bump)', () => {
    expect(sample.engineVersion).toBe(ENGINE_VERSION);
    expect(readFileSync(new URL('../../docs/LADDER.md', import.meta.url), 'utf8')).toContain(`Measured on engine ${ENGINE_VERSION},`);
  });

  it('the brief and the ladder page name the top rung as the one to beat', () => {
    const top = LADDER[LADDER.length - 1]!;
    const brief = readFileSync(new URL('../../docs/src/POLICY_API.md', import.meta.url), 'utf8').replace(/\s+/g, ' ');
    expect(brief).toContain(`**\`builtin:${top}\` is the one to beat**`);
    const page = readFileSync(new URL('../../docs/LADDER.md', import.meta.url), 'utf8');
    expect(page).toContain(`\`builtin:${top}\` is the one to beat`);
    expect(page).toContain(`## The top rung, ${top}, against every other rung and the four styles`);
  });

  it('covers every neighbouring pair of rungs', () => {
    expect(sample.matches.map((m) => `${m.a}|${m.b}`)).toEqual(LADDER.slice(0, -1).map((a, i) => `${a}|${LADDER[i + 1]}`));
  });

  for (const m of sample.matches) {
    it(`${m.a} v ${m.b}, seed ${m.seed}: same score and hash as the script measured`, async () => {
      const again = await playLadderMatch({ a: m.a, b: m.b, seed: m.seed, aHome: m.aHome }, sample.halfTicks);
      expect(again).toEqual(m);
    });
  }
});

describe('the ladder statistics', () => {
  const match = (a: string, b: string, seed: number, goalsA: number, goalsB: number): LadderMatch => ({ a, b, seed, aHome: true, goalsA, goalsB, hash: '' });

  it('scores pairings from the stronger side and names a pairing the stronger team does not win', () => {
    const ms = [match('w', 's', 1, 0, 2), match('w', 's', 2, 1, 1), match('w', 's', 3, 0, 1), match('w', 'z', 1, 1, 0), match('s', 'z', 1, 0, 0)];
    const t = ladderTable(['w', 's', 'z'], ms);
    const ws = t.pairings.find((r) => r.team === 's' && r.opponent === 'w')!;
    expect(ws).toMatchObject({ matches: 3, won: 2, drawn: 1, lost: 0, goalsFor: 4, goalsAgainst: 1 });
    expect(ws.points.value).toBeCloseTo(7 / 3);
    expect(ws.points.lo).toBeLessThanOrEqual(ws.points.value);
    expect(ws.points.hi).toBeGreaterThanOrEqual(ws.points.value);
    expect(t.violations).toEqual(['z does not beat s on points (0-1-0)', 'z does not beat w on points (0-0-1)']);
  });

  it('gives the same intervals every time (the bootstrap is seeded) and a point interval for a constant result', () => {
    const ms = [1, 2, 3, 4].map((s) => match('a', 'b', s, s % 2, 0));
    expect(ladderTable(['a', 'b'], ms)).toEqual(ladderTable(['a', 'b'], ms));
    const sure = ladderTable(['a', 'b'], [1, 2, 3].map((s) => match('a', 'b', s, 0, 1))).pairings[0]!;
    expect(sure.points).toEqual({ value: 3, lo: 3, hi: 3 });
  });
});
