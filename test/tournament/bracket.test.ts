import { describe, expect, it } from 'vitest';
import { resolveBracket, seededBracket, seedingOrder, worldCupBracket, type Source } from '../../tournament/bracket.js';
import { knockoutWinner } from '../../tournament/results.js';
import type { CupMatchResult } from '../../tournament/types.js';
import { res } from './helpers.js';

const src = (s: Source): string => ('group' in s ? `${s.group}${s.place}` : 'winnerOf' in s ? `W${s.winnerOf}` : 'loserOf' in s ? `L${s.loserOf}` : s.team);

describe('brackets', () => {
  it('World Cup, 4 groups: winners meet the paired runner-up, group mates in opposite halves', () => {
    const ties = worldCupBracket(['A', 'B', 'C', 'D'], true);
    expect(ties.map((t) => `${t.id}:${src(t.home)}-${src(t.away)}`)).toEqual([
      'QF1:A1-B2', 'QF2:C1-D2', 'QF3:B1-A2', 'QF4:D1-C2',
      'SF1:WQF1-WQF2', 'SF2:WQF3-WQF4',
      '3P:LSF1-LSF2', 'F:WSF1-WSF2',
    ]);
  });

  it('World Cup, 8 groups: A1 and A2 can only meet in the final', () => {
    const ties = worldCupBracket(['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'], false);
    const r16 = ties.filter((t) => t.id.startsWith('R16'));
    expect(r16).toHaveLength(8);
    expect(r16.every((t) => 'group' in t.home && t.home.place === 1 && 'group' in t.away && t.away.place === 2)).toBe(true);
    const half = (g: string, p: number) => r16.findIndex((t) => [t.home, t.away].some((s) => 'group' in s && s.group === g && s.place === p)) < 4;
    for (const g of 'ABCDEFGH') expect(half(g, 1)).not.toBe(half(g, 2));
    expect(ties.at(-1)!.id).toBe('F');
  });

  it('seeded order keeps 1 and 2 apart until the final', () => {
    expect(seedingOrder(8)).toEqual([1, 8, 4, 5, 2, 7, 3, 6]);
  });

  it('gives byes to the top seeds when the field is not a power of two', () => {
    const ties = seededBracket(['s1', 's2', 's3', 's4', 's5', 's6'], false);
    const first = ties.filter((t) => t.id.startsWith('QF'));
    expect(first.map((t) => `${src(t.home)}-${src(t.away)}`)).toEqual(['s4-s5', 's3-s6']);
    const semis = ties.filter((t) => t.id.startsWith('SF'));
    expect(semis.map((t) => `${src(t.home)}-${src(t.away)}`)).toEqual(['s1-WQF1', 's2-WQF2']);
  });

  it('follows winners along the path to the final, shoot-outs deciding level matches', () => {
    const ties = seededBracket(['a', 'b', 'c', 'd'], true);
    const results = new Map<string, CupMatchResult>();
    const play = (id: string, home: string, away: string, score: [number, number], shootout?: [number, number]) =>
      results.set(id, { ...res(home, away, ...score, shootout ? { shootout } : {}), matchId: id });
    let st = resolveBracket({ ties, results, repeats: 1, seed: 1 });
    expect(st.matches.map((m) => `${m.id}:${m.home}-${m.away}`)).toEqual(['SF1:a-d', 'SF2:b-c']);
    expect(st.matches.every((m) => m.knockout)).toBe(true);
    play('SF1', 'a', 'd', [1, 1], [3, 4]); // d through on penalties
    st = resolveBracket({ ties, results, repeats: 1, seed: 1 });
    expect(st.matches.map((m) => m.id)).toEqual(['SF1', 'SF2']); // the final waits for both semis
    play('SF2', 'b', 'c', [2, 1]);
    st = resolveBracket({ ties, results, repeats: 1, seed: 1 });
    expect(st.matches.map((m) => `${m.id}:${m.home}-${m.away}`)).toEqual(['SF1:a-d', 'SF2:b-c', '3P:a-c', 'F:d-b']);
    play('F', 'd', 'b', [0, 0], [5, 4]);
    play('3P', 'a', 'c', [0, 2]);
    st = resolveBracket({ ties, results, repeats: 1, seed: 1 });
    expect(st.ties.find((t) => t.id === 'F')!.winner).toBe('d');
    expect(st.ties.find((t) => t.id === '3P')!.winner).toBe('c');
  });

  it('reads the winner from score, then shoot-out', () => {
    expect(knockoutWinner(res('x', 'y', 2, 1))).toBe('home');
    expect(knockoutWinner(res('x', 'y', 1, 1, { shootout: [2, 4] }))).toBe('away');
    expect(knockoutWinner(res('x', 'y', 0, 0, { forfeit: { home: 'a', away: 'b' } }))).toBeNull();
  });

  it('with repeats, plays legs with sides swapped and a decider only when the aggregate is level', () => {
    const ties = seededBracket(['a', 'b'], false);
    const results = new Map<string, CupMatchResult>();
    let st = resolveBracket({ ties, results, repeats: 2, seed: 1 });
    expect(st.matches.map((m) => `${m.id}:${m.home}-${m.away}:${m.knockout}`)).toEqual(['F-L1:a-b:false', 'F-L2:b-a:false']);
    results.set('F-L1', { ...res('a', 'b', 2, 0), matchId: 'F-L1' });
    results.set('F-L2', { ...res('b', 'a', 3, 1), matchId: 'F-L2' }); // 3-3 on aggregate
    st = resolveBracket({ ties, results, repeats: 2, seed: 1 });
    expect(st.matches.at(-1)).toMatchObject({ id: 'F-D', home: 'a', away: 'b', knockout: true });
    results.set('F-L2', { ...res('b', 'a', 1, 0), matchId: 'F-L2' }); // a wins 2-1 on aggregate
    st = resolveBracket({ ties, results, repeats: 2, seed: 1 });
    expect(st.matches).toHaveLength(2);
    expect(st.ties[0]!.winner).toBe('a');
  });

  it('settles a double forfeit by a seeded lot so the cup can finish', () => {
    const ties = seededBracket(['a', 'b'], false);
    const results = new Map([['F', { ...res('a', 'b', 0, 0, { forfeit: { home: 'x', away: 'y' } }), matchId: 'F' }]]);
    const a = resolveBracket({ ties, results, repeats: 1, seed: 5 }).ties[0]!;
    expect(a.decidedBy).toBe('lot');
    expect(a.winner).toBe(resolveBracket({ ties, results, repeats: 1, seed: 5 }).ties[0]!.winner);
  });
});
