// The scrimmage table: per-match lines (the policy's view of each match) summed per opponent,
// plus a total row. Pure: the same lines give the same table in any order.

/** One finished match, seen from the policy's side. */
export interface ScrimLine {
  id: string;
  opponent: number;
  /** The seed of `--seeds` the match belongs to, and the seed it was played with (`matchday play --seed`). */
  scrimSeed: number;
  seed: number;
  policyHome: boolean;
  goalsFor: number;
  goalsAgainst: number;
  shotsFor: number;
  shotsAgainst: number;
  /** Ticks each team had the ball. */
  possessionFor: number;
  possessionAgainst: number;
  /** The policy's faults (errors, budget, invalid commands, ...), all of them. */
  faults: number;
  /** The policy's per-tick work this match (budget units) and the limit. */
  budgetP99: number;
  budgetMax: number;
  budgetLimit: number;
  /** Set when the policy could not start (a forfeit): why. */
  forfeit: string | null;
  /** The match hash: equal hashes, equal matches. */
  hash: string;
}

export interface ScrimRow {
  /** Opponent name, or 'total'. */
  opponent: string;
  played: number;
  won: number;
  drawn: number;
  lost: number;
  /** 3 for a win, 1 for a draw; per match, from the policy's side. */
  points: number;
  goalsFor: number;
  goalsAgainst: number;
  shotsFor: number;
  shotsAgainst: number;
  /** The policy's share of the ball, 0..1. */
  possession: number;
  faults: number;
  /** Highest per-match p99 and highest single tick of the policy's budget use, as fractions of the limit. */
  budgetP99: number;
  budgetMax: number;
  forfeits: number;
}

export interface ScrimTable {
  rows: ScrimRow[];
  total: ScrimRow;
}

function summarise(opponent: string, lines: readonly ScrimLine[]): ScrimRow {
  const row: ScrimRow = {
    opponent, played: 0, won: 0, drawn: 0, lost: 0, points: 0, goalsFor: 0, goalsAgainst: 0,
    shotsFor: 0, shotsAgainst: 0, possession: 0, faults: 0, budgetP99: 0, budgetMax: 0, forfeits: 0,
  };
  let ticksFor = 0;
  let ticksAll = 0;
  for (const l of lines) {
    row.played++;
    if (l.goalsFor > l.goalsAgainst) row.won++;
    else if (l.goalsFor === l.goalsAgainst) row.drawn++;
    else row.lost++;
    row.goalsFor += l.goalsFor;
    row.goalsAgainst += l.goalsAgainst;
    row.shotsFor += l.shotsFor;
    row.shotsAgainst += l.shotsAgainst;
    ticksFor += l.possessionFor;
    ticksAll += l.possessionFor + l.possessionAgainst;
    row.faults += l.faults;
    // The worst match is what a contestant must fix, so take maxima, not averages.
    if (l.budgetLimit > 0) {
      row.budgetP99 = Math.max(row.budgetP99, l.budgetP99 / l.budgetLimit);
      row.budgetMax = Math.max(row.budgetMax, l.budgetMax / l.budgetLimit);
    }
    if (l.forfeit !== null) row.forfeits++;
  }
  row.points = 3 * row.won + row.drawn;
  row.possession = ticksAll > 0 ? ticksFor / ticksAll : 0;
  return row;
}

/** One row per opponent (in the order given), and the total over all matches. */
export function scrimTable(opponentNames: readonly string[], lines: readonly ScrimLine[]): ScrimTable {
  const rows = opponentNames.map((name, k) => summarise(name, lines.filter((l) => l.opponent === k)));
  return { rows, total: summarise('total', lines) };
}

function pct(x: number): string {
  return `${(x * 100).toFixed(0)}%`;
}

/** Budget shares are often tiny; one decimal keeps a light policy from reading as 0%. */
function share(x: number): string {
  return `${(x * 100).toFixed(x < 0.1 ? 1 : 0)}%`;
}

/** The table as text, one line per opponent and a total line, columns aligned. */
export function formatScrimTable(table: ScrimTable): string {
  const head = ['opponent', 'P', 'W', 'D', 'L', 'pts/match', 'GF', 'GA', 'shots', 'shots vs', 'poss.', 'faults', 'budget p99', 'budget max'];
  const cells = (r: ScrimRow): string[] => [
    r.opponent,
    String(r.played),
    String(r.won),
    String(r.drawn),
    String(r.lost),
    r.played > 0 ? (r.points / r.played).toFixed(2) : '-',
    String(r.goalsFor),
    String(r.goalsAgainst),
    String(r.shotsFor),
    String(r.shotsAgainst),
    pct(r.possession),
    String(r.faults),
    share(r.budgetP99),
    share(r.budgetMax),
  ];
  const body = [...table.rows.map(cells), cells(table.total)];
  const widths = head.map((h, k) => Math.max(h.length, ...body.map((b) => b[k]!.length)));
  const line = (c: string[]): string => c.map((s, k) => (k === 0 ? s.padEnd(widths[k]!) : s.padStart(widths[k]!))).join('  ');
  const rule = line(widths.map((w) => '-'.repeat(w)));
  return [line(head), rule, ...table.rows.map((r) => line(cells(r))), rule, line(cells(table.total))].join('\n');
}
