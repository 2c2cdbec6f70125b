import { describe, expect, it } from 'vitest';
import { assignPots, drawGroups, drawProblem, type DrawTeam } from '../../tournament/draw.js';
import { rngFor } from '../../tournament/seeds.js';

/** 32 teams in 4 pots; four separation keys of exactly 8 teams each (one per group is forced), spread unevenly over the pots. */
function tightField(seed: number): DrawTeam[] {
  const rng = rngFor(seed, 'field');
  const keys = Array.from({ length: 32 }, (_, i) => `k${i % 4}`);
  for (let i = keys.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [keys[i], keys[j]] = [keys[j]!, keys[i]!];
  }
  return keys.map((k, i) => ({ id: `t${i}`, pot: Math.floor(i / 8) + 1, separation: k }));
}

function checkLegal(teams: DrawTeam[], groups: string[][], limit: (k: string) => number): void {
  const byId = new Map(teams.map((t) => [t.id, t]));
  expect(groups.flat().sort()).toEqual(teams.map((t) => t.id).sort());
  for (const g of groups) {
    g.forEach((id, pos) => expect(byId.get(id)!.pot).toBe(pos + 1));
    const counts = new Map<string, number>();
    for (const id of g) {
      const k = byId.get(id)!.separation;
      if (k) counts.set(k, (counts.get(k) ?? 0) + 1);
    }
    for (const [k, n] of counts) expect(n).toBeLessThanOrEqual(limit(k));
  }
}

describe('group draw', () => {
  it('keeps separation constraints and never dead-ends, over many seeds and fields', () => {
    for (let s = 0; s < 150; s++) {
      const teams = tightField(s);
      const draw = drawGroups(teams, { groups: 8, defaultLimit: 1 }, rngFor(s, 'draw'));
      checkLegal(teams, draw.groups.map((g) => g.teams), () => 1);
    }
  });

  it('honours per-key limits (two from one key allowed, as FIFA does for UEFA)', () => {
    for (let s = 0; s < 60; s++) {
      // 16 teams of key "eu" over 8 groups with a limit of 2 means exactly two per group.
      const teams: DrawTeam[] = Array.from({ length: 32 }, (_, i) => ({ id: `t${i}`, pot: Math.floor(i / 8) + 1, separation: i % 2 === 0 ? 'eu' : `other${i % 6}` }));
      const draw = drawGroups(teams, { groups: 8, defaultLimit: 1, limits: { eu: 2 } }, rngFor(s, 'draw'));
      checkLegal(teams, draw.groups.map((g) => g.teams), (k) => (k === 'eu' ? 2 : 1));
    }
  });

  it('is reproducible from the seed and varies with it', () => {
    const teams = tightField(7);
    const a = drawGroups(teams, { groups: 8, defaultLimit: 1 }, rngFor(42, 'draw'));
    const b = drawGroups(teams, { groups: 8, defaultLimit: 1 }, rngFor(42, 'draw'));
    const c = drawGroups(teams, { groups: 8, defaultLimit: 1 }, rngFor(43, 'draw'));
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
  });

  it('reports unsatisfiable constraints before drawing', () => {
    const teams = assignPots(Array.from({ length: 16 }, (_, i) => ({ id: `t${i}`, separation: i < 5 ? 'same' : `k${i}` })), 4);
    expect(drawProblem(teams, { groups: 4, defaultLimit: 1 })).toMatch(/5 teams share separation "same".*at most 4/);
    expect(() => drawGroups(teams, { groups: 4, defaultLimit: 1 }, rngFor(1, 'draw'))).toThrow(/Draw impossible/);
    const uneven = teams.map((t, i) => ({ ...t, pot: i === 0 ? 2 : t.pot, separation: undefined as string | undefined }));
    expect(drawProblem(uneven.map(({ separation: _s, ...t }) => t), { groups: 4, defaultLimit: 1 })).toMatch(/pot 1 has 3 teams/);
  });

  it('assigns pots by listed order when none are given', () => {
    const pots = assignPots(Array.from({ length: 8 }, (_, i) => ({ id: `t${i}` })), 2).map((t) => t.pot);
    expect(pots).toEqual([1, 1, 2, 2, 3, 3, 4, 4]);
  });
});
