// A per-connection bound on inbound messages: a token bucket of `burst` messages refilled at `perSecond`.
// A real viewer sends a few messages per click; a client that floods is closed, and only it.
import { MESSAGE_BURST, MESSAGE_RATE_PER_S } from '../../protocol.js';
import type { InboundGate } from '../session.js';

export class MessageRate implements InboundGate {
  private tokens: number;
  private last: number;
  readonly refusal: string;

  constructor(
    private readonly burst = MESSAGE_BURST,
    private readonly perSecond = MESSAGE_RATE_PER_S,
    /** Milliseconds, monotonic; injectable for tests. */
    private readonly now: () => number = () => performance.now(),
  ) {
    this.tokens = burst;
    this.last = now();
    this.refusal = `too many messages: over ${burst} at once or ${perSecond} per second`;
  }

  admit(): boolean {
    const t = this.now();
    this.tokens = Math.min(this.burst, this.tokens + ((t - this.last) / 1000) * this.perSecond);
    this.last = t;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}
