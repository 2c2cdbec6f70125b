// A match as a sequence of replay blobs that a subscriber walks with a cursor: the same shape for a
// finished replay file (all blobs known at once) and a live match (blobs appended as they are made).
import type { StreamKind } from '../protocol.js';

export interface StreamBlob {
  kind: StreamKind;
  /** Segment index; 0 for header and footer. */
  index: number;
  bytes: Uint8Array;
}

export interface BlobStream {
  /** Blobs available now: the header, segments in order, then the footer once complete. */
  readonly blobs: readonly StreamBlob[];
  /** True once the footer is among `blobs`: nothing more will come. */
  readonly complete: boolean;
  /** Bumped when a live match restarts from scratch; a subscriber rewinds its cursor to 0. */
  readonly generation: number;
  /** Called on every change (new blob, restart, abort); returns the unsubscribe function. */
  watch(listener: () => void): () => void;
}

/** A finished replay: every blob known up front, never changes. */
export function fixedStream(blobs: StreamBlob[]): BlobStream {
  return { blobs, complete: true, generation: 0, watch: () => () => {} };
}
