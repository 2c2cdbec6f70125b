// ReplayReader: opens a replay file's bytes, checks every block, and decodes segments on demand.
import { decodeJsonPayload, kindName, readBlock } from './blocks.js';
import { ByteReader, OutOfBytes } from './bytes.js';
import {
  BLOCK_HEAD_BYTES, KIND_FOOTER, KIND_HEADER, KIND_INDEX, KIND_SEGMENT, MAGIC, PREAMBLE_BYTES, ReplayError, SUPPORTED_FORMATS,
  TRAILER_BYTES, TRAILER_MAGIC, versionMessage,
} from './format.js';
import { checkFooter, checkHeader } from './header.js';
import { checkSegmentPrefix, decodeSegmentPayload, decodeSegmentRows, type SegmentBounds, type SegmentRows } from './segment.js';
import type { Frame, ReplayFooter, ReplayHeader, SegmentInfo } from './types.js';

const CACHE_SEGMENTS = 4;

function asciiAt(bytes: Uint8Array, at: number, n: number): string {
  return String.fromCharCode(...bytes.subarray(at, at + n));
}

/** Reads the preamble; throws for a file that is not a replay, too short, or of an unknown version. Returns the version. */
export function readPreamble(bytes: Uint8Array, file: string): number {
  const have = asciiAt(bytes, 0, Math.min(4, bytes.length));
  if (have !== MAGIC.slice(0, have.length)) throw new ReplayError(file, 'not_replay', `not a matchday replay (it does not start with '${MAGIC}')`);
  if (bytes.length < PREAMBLE_BYTES) throw new ReplayError(file, 'truncated', `truncated: only ${bytes.length} byte(s), not even the replay's preamble`);
  const version = new ByteReader(bytes.subarray(4, 8)).u32();
  if (!SUPPORTED_FORMATS.includes(version)) throw new ReplayError(file, 'version', versionMessage(version));
  return version;
}

interface Located extends SegmentInfo {
  offset: number;
  size: number;
  payload: Uint8Array;
}

export class ReplayReader {
  readonly header: ReplayHeader;
  readonly footer: ReplayFooter;
  readonly version: number;
  private readonly segs: Located[];
  private readonly footerAt: { offset: number; size: number };
  private readonly cache = new Map<number, Frame[]>();
  /** Every segment's decoded channel values, once keepRows is called. */
  private rowsCache: Map<number, SegmentRows> | null = null;
  /** What the header says every segment must keep to: its format's channels, the recorded tick budget. */
  private readonly bounds: SegmentBounds;

  /** `file` names the replay in every error message. Checks the whole file's structure and every CRC up front. */
  constructor(
    readonly bytes: Uint8Array,
    readonly file: string,
  ) {
    this.version = readPreamble(bytes, file);
    const head = readBlock(bytes, PREAMBLE_BYTES, file, 'the header', KIND_HEADER);
    this.header = checkHeader(decodeJsonPayload(head.payload, file, 'the header'), file);
    if (this.header.format !== this.version) {
      throw new ReplayError(file, 'corrupt', `corrupt: the preamble says format ${this.version}, the header says ${this.header.format}`);
    }
    // A tick budget that is no budget at all is left to whoever reads the settings (verify refuses it by name).
    const budget = this.header.budget as { tickBudget?: unknown; pyTickBudget?: unknown } | null;
    const tickBudget = budget?.tickBudget;
    const usable = typeof tickBudget === 'number' && Number.isInteger(tickBudget) && tickBudget >= 1;
    // A Python team's budget is counted in its own units (sandbox/limits.ts): use the larger bound.
    const py = budget?.pyTickBudget;
    const maxBudget = usable && typeof py === 'number' && Number.isInteger(py) && py > tickBudget ? py : tickBudget;
    this.bounds = usable ? { format: this.version, maxBudget: maxBudget as number } : { format: this.version };
    const afterHeader = PREAMBLE_BYTES + head.size;
    const index = this.readIndex(afterHeader);
    this.segs = index.segments.map((s, i) => this.locateSegment(s, i));
    let expect = afterHeader;
    let tick = 0;
    for (const s of this.segs) {
      if (s.offset !== expect || s.firstTick !== tick) throw new ReplayError(file, 'corrupt', `corrupt: the index places segment ${s.index} wrongly`);
      expect += s.size;
      tick += s.frameCount;
    }
    if (index.footer !== expect) throw new ReplayError(file, 'corrupt', 'corrupt: the index places the footer wrongly');
    const foot = readBlock(bytes, index.footer, file, 'the footer', KIND_FOOTER);
    this.footerAt = { offset: foot.offset, size: foot.size };
    this.footer = checkFooter(decodeJsonPayload(foot.payload, file, 'the footer'), file);
    if (this.segs.length === 0 || this.lastTick !== this.footer.ticks) {
      throw new ReplayError(file, 'corrupt', `corrupt: the frames end at tick ${this.lastTick} but the footer says the match ran ${this.footer.ticks} ticks`);
    }
    // Every match that starts plays both halves: a header claiming longer halves than the frames
    // hold was altered, and would make a re-simulation run far past what the file can be compared with.
    const halves = 2 * this.header.config.halfTicks;
    if (this.footer.forfeit === null && this.footer.ticks < halves) {
      throw new ReplayError(file, 'invalid', `invalid: the header's config has ${this.header.config.halfTicks} ticks a half, but the match recorded only ${this.footer.ticks} ticks in all`);
    }
  }

