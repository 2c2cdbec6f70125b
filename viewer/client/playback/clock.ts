// The playback clock: where the shown moment is (a fractional tick), whether it moves and how fast.
// It reads no time itself; the caller passes elapsed milliseconds, so tests drive it exactly.
import { TICKS_PER_SECOND } from '../../../engine/constants.js';

/** Playback rates offered; the number keys 1..7 pick them in order. */
export const SPEEDS = [0.25, 0.5, 1, 2, 4, 8, 16] as const;

/** What the store can play right now. */
export interface Availability {
  /** Last tick with every frame before it present (-1: nothing yet). */
  available: number;
  /** True when no more frames will come (the footer is in and the frames reach it). */
  final: boolean;
  /** The match is being played now (a replay still arriving is not live: it has no edge to follow). */
  live: boolean;
  /** Ticks per segment: how far behind the live edge a follower trails, since frames arrive a segment at a time. */
  segmentTicks: number;
}

export class PlaybackClock {
  /** The shown moment; between two integers, the view interpolates between those frames. */
  tick = 0;
  playing = false;
  speed = 1;
  /** Stay with the live edge: on while watching live, off once the viewer seeks back. */
  follow = false;

  /** Moves time on by `ms` of wall time at the current speed, never past what is available. */
  advance(ms: number, a: Availability): void {
    if (a.available < 0) return;
    if (this.follow && a.live && !a.final) {
      // A follower that fell more than a segment behind (joined late, tab in background) skips ahead.
      const floor = Math.max(0, a.available - a.segmentTicks);
      if (this.tick < floor) this.tick = floor;
    }
    if (this.playing) this.tick += (ms / 1000) * TICKS_PER_SECOND * this.speed;
    if (this.tick >= a.available) {
      this.tick = a.available;
      // At the end of a finished match playback stops; live, it waits for the next segment.
      if (a.final) this.playing = false;
    }
    if (this.tick < 0) this.tick = 0;
  }

  play(a: Availability): void {
    // Play at the very end means "again from the start", as in any media player.
    if (a.final && this.tick >= a.available) this.tick = 0;
    this.playing = true;
  }

  /** Pausing lands on a whole tick, so what is shown is exactly one decoded frame. */
  pause(): void {
    this.playing = false;
    this.tick = Math.round(this.tick);
  }

  toggle(a: Availability): void {
    if (this.playing) this.pause();
    else this.play(a);
  }

  /** Jumps to a tick (clamped to what is available). Seeking back from the live edge stops following it. */
  seek(tick: number, a: Availability): void {
    const t = Math.max(0, Math.min(Math.round(tick), Math.max(0, a.available)));
    this.tick = t;
    this.follow = a.live && !a.final && t >= a.available;
  }

  /** Moves by whole ticks from the shown one (arrow keys). */
  step(delta: number, a: Availability): void {
    this.seek(Math.round(this.tick) + delta, a);
  }

  setSpeed(s: number): void {
    this.speed = Math.max(SPEEDS[0], Math.min(SPEEDS[SPEEDS.length - 1]!, s));
  }

  /** The integer tick whose frame is shown (the earlier of the two being blended). */
  get shownTick(): number {
    return Math.floor(this.tick);
  }
}
