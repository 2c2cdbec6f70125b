// Re-encoding a decoded replay: the round-trip check, and how tests build altered replays.
import type { ReplayReader } from './reader.js';
import type { Frame, ReplayFooter, ReplayHeader } from './types.js';
import { ReplayWriter } from './writer.js';

export interface RewriteChanges {
  header?: ReplayHeader;
  footer?: ReplayFooter;
  /** Applied to every frame before it is written again. */
  frame?: (f: Frame) => Frame;
}

/** Writes the replay `reader` holds again; with no changes the bytes equal the original file. */
export function rewriteReplay(reader: ReplayReader, changes: RewriteChanges = {}): Uint8Array {
  const w = new ReplayWriter(changes.header ?? reader.header);
  for (let i = 0; i < reader.segmentCount; i++) {
    const info = reader.segment(i);
    const frames = reader.frames(i);
    frames.forEach((f, j) => w.addFrame(changes.frame ? changes.frame(f) : f, j === frames.length - 1 ? info.endHash : null));
  }
  return w.finishFooter(changes.footer ?? reader.footer);
}
