// LiveHub: what a running cup publishes into so the viewer can show its matches as they are played.
// It keeps every blob of every match it was told about (a default match is a few hundred KB), so a
// spectator who joins late receives everything played so far and can seek back over it.
//
// Feed it from the replay writer's streaming sink, in the process or from a child over IPC:
//   hub.begin(id, headerBlob, meta)   ReplayWriter's first blob ('header'), or a ReplayHeader
//   hub.segment(id, segmentBlob)      each 'segment' blob, in order
//   hub.end(id, footerBlob)           the 'footer' blob, or a ReplayFooter
// or hand `hub.sink(id, meta)` to the ReplayWriter as its ReplaySink, which does the three calls.
// `begin` again for a match already begun restarts it (a re-run after a worker died); `abort` drops a
// match that will not finish here. Publishing never blocks or throws because of spectators.
import { encodeJsonBlock } from '../../engine/replay/blocks.js';
import { KIND_FOOTER } from '../../engine/replay/format.js';
import { decodeBlob } from '../../engine/replay/live.js';
import type { ReplayFooter, ReplayHeader } from '../../engine/replay/types.js';
import { encodeHeaderBlob, type ReplaySink } from '../../engine/replay/writer.js';
import type { MatchStatus } from '../protocol.js';
import type { BlobStream, StreamBlob } from './stream.js';

/** What the cup knows about a match and the replay does not. */
export interface LiveMatchMeta {
  label?: string;
  stage?: string;
  /** Team ids; default to the team names in the replay header. */
  home?: string;
  away?: string;
}

export interface LiveMatchState {
  id: string;
  status: MatchStatus;
  meta: Required<LiveMatchMeta>;
  score: [number, number] | null;
  shootout: [number, number] | null;
  winner: 'home' | 'away' | 'draw' | null;
  stream: BlobStream | null;
}

class LiveMatch implements BlobStream {
  readonly blobs: StreamBlob[] = [];
  complete = false;
  generation = 0;
  score: [number, number] | null = null;
  shootout: [number, number] | null = null;
  winner: 'home' | 'away' | 'draw' | null = null;
  private readonly listeners = new Set<() => void>();

  constructor(
    readonly id: string,
    public meta: Required<LiveMatchMeta>,
  ) {}

  watch(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  notify(): void {
    for (const l of [...this.listeners]) {
      // A broken spectator must not stop the match being published to the others.
      try {
        l();
      } catch {
        /* the session reports its own failures */
      }
    }
  }
}

export type StatusListener = (matchId: string) => void;

export class LiveHub {
  private readonly matches = new Map<string, LiveMatch>();
  private readonly planned = new Map<string, Required<LiveMatchMeta>>();
  private readonly statusListeners = new Set<StatusListener>();

  /** Announces matches the cup knows it will play (shown as 'scheduled' until they begin). */
  plan(matches: ReadonlyArray<LiveMatchMeta & { id: string }>): void {
    for (const m of matches) {
      this.planned.set(m.id, { label: m.label ?? m.id, stage: m.stage ?? '', home: m.home ?? '', away: m.away ?? '' });
      if (!this.matches.has(m.id)) this.emitStatus(m.id);
    }
  }

  begin(matchId: string, header: Uint8Array | ReplayHeader, meta: LiveMatchMeta = {}): void {
    const bytes = header instanceof Uint8Array ? header : encodeHeaderBlob(header);
    const decoded = decodeBlob(bytes, `live match ${matchId}`);
    if (decoded.kind !== 'header') throw new Error(`live match ${matchId}: begin needs the header blob, got a ${decoded.kind}`);
    const teams = decoded.header.teams;
    const known = this.planned.get(matchId);
    const full: Required<LiveMatchMeta> = {
      label: meta.label ?? known?.label ?? matchId,
      stage: meta.stage ?? known?.stage ?? '',
      home: meta.home ?? (known?.home || teams[0].name),
      away: meta.away ?? (known?.away || teams[1].name),
    };
    let m = this.matches.get(matchId);
    if (m) {
      // A restart: same object, so subscribers keep watching it and rewind on the new generation.
      m.blobs.length = 0;
      m.complete = false;
      m.generation++;
      m.meta = full;
    } else {
      m = new LiveMatch(matchId, full);
      this.matches.set(matchId, m);
    }
    m.score = [0, 0];
    m.shootout = null;
    m.winner = null;
    m.blobs.push({ kind: 'header', index: 0, bytes });
    m.notify();
    this.emitStatus(matchId);
  }

