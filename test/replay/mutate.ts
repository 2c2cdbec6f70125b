// Test helper: takes a replay file apart into its raw pieces and puts them back together with
// every CRC, offset and index entry right, so a test can hand the reader exactly the lie it wants
// (a header field, a file name, a segment's length) without the CRC giving it away.
import { decodeJsonPayload, encodeBlock, encodeJsonBlock } from '../../engine/replay/blocks.js';
import { inflateSync } from 'fflate';
import { ByteReader, ByteWriter } from '../../engine/replay/bytes.js';
import { CHANNELS, frameToChannels } from '../../engine/replay/channels.js';
import { decodeSegmentPayload, encodeSegment, type FrameExtras } from '../../engine/replay/segment.js';
import { BLOCK_HEAD_BYTES, KIND_FOOTER, KIND_HEADER, KIND_INDEX, KIND_SEGMENT, MAGIC, PREAMBLE_BYTES, REPLAY_FORMAT_VERSION, TRAILER_MAGIC } from '../../engine/replay/format.js';
import { ReplayReader } from '../../engine/replay/reader.js';

/** A replay's pieces: the header and footer as plain JSON values, the segments as raw block payloads. */
export interface Parts {
  version: number;
  header: unknown;
  segments: Uint8Array[];
  footer: unknown;
}

/** Index entries as assemble writes them; `patchIndex` may lie about any of them. */
export interface IndexEntries {
  segments: Array<{ offset: number; firstTick: number; frameCount: number }>;
  footer: number;
}

export interface AssembleOptions {
  patchIndex?: (e: IndexEntries) => IndexEntries;
  /** Where the trailer says the index is (default: where it is). */
  trailerOffset?: (actual: number) => number;
}

/** Takes a valid replay apart. */
export function disassemble(bytes: Uint8Array): Parts {
  const r = new ReplayReader(bytes, 'original');
  const header = decodeJsonPayload(r.headerBlob().subarray(PREAMBLE_BYTES + BLOCK_HEAD_BYTES), 'original', 'the header');
  // Uint8Array.from copies: on a Buffer, slice() would be a view into the original.
  const segments = Array.from({ length: r.segmentCount }, (_, i) => Uint8Array.from(r.segmentBlob(i).subarray(BLOCK_HEAD_BYTES)));
  const footer = decodeJsonPayload(r.footerBlob().subarray(BLOCK_HEAD_BYTES), 'original', 'the footer');
  return { version: r.version, header, segments, footer };
}

/** A deep copy of JSON-like parts, for mutating one copy per case. */
export function copyParts(p: Parts): Parts {
  return { version: p.version, header: structuredClone(p.header), segments: p.segments.map((s) => Uint8Array.from(s)), footer: structuredClone(p.footer) };
}

function u32(v: number): Uint8Array {
  const w = new ByteWriter();
  w.u32(v);
  return w.finish();
}

/** Puts pieces together; the header or footer may be a JSON value or an already deflated payload. */
export function assemble(p: Parts, opts: AssembleOptions = {}): Uint8Array {
  const chunks: Uint8Array[] = [];
  let size = 0;
  const push = (b: Uint8Array): void => {
    chunks.push(b);
    size += b.length;
  };
  push(Uint8Array.from(MAGIC, (c) => c.charCodeAt(0)));
  push(u32(p.version));
  push(p.header instanceof Uint8Array ? encodeBlock(KIND_HEADER, p.header) : encodeJsonBlock(KIND_HEADER, p.header));
  let entries: IndexEntries = { segments: [], footer: 0 };
  for (const payload of p.segments) {
    const prefix = payload.length >= 12 ? new DataView(payload.buffer, payload.byteOffset, 12) : null;
    entries.segments.push({ offset: size, firstTick: prefix?.getUint32(4, true) ?? 0, frameCount: prefix?.getUint32(8, true) ?? 0 });
    push(encodeBlock(KIND_SEGMENT, payload));
  }
  entries.footer = size;
  push(p.footer instanceof Uint8Array ? encodeBlock(KIND_FOOTER, p.footer) : encodeJsonBlock(KIND_FOOTER, p.footer));
  if (opts.patchIndex) entries = opts.patchIndex(entries);
  const index = new ByteWriter();
  index.u32(entries.segments.length);
  for (const s of entries.segments) {
    index.u32(s.offset);
    index.u32(s.firstTick);
    index.u32(s.frameCount);
  }
  index.u32(entries.footer);
  const indexAt = size;
  push(encodeBlock(KIND_INDEX, index.finish()));
  push(u32(opts.trailerOffset ? opts.trailerOffset(indexAt) : indexAt));
  push(Uint8Array.from(TRAILER_MAGIC, (c) => c.charCodeAt(0)));
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** The u32 fields of a segment payload's prefix, by name. */
export const SEGMENT_FIELDS = { index: 0, firstTick: 4, frameCount: 8, hash0: 12, hash1: 16, bodyLength: 20 } as const;

/** A copy of a segment payload with one prefix field set. */
export function setSegmentField(payload: Uint8Array, field: keyof typeof SEGMENT_FIELDS, value: number): Uint8Array {
  const out = Uint8Array.from(payload);
  new DataView(out.buffer, out.byteOffset).setUint32(SEGMENT_FIELDS[field], value >>> 0, true);
  return out;
}

/** The header as a mutable JSON object (throws if it is not one). */
export function headerOf(p: Parts): Record<string, any> {
  return p.header as Record<string, any>;
}

/** A copy of a valid replay with its header changed by `edit` (CRCs and offsets made right again). */
export function withHeader(bytes: Uint8Array, edit: (h: Record<string, any>) => void): Uint8Array {
  const p = copyParts(disassemble(bytes));
  edit(headerOf(p));
  return assemble(p);
}

/**
 * A segment payload decoded, its frames' channels (CHANNELS a frame, budget use included) changed
 * by `edit`, and encoded again in `format` (default: the format the payload was in), CRC-clean and
 * unchecked: how a test writes a frame value the writer never would.
 */
export function withRows(payload: Uint8Array, edit: (rows: Float64Array) => void, format?: number): Uint8Array {
  const seg = decodeSegmentPayload(payload, 'original', 'the segment');
  const rows = new Float64Array(seg.frames.length * CHANNELS);
  seg.frames.forEach((f, i) => frameToChannels(f, rows, i * CHANNELS));
  edit(rows);
  // The writer's rule: a tick's extras are stored only when it has any.
  const extras: FrameExtras[] = [];
  for (const f of seg.frames) {
    const x: FrameExtras = { tick: f.tick };
    if (f.events.length > 0) x.events = f.events;
    if (f.debug[0] || f.debug[1]) x.debug = f.debug;
    if (f.faults[0].length > 0 || f.faults[1].length > 0) x.faults = f.faults;
    if (x.events || x.debug || x.faults) extras.push(x);
  }
  const stored = format ?? (payloadChannels(payload) === CHANNELS ? 2 : 1);
  const blob = encodeSegment({ index: seg.index, firstTick: seg.firstTick, frameCount: seg.frames.length, endHash: seg.endHash, rows, extras, format: stored });
  return blob.subarray(BLOCK_HEAD_BYTES);
}

/** The channel count a segment payload's body declares (its first varint). */
export function payloadChannels(payload: Uint8Array): number {
  const len = new DataView(payload.buffer, payload.byteOffset).getUint32(20, true);
  const body = inflateSync(payload.subarray(24), { out: new Uint8Array(len) });
  return new ByteReader(body).uvar();
}

export { REPLAY_FORMAT_VERSION };
