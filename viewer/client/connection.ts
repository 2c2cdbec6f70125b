// The one WebSocket to the server: the served list (kept current by status messages) and the
// streams of the matches being watched, each fed blob by blob into its session.
import {
  CLIENT, SERVER, WS_PATH, decodeStreamFrame, type ClientMessage, type MatchEntry, type ServedList, type ServerMessage,
} from '../protocol.js';
import type { MatchSession } from './playback/session.js';

export type LinkState = 'connecting' | 'open' | 'closed';

/**
 * One watched match. Frames reach the session only after the server's `opened` for the latest
 * `open` sent: frames of an earlier stream of the same match (open, close, open again; a
 * reconnect) may still be in flight, and fed to the session they would look like a restart.
 */
interface Watch {
  session: MatchSession;
  requestId: number;
  active: boolean;
}

const RETRY_MS = [500, 1000, 2000, 5000];

export class Connection {
  served: ServedList | null = null;
  state: LinkState = 'connecting';
  /** A problem not tied to one match (bad request, server gone), shown in a banner. */
  notice: string | null = null;
  /** Bumped on every change, for useSyncExternalStore. */
  version = 0;
  private ws: WebSocket | null = null;
  private readonly sessions = new Map<string, Watch>();
  private nextRequest = 1;
  private readonly listeners = new Set<() => void>();
  private retries = 0;
  private closedByUs = false;

  constructor(private readonly url: string) {}

  /** The endpoint of the server that served this page. */
  static forPage(loc: Location): Connection {
    const scheme = loc.protocol === 'https:' ? 'wss:' : 'ws:';
    return new Connection(`${scheme}//${loc.host}${WS_PATH}`);
  }

  connect(): void {
    this.closedByUs = false;
    this.state = 'connecting';
    const ws = new WebSocket(this.url);
    ws.binaryType = 'arraybuffer';
    this.ws = ws;
    ws.onopen = () => {
      // Marks where opening a match spends its time (visible in a performance profile).
      performance.mark('matchday:ws-open');
      this.retries = 0;
      this.state = 'open';
      this.notice = null;
      this.send({ type: CLIENT.list });
      // After a reconnect the server sends each stream again from its header; the sessions keep their frames.
      for (const [id, w] of this.sessions) {
        w.session.expectResend();
        this.sendOpen(id, w);
      }
      this.changed();
    };
    ws.onmessage = (ev: MessageEvent<ArrayBuffer | string>) => {
      if (typeof ev.data === 'string') this.onText(ev.data);
      else this.onBinary(ev.data);
    };
    ws.onclose = () => {
      if (this.ws !== ws) return;
      this.ws = null;
      this.state = 'closed';
      if (this.closedByUs) return;
      this.notice = 'Connection to the server lost; reconnecting…';
      this.changed();
      setTimeout(() => this.connect(), RETRY_MS[Math.min(this.retries++, RETRY_MS.length - 1)]);
    };
  }

  disconnect(): void {
    this.closedByUs = true;
    this.ws?.close();
  }

  /** Streams a match into `session` until unwatch. */
  watch(matchId: string, session: MatchSession): void {
    const w: Watch = { session, requestId: 0, active: false };
    this.sessions.set(matchId, w);
    this.sendOpen(matchId, w);
  }

  unwatch(matchId: string, session: MatchSession): void {
    if (this.sessions.get(matchId)?.session !== session) return;
    this.sessions.delete(matchId);
    this.send({ type: CLIENT.close, matchId });
  }

  private sendOpen(matchId: string, w: Watch): void {
    w.requestId = this.nextRequest++;
    w.active = false;
    this.send({ type: CLIENT.open, matchId, requestId: w.requestId });
  }

  entry(matchId: string): MatchEntry | undefined {
    return this.served?.matches.find((m) => m.id === matchId);
  }

  teamName(id: string): string {
    return this.served?.teams.find((t) => t.id === id)?.name ?? id;
  }

  subscribe = (fn: () => void): (() => void) => {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  };

  getVersion = (): number => this.version;

  private send(m: ClientMessage): void {
    // Before the socket opens, onopen sends the list and every watched match anyway.
    if (this.ws?.readyState === WebSocket.OPEN) this.ws.send(JSON.stringify(m));
  }

  private onText(text: string): void {
    let m: ServerMessage;
    try {
      m = JSON.parse(text) as ServerMessage;
    } catch {
      this.notice = 'The server sent a message that is not JSON.';
      this.changed();
      return;
    }
    switch (m.type) {
      case SERVER.list:
        this.served = m.served;
        for (const [id, w] of this.sessions) this.applyStatus(id, w.session);
        break;
      case SERVER.matchStatus: {
        if (this.served) {
          const list = this.served.matches;
          const at = list.findIndex((e) => e.id === m.match.id);
          const matches = at >= 0 ? list.map((e, i) => (i === at ? m.match : e)) : [...list, m.match];
          this.served = { ...this.served, matches };
        }
        this.sessions.get(m.match.id)?.session.setLive(m.match.status === 'live');
        // A finished match moves tables and the bracket: ask for the whole list again.
        if (m.match.status === 'done') this.send({ type: CLIENT.list });
        break;
      }
      case SERVER.opened: {
        const w = this.sessions.get(m.matchId);
        // An answer to an older open of this match: its frames are not for the current session.
        if (!w || (m.requestId !== undefined && m.requestId !== w.requestId)) break;
        w.active = true;
        w.session.setLive(m.status === 'live');
        break;
      }
      case SERVER.closed:
        break;
      case SERVER.error: {
        const w = m.matchId !== undefined ? this.sessions.get(m.matchId) : undefined;
        if (w && (m.requestId === undefined || m.requestId === w.requestId)) w.session.fail(m.message);
        else if (w) break;
        else this.notice = m.message;
        break;
      }
    }
    this.changed();
  }

  private onBinary(data: ArrayBuffer): void {
    let f;
    try {
      f = decodeStreamFrame(data);
    } catch (e) {
      this.notice = `A bad stream frame from the server: ${e instanceof Error ? e.message : String(e)}`;
      this.changed();
      return;
    }
    const w = this.sessions.get(f.matchId);
    if (!w?.active) return;
    if (f.kind === 'segment' && f.index === 0) performance.mark('matchday:segment0-received');
    w.session.feed(f.blob, `match ${f.matchId}`);
  }

  private applyStatus(id: string, s: MatchSession): void {
    const e = this.entry(id);
    if (e) s.setLive(e.status === 'live');
  }

  private changed(): void {
    this.version++;
    for (const fn of this.listeners) fn();
  }
}
