// ReplayWriter: a match listener that records the match as it is played and emits the replay's blobs as soon as each is complete.
import type { Fault } from '../controller.js';
import { attackSign } from '../frame.js';
import type { MatchResult } from '../match.js';
import type { MatchListener, MatchStart, MatchTick } from '../match-record.js';
import type { MatchEvent } from '../state.js';
import { encodeBlock, encodeJsonBlock } from './blocks.js';
import { ByteWriter } from './bytes.js';
import { CHANNELS, frameToChannels, setBudgetChannels, stateToChannels } from './channels.js';
import { absoluteDebug } from './debug.js';
import { KIND_FOOTER, KIND_HEADER, KIND_INDEX, MAGIC, SUPPORTED_FORMATS, TRAILER_MAGIC } from './format.js';
import { footerFromResult } from './header.js';
import { encodeSegment, type FrameExtras } from './segment.js';
import type { Frame, ReplayFooter, ReplayHeader, SegmentInfo, TeamDebug } from './types.js';

export type BlobKind = 'header' | 'segment' | 'footer';

/** Receives each blob the moment it is complete: what a live stream sends, in order. */
export type ReplaySink = (kind: BlobKind, blob: Uint8Array, segment?: SegmentInfo) => void;

function ascii(s: string): Uint8Array {
  return Uint8Array.from(s, (c) => c.charCodeAt(0));
}

/**
 * The first blob: preamble (magic, the header's format version) and the header block. A new match
 * is written in REPLAY_FORMAT_VERSION (makeReplayHeader); an older format only when an old replay is re-encoded.
 */
export function encodeHeaderBlob(header: ReplayHeader): Uint8Array {
  if (!SUPPORTED_FORMATS.includes(header.format)) throw new Error(`replay: cannot write format ${header.format} (this code writes ${SUPPORTED_FORMATS.join(', ')})`);
  const w = new ByteWriter();
  w.bytes(ascii(MAGIC));
  w.u32(header.format);
  w.bytes(encodeJsonBlock(KIND_HEADER, header));
  return w.finish();
}

/**
 * Use: `const w = new ReplayWriter(header, sink)`, run the match with `{ listeners: [w] }`, then
 * `w.file()` returns the whole file. Or feed decoded frames with addFrame and end with
 * finishFooter (how a replay is re-encoded).
 */
export class ReplayWriter implements MatchListener {
  private readonly blobs: Uint8Array[] = [];
  private size = 0;
  private readonly segments: Array<SegmentInfo & { offset: number }> = [];
  private readonly segmentTicks: number;
  private readonly rows: Float64Array;
  private count = 0;
  private firstTick = 0;
  private extras: FrameExtras[] = [];
  private lastTick = -1;
  /** The running match hash after `hashTick`: the segment's end hash, from the match loop or given to addFrame. */
  private hashText = '';
  private hashTick = -1;
  /** Each team's attack direction in the state its policy last observed, to turn its debug marks absolute. */
  private signs: [number, number] = [1, -1];
  private readonly scratch = new Float64Array(CHANNELS);
  private done = false;
  private whole: Uint8Array | null = null;

  constructor(
    readonly header: ReplayHeader,
    private readonly sink?: ReplaySink,
  ) {
    this.segmentTicks = header.segmentTicks;
    this.rows = new Float64Array(CHANNELS * (this.segmentTicks + 1));
    this.emit('header', encodeHeaderBlob(header));
  }

  /** Frame 0: the kick-off position, with each team's setup faults. */
  start(m: MatchStart): void {
    stateToChannels(m.state, this.scratch);
    this.hashText = m.hash;
    this.hashTick = m.state.tick;
    this.push(this.scratch, { tick: m.state.tick, faults: [[...m.setupFaults[0]], [...m.setupFaults[1]]] });
    this.signs = [attackSign(m.state, 0), attackSign(m.state, 1)];
  }

  /** One frame per tick, with its events, debug output and faults. */
  tick(r: MatchTick): void {
    const state = r.state;
    this.hashText = r.hash;
    this.hashTick = state.tick;
    stateToChannels(state, this.scratch);
    const [h, a] = r.teams;
    setBudgetChannels(this.scratch, 0, h.budgetUsed, a.budgetUsed);
    const d: [TeamDebug | null, TeamDebug | null] = [absoluteDebug(h.debug, this.signs[0]), absoluteDebug(a.debug, this.signs[1])];
    const faults: [Fault[], Fault[]] = [[...h.faults], [...a.faults]];
    // An event belongs to the frame of its own tick (the first step raises the kick-off as tick 0),
    // unless that frame's segment has gone out already; then it joins this one.
    const now: MatchEvent[] = [];
    for (const e of state.events) {
      if (e.tick === state.tick || !this.attachEarlier({ ...e })) now.push({ ...e });
    }
    this.push(this.scratch, { tick: state.tick, events: now, debug: d, faults });
    this.signs = [attackSign(state, 0), attackSign(state, 1)];
  }

