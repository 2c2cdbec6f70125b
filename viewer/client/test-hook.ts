// window.__matchday: what the end-to-end tests and the bench read from the page (the tick shown,
// the ball actually drawn, draw timings) and the few controls they drive. It costs a few numbers
// per frame, so it is always there; nothing in the app reads it.
import type { Frame } from '../../engine/replay/types.js';

export interface MatchdayHook {
  matchId: string | null;
  /** The whole tick whose frame is shown (the earlier one while blending between two). */
  tick: number;
  /** The fractional tick drawn. */
  t: number;
  playing: boolean;
  speed: number;
  /** Last tick that can be shown now, and whether the match is over and fully received. */
  available: number;
  final: boolean;
  /** Ball position drawn in the last painted frame, in pitch metres. */
  ballDrawn: { x: number; y: number; z: number } | null;
  /** Score in the shown frame. */
  score: [number, number] | null;
  error: string | null;
  /** The decoded frame for a tick, if it has arrived. */
  frame(tick: number): Frame | undefined;
  /** performance.now() when the first frame of the match was drawn (ms since the page's navigation start). */
  firstFrameAt: number | null;
  /** Milliseconds each of the recent draws took (the last DRAW_SAMPLES). */
  drawMs: number[];
  draws: number;
  seek(tick: number): void;
  play(): void;
  pause(): void;
  setSpeed(s: number): void;
}

export const DRAW_SAMPLES = 5000;

declare global {
  interface Window {
    __matchday?: MatchdayHook;
  }
}

export function installHook(h: MatchdayHook): void {
  window.__matchday = h;
}

export function removeHook(h: MatchdayHook): void {
  if (window.__matchday === h) delete window.__matchday;
}
