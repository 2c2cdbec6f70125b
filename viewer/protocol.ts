// The viewer's one WebSocket protocol, shared by the server (viewer/server) and the React client.
// Pure TypeScript plus zod: it runs in Node and in the browser, so it imports nothing from node:*.
//
// Transport, on one WebSocket at path WS_PATH:
//   client -> server  text frames, one JSON ClientMessage each, at most MAX_INBOUND_BYTES (UTF-8).
//                     Every one is validated with clientMessageSchema; a bad one gets an `error`
//                     (to that client only) and the connection stays open. Binary frames are refused
//                     the same way. Anything over MAX_PAYLOAD_BYTES closes the connection (code 1009).
//                     At most MESSAGE_BURST messages at once and MESSAGE_RATE_PER_S per second after
//                     that: a client over it is closed with CLOSE_TOO_MANY (1008) and a reason saying so.
//                     A page on another origin is refused at the upgrade (403) unless the server allows it.
//   server -> client  text frames: one JSON ServerMessage each (list, opened, closed, matchStatus, error);
//                     binary frames: one replay blob each, wrapped in a stream frame (below).
//
// Streaming a match (`open`): the server answers `opened`, then sends the match's blobs as binary stream
// frames, in order: the header blob, every segment blob (index 0, 1, 2, ...), then the footer blob.
// The blobs are byte for byte what the replay file holds and what the replay writer's sink emits, so the
// client decodes every one with `decodeBlob` from engine/replay (it tells header, segment and footer apart
// itself). A live match sends the header and every segment played so far at once (a late joiner can seek
// back over them), then each new segment as it is made, then the footer when the match ends.
// Rules the client can rely on:
//   - frames of one match arrive in order; frames of different open matches may interleave;
//   - a header frame for a match that is already streaming means the match restarted (a live match
//     re-run after its worker died): drop what was received for it and start again;
//   - after `close` (answered by `closed`) no more frames arrive for that match;
//   - the footer is the last frame of a match; the server forgets the subscription after it.
//
// Binary stream frame layout (all integers little-endian):
//   u8   kind         STREAM_KIND: 0x48 'H' header, 0x53 'S' segment, 0x46 'F' footer (the block kinds)
//   u32  index        segment index (0 for header and footer)
//   u8   idLength     n, bytes of the match id (1..255)
//   n    matchId      UTF-8
//   ...  blob         the replay blob, to the end of the frame
import { z } from 'zod';

/** The WebSocket endpoint's path on the viewer's HTTP server. */
export const WS_PATH = '/ws';
/** `matchday serve` listens here unless --port says otherwise (0 = any free port). */
export const DEFAULT_PORT = 8080;
export const DEFAULT_HOST = '127.0.0.1';
/** Largest client message the server reads; bigger ones get an error of code `too_large`. */
export const MAX_INBOUND_BYTES = 4096;
/** Beyond this the WebSocket layer itself closes the connection (1009) without reading the message. */
export const MAX_PAYLOAD_BYTES = 64 * 1024;
/** Messages one client may send at once (a token bucket of this size, refilled at MESSAGE_RATE_PER_S). */
export const MESSAGE_BURST = 100;
/** Messages per second one client may send, sustained. The viewer sends a few per click. */
export const MESSAGE_RATE_PER_S = 20;
/** Close code for a client over its message rate (1008, policy violation). */
export const CLOSE_TOO_MANY = 1008;
/** How many matches one client may stream at once. */
export const MAX_OPEN_PER_CLIENT = 16;
/** Match ids the server hands out: letters, digits, '_', '.', '-', not starting with '.' (never a path). */
export const MATCH_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$/;

// ---- client -> server --------------------------------------------------------------------------

export const CLIENT = {
  /** What is served: cup name, groups with tables, bracket, matches and their status. */
  list: 'list',
  /** Stream one match (a replay, or a live match from where it started). */
  open: 'open',
  /** Stop streaming a match. */
  close: 'close',
} as const;
export type ClientType = (typeof CLIENT)[keyof typeof CLIENT];

