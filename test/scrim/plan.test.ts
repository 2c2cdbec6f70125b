// The scrimmage plan and the table: pure parts, checked on small hand-made inputs.
import { describe, expect, it } from 'vitest';
import { awayLegSeed, awayLegSeeds, idPart, parseSeedRange, scrimPlan } from '../../tournament/scrim/plan.js';
import { formatScrimTable, scrimTable, type ScrimLine } from '../../tournament/scrim/table.js';

describe('seed ranges', () => {
  it('reads a range and a single seed', () => {
    expect(parseSeedRange('3-6')).toEqual([3, 4, 5, 6]);
    expect(parseSeedRange('7')).toEqual([7]);
  });
  it('refuses malformed, empty, out-of-range and huge ranges with a message naming the problem', () => {
    expect(() => parseSeedRange('a-b')).toThrow(/--seeds must be a range like 1-5/);
    expect(() => parseSeedRange('1-')).toThrow(/--seeds must be a range/);
    expect(() => parseSeedRange('5-1')).toThrow(/range '5-1' is empty/);
    expect(() => parseSeedRange('1-4294967296')).toThrow(/from 0 to 4294967295/);
    expect(() => parseSeedRange('1-20000')).toThrow(/20000 seeds; at most/);
  });
});

describe('the plan', () => {
  it('plays every opponent on every seed, home then away, with unique file-safe ids', () => {
    const plan = scrimPlan(['possession', 'my team!'], [1, 2]);
    expect(plan.map((f) => f.id)).toEqual([
      'possession-s1-home', 'possession-s1-away', 'possession-s2-home', 'possession-s2-away',
      'my_team_-s1-home', 'my_team_-s1-away', 'my_team_-s2-home', 'my_team_-s2-away',
    ]);
    expect(plan.filter((f) => f.policyHome).length).toBe(4);
    expect(plan.map((f) => f.opponent)).toEqual([0, 0, 0, 0, 1, 1, 1, 1]);
  });
  it('plays the home leg on the scrim seed and the away leg on the documented second seed', () => {
    const plan = scrimPlan(['possession'], [1, 2]);
    expect(plan.map((f) => [f.scrimSeed, f.policyHome, f.seed])).toEqual([
      [1, true, 1], [1, false, 2654435762], [2, true, 2], [2, false, (2 * 2654435761 + 1) % 2 ** 32],
    ]);
    // The documented formula, in exact integer arithmetic, across the whole seed range.
    for (const s of [0, 1, 7, 65_536, 2 ** 31, 0xffffffff]) expect(awayLegSeed(s)).toBe(Number((BigInt(s) * 2654435761n + 1n) % 2n ** 32n));
  });
  it('never plays two matches on one seed against one opponent, so no match mirrors another', () => {
    const seeds = parseSeedRange('1-2000');
    const plan = scrimPlan(['a'], seeds);
    expect(new Set(plan.map((f) => f.seed)).size).toBe(plan.length);
  });
  it('moves an away seed that lands on a home seed of the same scrim', () => {
    // 2654435762 is the away seed of 1: given as a home seed too, 1's away leg moves on.
    const away = awayLegSeeds([1, 2654435762]);
    expect(away.get(1)).toBe(awayLegSeed(awayLegSeed(1)));
    expect(new Set([1, 2654435762, ...away.values()]).size).toBe(4);
  });
  it('keeps ids unique when two opponents share a name', () => {
    const ids = scrimPlan(['x', 'x'], [1]).map((f) => f.id);
    expect(ids).toEqual(['x-s1-home', 'x-s1-away', 'x-2-s1-home', 'x-2-s1-away']);
    expect(idPart('../..')).toBe('team');
  });
});

function line(over: Partial<ScrimLine>): ScrimLine {
  return {
    id: 'x', opponent: 0, scrimSeed: 1, seed: 1, policyHome: true, goalsFor: 0, goalsAgainst: 0, shotsFor: 0, shotsAgainst: 0,
    possessionFor: 50, possessionAgainst: 50, faults: 0, budgetP99: 0, budgetMax: 0, budgetLimit: 1000, forfeit: null, hash: 'h',
    ...over,
  };
}

describe('the table', () => {
  const lines = [
    line({ opponent: 0, goalsFor: 2, goalsAgainst: 1, shotsFor: 5, shotsAgainst: 2, possessionFor: 300, possessionAgainst: 100, budgetP99: 200, budgetMax: 400 }),
    line({ opponent: 0, policyHome: false, goalsFor: 1, goalsAgainst: 1, shotsFor: 3, shotsAgainst: 3, possessionFor: 100, possessionAgainst: 100, faults: 2, budgetP99: 500, budgetMax: 600 }),
    line({ opponent: 1, goalsFor: 0, goalsAgainst: 3, shotsFor: 1, shotsAgainst: 9, possessionFor: 0, possessionAgainst: 400, forfeit: 'syntax error' }),
  ];
  const t = scrimTable(['a', 'b'], lines);

  it('sums won, drawn, lost, goals, shots, faults per opponent and in total', () => {
    expect(t.rows[0]).toMatchObject({ opponent: 'a', played: 2, won: 1, drawn: 1, lost: 0, points: 4, goalsFor: 3, goalsAgainst: 2, shotsFor: 8, shotsAgainst: 5, faults: 2 });
    expect(t.rows[1]).toMatchObject({ opponent: 'b', played: 1, won: 0, drawn: 0, lost: 1, points: 0, forfeits: 1 });
    expect(t.total).toMatchObject({ opponent: 'total', played: 3, won: 1, drawn: 1, lost: 1, points: 4, goalsFor: 3, goalsAgainst: 5, shotsFor: 9, shotsAgainst: 14, faults: 2, forfeits: 1 });
  });

  it('weighs possession by ticks and takes the worst budget, as a share of the limit', () => {
    expect(t.rows[0]!.possession).toBeCloseTo(400 / 600);
    expect(t.total.possession).toBeCloseTo(400 / 1000);
    expect(t.rows[0]!.budgetP99).toBeCloseTo(0.5);
    expect(t.rows[0]!.budgetMax).toBeCloseTo(0.6);
  });

  it('does not depend on the order of the lines', () => {
    expect(scrimTable(['a', 'b'], [...lines].reverse())).toEqual(t);
  });

  it('prints one aligned line per opponent and a total line', () => {
    const text = formatScrimTable(t).split('\n');
    expect(text).toHaveLength(6);
    expect(text[0]).toMatch(/^opponent\s+P\s+W\s+D\s+L\s+pts\/match\s+GF\s+GA/);
    expect(text[2]).toMatch(/^a\s+2\s+1\s+1\s+0\s+2\.00\s+3\s+2\s+8\s+5\s+67%\s+2\s+50%\s+60%$/);
    expect(text[5]).toMatch(/^total\s+3\s+1\s+1\s+1\s+1\.33\s+3\s+5/);
    expect(new Set(text.map((l) => l.length)).size).toBe(1);
  });
});
