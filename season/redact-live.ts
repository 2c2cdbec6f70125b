// The public form of a match shown live during a season: the same redaction as redact.ts, blob by blob, so a
// spectator of a live matchday sees the frames and never a team's source or debug output.
import { readBlock } from '../engine/replay/blocks.js';
import { KIND_SEGMENT } from '../engine/replay/format.js';
import { decodeBlob, encodeHeaderBlob, type ReplayHeader } from '../engine/replay/index.js';
import { decodeSegmentRows, encodeSegment } from '../engine/replay/segment.js';
import type { BlobKind } from '../engine/replay/writer.js';
import { redactTeams } from './redact.js';

/**
 * One match's redactor: feed it the match's blobs in order (header, segments, footer); each comes back
 * re-encoded with the sources replaced by their SHA-256 and every frame's debug output dropped. The footer
 * passes as it is, as in the redacted replay file.
 */
export class LiveRedactor {
  private format = 0;

  constructor(private readonly what: string) {}

  blob(kind: BlobKind, blob: Uint8Array): Uint8Array {
    if (kind === 'header') {
      const d = decodeBlob(blob, this.what);
      if (d.kind !== 'header') throw new Error(`${this.what}: a header blob did not decode as a header`);
      this.format = d.header.format;
      const header: ReplayHeader = { ...d.header, teams: redactTeams(d.header.teams) };
      return encodeHeaderBlob(header);
    }
    if (kind === 'segment') {
      if (this.format === 0) throw new Error(`${this.what}: a segment came before the header`);
      const block = readBlock(blob, 0, this.what, 'a live segment', KIND_SEGMENT);
      const s = decodeSegmentRows(block.payload, this.what, 'a live segment', { format: this.format });
      const extras = s.extras
        .map(({ debug: _debug, ...rest }) => rest)
        .filter((x) => x.events !== undefined || x.faults !== undefined);
      return encodeSegment({ index: s.index, firstTick: s.firstTick, frameCount: s.frameCount, endHash: s.endHash, rows: s.rows, format: this.format, extras });
    }
    return blob;
  }
}

