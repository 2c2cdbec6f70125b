// Comparing a recorded replay with a re-simulated one: what `matchday verify` reports.
import { canonicalJson } from './canonical-json.js';
import { CHANNELS, channelName, channelScale, channelsOfFormat, frameToChannels } from './channels.js';
import type { ReplayReader } from './reader.js';
import type { Frame, ReplayFooter } from './types.js';

export interface CheckpointDifference {
  /** Index into the checkpoints; the hash after tick `tick`. */
  index: number;
  tick: number;
  recorded: string | null;
  resimulated: string | null;
}

export interface FrameDifference {
  tick: number;
  minute: number;
  /** What differs first, e.g. "player 4 (home #5) x" or "events". */
  what: string;
  recorded: string;
  resimulated: string;
}

export interface ReplayComparison {
  checkpointsCompared: number;
  framesCompared: number;
  firstCheckpoint: CheckpointDifference | null;
  firstFrame: FrameDifference | null;
  /** Other differences: final hash, score, segment end hashes, length. */
  other: string[];
  /**
   * The first tick where the two differ. Exact when a frame differs at or before the first
   * differing checkpoint; otherwise the state diverged below the frames' precision somewhere
   * in (from, tick], and `exact` is false.
   */
  divergence: { tick: number; from: number; exact: boolean } | null;
}

// Scratch for diffFrames: both rows are rewritten in full on each call and read only within it.
const scratchA = new Float64Array(CHANNELS);
const scratchB = new Float64Array(CHANNELS);

/**
 * Rewrites text that legitimately differs between two runs of the same match before it is compared:
 * a policy's messages name its file by the path it was loaded from, which is another folder (and,
 * in `verify`, another file name) when re-simulated.
 */
export type Normalize = (text: string, which: 'recorded' | 'fresh') => string;

export interface CompareOptions {
  normalize?: Normalize;
}

/** `v` as canonical JSON with every string normalized. */
function normalizedJson(v: unknown, which: 'recorded' | 'fresh', n: Normalize | undefined): string {
  if (!n) return canonicalJson(v);
  const walk = (x: unknown): unknown => {
    if (typeof x === 'string') return n(x, which);
    if (Array.isArray(x)) return x.map(walk);
    if (x !== null && typeof x === 'object') return Object.fromEntries(Object.entries(x).map(([k, y]) => [k, walk(y)]));
    return x;
  };
  return canonicalJson(walk(v));
}