  /**
   * Decodes every segment once (without keeping them), so a replay whose frames are broken is
   * refused before anything is done with it rather than halfway through. Throws the first ReplayError.
   */
  checkFrames(): void {
    for (let i = 0; i < this.segs.length; i++) {
      if (!this.cache.has(i)) this.segmentRows(i);
    }
  }

  /**
   * Keeps every segment's channel values once decoded (checkFrames' too), so a pass over the whole
   * match (inspect) inflates and checks each segment once. About 120 KB a segment, in typed arrays.
   */
  keepRows(): void {
    this.rowsCache ??= new Map();
  }

  /** Segment i decoded and checked down to its channel values and extras: for one pass over many ticks. */
  segmentRows(i: number): SegmentRows {
    this.segment(i);
    const kept = this.rowsCache?.get(i);
    if (kept) return kept;
    const rows = decodeSegmentRows(this.segs[i]!.payload, this.file, `segment ${i}`, this.bounds);
    this.rowsCache?.set(i, rows);
    return rows;
  }

  private readIndex(afterHeader: number): { segments: Array<{ offset: number; firstTick: number; frameCount: number }>; footer: number } {
    const b = this.bytes;
    const n = b.length;
    if (n < afterHeader + TRAILER_BYTES || asciiAt(b, n - 4, 4) !== TRAILER_MAGIC) this.diagnoseTail(afterHeader);
    const at = new ByteReader(b.subarray(n - TRAILER_BYTES, n - 4)).u32();
    if (at < afterHeader || at > n - TRAILER_BYTES) throw new ReplayError(this.file, 'corrupt', 'corrupt: the trailer points outside the file');
    const block = readBlock(b, at, this.file, 'the index', KIND_INDEX);
    if (at + block.size !== n - TRAILER_BYTES) throw new ReplayError(this.file, 'corrupt', 'corrupt: the index does not end where the trailer begins');
    try {
      const r = new ByteReader(block.payload);
      const count = r.u32();
      const segments = [];
      for (let i = 0; i < count; i++) segments.push({ offset: r.u32(), firstTick: r.u32(), frameCount: r.u32() });
      const footer = r.u32();
      if (r.left !== 0) throw new OutOfBytes('extra bytes');
      return { segments, footer };
    } catch (e) {
      if (e instanceof OutOfBytes) throw new ReplayError(this.file, 'corrupt', `corrupt: the index is malformed (${e.message})`);
      throw e;
    }
  }

