// The match hash cannot drop a field unseen: the canonical writer fills exactly the buffer it
// declares or throws, and every field of the state is either read by it or listed as unhashed.
import { describe, expect, it } from 'vitest';
import { canonicalWriter, CANONICAL_WORDS, hashHex, initialHash, UNHASHED, updateHash } from '../../engine/hash.js';
import { startShootout } from '../../engine/referee/shootout.js';
import { createMatch, defaultConfig } from '../../engine/setup.js';
import { F_STRIDE, P_STRIDE, type MatchState } from '../../engine/state.js';

function fresh(): MatchState {
  return createMatch(defaultConfig({ seed: 5 }));
}

/** The keys the canonical writer reads from `state`, its referee and its shoot-out, as `key` / `referee.key` / `shootout.key`. */
function keysRead(state: MatchState): Set<string> {
  const read = new Set<string>();
  const spy = <T extends object>(o: T, prefix: string): T =>
    new Proxy(o, {
      get(target, key, receiver) {
        if (typeof key === 'string') read.add(prefix + key);
        return Reflect.get(target, key, receiver) as unknown;
      },
    });
  const s = spy({ ...state, referee: spy(state.referee, 'referee.'), shootout: state.shootout && spy(state.shootout, 'shootout.') }, '');
  canonicalWriter(new Float64Array(CANONICAL_WORDS))(s);
  return read;
}

/** Every key of the state, its referee and (when there is one) its shoot-out. */
function allKeys(state: MatchState): string[] {
  const keys = Object.keys(state);
  keys.push(...Object.keys(state.referee).map((k) => `referee.${k}`));
  if (state.shootout) keys.push(...Object.keys(state.shootout).map((k) => `shootout.${k}`));
  return keys;
}

describe('the match hash', () => {
  it('covers every field of the state or says why not', () => {
    const state = fresh();
    startShootout(state);
    const read = keysRead(state);
    const uncovered = allKeys(state).filter((k) => !read.has(k) && !(k in UNHASHED) && k !== 'referee' && k !== 'shootout');
    expect(uncovered, 'hash these in engine/hash.ts, or list them in UNHASHED with the reason').toEqual([]);
    const both = Object.keys(UNHASHED).filter((k) => read.has(k));
    expect(both, 'listed as unhashed but the canonical writer reads them').toEqual([]);
    const unknown = Object.keys(UNHASHED).filter((k) => !allKeys(state).includes(k));
    expect(unknown, 'UNHASHED names fields the state does not have').toEqual([]);
  });

  it('fills exactly the buffer it declares, in and out of a shoot-out', () => {
    const state = fresh();
    expect(canonicalWriter(new Float64Array(CANONICAL_WORDS))(state)).toBe(CANONICAL_WORDS);
    startShootout(state);
    expect(canonicalWriter(new Float64Array(CANONICAL_WORDS))(state)).toBe(CANONICAL_WORDS);
  });

  it('throws when a field does not fit (a writer one field longer than its buffer)', () => {
    expect(() => canonicalWriter(new Float64Array(CANONICAL_WORDS - 1))(fresh())).toThrow(/more than the \d+ doubles CANONICAL_WORDS declares/);
  });

  it('throws when the buffer is not filled (a field left out)', () => {
    expect(() => canonicalWriter(new Float64Array(CANONICAL_WORDS + 1))(fresh())).toThrow(/filled \d+ of the \d+ doubles/);
  });

  it('throws for a state extended with another player, or missing one', () => {
    const longer = fresh();
    longer.players = new Float64Array(longer.players.length + P_STRIDE);
    expect(() => updateHash(initialHash(1), longer)).toThrow(/more than the/);
    const shorter = fresh();
    shorter.flags = new Int32Array(shorter.flags.length - F_STRIDE);
    expect(() => updateHash(initialHash(1), shorter)).toThrow(/filled \d+ of the/);
    const ragged = fresh();
    ragged.flags = new Int32Array(ragged.flags.length + 1);
    expect(() => updateHash(initialHash(1), ragged)).toThrow(/do not pack four to a double/);
  });

  it('keeps its value: the kick-off state of seed 5 still hashes the same', () => {
    // Pinned so a change to the writer that alters the digest fails here before the golden matches do.
    const h = initialHash(5);
    updateHash(h, fresh());
    expect(hashHex(h)).toBe(PINNED);
  });
});

const PINNED = '00e19c659a063611';
