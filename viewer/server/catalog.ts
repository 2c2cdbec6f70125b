// The catalog: what is served, with live matches laid over what is on disk, and the one place that
// turns a client's match id into a stream (or a clear error for that client).
import { ReplayError } from '../../engine/replay/format.js';
import { MATCH_ID_PATTERN, type ErrorCode, type MatchEntry, type MatchStatus, type ServedList } from '../protocol.js';
import type { LiveHub, LiveMatchState } from './live.js';
import { ReplayCache } from './replay-cache.js';
import type { Source } from './sources.js';
import type { BlobStream } from './stream.js';

/** An error meant for the one client that asked. */
export class ClientError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export function liveEntry(s: LiveMatchState): MatchEntry {
  return {
    id: s.id, label: s.meta.label, stage: s.meta.stage, home: s.meta.home, away: s.meta.away, status: s.status,
    score: s.score, shootout: s.shootout, winner: s.winner, streamable: s.stream !== null,
  };
}

export class Catalog {
  readonly cache = new ReplayCache();
  constructor(
    readonly source: Source,
    readonly hub: LiveHub,
  ) {}

  /** The list as it stands: the source's, each match the hub knows replaced by (or added as) its live state. */
  async list(): Promise<ServedList> {
    const served = await this.source.list(this.cache);
    const byId = new Map(served.matches.map((m, i) => [m.id, i]));
    for (const id of this.hub.ids()) {
      const s = this.hub.get(id)!;
      const at = byId.get(id);
      const onDisk = at === undefined ? undefined : served.matches[at]!;
      // A match on disk as done outranks a hub that only has it planned.
      if (onDisk && s.status === 'scheduled') continue;
      const entry = liveEntry(s);
      if (onDisk) {
        // Keep the cup's own label, stage and team ids; the hub knows status, score and stream.
        served.matches[at!] = { ...onDisk, status: s.status, score: s.score, shootout: s.shootout, winner: s.winner, streamable: entry.streamable || onDisk.streamable };
      } else {
        byId.set(id, served.matches.length);
        served.matches.push(entry);
      }
    }
    return served;
  }

  /** The entry for one match (for status broadcasts), or undefined. */
  async entry(matchId: string): Promise<MatchEntry | undefined> {
    return (await this.list()).matches.find((m) => m.id === matchId);
  }

  /** The stream for `open`; throws ClientError for an id that is bad, unknown, not yet played, or whose replay is corrupt. */
  async open(matchId: string): Promise<{ status: MatchStatus; stream: BlobStream }> {
    if (!MATCH_ID_PATTERN.test(matchId)) {
      throw new ClientError('bad_match_id', `${JSON.stringify(matchId.slice(0, 80))} is not a match id (ids are letters, digits, '_', '.' and '-', and never a path)`);
    }
    const live = this.hub.get(matchId);
    if (live?.stream) return { status: live.status, stream: live.stream };
    const loc = this.source.replay(matchId);
    if (loc) {
      try {
        const { stream } = await this.cache.load(loc.file, loc.name);
        return { status: 'done', stream };
      } catch (e) {
        if (e instanceof ReplayError) throw new ClientError('corrupt_replay', `cannot stream match ${matchId}: ${e.message}`);
        throw new ClientError('internal', `cannot read the replay of match ${matchId} (${loc.name})`);
      }
    }
    const listed = live ?? (await this.list()).matches.find((m) => m.id === matchId);
    if (listed) throw new ClientError('not_streamable', `match ${matchId} has not started yet, or its replay is missing`);
    throw new ClientError('unknown_match', `no match ${matchId} is served here`);
  }
}
