// One segment: up to SEGMENT_TICKS frames compressed together, decodable on its own.
//
// Payload: u32 index, u32 firstTick, u32 frameCount, endHash (two u32), u32 body length (so the
// inflater allocates once), then deflate(body).
// Body: uvar channel count, uvar residual byte length, the residuals, then canonical JSON of
// the per-tick extras (events, debug, faults) for the ticks that have any. The channel count
// says the format: STATE_CHANNELS in format 1, CHANNELS (the state plus each team's budget use)
// in format 2, so a segment on the live stream decodes on its own.
// Residuals are stored channel by channel (all frames of channel 0, then channel 1, ...): the
// first frame's value is absolute (the keyframe), every later one is the difference from the
// channel's prediction (see PREDICTOR), so long stretches of steady motion are runs of zeros.
import type { Fault } from '../controller.js';
import { MODES, PERIODS, PLAYERS, type MatchEvent } from '../state.js';
import { deflate, encodeBlock, inflateSized, jsonBytes, parseJsonBytes, readBlock } from './blocks.js';
import { ByteReader, ByteWriter, OutOfBytes } from './bytes.js';
import {
  CHANNELS, G_BUDGET, MAX_BUDGET_USED, PREDICTOR, PRED_LINEAR, PRED_VELOCITY, STATE_CHANNELS, VELOCITY_FROM, VEL_TO_POS, channelsOfFormat, channelsToFrame,
} from './channels.js';
import { KIND_SEGMENT, LIMITS, ReplayError, SEGMENT_PREFIX_BYTES, SEGMENT_TICKS } from './format.js';
import { problemOf } from './check.js';
import { checkExtrasJson } from './schema.js';
import type { DecodedSegment, Frame, TeamDebug } from './types.js';

/** The non-numeric part of one frame, stored only for ticks that have any. */
export interface FrameExtras {
  tick: number;
  events?: MatchEvent[];
  debug?: [TeamDebug | null, TeamDebug | null];
  faults?: [Fault[], Fault[]];
}

export interface SegmentInput {
  index: number;
  firstTick: number;
  frameCount: number;
  endHash: string;
  /** frameCount * CHANNELS quantised values, frame by frame. */
  rows: Float64Array;
  /** Replay format the segment is written in (it decides how many channels are stored). */
  format: number;
  extras: FrameExtras[];
}

/** The prediction for channel c of frame f; the keyframe (f = 0) is stored as it is. */
function predict(rows: Float64Array, f: number, c: number): number {
  if (f === 0) return 0;
  const at = f * CHANNELS + c;
  const prev = rows[at - CHANNELS]!;
  switch (PREDICTOR[c]) {
    case PRED_LINEAR:
      return f > 1 ? 2 * prev - rows[at - 2 * CHANNELS]! : prev;
    case PRED_VELOCITY:
      return prev + Math.round(rows[at - VELOCITY_FROM]! * VEL_TO_POS);
    default:
      return prev;
  }
}

function hashWords(hex: string): [number, number] {
  if (!/^[0-9a-f]{16}$/.test(hex)) throw new Error(`replay: a segment's end hash must be 16 hex digits, got '${hex}'`);
  return [parseInt(hex.slice(0, 8), 16), parseInt(hex.slice(8), 16)];
}

function wordsHash(a: number, b: number): string {
  return a.toString(16).padStart(8, '0') + b.toString(16).padStart(8, '0');
}

export function encodeSegment(s: SegmentInput): Uint8Array {
  const res = new ByteWriter();
  const n = s.frameCount;
  const stored = channelsOfFormat(s.format);
  for (let c = 0; c < stored; c++) {
    for (let f = 0; f < n; f++) res.svar(s.rows[f * CHANNELS + c]! - predict(s.rows, f, c));
  }
  const residuals = res.finish();
  const body = new ByteWriter();
  body.uvar(stored);
  body.uvar(residuals.length);
  body.bytes(residuals);
  body.bytes(jsonBytes(s.extras));
  const [h0, h1] = hashWords(s.endHash);
  const payload = new ByteWriter();
  payload.u32(s.index);
  payload.u32(s.firstTick);
  payload.u32(n);
  payload.u32(h0);
  payload.u32(h1);
  const raw = body.finish();
  payload.u32(raw.length);
  payload.bytes(deflate(raw));
  return encodeBlock(KIND_SEGMENT, payload.finish());
}

/** The fixed prefix of a segment payload, readable without decompressing. */
export function segmentPrefix(payload: Uint8Array): { index: number; firstTick: number; frameCount: number; endHash: string; bodyLength: number } {
  const r = new ByteReader(payload);
  const index = r.u32();
  const firstTick = r.u32();
  const frameCount = r.u32();
  const endHash = wordsHash(r.u32(), r.u32());
  const bodyLength = r.u32();
  return { index, firstTick, frameCount, endHash, bodyLength };
}

/**
 * Checks a segment's prefix against the format's bounds before anything is allocated for it:
 * at most SEGMENT_TICKS + 1 frames, and a body length the compressed bytes can really hold.
 */
export function checkSegmentPrefix(payload: Uint8Array, file: string, what: string): ReturnType<typeof segmentPrefix> {
  const fail = (detail: string): never => {
    throw new ReplayError(file, 'corrupt', `corrupt: ${what} ${detail}`);
  };
  if (payload.length < SEGMENT_PREFIX_BYTES) fail('is too short');
  const p = segmentPrefix(payload);
  if (p.frameCount < 1 || p.frameCount > SEGMENT_TICKS + 1) fail(`claims ${p.frameCount} frames (a segment holds 1 to ${SEGMENT_TICKS + 1})`);
  const compressed = payload.length - SEGMENT_PREFIX_BYTES;
  const most = Math.min(LIMITS.segmentBodyBytes, compressed * LIMITS.inflateRatio + 64);
  if (p.bodyLength > most) fail(`claims a body of ${p.bodyLength} bytes, more than its ${compressed} compressed bytes can hold`);
  return p;
}

