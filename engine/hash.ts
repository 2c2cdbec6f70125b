// The match hash: a running digest over the canonical state at every tick, in plain TypeScript (runs in browsers too).
import { F_STRIDE, PLAYERS, P_STRIDE, type MatchState } from './state.js';

/** Doubles in the ball array. */
const BALL_WORDS = 6;
/** Flags are packed four to a double. */
const FLAGS_PER_WORD = 4;

/**
 * Doubles of canonical state, counted field by field in the order the canonical writer puts them.
 * The canonical writer must fill exactly this many: a field added to the writer without a line here, or
 * a state array that grew, makes it throw instead of being dropped by the typed array.
 */
export const CANONICAL_WORDS =
  10 + // tick, period, periodTick, mode, modeTeam, modeX, modeY, modeTimer, score[0], score[1]
  BALL_WORDS +
  PLAYERS * P_STRIDE +
  (PLAYERS * F_STRIDE) / FLAGS_PER_WORD +
  10 + // lastTouchTeam, lastTouchPlayer, holder, holdTimer, stuckTimer, five referee fields
  2; // the shoot-out: goals and kicks packed, the kicker

if (!Number.isInteger(CANONICAL_WORDS)) throw new Error('hash: the flags do not pack into whole doubles');

// Scratch shared by every match: canonical() fills it and updateHash digests it in one synchronous call.
const scratch = new Float64Array(CANONICAL_WORDS);
const words = new Uint32Array(scratch.buffer);
// The digest reads the doubles' bytes little-endian; every platform Node and browsers run on is.
if (new Uint8Array(new Uint32Array([1]).buffer)[0] !== 1) throw new Error('matchday needs a little-endian platform');

/**
 * The fields of the state the hash does not cover, and why. Everything else in MatchState and
 * RefereeState is written by the canonical writer; test/engine/hash.test.ts holds the two lists to the
 * state's actual keys, so a new field must be hashed or listed here, never dropped unseen.
 */
export const UNHASHED: Readonly<Record<string, string>> = {
  config: 'fixed for the whole match; the seed starts the digest',
  nextMode: 'only read when a pause ends, where it becomes mode (hashed)',
  firstKickoff: 'decided at tick 0 by the toss; shows in modeTeam (hashed)',
  finished: 'set with period = finished (hashed)',
  endReason: 'text set with period = finished (hashed)',
  events: 'what the step raised; its effects are in the hashed fields',
  stats: 'counters for people; they never feed back into play',
  rng: 'stream states; a divergence shows in the next draw, which moves hashed fields',
  'referee.lastTouchKind': 'bookkeeping for the back-pass law, shown by lastTouchTeam and lastTouchPlayer',
  'referee.lastKickPlayer': 'bookkeeping for stats and the indirect-free-kick rule',
  'referee.lastKickWasShot': 'stats only',
  'referee.lastKickWasPass': 'stats only',
  'referee.lastKickRestart': 'stats only',
  // The shoot-out's goals, kicks and kicker are hashed; the rest follows from them or shows elsewhere.
  'shootout.first': 'the toss; with the kicks taken it gives kicking',
  'shootout.kicking': 'follows from first and the kicks taken (hashed)',
  'shootout.used': 'the kicker rotation; shows in kicker (hashed)',
  'shootout.kickTick': 'ticks into the kick; it ends the kick, which moves kicks (hashed)',
  'shootout.struck': 'set when the kick is taken, as mode (hashed) turns to play',
  'shootout.lotWinner': 'set as the match ends (period hashed)',
};

/**
 * A writer of the canonical state into `out`, in a fixed field order; it throws unless it fills
 * `out` exactly. The hash uses one bound to a CANONICAL_WORDS scratch; tests bind others.
 */
export function canonicalWriter(out: Float64Array): (s: MatchState) => number {
  const size = out.length;
  return (s) => {
    let n = 0;
    const put = (v: number): void => {
      if (n === size) throw new Error(`hash: the canonical state has more than the ${size} doubles CANONICAL_WORDS declares; count the new field in engine/hash.ts`);
      out[n++] = v;
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
    for (let i = 0; i < BALL_WORDS; i++) put(s.ball[i]!);
    for (let i = 0; i < s.players.length; i++) put(s.players[i]!);
    // Flags are small integers packed four to a double, a byte apart. The pack is lossless while each flag
    // is below 256; during a shoot-out kick the kicker's lock (SHOOTOUT.kickerLock) is not, so its cooldown
    // and tackle wait could alias. Kept as it is: another pack would change every hash.
    if (s.flags.length % FLAGS_PER_WORD !== 0) throw new Error(`hash: ${s.flags.length} flags do not pack four to a double`);
    for (let i = 0; i < s.flags.length; i += FLAGS_PER_WORD) put(s.flags[i]! + 256 * s.flags[i + 1]! + 65536 * s.flags[i + 2]! + 16777216 * s.flags[i + 3]!);
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
    if (n !== size) throw new Error(`hash: the canonical state filled ${n} of the ${size} doubles CANONICAL_WORDS declares; a field is missing or an array shrank`);
    return n;
  };
}

const canonical = canonicalWriter(scratch);

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
