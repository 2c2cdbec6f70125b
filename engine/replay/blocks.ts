// Block framing (length, kind, CRC) and the compressed JSON blocks (header, footer).
import { deflateSync, Inflate, inflateSync } from 'fflate';
import { ByteReader, ByteWriter } from './bytes.js';
import { canonicalJson } from './canonical-json.js';
import { crc32 } from './crc32.js';
import { BLOCK_HEAD_BYTES, DEFLATE_LEVEL, KIND_FOOTER, KIND_HEADER, KIND_INDEX, KIND_SEGMENT, LIMITS, ReplayError } from './format.js';

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

export function kindName(kind: number): string {
  return kind === KIND_HEADER ? 'header' : kind === KIND_SEGMENT ? 'segment' : kind === KIND_FOOTER ? 'footer' : kind === KIND_INDEX ? 'index' : `unknown block (kind ${kind})`;
}

export function encodeBlock(kind: number, payload: Uint8Array): Uint8Array {
  const w = new ByteWriter();
  w.u32(payload.length);
  w.u8(kind);
  w.u32(crc32(payload));
  w.bytes(payload);
  return w.finish();
}

export interface RawBlock {
  kind: number;
  payload: Uint8Array;
  /** Offset of the block's first byte. */
  offset: number;
  /** Total bytes including the block head. */
  size: number;
}

/**
 * Reads the block at `offset`. `what` names it in errors ("the header", "segment 3"). A block running past
 * the end means the file was cut short; a CRC mismatch means its bytes were changed.
 */
export function readBlock(bytes: Uint8Array, offset: number, file: string, what: string, expectKind?: number): RawBlock {
  if (offset + BLOCK_HEAD_BYTES > bytes.length) {
    throw new ReplayError(file, 'truncated', `truncated: the file ends inside ${what} (at byte ${bytes.length}, its head needs ${offset + BLOCK_HEAD_BYTES})`);
  }
  const r = new ByteReader(bytes);
  r.pos = offset;
  const length = r.u32();
  const kind = r.u8();
  const crc = r.u32();
  if (expectKind !== undefined && kind !== expectKind) {
    throw new ReplayError(file, 'corrupt', `corrupt: expected ${what} at byte ${offset}, found ${kindName(kind)}`);
  }
  if (r.left < length) {
    throw new ReplayError(file, 'truncated', `truncated: the file ends inside ${what} (${r.left} of its ${length} bytes present)`);
  }
  const payload = r.bytes(length);
  if (crc32(payload) !== crc) throw new ReplayError(file, 'corrupt', `corrupt: ${what} fails its CRC check (its bytes were changed)`);
  return { kind, payload, offset, size: BLOCK_HEAD_BYTES + length };
}

/** Compressed bytes fed to the inflater at a time: each push can then produce at most ~1 MB. */
const INFLATE_CHUNK = 1024;

class TooLarge extends Error {}

/**
 * Inflates a payload whose decompressed size is not stored, refusing it as soon as it passes `max`
 * bytes: a few kilobytes of crafted deflate can expand a thousandfold, so it is fed in small pieces.
 */
export function inflateCapped(payload: Uint8Array, file: string, what: string, max: number): Uint8Array {
  const parts: Uint8Array[] = [];
  let total = 0;
  let ended = false;
  const inf = new Inflate((chunk, final) => {
    total += chunk.length;
    if (total > max) throw new TooLarge();
    parts.push(chunk);
    if (final) ended = true;
  });
  try {
    for (let at = 0; at < payload.length; at += INFLATE_CHUNK) inf.push(payload.subarray(at, at + INFLATE_CHUNK), at + INFLATE_CHUNK >= payload.length);
    if (payload.length === 0) inf.push(payload, true);
  } catch (e) {
    if (e instanceof TooLarge) throw new ReplayError(file, 'invalid', `invalid: ${what} decompresses to more than ${max} bytes`);
    throw new ReplayError(file, 'corrupt', `corrupt: ${what} does not decompress (${e instanceof Error ? e.message : String(e)})`);
  }
  if (!ended) throw new ReplayError(file, 'corrupt', `corrupt: ${what} does not decompress (its data ends early)`);
  if (parts.length === 1) return parts[0]!;
  const out = new Uint8Array(total);
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

/**
 * Inflates a payload of known decompressed `size` into one buffer. The buffer has one spare byte,
 * so data longer than stated shows as a wrong length instead of being cut silently.
 */
export function inflateSized(payload: Uint8Array, file: string, what: string, size: number): Uint8Array {
  try {
    return inflateSync(payload, { out: new Uint8Array(size + 1) });
  } catch (e) {
    throw new ReplayError(file, 'corrupt', `corrupt: ${what} does not decompress (${e instanceof Error ? e.message : String(e)})`);
  }
}

export function deflate(data: Uint8Array): Uint8Array {
  return deflateSync(data, { level: DEFLATE_LEVEL });
}

export function jsonBytes(value: unknown): Uint8Array {
  return encoder.encode(canonicalJson(value));
}

export function parseJsonBytes(data: Uint8Array, file: string, what: string): unknown {
  try {
    return JSON.parse(decoder.decode(data));
  } catch (e) {
    throw new ReplayError(file, 'corrupt', `corrupt: ${what} is not valid JSON (${e instanceof Error ? e.message : String(e)})`);
  }
}

/** A JSON block: canonical JSON, deflated. */
export function encodeJsonBlock(kind: number, value: unknown): Uint8Array {
  return encodeBlock(kind, deflate(jsonBytes(value)));
}

/** A JSON block's value (header or footer), its decompressed size bounded by LIMITS.jsonBlockBytes. */
export function decodeJsonPayload(payload: Uint8Array, file: string, what: string): unknown {
  return parseJsonBytes(inflateCapped(payload, file, what, LIMITS.jsonBlockBytes), file, what);
}