/** What a reader knows from the header that bounds a segment. */
export interface SegmentBounds {
  /** The replay's format: its segments must store exactly its channels. Absent on the live path: the segment says. */
  format?: number;
  /** Most work units a team can have used in one tick (the recorded tick budget). */
  maxBudget?: number;
}

/** Decodes a segment payload (the block's content, CRC already checked). */
export function decodeSegmentPayload(payload: Uint8Array, file: string, what: string, bounds: SegmentBounds = {}): DecodedSegment & { index: number } {
  const fail = (detail: string): never => {
    throw new ReplayError(file, 'corrupt', `corrupt: ${what} ${detail}`);
  };
  const { index, firstTick, frameCount, endHash, bodyLength } = checkSegmentPrefix(payload, file, what);
  const raw = inflateSized(payload.subarray(SEGMENT_PREFIX_BYTES), file, what, bodyLength);
  if (raw.length !== bodyLength) fail(`decompresses to ${raw.length > bodyLength ? 'more than' : raw.length} bytes, its prefix says ${bodyLength}`);
  const body = new ByteReader(raw);
  const frames: Frame[] = new Array(frameCount);
  try {
    const channels = body.uvar();
    if (bounds.format !== undefined) {
      const want = channelsOfFormat(bounds.format);
      if (channels !== want) fail(`has ${channels} channels per frame, format ${bounds.format} has ${want}`);
    } else if (channels !== CHANNELS && channels !== STATE_CHANNELS) fail(`has ${channels} channels per frame, a replay has ${STATE_CHANNELS} or ${CHANNELS}`);
    const resLength = body.uvar();
    const res = new ByteReader(body.bytes(resLength));
    const rows = new Float64Array(frameCount * CHANNELS);
    // Channel by channel, so every value a prediction needs (earlier frames, the velocity channels) is decoded already.
    for (let c = 0; c < channels; c++) {
      for (let f = 0; f < frameCount; f++) rows[f * CHANNELS + c] = predict(rows, f, c) + res.svar();
    }
    // Format 1 recorded no budget use: every frame says none.
    for (let c = channels; c < CHANNELS; c++) for (let f = 0; f < frameCount; f++) rows[f * CHANNELS + c] = -1;
    if (res.left !== 0) fail(`has ${res.left} unread byte(s) after its frames`);
    const maxBudget = Math.min(bounds.maxBudget ?? MAX_BUDGET_USED, MAX_BUDGET_USED);
    for (let f = 0; f < frameCount; f++) {
      const frame = channelsToFrame(rows, f * CHANNELS);
      if (frame.tick !== firstTick + f) fail(`frame ${f} has tick ${frame.tick}, expected ${firstTick + f}`);
      for (const t of [0, 1] as const) {
        const b = rows[f * CHANNELS + G_BUDGET + t]!;
        if (b < -1 || b > maxBudget) fail(`frame ${f} (tick ${frame.tick}) has ${t === 0 ? 'home' : 'away'} budget used ${b} out of range (-1 for none, else 0 to ${maxBudget})`);
      }
      const bad = badFrameField(frame);
      if (bad) fail(`frame ${f} (tick ${frame.tick}) has ${bad} out of range`);
      frames[f] = frame;
    }
    const extras = parseJsonBytes(body.bytes(body.left), file, `${what}'s extras`);
    const problem = problemOf(checkExtrasJson, extras);
    if (problem) fail(`has malformed extras (${problem})`);
    for (const x of extras as FrameExtras[]) {
      const frame = frames[x.tick - firstTick];
      if (!frame) fail(`has extras for tick ${x.tick}, outside its frames`);
      if (x.events) frame!.events = x.events;
      if (x.debug) frame!.debug = x.debug;
      if (x.faults) frame!.faults = x.faults;
    }
  } catch (e) {
    if (e instanceof OutOfBytes) fail(`ends early (${e.message})`);
    throw e;
  }
  return { index, firstTick, endHash, frames };
}

/** The first small-integer field of a decoded frame outside what the engine can produce, or null. The viewer indexes tables with them. */
function badFrameField(f: Frame): string | null {
  if (!(f.period >= 0 && f.period < PERIODS.length)) return 'period';
  if (!(f.mode >= 0 && f.mode < MODES.length)) return 'mode';
  if (!(f.modeTeam >= -1 && f.modeTeam <= 1)) return 'modeTeam';
  if (!(f.holder >= -1 && f.holder < PLAYERS)) return 'holder';
  if (!(f.score[0] >= 0 && f.score[1] >= 0)) return 'score';
  if (!(f.periodTick >= 0 && f.minute >= 0)) return 'clock';
  return null;
}

/** Decodes one segment blob as the live stream sends it (and as it sits in a file). `source` names it in errors. */
export function decodeSegment(blob: Uint8Array, source = 'stream'): DecodedSegment & { index: number } {
  const block = readBlock(blob, 0, source, 'the segment', KIND_SEGMENT);
  const what = block.payload.length >= SEGMENT_PREFIX_BYTES ? `segment ${segmentPrefix(block.payload).index}` : 'the segment';
  return decodeSegmentPayload(block.payload, source, what);
}
