import { describe, expect, it } from 'vitest';
import { conductScore } from '../../tournament/results.js';
import { computeTable, type TieBreakOrder } from '../../tournament/standings.js';
import type { CupMatchResult } from '../../tournament/types.js';
import { res } from './helpers.js';

const four = [{ id: 'A', pot: 1 }, { id: 'B', pot: 2 }, { id: 'C', pot: 3 }, { id: 'D', pot: 4 }];
const table = (results: CupMatchResult[], order: TieBreakOrder, teams: Array<{ id: string; pot?: number }> = four, seed = 1) => computeTable({ teams, results, order, seed, context: 'g' });
const orderOf = (rows: ReturnType<typeof table>) => rows.map((r) => r.team).join('');
const sepOf = (rows: ReturnType<typeof table>) => rows.map((r) => r.separatedBy ?? '-');

describe('standings', () => {
  it('counts played, points, goals', () => {
    const t = table([res('A', 'B', 2, 0), res('C', 'D', 1, 1)], '2026');
    expect(t[0]).toMatchObject({ team: 'A', played: 1, won: 1, pts: 3, gf: 2, ga: 0, gd: 2 });
    expect(t.find((r) => r.team === 'C')).toMatchObject({ drawn: 1, pts: 1 });
  });

  // B beat A; A has the better overall goal difference.
  const h2hVsGd = [res('B', 'A', 1, 0), res('A', 'C', 5, 0), res('B', 'C', 1, 0), res('A', 'D', 1, 0), res('D', 'B', 1, 0), res('C', 'D', 0, 0)];

  it('2026: head-to-head comes before overall goal difference', () => {
    const t = table(h2hVsGd, '2026');
    const a = t.findIndex((r) => r.team === 'A');
    const b = t.findIndex((r) => r.team === 'B');
    expect(t[a]!.pts).toBe(t[b]!.pts);
    expect(b).toBeLessThan(a);
    expect(t[b]!.separatedBy).toBe('headToHead');
  });

  it('2022: overall goal difference comes before head-to-head', () => {
    const t = table(h2hVsGd, '2022');
    const a = t.findIndex((r) => r.team === 'A');
    const b = t.findIndex((r) => r.team === 'B');
    expect(a).toBeLessThan(b);
    expect(t[a]!.separatedBy).toBe('goalDifference');
  });

  // A, B, C all on 6 points. Among them A-B 2-1, B-C 3-1, C-A 3-0: A drops out of the mini table,
  // B and C stay level on it (3 pts, GD +1, 4 goals); B beat C, but C has the better overall GD.
  const reapply = [res('A', 'B', 2, 1), res('B', 'C', 3, 1), res('C', 'A', 3, 0), res('A', 'D', 1, 0), res('B', 'D', 1, 0), res('C', 'D', 5, 0)];

  it('2026: head-to-head is re-applied to the teams still level', () => {
    const t = table(reapply, '2026');
    expect(orderOf(t)).toBe('BCAD');
    expect(sepOf(t)).toEqual(['headToHead', 'headToHead', 'points', '-']);
  });

  it('2022: the same table goes by overall goal difference', () => {
    const t = table(reapply, '2022');
    expect(orderOf(t)).toBe('CBAD');
    expect(sepOf(t).slice(0, 2)).toEqual(['goalDifference', 'goalDifference']);
  });

  // A and B draw each other and tie on points; the later steps decide.
  const base = (aVsC: [number, number], bVsC: [number, number], extra: Partial<CupMatchResult> = {}) => [
    res('A', 'B', 1, 1, extra),
    res('A', 'C', ...aVsC),
    res('B', 'C', ...bVsC),
    res('D', 'A', 1, 0),
    res('D', 'B', 1, 0),
    res('C', 'D', 0, 0),
  ];

  for (const order of ['2026', '2022'] as const) {
    it(`${order}: goal difference decides`, () => {
      const t = table(base([3, 0], [1, 0]), order);
      const i = t.findIndex((r) => r.team === 'A');
      expect(t[i + 1]!.team).toBe('B');
      expect(t[i]!.separatedBy).toBe('goalDifference');
    });

    it(`${order}: goals scored decide`, () => {
      const t = table(base([3, 2], [1, 0]), order);
      const i = t.findIndex((r) => r.team === 'A');
      expect(t[i + 1]!.team).toBe('B');
      expect(t[i]!.separatedBy).toBe('goalsFor');
    });

    it(`${order}: conduct decides`, () => {
      // Same scores; A collects a yellow in the A-B match, so B ranks above A.
      const t = table(base([1, 0], [1, 0], { stats: { yellowCards: [1, 0], redCards: [0, 0] } }), order);
      const i = t.findIndex((r) => r.team === 'B');
      expect(t[i + 1]!.team).toBe('A');
      expect(t[i]!.separatedBy).toBe('conduct');
    });
  }

  it('2026: pot order decides, then a seeded lot', () => {
    const results = base([1, 0], [1, 0]);
    const swapped = [{ id: 'A', pot: 2 }, { id: 'B', pot: 1 }, { id: 'C', pot: 3 }, { id: 'D', pot: 4 }];
    const t = table(results, '2026', swapped);
    const i = t.findIndex((r) => r.team === 'B');
    expect(t[i + 1]!.team).toBe('A');
    expect(t[i]!.separatedBy).toBe('pot');
    // Without pots the lot decides: reproducible per seed, and both outcomes happen across seeds.
    const noPots = four.map(({ id }) => ({ id }));
    const outcomes = new Set<string>();
    for (let seed = 0; seed < 30; seed++) {
      const a = table(results, '2026', noPots, seed);
      expect(orderOf(a)).toBe(orderOf(table(results, '2026', noPots, seed)));
      const j = a.findIndex((r) => r.team === 'A' || r.team === 'B');
      expect(a[j]!.separatedBy).toBe('lot');
      outcomes.add(a[j]!.team);
    }
    expect(outcomes).toEqual(new Set(['A', 'B']));
  });

  it('2022: no pot step, the lot follows conduct', () => {
    const swapped = [{ id: 'A', pot: 2 }, { id: 'B', pot: 1 }, { id: 'C', pot: 3 }, { id: 'D', pot: 4 }];
    const t = table(base([1, 0], [1, 0]), '2022', swapped);
    const i = t.findIndex((r) => r.team === 'A' || r.team === 'B');
    expect(t[i]!.separatedBy).toBe('lot');
  });

  it('scores conduct as FIFA does', () => {
    const r = (y: [number, number], red: [number, number], ind?: [number, number]) =>
      res('A', 'B', 0, 0, { stats: { yellowCards: y, redCards: red, ...(ind ? { indirectRedCards: ind } : {}) } });
    expect(conductScore(r([3, 0], [0, 0]), 0)).toBe(-3);
    expect(conductScore(r([0, 0], [1, 0]), 0)).toBe(-4); // direct red
    expect(conductScore(r([2, 0], [1, 0], [1, 0]), 0)).toBe(-3); // second yellow
    expect(conductScore(r([1, 0], [1, 0]), 0)).toBe(-5); // yellow then direct red
  });

  it('a double forfeit is a 0-3 loss for both', () => {
    const t = table([res('A', 'B', 0, 0, { forfeit: { home: 'does not compile', away: 'setup failed' } })], '2026');
    for (const id of ['A', 'B']) expect(t.find((r) => r.team === id)).toMatchObject({ lost: 1, pts: 0, gf: 0, ga: 3 });
  });
});
