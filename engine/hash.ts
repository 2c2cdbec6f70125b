// The match hash: a running digest over the canonical state at every tick, in plain TypeScript (runs in browsers too).
import type { MatchState } from './state.js';

const WORDS = 160; // doubles of canonical state, more than enough for the fields below
const scratch = new Float64Array(WORDS);
const words = new Uint32Array(scratch.buffer);
// The digest reads the doubles' bytes little-endian; every platform Node and browsers run on is.
if (new Uint8Array(new Uint32Array([1]).buffer)[0] !== 1) throw new Error('matchday needs a little-endian platform');

/** Fills the scratch with the canonical state, in a fixed field order; returns the number of doubles. */
function canonical(s: MatchState): number {
  let n = 0;
  const put = (v: number): void => {
    scratch[n++] = v;
  };
  put(s.tick);
  put(s.period);
  put(s.periodTick);
  put(s.mode);
  put(s.modeTeam);
  put(s.modeX);
  put(s.modeY);
  put(s.modeTimer);
  put(s.score[0]);
  put(s.score[1]);
  for (let i = 0; i < 6; i++) put(s.ball[i]!);
  for (let i = 0; i < s.players.length; i++) put(s.players[i]!);
  // Flags are small integers: pack four per double slot would save time but cost clarity; hash their sum-free list.
  for (let i = 0; i < s.flags.length; i += 4) put(s.flags[i]! + 256 * s.flags[i + 1]! + 65536 * s.flags[i + 2]! + 16777216 * s.flags[i + 3]!);
  put(s.lastTouchTeam);
  put(s.lastTouchPlayer);
  put(s.holder);
  put(s.holdTimer);
  put(s.stuckTimer);
  put(s.referee.offsideTeam);
  put(s.referee.offsideMask);
  put(s.referee.restartTaker);
  put(s.referee.indirectPending ? 1 : 0);
  put(s.referee.releasedBy);
  const so = s.shootout;
  put(so ? so.goals[0] + 64 * so.goals[1] + 4096 * so.kicks[0] + 262144 * so.kicks[1] : -1);
  put(so ? so.kicker : -1);
  return n;
}

/** A 64-bit running digest as two 32-bit lanes. */
export interface HashState {
  a: number;
  b: number;
}

export function initialHash(seed: number): HashState {
  return { a: (seed ^ 0x9e3779b9) >>> 0, b: (seed ^ 0x85ebca6b) >>> 0 || 1 };
}

/** Folds the current state into the running digest. */
export function updateHash(h: HashState, s: MatchState): void {
  const n = canonical(s) * 2;
  let a = h.a;
  let b = h.b;
  for (let i = 0; i < n; i++) {
    const w = words[i]!;
    a = Math.imul(a ^ w, 0x85ebca6b);
    a = ((a << 13) | (a >>> 19)) >>> 0;
    b = Math.imul(b + w, 0xc2b2ae35) ^ (a >>> 7);
    b = ((b << 17) | (b >>> 15)) >>> 0;
  }
  h.a = Math.imul(a ^ (a >>> 16), 0x7feb352d) >>> 0;
  h.b = Math.imul(b ^ (b >>> 15), 0x846ca68b) >>> 0;
}

export function hashHex(h: HashState): string {
  return h.a.toString(16).padStart(8, '0') + h.b.toString(16).padStart(8, '0');
}