  /** The end-of-match summary: the footer. */
  end(result: MatchResult): void {
    this.whole = this.finishFooter(footerFromResult(result));
  }

  /** The whole replay file, once the match has ended. */
  file(): Uint8Array {
    if (this.whole === null) throw new Error('replay: the match has not ended (was the writer passed to runMatch as a listener?)');
    return this.whole;
  }

  /** Adds an event stamped with an earlier tick to that frame while its segment is still open; false if it is not. */
  private attachEarlier(e: MatchEvent): boolean {
    if (this.count === 0 || e.tick < this.firstTick || e.tick > this.lastTick) return false;
    let at = this.extras.findIndex((x) => x.tick >= e.tick);
    if (at < 0) at = this.extras.length;
    if (this.extras[at]?.tick !== e.tick) this.extras.splice(at, 0, { tick: e.tick });
    const x = this.extras[at]!;
    x.events = [...(x.events ?? []), e];
    return true;
  }

  /** Adds a decoded frame. `hash` is the running match hash after its tick, needed at least for each segment's last frame. */
  addFrame(frame: Frame, hash: string | null): void {
    frameToChannels(frame, this.scratch, 0);
    if (hash !== null) {
      this.hashText = hash;
      this.hashTick = frame.tick;
    }
    this.push(this.scratch, { tick: frame.tick, events: frame.events, debug: frame.debug, faults: frame.faults });
  }

  private push(channels: Float64Array, x: FrameExtras): void {
    if (this.done) throw new Error('replay: frame added after finish');
    if (x.tick !== this.lastTick + 1) throw new Error(`replay: frames must come tick by tick; got tick ${x.tick} after ${this.lastTick}`);
    if (this.count === 0) this.firstTick = x.tick;
    this.rows.set(channels, this.count * CHANNELS);
    this.count++;
    this.lastTick = x.tick;
    // Only what a tick actually has is stored; most ticks have nothing.
    const e: FrameExtras = { tick: x.tick };
    if (x.events && x.events.length > 0) e.events = x.events;
    if (x.debug && (x.debug[0] || x.debug[1])) e.debug = x.debug;
    if (x.faults && (x.faults[0].length > 0 || x.faults[1].length > 0)) e.faults = x.faults;
    if (e.events || e.debug || e.faults) this.extras.push(e);
    if (x.tick > 0 && x.tick % this.segmentTicks === 0) this.flush();
  }

  private flush(): void {
    if (this.count === 0) return;
    if (this.hashTick !== this.lastTick) throw new Error(`replay: no hash given for tick ${this.lastTick}, the end of a segment`);
    const info: SegmentInfo = { index: this.segments.length, firstTick: this.firstTick, frameCount: this.count, endHash: this.hashText };
    const blob = encodeSegment({ ...info, rows: this.rows.subarray(0, this.count * CHANNELS), extras: this.extras, format: this.header.format });
    this.segments.push({ ...info, offset: this.size });
    this.emit('segment', blob, info);
    this.count = 0;
    this.extras = [];
  }

  private emit(kind: BlobKind, blob: Uint8Array, info?: SegmentInfo): void {
    this.blobs.push(blob);
    this.size += blob.length;
    this.sink?.(kind, blob, info);
  }

  /** Flushes the last segment, emits the footer, and returns the whole file (blobs, index, trailer). */
  finishFooter(footer: ReplayFooter): Uint8Array {
    if (this.done) throw new Error('replay: finish called twice');
    if (this.lastTick < 0) throw new Error('replay: no frames were added');
    this.flush();
    this.done = true;
    const footerOffset = this.size;
    this.emit('footer', encodeJsonBlock(KIND_FOOTER, footer));
    const index = new ByteWriter();
    index.u32(this.segments.length);
    for (const s of this.segments) {
      index.u32(s.offset);
      index.u32(s.firstTick);
      index.u32(s.frameCount);
    }
    index.u32(footerOffset);
    const indexOffset = this.size;
    const tail = new ByteWriter();
    tail.bytes(encodeBlock(KIND_INDEX, index.finish()));
    tail.u32(indexOffset);
    tail.bytes(ascii(TRAILER_MAGIC));
    const end = tail.finish();
    const out = new Uint8Array(this.size + end.length);
    let at = 0;
    for (const b of this.blobs) {
      out.set(b, at);
      at += b.length;
    }
    out.set(end, at);
    return out;
  }
}