  segment(matchId: string, blob: Uint8Array): void {
    const m = this.open(matchId, 'segment');
    const decoded = decodeBlob(blob, `live match ${matchId}`);
    if (decoded.kind !== 'segment') throw new Error(`live match ${matchId}: segment needs a segment blob, got a ${decoded.kind}`);
    const expected = m.blobs.length - 1;
    if (decoded.segment.index !== expected) throw new Error(`live match ${matchId}: got segment ${decoded.segment.index}, expected ${expected}`);
    m.blobs.push({ kind: 'segment', index: decoded.segment.index, bytes: blob });
    const last = decoded.segment.frames[decoded.segment.frames.length - 1];
    const before = m.score;
    if (last) {
      m.score = [last.score[0], last.score[1]];
      m.shootout = last.shootout ? [last.shootout[0], last.shootout[1]] : null;
    }
    m.notify();
    // The list shows live scores: tell every client when one changes, not on every segment.
    if (!before || !m.score || before[0] !== m.score[0] || before[1] !== m.score[1]) this.emitStatus(matchId);
  }

  end(matchId: string, footer: Uint8Array | ReplayFooter): void {
    const m = this.open(matchId, 'end');
    const bytes = footer instanceof Uint8Array ? footer : encodeJsonBlock(KIND_FOOTER, footer);
    const decoded = decodeBlob(bytes, `live match ${matchId}`);
    if (decoded.kind !== 'footer') throw new Error(`live match ${matchId}: end needs the footer blob, got a ${decoded.kind}`);
    m.blobs.push({ kind: 'footer', index: 0, bytes });
    m.complete = true;
    m.score = decoded.footer.score;
    m.shootout = decoded.footer.shootout;
    m.winner = decoded.footer.winner === 'none' ? null : decoded.footer.winner;
    m.notify();
    this.emitStatus(matchId);
  }

  /** Drops a match that will not finish in this run; it goes back to 'scheduled' if it was planned. */
  abort(matchId: string): void {
    const m = this.matches.get(matchId);
    if (!m) return;
    this.matches.delete(matchId);
    m.blobs.length = 0;
    m.complete = true;
    m.generation++;
    m.notify();
    this.emitStatus(matchId);
  }

  /** A ReplaySink for the replay writer of one match. */
  sink(matchId: string, meta: LiveMatchMeta = {}): ReplaySink {
    return (kind, blob) => {
      if (kind === 'header') this.begin(matchId, blob, meta);
      else if (kind === 'segment') this.segment(matchId, blob);
      else this.end(matchId, blob);
    };
  }

  /** A match the hub knows (begun, ended, or only planned), or undefined. */
  get(matchId: string): LiveMatchState | undefined {
    const m = this.matches.get(matchId);
    if (m) {
      return { id: m.id, status: m.complete ? 'done' : 'live', meta: m.meta, score: m.score, shootout: m.shootout, winner: m.winner, stream: m };
    }
    const p = this.planned.get(matchId);
    if (p) return { id: matchId, status: 'scheduled', meta: p, score: null, shootout: null, winner: null, stream: null };
    return undefined;
  }

  /** Every match the hub knows, planned ones first in the order announced, then the rest in the order begun. */
  ids(): string[] {
    return [...new Set([...this.planned.keys(), ...this.matches.keys()])];
  }

  /** Called with a match id whenever a match is planned, begins, restarts, scores, ends or is aborted. */
  onStatus(listener: StatusListener): () => void {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  }

  private open(matchId: string, what: string): LiveMatch {
    const m = this.matches.get(matchId);
    if (!m) throw new Error(`live match ${matchId}: ${what} before begin`);
    if (m.complete) throw new Error(`live match ${matchId}: ${what} after end`);
    return m;
  }

  private emitStatus(matchId: string): void {
    for (const l of [...this.statusListeners]) {
      try {
        l(matchId);
      } catch {
        /* listeners report their own failures */
      }
    }
  }
}
