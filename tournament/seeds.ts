// Seeds and seeded randomness for the tournament. Every seed is a pure function of the master
// seed and a name (a match id, "draw", "lot/..."), never of time, order or worker.
import seedrandom from 'seedrandom';

export type MasterSeed = number | string;

/** FNV-1a over the UTF-16 code units, then a murmur3 finaliser so nearby names spread out. */
export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** The engine seed of a match: derived from the master seed and the match id only. */
export function matchSeed(master: MasterSeed, matchId: string): number {
  return hash32(`${master}/match/${matchId}`);
}

export type Rng = () => number;

/** A named random stream under the master seed (draw, lots, bootstrap). */
export function rngFor(master: MasterSeed, purpose: string): Rng {
  return seedrandom.alea(`${master}/${purpose}`) as Rng;
}

/** Fisher-Yates with the given stream; returns a new array. */
export function shuffled<T>(items: readonly T[], rng: Rng): T[] {
  const out = items.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    const t = out[i]!;
    out[i] = out[j]!;
    out[j] = t;
  }
  return out;
}
