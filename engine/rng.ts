// Seeded random streams, one per purpose, derived from the match seed by name.
import seedrandom from 'seedrandom';

export interface PRNG {
  /** A float in [0, 1). */
  (): number;
}

/** A stream named `purpose` under `seed`: the same pair always yields the same numbers. */
export function stream(seed: number, purpose: string): PRNG {
  return seedrandom.alea(`${seed}:${purpose}`) as PRNG;
}

/** Roughly normal noise with unit spread, from four uniforms (no exp/log, so bit-exact everywhere). */
export function gauss(rng: PRNG): number {
  return (rng() + rng() + rng() + rng() - 2) * 1.7320508075688772;
}
