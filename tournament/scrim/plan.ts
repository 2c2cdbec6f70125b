// The scrimmage plan: which matches a `matchday scrim` plays, in a fixed order with fixed ids,
// so the table and the replay folder never depend on worker count or completion order.

/** One match of a scrimmage: the policy against one opponent on one seed, at home or away. */
export interface ScrimFixture {
  /** File-safe, unique, deterministic: `<opponent>-s<scrimSeed>-<home|away>` (the replay is replays/<id>.mdr). */
  id: string;
  /** Index of the opponent in the list given (its table row). */
  opponent: number;
  /** The seed of `--seeds` this match belongs to. */
  scrimSeed: number;
  /** The seed the match is played with: scrimSeed for the home leg, awayLegSeed's pick for the away leg. */
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
 * The seed the away leg of scrim seed s is played with: (s * 2654435761 + 1) mod 2^32 (Knuth's
 * multiplicative hash). The game is side-symmetric and a team's random stream is keyed by its name,
 * so the away leg on the home leg's own seed would be the home leg's exact mirror image: a second
 * seed makes every match of a scrim count. The map is a bijection of 32-bit seeds, so different
 * scrim seeds never share an away seed.
 */
export function awayLegSeed(s: number): number {
  return (Math.imul(s, 2654435761) + 1) >>> 0;
}

/**
 * The away-leg seed of every scrim seed: awayLegSeed(s), re-applied while it lands on a home-leg seed
 * of the same scrim (so no away leg mirrors another match's home leg). Distinct, deterministic.
 */
export function awayLegSeeds(seeds: readonly number[]): Map<number, number> {
  const taken = new Set(seeds);
  const out = new Map<number, number>();
  for (const s of seeds) {
    let a = awayLegSeed(s);
    // A cycle of the map inside the home seeds would be needed to loop: bounded all the same.
    for (let k = 0; taken.has(a); k++) {
      if (k > 64) throw new Error(`no away-leg seed for scrim seed ${s} outside the home seeds`);
      a = awayLegSeed(a);
    }
    taken.add(a);
    out.set(s, a);
  }
  return out;
}

/**
 * Every opponent, every seed, both sides: opponent-major, then seed, then home before away.
 * The home leg plays the scrim seed, the away leg its awayLegSeeds pick.
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
  const away = awayLegSeeds(seeds);
  const out: ScrimFixture[] = [];
  parts.forEach((part, opponent) => {
    for (const s of seeds) {
      for (const policyHome of [true, false]) {
        out.push({ id: `${part}-s${s}-${policyHome ? 'home' : 'away'}`, opponent, scrimSeed: s, seed: policyHome ? s : away.get(s)!, policyHome });
      }
    }
  });
  return out;
}
