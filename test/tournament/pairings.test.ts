import { describe, expect, it } from 'vitest';
import { bergerRounds, doubleBergerRounds } from '../../tournament/berger.js';
import { pairKey, pairSwissRound } from '../../tournament/swiss.js';

describe('Berger round robin', () => {
  for (let n = 2; n <= 20; n++) {
    it(`${n} teams: every pair once, nobody twice in a round, home/away within one`, () => {
      const rounds = bergerRounds(n);
      expect(rounds).toHaveLength(n % 2 === 0 ? n - 1 : n);
      const seen = new Set<string>();
      const home = new Array<number>(n).fill(0);
      const away = new Array<number>(n).fill(0);
      for (const round of rounds) {
        const inRound = new Set<number>();
        for (const [h, a] of round) {
          expect(inRound.has(h) || inRound.has(a)).toBe(false);
          inRound.add(h).add(a);
          const k = pairKey(String(h), String(a));
          expect(seen.has(k)).toBe(false);
          seen.add(k);
          home[h]!++;
          away[a]!++;
        }
      }
      expect(seen.size).toBe((n * (n - 1)) / 2);
      for (let i = 0; i < n; i++) expect(Math.abs(home[i]! - away[i]!)).toBeLessThanOrEqual(1);
    });
  }

  it('double round robin: each ordered pair exactly once', () => {
    const all = doubleBergerRounds(6).flat().map(([h, a]) => `${h}-${a}`);
    expect(new Set(all).size).toBe(30);
    expect(all).toHaveLength(30);
  });
});

describe('Swiss pairing', () => {
  /** Simulate `rounds` rounds with random outcomes; ranking by points then id. */
  function simulate(n: number, rounds: number, seed: number) {
    let x = seed;
    const rnd = () => ((x = (Math.imul(x, 1103515245) + 12345) >>> 0) / 2 ** 32);
    const ids = Array.from({ length: n }, (_, i) => `t${i}`);
    const pts = new Map(ids.map((t) => [t, 0]));
    const played = new Set<string>();
    const hadBye = new Set<string>();
    const byes: string[] = [];
    const homeCount = new Map<string, number>();
    for (let r = 0; r < rounds; r++) {
      const ranking = ids.slice().sort((a, b) => pts.get(b)! - pts.get(a)! || (a < b ? -1 : 1));
      const round = pairSwissRound({ ranking, played, hadBye, homeCount });
      for (const [h, a] of round.pairs) {
        expect(played.has(pairKey(h, a))).toBe(false);
        played.add(pairKey(h, a));
        homeCount.set(h, (homeCount.get(h) ?? 0) + 1);
        const o = rnd();
        if (o < 0.4) pts.set(h, pts.get(h)! + 3);
        else if (o < 0.7) pts.set(a, pts.get(a)! + 3);
        else {
          pts.set(h, pts.get(h)! + 1);
          pts.set(a, pts.get(a)! + 1);
        }
      }
      expect(round.pairs.length).toBe(Math.floor(n / 2));
      if (round.bye) {
        // The bye goes to the lowest-ranked team that has not had one.
        // Every eligible team ranked below it must have had no pairing of the rest without a rematch.
        const eligible = ranking.filter((t) => !hadBye.has(t));
        for (const lower of eligible.slice(eligible.indexOf(round.bye) + 1)) {
          const rest = ranking.filter((t) => t !== lower);
          expect(() => pairSwissRound({ ranking: [...rest, lower], played, hadBye: new Set(ids.filter((t) => t !== lower)), homeCount })).toThrow();
        }
        expect(hadBye.has(round.bye)).toBe(false);
        hadBye.add(round.bye);
        byes.push(round.bye);
        pts.set(round.bye, pts.get(round.bye)! + 3);
      }
    }
    return { byes };
  }

  it('never pairs a rematch and gives no second bye while another team has had none', () => {
    for (let seed = 1; seed <= 40; seed++) {
      simulate(8, 5, seed);
      const { byes } = simulate(9, 6, seed);
      expect(new Set(byes).size).toBe(6);
    }
  });

  it('pairs neighbours in the ranking in round one and gives the bye to the last team', () => {
    const r = pairSwissRound({ ranking: ['a', 'b', 'c', 'd', 'e'], played: new Set(), hadBye: new Set(), homeCount: new Map() });
    expect(r.bye).toBe('e');
    expect(r.pairs).toEqual([['a', 'b'], ['c', 'd']]);
  });

  it('skips a rematch by backtracking', () => {
    const r = pairSwissRound({ ranking: ['a', 'b', 'c', 'd'], played: new Set([pairKey('a', 'b')]), hadBye: new Set(), homeCount: new Map() });
    expect(r.pairs.map(([h, a]) => pairKey(h, a)).sort()).toEqual([pairKey('a', 'c'), pairKey('b', 'd')].sort());
  });
});
