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
  CHANNELS, G_BUDGET, G_HOLDER, G_MINUTE, G_MODE, G_MODE_TEAM, G_PERIOD, G_PERIOD_TICK, G_SCORE, G_TICK, MAX_BUDGET_USED, PREDICTOR, PRED_LINEAR, PRED_VELOCITY, STATE_CHANNELS, VELOCITY_FROM, VEL_TO_POS, channelsOfFormat, channelsToFrame,
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

// Module-level copies of the channel table: the decoding loop below reads locals, not imported
// bindings (which a transpiler may turn into a getter call per read).
const STRIDE = CHANNELS;
const PREDICTORS = PREDICTOR;
const LINEAR = PRED_LINEAR;
const VELOCITY = PRED_VELOCITY;
const VEL_FROM = VELOCITY_FROM;
const VEL_SCALE = VEL_TO_POS;
/** 2^56, as ByteReader: a varint needing more 7-bit groups is corrupt. */
const MAX_SCALE = 0x100000000000000;

/**
 * The encoder's loop undone: `channels` channels of `frameCount` frames from the residual bytes
 * into `rows` (stride CHANNELS), channel by channel, so every value a prediction needs (earlier
 * frames, the velocity channels) is decoded already. The same arithmetic as predict(), with the
 * predictor chosen once per channel and the varints read inline: every frame a reader sees
 * passes through here. Returns the bytes read; throws OutOfBytes when they run out.
 */
