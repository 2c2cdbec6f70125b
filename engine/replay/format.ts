// The file layout's constants and the one error type a reader throws.
//
// A replay is a sequence of blobs, each one block except the first, which is prefixed by the preamble:
//
//   header blob   "MDRP" u32 format-version | block H: deflate(canonical JSON ReplayHeader)
//   segment blob  block S: u32 index, u32 firstTick, u32 frameCount, 8-byte endHash, u32 body length, deflate(body)
//   ...
//   footer blob   block F: deflate(canonical JSON ReplayFooter)
//   index blob    block I: u32 count, then per segment u32 offset, u32 firstTick, u32 frameCount; u32 footer offset
//   trailer       u32 offset of the index block, "MDRX"
//
//   block         u32 payload length | u8 kind | u32 CRC-32 of payload | payload
//
// All integers little-endian. A live stream sends the header, segment and footer blobs as they
// are made; a file is their concatenation plus the index blob and the trailer.

/** The format this code writes. */
export const REPLAY_FORMAT_VERSION = 2;
/** Formats this code reads (and can re-encode). */
export const SUPPORTED_FORMATS: readonly number[] = [1, 2];
/** What each format version changed; docs/REPLAY.md lists it. */
export const FORMAT_HISTORY: Readonly<Record<number, string>> = {
  1: 'the first format: header, segments of frames with events, debug output and faults, footer, index',
  2: "each frame also stores both teams' work units used for that tick (two more channels per frame); format 1 replays read with every budget use null",
};

export const MAGIC = 'MDRP';
export const TRAILER_MAGIC = 'MDRX';
export const PREAMBLE_BYTES = 8;
export const BLOCK_HEAD_BYTES = 9;
export const TRAILER_BYTES = 8;
/** Segment prefix before its compressed body: index, firstTick, frameCount, endHash (8 bytes), body length. */
export const SEGMENT_PREFIX_BYTES = 24;

export const KIND_HEADER = 0x48; // 'H'
export const KIND_SEGMENT = 0x53; // 'S'
export const KIND_FOOTER = 0x46; // 'F'
export const KIND_INDEX = 0x49; // 'I'

/** Ticks per segment: one per hash checkpoint, so every segment ends on one. */
export const SEGMENT_TICKS = 100;
/**
 * fflate level. Measured on a full-length replay's 62 blocks (possession v direct, 1.0 MB raw): level 9 took 140 ms
 * of CPU for 258.6 KB, level 6 65 ms for 262.4 KB (+1.5%), level 5 38 ms for 268.1 KB (+3.7%). 9 was ~4% of a
 * sandboxed match process's CPU for 1.5% of the file; 6 keeps nearly all the size for half the time. The level
 * changes a replay's bytes, never what they decode to, and readers accept any level.
 */
export const DEFLATE_LEVEL = 6;

/**
 * Bounds a reader holds every replay to before it trusts a length, so a crafted file cannot make
 * it allocate, inflate or loop without limit. Each is far above what a real match writes (a
 * 90-minute match's header is ~100 KB with two large policies, a segment body ~50 KB with debug).
 */
export const LIMITS = {
  /** Characters of one embedded policy source (the largest reference policy is ~45 KB). */
  sourceChars: 500_000,
  /** Decompressed bytes of the header's or the footer's JSON (two sources; events, stats, up to 1,000 faults a team). */
  jsonBlockBytes: 4_000_000,
  /** Decompressed bytes of one segment's body (frames, events, debug marks and logs of SEGMENT_TICKS + 1 ticks). */
  segmentBodyBytes: 32_000_000,
  /**
   * Deflate cannot expand data more than ~1032 times; a body length beyond this multiple of its
   * compressed size is a lie, refused before anything is allocated for it.
   */
  inflateRatio: 1100,
} as const;

/** Extensions a policy file may have (sandbox/source.ts loads these). */
export const POLICY_EXTENSIONS: readonly string[] = ['.js', '.mjs', '.ts', '.mts', '.py'];

export type ReplayProblem = 'not_replay' | 'version' | 'truncated' | 'corrupt' | 'invalid';

/** A replay that cannot be read; the message names the file and the problem. */
export class ReplayError extends Error {
  constructor(
    readonly file: string,
    readonly problem: ReplayProblem,
    detail: string,
  ) {
    super(`${file}: ${detail}`);
    this.name = 'ReplayError';
  }
}

export function versionMessage(found: number): string {
  return `replay format version ${found} is not supported (this matchday reads version${SUPPORTED_FORMATS.length > 1 ? 's' : ''} ${SUPPORTED_FORMATS.join(', ')})`;
}
