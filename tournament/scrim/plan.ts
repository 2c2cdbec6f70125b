// The scrimmage plan: which matches a `matchday scrim` plays, in a fixed order with fixed ids,
// so the table and the replay folder never depend on worker count or completion order.

/** One match of a scrimmage: the policy against one opponent on one seed, at home or away. */
export interface ScrimFixture {
  /** File-safe, unique, deterministic: `<opponent>-s<seed>-<home|away>` (the replay is replays/<id>.mdr). */
  id: string;
  /** Index of the opponent in the list given (its table row). */
  opponent: number;
  seed: number;
  /** True when the policy plays at home. */
  policyHome: boolean;
}

/** Parses `A-B` or `N` into the seeds A..B; throws an Error naming the problem. */
export function parseSeedRange(text: string, maxCount = 10_000): number[] {
  const m = /^(\d+)(?:-(\d+))?$/.exec(text.trim());
  if (!m) throw new Error(`--seeds must be a range like 1-5 or a single seed like 7, got '${text}'`);
  const a = Number(m[1]);
  const b = m[2] === undefined ? a : Number(m[2]);
  if (a > 0xffffffff || b > 0xffffffff) throw new Error(`--seeds: seeds go from 0 to 4294967295, got '${text}'`);
  if (b < a) throw new Error(`--seeds: the range '${text}' is empty (the first seed is larger than the last)`);
  if (b - a + 1 > maxCount) throw new Error(`--seeds: '${text}' is ${b - a + 1} seeds; at most ${maxCount} at once`);
  return Array.from({ length: b - a + 1 }, (_, k) => a + k);
}

/** A name reduced to the characters replay ids allow (letters, digits, '_', '.', '-'). */
export function idPart(name: string): string {
  const s = name.replace(/[^A-Za-z0-9_.-]+/g, '_').replace(/^[^A-Za-z0-9]+/, '');
  return s.slice(0, 40) || 'team';
}

/**
 * Every opponent, every seed, both sides: opponent-major, then seed, then home before away.
 * Opponents that reduce to the same id part get a numeric suffix so ids stay unique.
 */
export function scrimPlan(opponentNames: readonly string[], seeds: readonly number[]): ScrimFixture[] {
  const used = new Map<string, number>();
  const parts = opponentNames.map((n) => {
    const base = idPart(n);
    const k = (used.get(base) ?? 0) + 1;
    used.set(base, k);
    return k === 1 ? base : `${base}-${k}`;
  });
  const out: ScrimFixture[] = [];
  parts.forEach((part, opponent) => {
    for (const seed of seeds) {
      for (const policyHome of [true, false]) out.push({ id: `${part}-s${seed}-${policyHome ? 'home' : 'away'}`, opponent, seed, policyHome });
    }
  });
  return out;
}
