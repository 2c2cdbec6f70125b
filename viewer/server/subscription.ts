// One client following one match: a cursor over the match's blobs, sent as binary stream frames as
// fast as the client's socket drains. Backpressure keeps a slow spectator from making the server
// buffer a whole replay per client; a live match pokes the cursor whenever a blob is added.
import type { WebSocket } from 'ws';
import { encodeStreamFrame } from '../protocol.js';
import type { BlobStream, StreamBlob } from './stream.js';

/** Stop queueing once this much is waiting in the socket; resume when the last frame sent is flushed. */
const HIGH_WATER_BYTES = 512 * 1024;

// Every client of one match gets the same frames: encode each blob once, not once per client. The
// match id is checked because one blob object may be published under two ids.
const frames = new WeakMap<Uint8Array, { matchId: string; frame: Uint8Array }>();
function frameFor(matchId: string, b: StreamBlob): Uint8Array {
  const hit = frames.get(b.bytes);
  if (hit?.matchId === matchId) return hit.frame;
  const frame = encodeStreamFrame(b.kind, matchId, b.index, b.bytes);
  frames.set(b.bytes, { matchId, frame });
  return frame;
}

export type SubscriptionEnd = 'complete' | 'aborted' | 'socket';

export class Subscription {
  private cursor = 0;
  private generation: number;
  private waiting = false;
  private stopped = false;
  private readonly unwatch: () => void;

  constructor(
    private readonly ws: WebSocket,
    readonly matchId: string,
    private readonly stream: BlobStream,
    private readonly onEnd: (why: SubscriptionEnd) => void,
  ) {
    this.generation = stream.generation;
    this.unwatch = stream.watch(() => this.pump());
  }

  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    this.unwatch();
  }

  private end(why: SubscriptionEnd): void {
    if (this.stopped) return;
    this.stop();
    this.onEnd(why);
  }

  /** Sends what the client has not had yet, until the socket is full or the stream has no more. */
  pump(): void {
    if (this.stopped || this.waiting) return;
    const s = this.stream;
    if (s.generation !== this.generation) {
      // Restarted (send it all again, header first) or aborted (nothing left to send).
      this.generation = s.generation;
      this.cursor = 0;
      if (s.complete && s.blobs.length === 0) return this.end('aborted');
    }
    while (this.cursor < s.blobs.length) {
      if (this.ws.readyState !== this.ws.OPEN) return this.end('socket');
      const frame = frameFor(this.matchId, s.blobs[this.cursor++]!);
      if (this.ws.bufferedAmount + frame.length > HIGH_WATER_BYTES) {
        this.waiting = true;
        this.ws.send(frame, { binary: true }, (err) => {
          this.waiting = false;
          if (err) this.end('socket');
          else this.pump();
        });
        return;
      }
      this.ws.send(frame, { binary: true });
    }
    if (s.complete) this.end('complete');
  }
}
