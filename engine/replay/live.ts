// The live path: one function that decodes whichever blob arrives (header, segment or footer).
import { decodeJsonPayload, readBlock } from './blocks.js';
import { KIND_FOOTER, KIND_HEADER, KIND_SEGMENT, MAGIC, PREAMBLE_BYTES, ReplayError, SEGMENT_PREFIX_BYTES } from './format.js';
import { checkFooter, checkHeader } from './header.js';
import { readPreamble } from './reader.js';
import { decodeSegmentPayload, segmentPrefix } from './segment.js';
import type { DecodedSegment, ReplayFooter, ReplayHeader } from './types.js';

export type DecodedBlob =
  | { kind: 'header'; header: ReplayHeader }
  | { kind: 'segment'; segment: DecodedSegment & { index: number } }
  | { kind: 'footer'; footer: ReplayFooter };

/** Decodes one blob of a replay stream; `source` names the stream in errors. */
export function decodeBlob(blob: Uint8Array, source = 'stream'): DecodedBlob {
  if (blob.length >= 4 && String.fromCharCode(...blob.subarray(0, 4)) === MAGIC) {
    readPreamble(blob, source);
    const block = readBlock(blob, PREAMBLE_BYTES, source, 'the header', KIND_HEADER);
    return { kind: 'header', header: checkHeader(decodeJsonPayload(block.payload, source, 'the header'), source) };
  }
  const block = readBlock(blob, 0, source, 'a blob');
  if (block.kind === KIND_SEGMENT) {
    const what = block.payload.length >= SEGMENT_PREFIX_BYTES ? `segment ${segmentPrefix(block.payload).index}` : 'the segment';
    return { kind: 'segment', segment: decodeSegmentPayload(block.payload, source, what) };
  }
  if (block.kind === KIND_FOOTER) return { kind: 'footer', footer: checkFooter(decodeJsonPayload(block.payload, source, 'the footer'), source) };
  throw new ReplayError(source, 'corrupt', `corrupt: a stream blob of unknown kind ${block.kind}`);
}
