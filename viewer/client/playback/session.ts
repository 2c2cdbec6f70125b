// One match being watched: the frame store, the clock, and the rules joining them (where to start,
// when a requested tick becomes available). No DOM and no React, so it is tested in plain Node.
import { SEGMENT_TICKS } from '../../../engine/replay/format.js';
import { PlaybackClock, type Availability } from './clock.js';
import { FrameStore } from './frame-store.js';

export interface SessionOptions {
  /** Start here (a shared link's `t`); honoured as soon as that tick has arrived. */
  startTick?: number | null;
  /** Start playing once frames arrive. */
  autoplay?: boolean;
}

export class MatchSession {
  readonly store = new FrameStore();
  readonly clock = new PlaybackClock();
  /** The stream's problem in plain words (corrupt blob, unknown match), shown instead of the pitch. */
  error: string | null = null;
  /** The server says the match is still being played. */
  live = false;
  private pendingSeek: number | null;
  private started = false;
  private readonly autoplay: boolean;
  private resending = false;

  constructor(opts: SessionOptions = {}) {
    this.pendingSeek = opts.startTick ?? null;
    this.autoplay = opts.autoplay ?? true;
  }

  availability(): Availability {
    return {
      available: this.store.available,
      final: this.store.complete || (!this.live && this.store.footer !== null),
      live: this.live,
      segmentTicks: this.store.header?.segmentTicks ?? SEGMENT_TICKS,
    };
  }

  /** Feeds one blob of the stream; a bad blob stops the session with the reader's message. */
  feed(blob: Uint8Array, source = 'stream'): void {
    if (this.error) return;
    try {
      const restart = this.store.header !== null && !this.resending;
      this.resending = false;
      if (this.store.feed(blob, source) === 'header' && restart) {
        // A restarted match replays from its kick-off: nothing of the old run may stay on screen.
        this.clock.seek(0, this.availability());
        this.started = false;
      }
    } catch (e) {
      this.fail(e instanceof Error ? e.message : String(e));
      return;
    }
    this.onData();
  }

  /** The stream is being opened again (reconnect): its header and segments repeat and change nothing. */
  expectResend(): void {
    this.store.expectResend();
    this.resending = this.store.header !== null;
  }

  fail(message: string): void {
    this.error = message;
    this.clock.playing = false;
    this.store.version++;
  }

  /** Marks the match live (joined while it is played): follow its edge until the viewer seeks back. */
  setLive(live: boolean): void {
    // Only on joining: status repeats later must not drag a viewer who seeked back to the edge again.
    if (live && !this.live && !this.started && this.pendingSeek === null) this.clock.follow = true;
    this.live = live;
  }

  private onData(): void {
    const a = this.availability();
    if (a.available < 0) return;
    if (this.pendingSeek !== null) {
      // A shared link's tick: wait until the frames reach it (or the match is known to be shorter).
      if (this.pendingSeek <= a.available || a.final) {
        this.clock.seek(this.pendingSeek, a);
        this.pendingSeek = null;
        this.started = true;
        // A link to a moment opens paused on it: the viewer came to see that frame.
        this.clock.playing = false;
      }
      return;
    }
    if (!this.started) {
      this.started = true;
      if (this.autoplay) this.clock.play(a);
    }
  }

  /** Called once per animation frame with the wall time elapsed. */
  advance(ms: number): void {
    if (this.error) return;
    this.clock.advance(ms, this.availability());
  }
}