  /** The trailer is missing: walk the blocks from the start to say how far the file goes. Always throws. */
  private diagnoseTail(afterHeader: number): never {
    let at = afterHeader;
    let segments = 0;
    let footer = false;
    let index = false;
    while (at < this.bytes.length && !index) {
      const what = footer ? 'the index' : `segment ${segments} or the footer`;
      const block = readBlock(this.bytes, at, this.file, what);
      if (block.kind === KIND_SEGMENT && !footer) segments++;
      else if (block.kind === KIND_FOOTER && !footer) footer = true;
      else if (block.kind === KIND_INDEX && footer) index = true;
      else throw new ReplayError(this.file, 'corrupt', `corrupt: ${kindName(block.kind)} block out of place at byte ${at}`);
      at += block.size;
    }
    const missing = index ? 'the trailer is missing or cut short' : footer ? 'the index and trailer are missing' : 'the footer, index and trailer are missing';
    throw new ReplayError(this.file, 'truncated', `truncated: the file stops after ${segments} complete segment(s); ${missing}`);
  }

  private locateSegment(s: { offset: number; firstTick: number; frameCount: number }, i: number): Located {
    if (s.offset + BLOCK_HEAD_BYTES > this.bytes.length) throw new ReplayError(this.file, 'corrupt', `corrupt: the index points segment ${i} outside the file`);
    const block = readBlock(this.bytes, s.offset, this.file, `segment ${i}`, KIND_SEGMENT);
    const p = checkSegmentPrefix(block.payload, this.file, `segment ${i}`);
    if (p.index !== i || p.firstTick !== s.firstTick || p.frameCount !== s.frameCount) {
      throw new ReplayError(this.file, 'corrupt', `corrupt: segment ${i} does not match the index`);
    }
    return { index: p.index, firstTick: p.firstTick, frameCount: p.frameCount, endHash: p.endHash, offset: block.offset, size: block.size, payload: block.payload };
  }

  get segmentCount(): number {
    return this.segs.length;
  }

  /** The last frame's tick. */
  get lastTick(): number {
    const s = this.segs[this.segs.length - 1];
    return s ? s.firstTick + s.frameCount - 1 : -1;
  }

  segment(i: number): SegmentInfo {
    const s = this.segs[i];
    if (!s) throw new RangeError(`${this.file}: no segment ${i} (it has ${this.segs.length})`);
    return { index: s.index, firstTick: s.firstTick, frameCount: s.frameCount, endHash: s.endHash };
  }

  /** The preamble and header block, exactly as a live stream sends them first. */
  headerBlob(): Uint8Array {
    return this.bytes.subarray(0, this.segs[0]!.offset);
  }

  /** A segment blob as it sits in the file and travels on the live stream; decodeSegment reads it. */
  segmentBlob(i: number): Uint8Array {
    this.segment(i);
    const s = this.segs[i]!;
    return this.bytes.subarray(s.offset, s.offset + s.size);
  }

  footerBlob(): Uint8Array {
    return this.bytes.subarray(this.footerAt.offset, this.footerAt.offset + this.footerAt.size);
  }

  /** The decoded frames of segment i (the few most recent are cached). */
  frames(i: number): Frame[] {
    this.segment(i);
    let f = this.cache.get(i);
    if (f) {
      // Refresh its place so the cache drops the least recently used.
      this.cache.delete(i);
      this.cache.set(i, f);
      return f;
    }
    f = decodeSegmentPayload(this.segs[i]!.payload, this.file, `segment ${i}`, this.bounds).frames;
    this.cache.set(i, f);
    if (this.cache.size > CACHE_SEGMENTS) this.cache.delete(this.cache.keys().next().value!);
    return f;
  }

  /** Index of the segment holding `tick`. */
  segmentOf(tick: number): number {
    if (!Number.isInteger(tick) || tick < 0 || tick > this.lastTick) throw new RangeError(`${this.file}: no frame for tick ${tick} (ticks 0..${this.lastTick})`);
    let lo = 0;
    let hi = this.segs.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.segs[mid]!.firstTick <= tick) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  frameAt(tick: number): Frame {
    const i = this.segmentOf(tick);
    return this.frames(i)[tick - this.segs[i]!.firstTick]!;
  }
}
