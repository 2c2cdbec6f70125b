// The World-Cup group draw: pots, separation constraints (at most `limit` teams sharing a key per
// group), and a feasibility search so the draw never paints itself into a corner: a team only
// goes into a group from which a complete legal draw of the remaining teams still exists.
import { shuffled, type Rng } from './seeds.js';

export interface DrawTeam {
  id: string;
  /** 1-based pot; each group takes exactly one team from each pot. */
  pot: number;
  /** Separation key (a confederation, a model's maker); absent means unconstrained. */
  separation?: string;
}

export interface DrawOptions {
  groups: number;
  /** Most teams per group sharing a key; `limits[key]` overrides `defaultLimit` (FIFA allows 2 for UEFA). */
  defaultLimit: number;
  limits?: Record<string, number>;
}

export interface Group {
  name: string;
  /** Team ids by position: position i came from pot i+1. */
  teams: string[];
}

export interface Draw {
  groups: Group[];
}

export const GROUP_NAMES = 'ABCDEFGHIJKLMNOP';

/** Pots from the config, or by listed order (first quarter is pot 1) when no team names one. */
export function assignPots(teams: ReadonlyArray<{ id: string; pot?: number; separation?: string }>, groups: number): DrawTeam[] {
  const anyPot = teams.some((t) => t.pot !== undefined);
  return teams.map((t, i) => {
    const pot = anyPot ? t.pot ?? 0 : Math.floor(i / groups) + 1;
    return t.separation === undefined ? { id: t.id, pot } : { id: t.id, pot, separation: t.separation };
  });
}

class Board {
  readonly filled: boolean[][];
  readonly counts: Map<string, number>[];
  constructor(readonly opts: DrawOptions, pots: number) {
    this.filled = Array.from({ length: opts.groups }, () => new Array<boolean>(pots).fill(false));
    this.counts = Array.from({ length: opts.groups }, () => new Map<string, number>());
  }
  limit(key: string): number {
    return this.opts.limits?.[key] ?? this.opts.defaultLimit;
  }
  legal(t: DrawTeam, g: number): boolean {
    if (this.filled[g]![t.pot - 1]) return false;
    if (t.separation === undefined) return true;
    return (this.counts[g]!.get(t.separation) ?? 0) < this.limit(t.separation);
  }
  place(t: DrawTeam, g: number, on: boolean): void {
    this.filled[g]![t.pot - 1] = on;
    if (t.separation !== undefined) {
      const m = this.counts[g]!;
      m.set(t.separation, (m.get(t.separation) ?? 0) + (on ? 1 : -1));
    }
  }
  /** What matters about a group for the rest of the search; groups with equal signatures are interchangeable. */
  signature(g: number, keys: readonly string[]): string {
    const slots = this.filled[g]!.map((f) => (f ? '1' : '0')).join('');
    return slots + '|' + keys.map((k) => this.counts[g]!.get(k) ?? 0).join(',');
  }
}

/** Quick necessary condition: each key still has room in enough groups for its remaining teams. */
function capacityOk(board: Board, rest: readonly DrawTeam[]): boolean {
  const need = new Map<string, DrawTeam[]>();
  for (const t of rest) if (t.separation !== undefined) need.set(t.separation, [...(need.get(t.separation) ?? []), t]);
  for (const [key, teams] of need) {
    let room = 0;
    for (let g = 0; g < board.opts.groups; g++) {
      const cap = board.limit(key) - (board.counts[g]!.get(key) ?? 0);
      const slots = new Set(teams.filter((t) => !board.filled[g]![t.pot - 1]).map((t) => t.pot)).size;
      room += Math.max(0, Math.min(cap, slots));
    }
    if (room < teams.length) return false;
  }
  return true;
}

