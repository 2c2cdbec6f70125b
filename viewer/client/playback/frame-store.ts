// The frame store: every frame of one match that has arrived so far, by tick. Fed blob by blob,
// so a replay file (split into its blobs) and a live stream take exactly the same path.
import type { Fault } from '../../../engine/controller.js';
import { decodeBlob } from '../../../engine/replay/live.js';
import type { DecodedSegment, Frame, ReplayFooter, ReplayHeader } from '../../../engine/replay/types.js';
import type { MatchEvent } from '../../../engine/state.js';

export interface TeamFault extends Fault {
  team: 0 | 1;
}

export class FrameStore {
  header: ReplayHeader | null = null;
  footer: ReplayFooter | null = null;
  /** Sparse by tick: segments can arrive in any order (a late joiner is sent the past and the present). */
  private readonly frames: Frame[] = [];
  private readonly segmentsSeen = new Set<number>();
  /** Highest tick t such that frames 0..t are all here: playback never runs into a hole. */
  private contiguous = -1;
  private eventsCache: MatchEvent[] | null = null;
  private faultsCache: TeamFault[] | null = null;
  private readonly listeners = new Set<() => void>();
  /** Set when a stream is (re)opened: its next header is the same match again, not a restart. */
  private resync = false;
  /** Bumped on every change; lets React read the store through useSyncExternalStore. */
  version = 0;

  /** Decodes one blob (header, segment or footer) and stores what it holds; throws ReplayError on a bad blob. Returns its kind. */
  feed(blob: Uint8Array, source = 'stream'): 'header' | 'segment' | 'footer' {
    const d = decodeBlob(blob, source);
    if (d.kind === 'header') this.setHeader(d.header);
    else if (d.kind === 'segment') this.addSegment(d.segment);
    else this.setFooter(d.footer);
    return d.kind;
  }

  /** A second header means the match restarted (a live match re-run after its worker died): start over. */
  setHeader(h: ReplayHeader): void {
    if (this.header && !this.resync) {
      this.frames.length = 0;
      this.segmentsSeen.clear();
      this.contiguous = -1;
      this.footer = null;
      this.eventsCache = null;
      this.faultsCache = null;
    }
    this.header = h;
    this.resync = false;
    this.changed();
  }

  /** The stream is about to be sent again from its header (a reconnect): keep what is here, skip repeats. */
  expectResend(): void {
    if (this.header) this.resync = true;
  }

  setFooter(f: ReplayFooter): void {
    this.footer = f;
    this.changed();
  }

  addSegment(seg: DecodedSegment & { index: number }): void {
    // A segment sent twice (a reconnect, a catch-up overlapping the live edge) changes nothing.
    if (this.segmentsSeen.has(seg.index)) return;
    this.segmentsSeen.add(seg.index);
    for (const f of seg.frames) this.frames[f.tick] = f;
    while (this.frames[this.contiguous + 1] !== undefined) this.contiguous++;
    this.eventsCache = null;
    this.faultsCache = null;
    this.changed();
  }

  frame(tick: number): Frame | undefined {
    return this.frames[tick];
  }

  /** Last tick playback may reach now: every frame up to it is present. -1 before the first segment. */
  get available(): number {
    return this.contiguous;
  }

  /** True once the footer is in and every frame up to its last tick has arrived. */
  get complete(): boolean {
    return this.footer !== null && this.contiguous >= this.footer.ticks;
  }

  /** The match length when known (footer), else the regulation length from the config, else what is here. */
  get expectedTicks(): number {
    if (this.footer) return this.footer.ticks;
    const regulation = this.header ? 2 * this.header.config.halfTicks : 0;
    return Math.max(regulation, this.contiguous);
  }

  /** Every event in the frames received so far, in tick order. */
  events(): MatchEvent[] {
    if (!this.eventsCache) {
      const out: MatchEvent[] = [];
      for (const f of this.frames) if (f && f.events.length) out.push(...f.events);
      this.eventsCache = out;
    }
    return this.eventsCache;
  }

  /** Every fault in the frames received so far, in tick order, with its team. */
  faults(): TeamFault[] {
    if (!this.faultsCache) {
      const out: TeamFault[] = [];
      for (const f of this.frames) {
        if (!f) continue;
        // Placed at the frame the faulty commands led to, so seeking to it shows that moment.
        for (const t of [0, 1] as const) for (const x of f.faults[t]) out.push({ ...x, team: t, tick: f.tick });
      }
      this.faultsCache = out;
    }
    return this.faultsCache;
  }

  subscribe(fn: () => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  private changed(): void {
    this.version++;
    for (const fn of this.listeners) fn();
  }
}