/** Echoed in the answer (and in an error about the request) so a client can match them up. */
const requestId = z.union([z.string().max(64), z.number().int().safe()]).optional();
/** Any string here: the server explains an unsafe or unknown id itself rather than as a schema error. */
const matchId = z.string().min(1).max(256);

export const listRequestSchema = z.strictObject({ type: z.literal(CLIENT.list), requestId });
export const openRequestSchema = z.strictObject({ type: z.literal(CLIENT.open), matchId, requestId });
export const closeRequestSchema = z.strictObject({ type: z.literal(CLIENT.close), matchId, requestId });
export const clientMessageSchema = z.discriminatedUnion('type', [listRequestSchema, openRequestSchema, closeRequestSchema]);

export type ListRequest = z.infer<typeof listRequestSchema>;
export type OpenRequest = z.infer<typeof openRequestSchema>;
export type CloseRequest = z.infer<typeof closeRequestSchema>;
export type ClientMessage = z.infer<typeof clientMessageSchema>;
export type RequestId = ClientMessage['requestId'];

// ---- server -> client (JSON) -------------------------------------------------------------------

export const SERVER = {
  list: 'list',
  /** An `open` was accepted; the match's stream frames follow. */
  opened: 'opened',
  /** A `close` was done; no more frames for that match. */
  closed: 'closed',
  /** A match was scheduled, started, restarted or ended (sent to every client, for live list updates). */
  matchStatus: 'matchStatus',
  error: 'error',
} as const;
export type ServerType = (typeof SERVER)[keyof typeof SERVER];

export const MATCH_STATUS = ['scheduled', 'live', 'done'] as const;
export type MatchStatus = (typeof MATCH_STATUS)[number];

/** What is being served. */
export const SOURCE_KIND = ['cup', 'scrim', 'replay'] as const;
export type SourceKind = (typeof SOURCE_KIND)[number];

export interface TeamInfo {
  id: string;
  name: string;
}

/** One row of a group, league or Swiss table, best first. */
export interface TableRow {
  team: string;
  played: number;
  won: number;
  drawn: number;
  lost: number;
  gf: number;
  ga: number;
  gd: number;
  pts: number;
  conduct: number;
  /** The tie-breaker that put this team above the next row (absent on the last row). */
  separatedBy?: string;
}

export interface GroupInfo {
  name: string;
  teams: string[];
  table: TableRow[];
  complete: boolean;
}

/** One knockout tie; sides are team ids, null while not yet known. */
export interface TieInfo {
  id: string;
  label: string;
  home: string | null;
  away: string | null;
  /** Match ids of this tie, in order (they appear in `matches` once known). */
  matches: string[];
  winner: string | null;
  decidedBy?: 'match' | 'lot';
}

export interface MatchEntry {
  id: string;
  /** E.g. "Group A, matchday 1", "Final", or the replay's file name. */
  label: string;
  /** 'group' | 'league' | 'knockout' | 'swiss' in a cup; 'replay' for a replay file. */
  stage: string;
  /** Team ids (see ServedList.teams for names). */
  home: string;
  away: string;
  status: MatchStatus;
  /** Null while scheduled; the current score while live. */
  score: [number, number] | null;
  shootout: [number, number] | null;
  winner: 'home' | 'away' | 'draw' | null;
  /** True when `open` can stream it now (a replay exists, or it is live). */
  streamable: boolean;
}

export interface RatingInfo {
  team: string;
  rating: number;
  low?: number;
  high?: number;
  games: number;
}

export interface ServedList {
  kind: SourceKind;
  name: string;
  teams: TeamInfo[];
  /** World-Cup groups; empty for other formats. */
  groups: GroupInfo[];
  /** League and Swiss table; null for other formats. */
  table: TableRow[] | null;
  /** Knockout ties in bracket order; empty without a knockout stage. */
  bracket: TieInfo[];
  ratings: RatingInfo[];
  /** Team id of the champion once the cup is over. */
  champion: string | null;
  /** Every match known so far, in schedule order. */
  matches: MatchEntry[];
}