/** Can `rest` all be placed legally on the board? Depth-first, with symmetry breaking and a memo of dead states. */
function completable(board: Board, rest: readonly DrawTeam[], dead: Set<string>): boolean {
  if (rest.length === 0) return true;
  const keys = [...new Set(rest.flatMap((t) => (t.separation === undefined ? [] : [t.separation])))].sort();
  const sigs = Array.from({ length: board.opts.groups }, (_, g) => board.signature(g, keys));
  // The subproblem is fully described by the remaining teams' (pot, key) multiset and the groups'
  // signatures up to reordering (groups are interchangeable), so that is the memo key.
  const types = rest.map((t) => `${t.pot}:${t.separation ?? ''}`).sort().join(',');
  const memo = types + '#' + sigs.slice().sort().join(';');
  if (dead.has(memo) || !capacityOk(board, rest)) return false;
  // Place the most constrained team first: the one with the fewest legal groups.
  let best = -1;
  let bestGroups: number[] = [];
  for (let i = 0; i < rest.length; i++) {
    const t = rest[i]!;
    const gs: number[] = [];
    for (let g = 0; g < board.opts.groups; g++) if (board.legal(t, g)) gs.push(g);
    if (gs.length === 0) {
      dead.add(memo);
      return false;
    }
    if (best < 0 || gs.length < bestGroups.length) {
      best = i;
      bestGroups = gs;
    }
  }
  const team = rest[best]!;
  const others = rest.filter((_, i) => i !== best);
  const tried = new Set<string>();
  for (const g of bestGroups) {
    if (tried.has(sigs[g]!)) continue;
    tried.add(sigs[g]!);
    board.place(team, g, true);
    const ok = completable(board, others, dead);
    board.place(team, g, false);
    if (ok) return true;
  }
  dead.add(memo);
  return false;
}

/** Why no legal draw exists, or null when one does. Call before drawing anything. */
export function drawProblem(teams: readonly DrawTeam[], opts: DrawOptions): string | null {
  const pots = teams.length / opts.groups;
  if (!Number.isInteger(pots)) return `${teams.length} teams do not fill ${opts.groups} groups evenly`;
  for (let p = 1; p <= pots; p++) {
    const n = teams.filter((t) => t.pot === p).length;
    if (n !== opts.groups) return `pot ${p} has ${n} teams, but each pot needs exactly ${opts.groups} (one per group)`;
  }
  const byKey = new Map<string, number>();
  for (const t of teams) if (t.separation !== undefined) byKey.set(t.separation, (byKey.get(t.separation) ?? 0) + 1);
  const board = new Board(opts, pots);
  for (const [key, n] of byKey) {
    const cap = opts.groups * board.limit(key);
    if (n > cap) return `${n} teams share separation "${key}", but ${opts.groups} groups hold at most ${cap} of them`;
  }
  if (!completable(board, teams, new Set())) return 'no draw satisfies the separation constraints together with the pots';
  return null;
}

/**
 * The seeded draw, FIFA-style: pot by pot, teams come out in random order and each goes to the
 * first group (alphabetically) that is legal and from which the rest of the draw can still be completed.
 */
export function drawGroups(teams: readonly DrawTeam[], opts: DrawOptions, rng: Rng): Draw {
  const problem = drawProblem(teams, opts);
  if (problem) throw new Error(`Draw impossible: ${problem}`);
  const pots = teams.length / opts.groups;
  const board = new Board(opts, pots);
  const groups: string[][] = Array.from({ length: opts.groups }, () => new Array<string>(pots).fill(''));
  const dead = new Set<string>(); // dead subproblems stay dead for the whole draw
  const order: DrawTeam[] = [];
  for (let p = 1; p <= pots; p++) order.push(...shuffled(teams.filter((t) => t.pot === p), rng));
  for (let i = 0; i < order.length; i++) {
    const t = order[i]!;
    const rest = order.slice(i + 1);
    let placed = false;
    for (let g = 0; g < opts.groups && !placed; g++) {
      if (!board.legal(t, g)) continue;
      board.place(t, g, true);
      if (completable(board, rest, dead)) {
        groups[g]![t.pot - 1] = t.id;
        placed = true;
      } else board.place(t, g, false);
    }
    // Unreachable: drawProblem proved a completion exists and every step keeps one.
    if (!placed) throw new Error(`Draw dead end at team ${t.id} (a bug in the feasibility search)`);
  }
  return { groups: groups.map((teamIds, g) => ({ name: GROUP_NAMES[g]!, teams: teamIds })) };
}