/** The path of the first place two JSON values differ, with both values there (cut short), or null. */
export function firstJsonDifference(a: unknown, b: unknown, path = ''): { path: string; a: string; b: string } | null {
  if (a === undefined && b === undefined) return null;
  if (a !== undefined && b !== undefined && canonicalJson(a) === canonicalJson(b)) return null;
  if (a !== null && b !== null && typeof a === 'object' && typeof b === 'object' && Array.isArray(a) === Array.isArray(b)) {
    const keys = Array.isArray(a) ? Array.from({ length: Math.max(a.length, (b as unknown[]).length) }, (_, i) => i) : [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
    for (const k of keys) {
      const d = firstJsonDifference((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], typeof k === 'number' ? `${path}[${k}]` : path ? `${path}.${k}` : k);
      if (d) return d;
    }
  }
  const cut = (x: unknown): string => {
    const t = x === undefined ? 'nothing' : canonicalJson(x);
    return t.length > 80 ? `${t.slice(0, 79)}…` : t;
  };
  return { path: path || '(all)', a: cut(a), b: cut(b) };
}

/**
 * The first difference between two frames of the same tick, as quantised in the replay. `channels`
 * is how many are compared: all of them (state, then each team's budget use), or only the state
 * when one side is a format 1 replay, which recorded no budget use.
 */
export function diffFrames(a: Frame, b: Frame, n?: Normalize, channels = CHANNELS): FrameDifference | null {
  frameToChannels(a, scratchA, 0);
  frameToChannels(b, scratchB, 0);
  for (let c = 0; c < channels; c++) {
    if (scratchA[c] !== scratchB[c]) {
      const s = channelScale(c);
      return { tick: a.tick, minute: a.minute, what: channelName(c), recorded: String(scratchA[c]! / s), resimulated: String(scratchB[c]! / s) };
    }
  }
  const ea = canonicalJson(a.events);
  const eb = canonicalJson(b.events);
  if (ea !== eb) return { tick: a.tick, minute: a.minute, what: 'events', recorded: ea, resimulated: eb };
  // What the policies drew, logged and did wrong is part of the record too.
  for (const key of ['debug', 'faults'] as const) {
    for (const t of [0, 1] as const) {
      const ra = normalizedJson(a[key][t], 'recorded', n);
      const rb = normalizedJson(b[key][t], 'fresh', n);
      if (ra !== rb) return { tick: a.tick, minute: a.minute, what: `${key} (${t === 0 ? 'home' : 'away'})`, recorded: ra, resimulated: rb };
    }
  }
  return null;
}

/**
 * The footer as a faithful re-run must reproduce it: without the wall-clock flag (verify warns about
 * it) or the sampled memory high-water. A replay written before issue 16 (its team reports have none
 * of the fields it added) is compared on each team's facts only (faults, warnings): the figures derived from them
 * then followed other rules (budget percentiles, the freeze tick) for the same match.
 */
function comparableFooter(f: ReplayFooter, factsOnly: boolean): unknown {
  const { nonReproducible: _n, teams, ...rest } = f;
  if (factsOnly) return { ...rest, teams: teams.map((t) => ({ faults: t.faults, warnings: t.warnings, warningSamples: t.warningSamples })) };
  return { ...rest, teams: teams.map(({ memoryHighWater: _m, ...t }) => t) };
}

/**
 * Finds the first differing checkpoint, then steps tick by tick through the frames (from the
 * start, so a frame altered after the match is found even when every hash matches) to name
 * the first tick whose quantised state differs.
 */
export function compareReplays(recorded: ReplayReader, fresh: ReplayReader, opts: CompareOptions = {}): ReplayComparison {
  const every = recorded.header.checkpointEvery;
  const rc = recorded.footer.checkpoints;
  const fc = fresh.footer.checkpoints;
  let firstCheckpoint: CheckpointDifference | null = null;
  for (let k = 0; k < Math.max(rc.length, fc.length); k++) {
    if (rc[k] !== fc[k]) {
      firstCheckpoint = { index: k, tick: (k + 1) * every, recorded: rc[k] ?? null, resimulated: fc[k] ?? null };
      break;
    }
  }
  let firstFrame: FrameDifference | null = null;
  const last = Math.min(recorded.lastTick, fresh.lastTick);
  let framesCompared = 0;
  // A sandbox that spent different work on a tick is a divergence; a format 1 record cannot say.
  const channels = Math.min(channelsOfFormat(recorded.version), channelsOfFormat(fresh.version));
  for (let t = 0; t <= last && !firstFrame; t++) {
    firstFrame = diffFrames(recorded.frameAt(t), fresh.frameAt(t), opts.normalize, channels);
    framesCompared++;
  }
  const other: string[] = [];
  if (!firstFrame && recorded.lastTick !== fresh.lastTick) {
    const t = last + 1;
    firstFrame = { tick: t, minute: (recorded.lastTick > last ? recorded : fresh).frameAt(t).minute, what: 'match length', recorded: `ends at tick ${recorded.lastTick}`, resimulated: `ends at tick ${fresh.lastTick}` };
  }
  const rf = recorded.footer;
  const ff = fresh.footer;
  // Team reports with none of the fields issue 16 added were written before it (see comparableFooter);
  // one with only some of them missing was altered, and is compared in full.
  const added = ['ticks', 'faultCount', 'errorTicks', 'overBudgetTicks', 'debug'];
  const factsOnly = rf.teams.every((t) => added.every((k) => !Object.hasOwn(t, k)));
  if (rf.hash !== ff.hash) other.push(`final hash: recorded ${rf.hash}, re-simulated ${ff.hash}`);
  if (rf.score.join('-') !== ff.score.join('-')) other.push(`score: recorded ${rf.score.join('-')}, re-simulated ${ff.score.join('-')}`);
  if (canonicalJson(rf.shootout) !== canonicalJson(ff.shootout)) other.push(`shoot-out: recorded ${canonicalJson(rf.shootout)}, re-simulated ${canonicalJson(ff.shootout)}`);
  if (rf.endReason !== ff.endReason) other.push(`end: recorded ${rf.endReason}, re-simulated ${ff.endReason}`);
  const rest = firstJsonDifference(
    JSON.parse(normalizedJson(comparableFooter(rf, factsOnly), 'recorded', opts.normalize)),
    JSON.parse(normalizedJson(comparableFooter(ff, factsOnly), 'fresh', opts.normalize)),
  );
  if (rest) other.push(`footer ${rest.path}: recorded ${rest.a}, re-simulated ${rest.b}`);
  for (let i = 0; i < Math.min(recorded.segmentCount, fresh.segmentCount); i++) {
    const a = recorded.segment(i);
    const b = fresh.segment(i);
    if (a.endHash !== b.endHash) {
      other.push(`hash after tick ${a.firstTick + a.frameCount - 1} (segment ${i}): recorded ${a.endHash}, re-simulated ${b.endHash}`);
      break;
    }
  }
  let divergence: ReplayComparison['divergence'] = null;
  if (firstFrame && (!firstCheckpoint || firstFrame.tick <= firstCheckpoint.tick)) divergence = { tick: firstFrame.tick, from: firstFrame.tick - 1, exact: true };
  else if (firstCheckpoint) divergence = { tick: firstCheckpoint.tick, from: firstCheckpoint.tick - every, exact: false };
  return { checkpointsCompared: Math.max(rc.length, fc.length), framesCompared, firstCheckpoint, firstFrame, other, divergence };
}
