// Swiss pairing: teams meet opponents on the same score (adjacent in the ranking), never twice;
// with an odd count the bye goes to the lowest-ranked team that has not had one yet.

export interface SwissRoundInput {
  /** Current ranking, best first (round 1: seed order). */
  ranking: readonly string[];
  /** Pairs already played, as `pairKey(a, b)`. */
  played: ReadonlySet<string>;
  hadBye: ReadonlySet<string>;
  /** Home matches so far per team, to balance sides. */
  homeCount: ReadonlyMap<string, number>;
}

export interface SwissRound {
  pairs: Array<[string, string]>;
  bye: string | null;
}

export function pairKey(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}

/** Pair `pool` (ranked) top-down with backtracking so no rematch is forced; null if impossible. */
function pairUp(pool: readonly string[], played: ReadonlySet<string>): Array<[string, string]> | null {
  if (pool.length === 0) return [];
  const [first, ...rest] = pool;
  for (let i = 0; i < rest.length; i++) {
    const other = rest[i]!;
    if (played.has(pairKey(first!, other))) continue;
    const tail = pairUp([...rest.slice(0, i), ...rest.slice(i + 1)], played);
    if (tail) return [[first!, other], ...tail];
  }
  return null;
}

/** The next Swiss round; throws when no pairing without rematches exists. */
export function pairSwissRound(input: SwissRoundInput): SwissRound {
  const ranking = input.ranking;
  const orient = (a: string, b: string): [string, string] => {
    // Fewer home games so far plays at home; on equal counts the higher-ranked team does.
    const ha = input.homeCount.get(a) ?? 0;
    const hb = input.homeCount.get(b) ?? 0;
    return ha <= hb ? [a, b] : [b, a];
  };
  if (ranking.length % 2 === 0) {
    const pairs = pairUp(ranking, input.played);
    if (!pairs) throw new Error('Swiss: no pairing without a rematch exists for this round');
    return { pairs: pairs.map(([a, b]) => orient(a, b)), bye: null };
  }
  const candidates = ranking.slice().reverse();
  // Fair byes: never a second bye while someone has had none; lowest ranked first.
  const fresh = candidates.filter((t) => !input.hadBye.has(t));
  for (const bye of fresh.length ? fresh : candidates) {
    const pairs = pairUp(ranking.filter((t) => t !== bye), input.played);
    if (pairs) return { pairs: pairs.map(([a, b]) => orient(a, b)), bye };
  }
  throw new Error('Swiss: no pairing without a rematch exists for this round');
}
