// One WebSocket client: every inbound message validated, each answered in order, errors to this client
// only. Nothing a client sends can throw out of here into the server. A client over its message rate
// (the gate) is closed with a reason; that ends only its own connection.
import type { RawData, WebSocket } from 'ws';
import {
  CLIENT, CLOSE_TOO_MANY, clientMessageSchema, MAX_INBOUND_BYTES, MAX_OPEN_PER_CLIENT, SERVER,
  type ClientMessage, type ErrorCode, type RequestId, type ServerMessage,
} from '../protocol.js';
import { Catalog, ClientError } from './catalog.js';
import { Subscription, type SubscriptionEnd } from './subscription.js';

const KNOWN_TYPES = new Set<string>(Object.values(CLIENT));

function byteLength(data: RawData): number {
  if (Array.isArray(data)) return data.reduce((n, b) => n + b.length, 0);
  return data instanceof ArrayBuffer ? data.byteLength : data.length;
}

function text(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.from(data as ArrayBuffer).toString('utf8');
}

/** A requestId worth echoing from a message that failed validation. */
function salvageRequestId(raw: unknown): RequestId {
  if (!raw || typeof raw !== 'object') return undefined;
  const id = (raw as { requestId?: unknown }).requestId;
  if (typeof id === 'string' && id.length <= 64) return id;
  if (typeof id === 'number' && Number.isSafeInteger(id)) return id;
  return undefined;
}

/** Admits or refuses each inbound message before it is read (viewer/server/http/rate.ts). */
export interface InboundGate {
  admit(): boolean;
  /** The close reason when it refuses (at most 123 bytes, the WebSocket limit). */
  readonly refusal: string;
}

export class Session {
  private readonly subs = new Map<string, Subscription>();
  /** Messages are handled one after another so answers come in the order asked. */
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly ws: WebSocket,
    private readonly catalog: Catalog,
    private readonly gate?: InboundGate,
  ) {
    ws.on('message', (data, isBinary) => this.receive(data, isBinary));
    ws.on('close', () => this.dispose());
    // A socket error (reset, bad frame) ends only this client; ws closes the socket after it.
    ws.on('error', () => this.dispose());
  }

  send(msg: ServerMessage): void {
    if (this.ws.readyState === this.ws.OPEN) this.ws.send(JSON.stringify(msg));
  }

  private error(code: ErrorCode, message: string, requestId?: RequestId, matchId?: string): void {
    const msg: ServerMessage = { type: SERVER.error, code, message };
    if (requestId !== undefined) msg.requestId = requestId;
    if (matchId !== undefined) msg.matchId = matchId;
    this.send(msg);
  }

  private receive(data: RawData, isBinary: boolean): void {
    if (this.ws.readyState !== this.ws.OPEN) return;
    if (this.gate && !this.gate.admit()) {
      this.dispose();
      this.ws.close(CLOSE_TOO_MANY, this.gate.refusal);
      return;
    }
    const size = byteLength(data);
    if (size > MAX_INBOUND_BYTES) return this.error('too_large', `message of ${size} bytes refused: the limit is ${MAX_INBOUND_BYTES}`);
    if (isBinary) return this.error('bad_message', 'binary messages are not accepted: send one JSON object per text message');
    let raw: unknown;
    try {
      raw = JSON.parse(text(data));
    } catch (e) {
      return this.error('bad_json', `message is not valid JSON (${(e as Error).message})`);
    }
    const requestId = salvageRequestId(raw);
    const type = raw && typeof raw === 'object' && !Array.isArray(raw) ? (raw as { type?: unknown }).type : undefined;
    if (typeof type !== 'string') return this.error('bad_message', 'a message must be a JSON object with a string "type"', requestId);
    if (!KNOWN_TYPES.has(type)) {
      return this.error('unknown_type', `unknown message type ${JSON.stringify(type.slice(0, 40))}; known: ${[...KNOWN_TYPES].join(', ')}`, requestId);
    }
    const parsed = clientMessageSchema.safeParse(raw);
    if (!parsed.success) {
      const detail = parsed.error.issues.map((i) => `${i.path.join('.') || '(message)'}: ${i.message}`).join('; ');
      return this.error('bad_message', `invalid ${type} message: ${detail}`, requestId);
    }
    const msg = parsed.data;
    this.queue = this.queue.then(() => this.handle(msg)).catch((e: unknown) => {
      if (e instanceof ClientError) this.error(e.code, e.message, msg.requestId, 'matchId' in msg ? msg.matchId : undefined);
      else this.error('internal', `the server failed to answer this ${msg.type} (${e instanceof Error ? e.message : String(e)})`, msg.requestId);
    });
  }

  private async handle(msg: ClientMessage): Promise<void> {
    switch (msg.type) {
      case CLIENT.list: {
        const served = await this.catalog.list();
        return this.send(msg.requestId === undefined ? { type: SERVER.list, served } : { type: SERVER.list, requestId: msg.requestId, served });
      }
      case CLIENT.open:
        return this.open(msg.matchId, msg.requestId);
      case CLIENT.close: {
        this.subs.get(msg.matchId)?.stop();
        this.subs.delete(msg.matchId);
        return this.send({ type: SERVER.closed, matchId: msg.matchId, ...(msg.requestId !== undefined && { requestId: msg.requestId }) });
      }
    }
  }

  private async open(matchId: string, requestId: RequestId): Promise<void> {
    // Opening a match already streaming starts it over, header first.
    this.subs.get(matchId)?.stop();
    this.subs.delete(matchId);
    if (this.subs.size >= MAX_OPEN_PER_CLIENT) {
      throw new ClientError('too_many_open', `already streaming ${this.subs.size} matches; close one first (the limit is ${MAX_OPEN_PER_CLIENT})`);
    }
    const { status, stream } = await this.catalog.open(matchId);
    if (this.ws.readyState !== this.ws.OPEN) return;
    this.send({ type: SERVER.opened, matchId, status, ...(requestId !== undefined && { requestId }) });
    const sub = new Subscription(this.ws, matchId, stream, (why: SubscriptionEnd) => {
      if (this.subs.get(matchId) === sub) this.subs.delete(matchId);
      if (why === 'aborted') this.send({ type: SERVER.closed, matchId });
    });
    this.subs.set(matchId, sub);
    sub.pump();
  }

  dispose(): void {
    for (const s of this.subs.values()) s.stop();
    this.subs.clear();
  }
}