function decodeResiduals(buf: Uint8Array, rows: Float64Array, frameCount: number, channels: number): number {
  let pos = 0;
  const end = buf.length;
  const svar = (): number => {
    if (pos >= end) throw new OutOfBytes(`needs 1 byte(s) at offset ${pos}, only 0 left`);
    let b = buf[pos++]!;
    if (b < 128) return b % 2 === 0 ? b / 2 : -(b + 1) / 2;
    let v = b - 128;
    let scale = 128;
    for (;;) {
      if (pos >= end) throw new OutOfBytes(`needs 1 byte(s) at offset ${pos}, only 0 left`);
      b = buf[pos++]!;
      v += (b & 127) * scale;
      if (b < 128) return v % 2 === 0 ? v / 2 : -(v + 1) / 2;
      scale *= 128;
      if (scale > MAX_SCALE) throw new OutOfBytes(`varint too long at offset ${pos}`);
    }
  };
  for (let c = 0; c < channels; c++) {
    const kind = PREDICTORS[c];
    if (frameCount > 0) rows[c] = svar();
    for (let f = 1; f < frameCount; f++) {
      const at = f * STRIDE + c;
      const prev = rows[at - STRIDE]!;
      let guess = prev;
      if (kind === LINEAR) guess = f > 1 ? 2 * prev - rows[at - 2 * STRIDE]! : prev;
      else if (kind === VELOCITY) guess = prev + Math.round(rows[at - VEL_FROM]! * VEL_SCALE);
      rows[at] = guess + svar();
    }
  }
  return pos;
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

/** A segment decoded to its numbers and extras, every value checked, before any Frame object is made. */
export interface SegmentRows {
  index: number;
  firstTick: number;
  frameCount: number;
  endHash: string;
  /** frameCount * CHANNELS values, frame by frame (channels.ts; budget use -1 where none). */
  rows: Float64Array;
  /** The ticks that have events, debug output or faults, in the order stored; each within the segment. */
  extras: FrameExtras[];
}

/**
 * Decodes and checks a segment payload (the block's content, CRC already checked) down to its
 * channel values: what checkFrames and a full pass like `inspect` need, without allocating a
 * Frame and 22 player objects per tick.
 */
export function decodeSegmentRows(payload: Uint8Array, file: string, what: string, bounds: SegmentBounds = {}): SegmentRows {
  const fail = (detail: string): never => {
    throw new ReplayError(file, 'corrupt', `corrupt: ${what} ${detail}`);
  };
  const { index, firstTick, frameCount, endHash, bodyLength } = checkSegmentPrefix(payload, file, what);
  const raw = inflateSized(payload.subarray(SEGMENT_PREFIX_BYTES), file, what, bodyLength);
  if (raw.length !== bodyLength) fail(`decompresses to ${raw.length > bodyLength ? 'more than' : raw.length} bytes, its prefix says ${bodyLength}`);
  const body = new ByteReader(raw);
  try {
    const channels = body.uvar();
    if (bounds.format !== undefined) {
      const want = channelsOfFormat(bounds.format);
      if (channels !== want) fail(`has ${channels} channels per frame, format ${bounds.format} has ${want}`);
    } else if (channels !== CHANNELS && channels !== STATE_CHANNELS) fail(`has ${channels} channels per frame, a replay has ${STATE_CHANNELS} or ${CHANNELS}`);
    const resLength = body.uvar();
    const res = body.bytes(resLength);
    const rows = new Float64Array(frameCount * CHANNELS);
    const read = decodeResiduals(res, rows, frameCount, channels);
    // Format 1 recorded no budget use: every frame says none.
    for (let c = channels; c < CHANNELS; c++) for (let f = 0; f < frameCount; f++) rows[f * CHANNELS + c] = -1;
    if (read !== res.length) fail(`has ${res.length - read} unread byte(s) after its frames`);
    const maxBudget = Math.min(bounds.maxBudget ?? MAX_BUDGET_USED, MAX_BUDGET_USED);
    for (let f = 0; f < frameCount; f++) {
      const at = f * CHANNELS;
      const tick = rows[at + G_TICK]!;
      if (tick !== firstTick + f) fail(`frame ${f} has tick ${tick}, expected ${firstTick + f}`);
      for (const t of [0, 1] as const) {
        const b = rows[at + G_BUDGET + t]!;
        if (b < -1 || b > maxBudget) fail(`frame ${f} (tick ${tick}) has ${t === 0 ? 'home' : 'away'} budget used ${b} out of range (-1 for none, else 0 to ${maxBudget})`);
      }
      const bad = badRowField(rows, at);
      if (bad) fail(`frame ${f} (tick ${tick}) has ${bad} out of range`);
    }
    const extras = parseJsonBytes(body.bytes(body.left), file, `${what}'s extras`);
    const problem = problemOf(checkExtrasJson, extras);
    if (problem) fail(`has malformed extras (${problem})`);
    for (const x of extras as FrameExtras[]) {
      if (x.tick < firstTick || x.tick >= firstTick + frameCount) fail(`has extras for tick ${x.tick}, outside its frames`);
    }
    return { index, firstTick, frameCount, endHash, rows, extras: extras as FrameExtras[] };
  } catch (e) {
    if (e instanceof OutOfBytes) fail(`ends early (${e.message})`);
    throw e;
  }
}

/** Decodes a segment payload (the block's content, CRC already checked) into frames. */
export function decodeSegmentPayload(payload: Uint8Array, file: string, what: string, bounds: SegmentBounds = {}): DecodedSegment & { index: number } {
  const { index, firstTick, frameCount, endHash, rows, extras } = decodeSegmentRows(payload, file, what, bounds);
  const frames: Frame[] = new Array(frameCount);
  for (let f = 0; f < frameCount; f++) frames[f] = channelsToFrame(rows, f * CHANNELS);
  for (const x of extras) {
    const frame = frames[x.tick - firstTick]!;
    if (x.events) frame.events = x.events;
    if (x.debug) frame.debug = x.debug;
    if (x.faults) frame.faults = x.faults;
  }
  return { index, firstTick, endHash, frames };
}

/** The first small-integer field of a decoded frame outside what the engine can produce, or null. The viewer indexes tables with them. */
function badRowField(rows: Float64Array, at: number): string | null {
  const period = rows[at + G_PERIOD]!;
  const mode = rows[at + G_MODE]!;
  const modeTeam = rows[at + G_MODE_TEAM]!;
  const holder = rows[at + G_HOLDER]!;
  if (!(period >= 0 && period < PERIODS.length)) return 'period';
  if (!(mode >= 0 && mode < MODES.length)) return 'mode';
  if (!(modeTeam >= -1 && modeTeam <= 1)) return 'modeTeam';
  if (!(holder >= -1 && holder < PLAYERS)) return 'holder';
  if (!(rows[at + G_SCORE]! >= 0 && rows[at + G_SCORE + 1]! >= 0)) return 'score';
  if (!(rows[at + G_PERIOD_TICK]! >= 0 && rows[at + G_MINUTE]! >= 0)) return 'clock';
  return null;
}

/** Decodes one segment blob as the live stream sends it (and as it sits in a file). `source` names it in errors. */
export function decodeSegment(blob: Uint8Array, source = 'stream'): DecodedSegment & { index: number } {
  const block = readBlock(blob, 0, source, 'the segment', KIND_SEGMENT);
  const what = block.payload.length >= SEGMENT_PREFIX_BYTES ? `segment ${segmentPrefix(block.payload).index}` : 'the segment';
  return decodeSegmentPayload(block.payload, source, what);
}