export const ERROR_CODE = [
  'bad_json', // not JSON
  'bad_message', // JSON, but not a valid message (including binary frames)
  'unknown_type', // a `type` the server does not know
  'too_large', // over MAX_INBOUND_BYTES
  'bad_match_id', // a match id that is not an id (e.g. tries to name a path)
  'unknown_match', // no such match is served
  'not_streamable', // known, but scheduled: nothing to stream yet
  'corrupt_replay', // the replay file cannot be read; the message names the file and the problem
  'too_many_open', // over MAX_OPEN_PER_CLIENT
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODE)[number];

export interface ListMessage {
  type: typeof SERVER.list;
  requestId?: string | number;
  served: ServedList;
}
export interface OpenedMessage {
  type: typeof SERVER.opened;
  requestId?: string | number;
  matchId: string;
  status: MatchStatus;
}
export interface ClosedMessage {
  type: typeof SERVER.closed;
  requestId?: string | number;
  matchId: string;
}
export interface MatchStatusMessage {
  type: typeof SERVER.matchStatus;
  match: MatchEntry;
}
export interface ErrorMessage {
  type: typeof SERVER.error;
  code: ErrorCode;
  message: string;
  requestId?: string | number;
  /** The match the error is about, when there is one (e.g. its replay is corrupt). */
  matchId?: string;
}
export type ServerMessage = ListMessage | OpenedMessage | ClosedMessage | MatchStatusMessage | ErrorMessage;

// ---- server -> client (binary stream frames) ---------------------------------------------------

export const STREAM_KIND = { header: 0x48, segment: 0x53, footer: 0x46 } as const;
export type StreamKind = keyof typeof STREAM_KIND;

export interface StreamFrame {
  kind: StreamKind;
  matchId: string;
  /** Segment index; 0 for header and footer. */
  index: number;
  /** The replay blob; a view into the frame's bytes. */
  blob: Uint8Array;
}

const STREAM_PREFIX_FIXED = 6;
const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

/** Wraps one replay blob for the wire. */
export function encodeStreamFrame(kind: StreamKind, matchId: string, index: number, blob: Uint8Array): Uint8Array {
  const id = encoder.encode(matchId);
  if (id.length < 1 || id.length > 255) throw new RangeError(`match id must be 1..255 bytes, got ${id.length}`);
  const out = new Uint8Array(STREAM_PREFIX_FIXED + id.length + blob.length);
  const view = new DataView(out.buffer);
  out[0] = STREAM_KIND[kind];
  view.setUint32(1, index >>> 0, true);
  out[5] = id.length;
  out.set(id, STREAM_PREFIX_FIXED);
  out.set(blob, STREAM_PREFIX_FIXED + id.length);
  return out;
}

/** Unwraps a binary frame from the server; throws on one that is not a stream frame. */
export function decodeStreamFrame(data: ArrayBuffer | Uint8Array): StreamFrame {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  if (bytes.length < STREAM_PREFIX_FIXED + 1) throw new Error(`stream frame too short (${bytes.length} bytes)`);
  const code = bytes[0];
  const kind = (Object.keys(STREAM_KIND) as StreamKind[]).find((k) => STREAM_KIND[k] === code);
  if (!kind) throw new Error(`stream frame of unknown kind 0x${(code ?? 0).toString(16)}`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const index = view.getUint32(1, true);
  const n = bytes[5]!;
  if (n === 0 || bytes.length < STREAM_PREFIX_FIXED + n) throw new Error('stream frame with a bad match id length');
  const matchId = decoder.decode(bytes.subarray(STREAM_PREFIX_FIXED, STREAM_PREFIX_FIXED + n));
  return { kind, matchId, index, blob: bytes.subarray(STREAM_PREFIX_FIXED + n) };
}
